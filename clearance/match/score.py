"""Entity-level score: best name comparison, then secondary evidence, each part explained.

score = best name score (query names x list names, weak aliases discounted)
        x schema compatibility
        + birth date agreement / - conflict
        + country agreement / - conflict
        ; an identifier that agrees exactly (IMO, passport, USCC, ISIN ...) is decisive.
Every adjustment is recorded as a `Feature`, so the explanation is the arithmetic itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clearance.exc import InputError
from clearance.match.imo import imo_written
from clearance.match.limits import MAX_QUERY_NAMES, MAX_QUERY_VALUES, bounded_text

if TYPE_CHECKING:  # annotations only: defaults such as DEFAULT_THRESHOLD import cheaply
    from clearance.index.build import EntityMeta
    from clearance.match.compare import NameComparison

__all__ = [
    "CRAFT",
    "DEFAULT_THRESHOLD",
    "Feature",
    "Query",
    "SCHEMATA",
    "ScoringConfig",
    "check_schema",
    "country_evidence",
    "date_evidence",
    "name_feature",
    "schema_factor",
]

#: Default alert threshold, calibrated on ../shared/eval/screening_dev.jsonl (see
#: benchmarks/RESULTS.md): at or above it a result is an alert (`match: true`).
DEFAULT_THRESHOLD = 0.80


@dataclass(frozen=True)
class ScoringConfig:
    """Weights and thresholds, passed explicitly (never read from the environment here)."""

    threshold: float = DEFAULT_THRESHOLD
    query_extra_penalty: float = 1.0
    person_list_extra_penalty: float = 0.15
    org_list_extra_penalty: float = 0.6
    place_penalty: float = 0.2  # a place only one side of an organisation's name gives
    surname_penalty: float = 0.6  # a second surname only the listed person's name gives
    query_middle_penalty: float = 0.35  # a middle name only the query gives
    #: a one-word listed name of a person ("SANA") stays this far below the threshold
    #: against a query of two or more names: a shared first name alone is no alert
    one_word_margin: float = 0.05
    weak_strength: float = 0.55  # matched mass below this (only generic tokens): damped
    weak_factor: float = 0.6
    schema_mismatch_factor: float = 0.6
    dob_agree_bonus: float = 0.05
    dob_conflict_penalty: float = 0.2
    country_agree_bonus: float = 0.02
    country_conflict_penalty: float = 0.05
    identifier_score: float = 0.99
    #: a typed IMO number that fails its check digit, one slip from a listed vessel's
    #: (`imo.imo_slips`): a near hit, alerting, below an identifier that agrees exactly
    identifier_slip_score: float = 0.9
    candidates: int = 20
    #: Among equal scores, results from lists with more legal consequence come first:
    #: blocking (SDN) before non-SDN sanctions, export controls, then the UN list.
    dataset_order: tuple[str, ...] = ("us_ofac_sdn", "us_ofac_cons", "us_trade_csl",
                                      "us_bis_dpl", "un_sc_sanctions")


@dataclass
class Feature:
    """One named contribution to a score, as shown to the analyst and the auditor."""

    name: str
    value: float
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": round(self.value, 4), "detail": self.detail}


@dataclass
class Query:
    """What is being screened: names plus optional type, country, birth date, identifiers.

    Bounded on creation (`clearance.match.limits`), far above any real party: at most
    `MAX_QUERY_NAMES` names of `MAX_NAME_CHARS` characters, `MAX_QUERY_VALUES` countries
    and identifiers. Whatever a file or request holds, one query costs a bounded amount.
    """

    name: str
    schema: str = "LegalEntity"
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    birth_date: str | None = None
    identifiers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.name = bounded_text(self.name)
        self.aliases = [bounded_text(a) for a in self.aliases[:MAX_QUERY_NAMES - 1]]
        self.schema = self.schema[:64]  # codes and schema names are short; explanations quote them
        self.countries = [c[:64] for c in self.countries[:MAX_QUERY_VALUES]]
        self.identifiers = [bounded_text(i) for i in self.identifiers[:MAX_QUERY_VALUES]]
        if self.birth_date is not None:
            self.birth_date = self.birth_date[:32]

    @property
    def names(self) -> list[str]:
        return [n for n in [self.name, *self.aliases] if n.strip() != ""]

    @property
    def identifiers_read(self) -> list[str]:
        """Its identifiers, then the IMO numbers its names write with the scheme word
        ("SEA PEARL IMO 9187629": a roster's name column; "IMO 9187629" alone in a search
        box), each once: a number written in the name finds the ship as a typed one does."""
        written = [i for n in self.names for i in imo_written(n)]
        return list(dict.fromkeys([*self.identifiers, *written]))


#: The FollowThemoney schemata a query may name (the matcher knows how each compares).
SCHEMATA = ("LegalEntity", "Person", "Organization", "Company", "PublicBody", "Vessel",
            "Airplane")


def check_schema(schema: str) -> str:
    """`schema` if the matcher knows it; InputError naming the valid ones otherwise (a
    misspelt "Compnay" would match nothing, silently)."""
    if schema not in SCHEMATA:
        raise InputError(f"unknown schema {schema[:100]!r}; use one of {', '.join(SCHEMATA)}")
    return schema


_PERSONISH = {"Person"}
_ORGISH = {"Organization", "Company", "PublicBody"}
#: the schemata of craft, whose names' short words are marks (`search.candidate_names`)
CRAFT = frozenset({"Vessel", "Airplane"})


def schema_factor(query_schema: str, cand_schema: str) -> float:
    """1.0 when the types can be the same thing; 0 < f < 1 when they cannot."""
    q, c = query_schema, cand_schema
    if q in ("LegalEntity", "Thing", "") or q == c:
        return 1.0
    if c == "LegalEntity":
        return 1.0 if q in _PERSONISH | _ORGISH else 0.0
    if q in _ORGISH and c in _ORGISH:
        return 1.0
    return 0.0


def date_evidence(query_date: str | None, cand_dates: tuple[str, ...]) -> tuple[int, str]:
    """+1 agree, -1 conflict, 0 unknown or near (within a year: data-entry slips)."""
    if query_date is None or query_date == "" or not cand_dates:
        return 0, "no birth date to compare"
    q = query_date[:10]
    for d in cand_dates:
        n = min(len(q), len(d))
        if q[:n] == d[:n]:
            return 1, f"birth date {q} agrees with {d}"
    try:
        qy = int(q[:4])
        if any(abs(int(d[:4]) - qy) <= 1 for d in cand_dates):
            return 0, f"birth date {q} near {', '.join(cand_dates[:3])}"
    except ValueError:
        return 0, "birth date not comparable"
    return -1, f"birth date {q} conflicts with {', '.join(cand_dates[:3])}"


def country_evidence(query_countries: list[str], meta: EntityMeta) -> tuple[int, str]:
    """+1 when a country agrees, -1 when the list entry names only other countries."""
    if not query_countries or not meta.countries:
        return 0, "no country to compare"
    agree = sorted(set(query_countries) & meta.countries)
    if agree:
        return 1, f"country {', '.join(agree)} agrees"
    return -1, (f"country {', '.join(query_countries)} not among "
                f"{', '.join(sorted(meta.countries))}")


def name_feature(comp: NameComparison, query_name: str, list_name: str, quality: float) -> Feature:
    """The name part of the explanation: which names met and how their tokens aligned (a
    legal form cut short shown as written, "comp (co)"; a reading of the typed name, as
    typed and how it was read: `hebrew.Reading`)."""
    from clearance.match.hebrew import Reading
    from clearance.match.orgs import cut_form_read

    read = {} if comp.person else cut_form_read(query_name)
    shown = (f"{query_name.typed!r} read {query_name.how}" if isinstance(query_name, Reading)
             else repr(query_name))
    detail = f"{shown} ~ {list_name!r}: {comp.explain(read)}"
    if quality < 1.0:
        detail += f" (alias quality {quality:.2f})"
    return Feature("name", comp.score * quality, detail)



