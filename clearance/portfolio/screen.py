"""Screen holdings against NS-CMIC: covered, review or clear, with the evidence and dates.

- **covered**: the holding's ISIN is one OFAC lists, or its CUSIP is the national number
  (CUSIP or CINS) of one, which is decisive; or the issuer name is the listed company's by
  the matcher (score at or above the alert threshold, with the matcher's explanation).
- **review**: the issuer name only possibly matches (between the review threshold and the
  alert threshold); or the security may derive from a listed company's securities: its
  CUSIP/CINS issuer number is that of a listed ISIN (another issue of the same issuer:
  ADR program, bond), or its description names a listed company (an ADR or GDR, another
  share class such as H for A, a bond issued through a financing vehicle, a P-note);
  or its only identifier is malformed, so it cannot be screened.
- **clear**: none of these.
Dates and the plain-words `actions` come from the matched list entry, as of `as_of`.
Matching work is cached per distinct name, so a million positions in a few thousand
issuers cost a few thousand name matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import orjson

from clearance.index.build import Index
from clearance.match.engine import MatchResult, match_query
from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig
from clearance.match.text import clean
from clearance.portfolio.dates import actions
from clearance.portfolio.holdings import Holding
from clearance.portfolio.instruments import Description, added_vehicle_words, read_description
from clearance.portfolio.listing import CmicEntry, CmicList
from clearance.securities import check_cusip, check_figi, check_isin, cusip_issuer, isin_cusip

__all__ = ["CONTAINED_THRESHOLD", "REVIEW_THRESHOLD", "STATUSES", "HoldingResult", "NameMatch",
           "ScreenConfig", "Screener"]

#: Below the alert threshold, an issuer name scoring at least this is worth a look.
#: Set on the real list (tests/portfolio/test_screen.py): unrelated Chinese issuers that
#: share "China" and a sector word with a listed name score 0.4-0.66 ("China Construction
#: Bank" ~ "China National Engineering & Construction" 0.66); near-spellings of listed
#: names score 0.8 and more.
REVIEW_THRESHOLD = 0.70
#: An issuer name that holds a whole listed name plus words of its own ("Hikvision USA
#: Inc" holds "HIKVISION", "CNOOC Finance (2015) USA LLC" holds "CNOOC") scores low,
#: because the matcher charges for the extra words; scored again without that charge, at
#: least this much means the listed name is contained: a subsidiary, branch or financing
#: vehicle, for review.
CONTAINED_THRESHOLD = 0.95
STATUSES = ("covered", "review", "clear")
_RANK = {"covered": 2, "review": 1, "clear": 0}
#: Between equal statuses, the stronger kind of evidence names the entry: an identifier
#: the list states over a name the matcher found.
_KIND_RANK = {"isin": 0, "issuer_number": 1, "issuer": 2, "description": 3}


@dataclass(frozen=True)
class ScreenConfig:
    """The day the dates are read for, and the two name thresholds."""

    as_of: date
    threshold: float = DEFAULT_THRESHOLD
    review_threshold: float = REVIEW_THRESHOLD
    dataset_order: tuple[str, ...] = ScoringConfig().dataset_order


@dataclass
class _Hit:
    entity_id: str
    status: str
    score: float
    evidence: dict[str, Any]


@dataclass(frozen=True)
class NameMatch:
    """What one name is, on the list: matches, whole listed names it holds, closest score."""

    matches: tuple[MatchResult, ...]  # scored as `clearance match` scores, >= review
    contained: tuple[MatchResult, ...]  # listed names held whole (only if no match)
    closest: float | None  # best score of any entry; None when no word is shared


@dataclass
class HoldingResult:
    """One holding's status, the list entry it is linked to, why, and what that means."""

    holding: Holding
    status: str
    entry: CmicEntry | None
    score: float | None
    evidence: list[dict[str, Any]]
    actions: str
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        return {
            "id": self.holding.id, "status": self.status,
            "entity_id": None if e is None else e.entity_id,
            "dataset": None if e is None else e.dataset,
            "source_id": None if e is None else e.source_id,
            "list_version": None if e is None else e.version,
            "listed_name": None if e is None else e.name,
            "score": None if self.score is None else round(self.score, 4),
            "evidence": self.evidence,
            **(e.dates.to_dict() if e is not None else
               {"listing_date": None, "effective_date": None, "divestment_deadline": None}),
            "actions": self.actions, "problems": self.problems,
            "holding": self.holding.to_dict(),
        }


@dataclass
class _Cached:
    """A security's screening, and its JSON body once serialised."""

    result: HoldingResult
    body: str | None = None


class Screener:
    """Screens holdings against one `CmicList`; caches name matches across holdings."""

    def __init__(self, cmic: CmicList, cfg: ScreenConfig, base: Index | None = None) -> None:
        self.cmic = cmic if base is None else cmic.with_names(base)
        self.cfg = cfg
        self.scoring = ScoringConfig(threshold=cfg.threshold)
        self._containing = ScoringConfig(threshold=cfg.threshold, query_extra_penalty=0.0)
        self._names: dict[str, NameMatch] = {}
        self._cores: dict[tuple[str, ...], _Cached] = {}
        self._order = {d: i for i, d in enumerate(cfg.dataset_order)}

    # names -------------------------------------------------------------------------
    def match_name(self, text: str) -> NameMatch:
        """What a name may be on the list (cached per distinct name)."""
        key = clean(text)
        found = self._names.get(key)
        if found is None:
            found = self._match(text)
            if len(self._names) < 500_000:
                self._names[key] = found
        return found

    def _match(self, text: str) -> NameMatch:
        index = self.cmic.index
        if index is None or clean(text) == "":
            return NameMatch((), (), None)
        query = Query(name=text, schema="Company")
        results = match_query(index, query, self.scoring, limit=5)
        matches = tuple(r for r in results if r.score >= self.cfg.review_threshold)
        contained: tuple[MatchResult, ...] = ()
        if not matches and results:
            contained = tuple(r for r in match_query(index, query, self._containing, limit=3)
                              if r.score >= CONTAINED_THRESHOLD)
        return NameMatch(matches, contained, results[0].score if results else None)

    # identifiers -------------------------------------------------------------------
    def _identifiers(self, h: Holding, problems: list[str]
                     ) -> tuple[list[str], list[str], list[str]]:
        """(valid ISINs, valid CUSIPs, malformed ISINs as given and compacted)."""
        isins: list[str] = []
        cusips: list[str] = []
        malformed: list[str] = []
        if h.isin != "":
            checked = check_isin(h.isin)
            if checked.value is not None:
                isins.append(checked.value)
            else:
                problems.append(f"ISIN {h.isin!r} is malformed ({checked.problem}); it was "
                                "not used: correct it at the source")
                malformed.append("".join(h.isin.split()).upper())
        if h.cusip != "":
            cusip = check_cusip(h.cusip)
            if cusip.value is None:
                problems.append(f"CUSIP {h.cusip!r} is malformed ({cusip.problem}); it was "
                                "not used")
            else:
                inside = isin_cusip(isins[0]) if isins else None
                if isins and inside is not None and inside != cusip.value:
                    problems.append(f"CUSIP {cusip.value} and ISIN {isins[0]} name different "
                                    "securities; both were screened")
                if inside != cusip.value:
                    cusips.append(cusip.value)
        if h.figi != "" and not check_figi(h.figi).valid:
            problems.append(f"FIGI {h.figi!r} is malformed ({check_figi(h.figi).problem})")
        return isins, cusips, malformed

    def _id_hits(self, isins: list[str], cusips: list[str], malformed: list[str]
                 ) -> list[_Hit]:
        hits: list[_Hit] = []
        for isin in isins:
            for eid in self.cmic.by_isin.get(isin, []):
                e = self.cmic.entries[eid]
                hits.append(_Hit(eid, "covered", 1.0, {
                    "kind": "isin", "isin": isin,
                    "detail": f"ISIN {isin} is listed for {e.name} ({e.dataset} {e.source_id}, "
                              f"version {e.version}): decisive"}))
        for cusip in cusips:
            for eid, listed in self.cmic.by_cusip.get(cusip, []):
                e = self.cmic.entries[eid]
                hits.append(_Hit(eid, "covered", 1.0, {
                    "kind": "isin", "cusip": cusip, "isin": listed,
                    "detail": f"CUSIP {cusip} is the national number of ISIN {listed}, listed "
                              f"for {e.name} ({e.dataset} {e.source_id}, version {e.version}): "
                              "decisive"}))
        for raw in malformed:
            for eid in self.cmic.by_isin.get(raw, []):
                e = self.cmic.entries[eid]
                hits.append(_Hit(eid, "covered", 1.0, {
                    "kind": "isin", "isin": raw,
                    "detail": f"ISIN {raw} as given is exactly the (malformed) ISIN OFAC "
                              f"publishes for {e.name} ({e.dataset} {e.source_id})"}))
        if hits:
            return hits
        for given in isins + cusips:
            code = cusip_issuer(given)
            for eid, listed in self.cmic.by_issuer_code.get(code or "", []):
                e = self.cmic.entries[eid]
                what = "ISIN" if len(given) == 12 else "CUSIP"
                hits.append(_Hit(eid, "review", 1.0, {
                    "kind": "issuer_number", what.lower(): given, "listed_isin": listed,
                    "detail": f"{what} {given} shares the CUSIP issuer number {code} with "
                              f"{listed}, listed for {e.name}: another security of the same "
                              "issuer (an ADR program, a bond, another class)"}))
        return hits

    # names as hits -------------------------------------------------------------------
    def _name_hits(self, text: str, kind: str, desc: Description) -> list[_Hit]:
        found = self.match_name(text)
        what = "issuer" if kind == "issuer" else "security description"
        hits = []
        for r in found.matches:
            status = ("covered" if kind == "issuer" and r.score >= self.cfg.threshold
                      else "review")
            added = added_vehicle_words(text, r.matched_name) if status == "covered" else []
            if added:
                status = "review"
                why = (f"the issuer name matches but adds {' '.join(added)!r}: a financing "
                       "vehicle, holding or subsidiary of the listed company?")
            elif status == "covered":
                why = "the issuer is the listed company by name"
            elif kind == "issuer":
                why = "the issuer name possibly matches"
            else:
                why = "the description names a listed company"
            hits.append(self._name_hit(r, status, why, what, text, kind, desc))
        for r in found.contained:
            why = (f"the {what} holds the whole listed name {r.matched_name!r} and words of "
                   "its own: a subsidiary, branch or financing vehicle?")
            hits.append(self._name_hit(r, "review", why, what, text, kind, desc))
        return hits

    def _name_hit(self, r: MatchResult, status: str, why: str, what: str, text: str,
                  kind: str, desc: Description) -> _Hit:
        if kind == "description" and desc.kinds:
            why += f"; the security is a {desc.describe()}"
        return _Hit(r.entity_id, status, r.score, {
            "kind": kind, "name": text, "score": round(r.score, 4),
            "detail": f"{why}: {what} {text!r} ~ {r.matched_name!r} (score {r.score:.3f}; "
                      f"alert at {self.cfg.threshold:.2f}, review from "
                      f"{self.cfg.review_threshold:.2f})",
            "explanation": r.explanation})

    def _best(self, hits: list[_Hit]) -> _Hit:
        def key(h: _Hit) -> tuple[int, int, float, int, str]:
            e = self.cmic.entries[h.entity_id]
            return (-_RANK[h.status], _KIND_RANK.get(h.evidence["kind"], 9), -h.score,
                    self._order.get(e.dataset, 99), h.entity_id)
        return sorted(hits, key=key)[0]

    # one holding -----------------------------------------------------------------------
    def _cached(self, h: Holding) -> _Cached:
        key = h.key
        cached = self._cores.get(key)
        if cached is None:
            if len(self._cores) >= 1_000_000:  # a bound on memory, not a policy
                self._cores.clear()
            cached = self._cores[key] = _Cached(self._screen(h))
        return cached

    def core(self, h: Holding) -> HoldingResult:
        """The screening of `h`'s security, shared by every holding of it: its status,
        entry, evidence and problems are `h`'s, its `holding` may be another position."""
        return self._cached(h).result

    def screen(self, h: Holding) -> HoldingResult:
        """Status, linked entry, evidence, dates and actions of one holding.

        Holdings of the same security (same identifiers, names and description) share one
        screening: positions of one security in many accounts cost one.
        """
        core = self._cached(h).result
        return core if core.holding is h else replace(core, holding=h)

    def line(self, h: Holding) -> str:
        """`screen(h).to_dict()` as a JSONL line; the part shared by every holding of the
        security is serialised once."""
        return self.line_and_core(h)[0]

    def line_and_core(self, h: Holding) -> tuple[str, HoldingResult]:
        """The JSONL line of `h` and its security's shared screening (see `core`)."""
        cached = self._cached(h)
        if cached.body is None:
            body = cached.result.to_dict()
            del body["id"], body["holding"]
            cached.body = orjson.dumps(body)[1:-1].decode()
        line = (f'{{"id":{orjson.dumps(h.id).decode()},{cached.body},'
                f'"holding":{orjson.dumps(h.to_dict()).decode()}}}')
        return line, cached.result

    def _screen(self, h: Holding) -> HoldingResult:
        problems: list[str] = []
        valid, cusips, malformed = self._identifiers(h, problems)
        hits = self._id_hits(valid, cusips, malformed)
        issuer = read_description(h.issuer) if h.issuer else None
        desc = read_description(h.security, h.security_type, h.cfi)
        issuer_name = (issuer.name or h.issuer) if issuer is not None else ""
        if issuer_name != "":
            hits += self._name_hits(issuer_name, "issuer", desc)
        if desc.name != "" and clean(desc.name) != clean(issuer_name):
            hits += self._name_hits(desc.name, "description", desc)
        if not hits:
            return self._clear(h, valid, cusips, issuer_name, desc, problems)
        best = self._best(hits)
        entry = self.cmic.entries[best.entity_id]
        evidence = [best.evidence] + [x.evidence for x in hits
                                      if x is not best and x.entity_id == best.entity_id]
        if best.status == "covered" and best.evidence["kind"] != "isin" and valid:
            listed = ", ".join(entry.isins[:6]) + (" ..." if len(entry.isins) > 6 else "")
            evidence.append({"kind": "isin", "isin": valid[0], "detail": (
                f"ISIN {valid[0]} is not among the ISINs listed for {entry.name} "
                f"({listed or 'none listed'}); the prohibition covers the company's publicly "
                "traded securities, so the issuer decides")})
        if desc.kinds and all(x["kind"] != "description" for x in evidence):
            evidence.append({"kind": "instrument", "detail": (
                f"the security is a {desc.describe()}: EO 14032 also reaches securities "
                "derivative of a listed company's securities")})
        others = sorted({x.entity_id for x in hits if x.entity_id != best.entity_id})
        for eid in others[:3]:
            o = self.cmic.entries[eid]
            same = o.source_id == entry.source_id
            evidence.append({"kind": "also", "entity_id": eid, "detail": (
                f"the same OFAC record also on {o.dataset}" if same else
                f"also possibly {o.name} ({o.dataset} {o.source_id})")})
        status = best.status
        return HoldingResult(h, status, entry, best.score, evidence,
                             actions(status, entry.dates, self.cfg.as_of), problems)

    def _clear(self, h: Holding, valid: list[str], cusips: list[str], issuer_name: str,
               desc: Description, problems: list[str]) -> HoldingResult:
        if not valid and not cusips and issuer_name == "" and desc.name == "":
            # nothing usable: the identifier was malformed and no name was given
            unscreenable = [{"kind": "unscreenable", "detail": (
                "no valid identifier and no issuer name: the holding could not be screened")}]
            return HoldingResult(h, "review", None, None, unscreenable,
                                 "Correct the identifier and screen again: this holding "
                                 "could not be screened.", problems)
        evidence: list[dict[str, Any]] = []
        if not valid and not cusips and problems:
            evidence.append({"kind": "identifier", "detail": (
                "screened on its names only: it has no valid identifier")})
        for isin in valid:
            evidence.append({"kind": "isin", "isin": isin, "detail": (
                f"ISIN {isin} is not on NS-CMIC ({len(self.cmic.by_isin)} listed ISINs)")})
        for cusip in cusips:
            evidence.append({"kind": "isin", "cusip": cusip, "detail": (
                f"CUSIP {cusip} is in no listed ISIN")})
        for text, kind in ((issuer_name, "issuer"), (desc.name, "description")):
            if text == "":
                continue
            closest = self.match_name(text).closest
            evidence.append({"kind": kind, "name": text, "detail": (
                f"{kind} {text!r}: no NS-CMIC name shares a distinctive word"
                if closest is None else
                f"{kind} {text!r}: closest NS-CMIC name scores {closest:.3f}, under the "
                f"review threshold {self.cfg.review_threshold:.2f}")})
        return HoldingResult(h, "clear", None, None, evidence,
                             actions("clear", None, self.cfg.as_of), problems)
