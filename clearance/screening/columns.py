"""Which column holds what: header spellings, user overrides, and how values read.

One module for every file Clearance imports (`screen`, `book import`, API uploads and
`POST /book` rows, `devices import`): a bank export's "Customer ID", "Customer Name",
"Customer Type", "Date of Birth" and "Nationality" are read like `id, name, schema,
birth_date, country`; "Client Full Name" as a full name (a party's role word before a
spelling). The spellings live in `resources/columns.yml` with their sources.
Columns that map to nothing are *carried*: kept as they are (book attributes, extra
columns of screening results).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from clearance.exc import InputError
from clearance.resources import load_resource

__all__ = ["HEADER_CELLS_MAX", "MULTI", "ColumnMap", "accepted", "fold_header", "known_header",
           "map_columns", "parse_birth_date", "parse_country", "parse_overrides", "require_name",
           "schema_of"]

MULTI = ("country", "identifiers", "aliases")
HEADER_CELLS_MAX = 500  # the cells of a row read to tell whether it is a header
#: fields a name can be composed of when a file has no full-name column
NAME_PARTS = ("first_name", "middle_name", "last_name")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_PUNCT = re.compile(r"[^\w#]+|_+")


def fold_header(text: str) -> str:
    """'Customer_ID', 'customerId', ' CUSTOMER-ID ' -> 'customer id'; 'Prénom' -> 'prenom'
    (export systems often write headers in ASCII only)."""
    text = unicodedata.normalize("NFKC", str(text)).strip()
    text = _CAMEL.sub(" ", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))
    return _PUNCT.sub(" ", text).strip()


@cache
def _spellings(table: str) -> dict[str, list[str]]:
    data: dict[str, list[str]] = load_resource("columns")[table]
    return {f: [fold_header(s) for s in names] for f, names in data.items()}


@cache
def _bare_names() -> frozenset[str]:
    return frozenset(fold_header(n) for n in load_resource("columns")["bare_names"])


@cache
def _name_types() -> dict[str, str]:
    return {fold_header(k): v for k, v in load_resource("columns")["name_types"].items()}


@cache
def _types() -> dict[str, str]:
    return {fold_header(k): v for k, v in load_resource("columns")["types"].items()}


def accepted(field_name: str, table: str = "screening", count: int = 6) -> str:
    """The first spellings of a field, for messages: 'name, full name, customer name, ...'."""
    names = load_resource("columns")[table][field_name]
    return ", ".join(str(n) for n in names[:count]) + (", ..." if len(names) > count else "")


@dataclass(frozen=True)
class ColumnMap:
    """Field -> the file's column(s); `carried` are the columns no field reads."""

    single: dict[str, str] = field(default_factory=dict)
    multi: dict[str, tuple[str, ...]] = field(default_factory=dict)
    carried: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def has_name(self) -> bool:
        return "name" in self.single or any(p in self.single for p in NAME_PARTS)

    def name_schema(self) -> str | None:
        """The type the name column's header names ('Vessel Name' -> 'Vessel'), or None:
        a fleet roster's rows are vessels where no type column says otherwise."""
        column = self.single.get("name")
        return None if column is None else _name_types().get(fold_header(column))

    def describe(self) -> str:
        """'id <- 'Customer ID', name <- 'Customer Name', ...; carried: Segment'."""
        used = [f"{f} <- {c!r}" for f, c in self.single.items()]
        used += [f"{f} <- {', '.join(repr(c) for c in cs)}" for f, cs in self.multi.items()]
        text = "columns: " + (", ".join(used) if used else "none recognised")
        if self.carried:
            text += "; carried through: " + ", ".join(repr(c) for c in self.carried)
        return text

    def value(self, data: Mapping[str, Any], name: str) -> Any:
        column = self.single.get(name)
        return None if column is None else data.get(column)

    def values(self, data: Mapping[str, Any], name: str) -> list[Any]:
        return [data.get(c) for c in self.multi.get(name, ())]

    def extra(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The carried columns of one row, as given."""
        return {c: data[c] for c in self.carried if c in data}


def map_columns(columns: Iterable[str], overrides: Mapping[str, Sequence[str]] | None = None,
                table: str = "screening") -> ColumnMap:
    """Map a header (or a JSON row's keys) to fields; `overrides` (field -> column names,
    from --name-column and friends) win, and must name columns the file has."""
    columns = [str(c) for c in columns]
    return _map(tuple(columns), tuple(sorted((k, tuple(v)) for k, v in (overrides or {}).items())),
                table)


@lru_cache(maxsize=256)
def _map(columns: tuple[str, ...], overrides: tuple[tuple[str, tuple[str, ...]], ...],
         table: str) -> ColumnMap:
    spellings = _spellings(table)
    folded: dict[str, list[str]] = {}
    for c in columns:
        folded.setdefault(fold_header(c), []).append(c)
    single: dict[str, str] = {}
    multi: dict[str, tuple[str, ...]] = {}
    notes: list[str] = []
    taken: set[str] = set()
    forced = dict(overrides)
    for name, wanted in forced.items():
        if name not in spellings:
            raise InputError(f"unknown field {name!r} in a column option; fields are "
                             f"{', '.join(spellings)}")
        found = []
        for w in wanted:
            match = folded.get(fold_header(w))
            if match is None:
                raise InputError(f"no column {w!r} for {name} (the file has "
                                 f"{', '.join(repr(c) for c in columns) or 'no columns'})")
            found.append(match[0])
        if name in MULTI and table == "screening":
            multi[name] = tuple(found)
        else:
            single[name] = found[0]
        taken.update(found)
    _read_spellings(spellings, folded, forced, single, multi, taken, notes, table)
    if table == "screening":
        # "Client Full Name" is a full name: a header read again without its role word,
        # for the fields no header gave as written
        _read_spellings(spellings, _without_role_words(folded, taken), forced, single, multi,
                        taken, notes, table)
        if "name" not in forced:
            _read_bare_name(single, notes)
    carried = tuple(c for c in columns if c not in taken and not c.startswith("__"))
    return ColumnMap(single, multi, carried, tuple(notes))


def _read_spellings(spellings: dict[str, list[str]], folded: dict[str, list[str]],
                    forced: Mapping[str, Any], single: dict[str, str],
                    multi: dict[str, tuple[str, ...]], taken: set[str], notes: list[str],
                    table: str) -> None:
    """Give each field not forced and not yet read the columns whose folded header is one
    of its spellings (`folded`: folded header -> columns), in the spellings' order."""
    for name, names in spellings.items():
        if name in forced or name in single:
            continue
        hits = list(dict.fromkeys(c for s in names for c in folded.get(s, []) if c not in taken))
        if not hits:
            continue
        if name in MULTI and table == "screening":
            multi[name] = multi.get(name, ()) + tuple(hits)
            taken.update(hits)
            continue
        single[name] = hits[0]
        taken.add(hits[0])
        if len(hits) > 1:
            notes.append(f"{name} read from {hits[0]!r}; also found "
                         f"{', '.join(repr(h) for h in hits[1:])} (choose with --column "
                         f"{name}=...)")


@cache
def _role_words() -> tuple[str, ...]:
    """`role_words` of columns.yml, folded, longest first ("account holder" before
    "account")."""
    words = {fold_header(w) for w in load_resource("columns")["role_words"]}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _less_role_word(text: str) -> str:
    """A folded header less its leading role word ("client full name" -> "full name"), or
    "" when it has none."""
    return next((text[len(w) + 1:] for w in _role_words() if text.startswith(w + " ")), "")


def _without_role_words(folded: dict[str, list[str]], taken: set[str]) -> dict[str, list[str]]:
    """The columns not yet read, by their folded header less a leading role word
    ("client full name" -> "full name"); headers without one are left out."""
    out: dict[str, list[str]] = {}
    for text, columns in folded.items():
        rest = _less_role_word(text)
        free = [c for c in columns if c not in taken]
        if rest and free:
            out.setdefault(rest, []).extend(free)
    return out


@cache
def _every_spelling() -> frozenset[str]:
    """Every folded header spelling of every kind of file (screening, books, devices)."""
    data = load_resource("columns")
    return frozenset(fold_header(s) for table in ("screening", "devices")
                     for names in data[table].values() for s in names)


def known_header(cells: Sequence[Any]) -> bool:
    """Whether a row reads as a header: some cell is a spelling of some field, as written
    or after a party's role word ("Client Full Name"). Only the first `HEADER_CELLS_MAX`
    cells are read (a hostile file's line of a million cells costs no more than a wide
    header)."""
    spellings = _every_spelling()
    for cell in cells[:HEADER_CELLS_MAX]:
        text = fold_header("" if cell is None else str(cell))
        if text in spellings or _less_role_word(text) in spellings:
            return True
    return False


def _read_bare_name(single: dict[str, str], notes: list[str]) -> None:
    """'Name' beside 'Vorname' is the surname, 'Nome' beside 'Cognome' the first name: a
    bare name column read as the whole name would drop the other part of every name."""
    column = single.get("name")
    if column is None or fold_header(column) not in _bare_names():
        return
    first, last = "first_name" in single, "last_name" in single
    if first == last:
        return
    part, other = ("last_name", "first_name") if first else ("first_name", "last_name")
    single[part] = single.pop("name")
    notes.append(f"{column!r} read as the {part.replace('_', ' ')} (beside "
                 f"{single[other]!r}; choose with --name-column)")


def require_name(cmap: ColumnMap, columns: Sequence[str], path: str) -> None:
    """Refuse a screening file whose header has no name column: no row could be screened."""
    if not cmap.has_name():
        raise InputError(
            "no name column: the file has " + ", ".join(repr(c) for c in columns)
            + f"; a name column is one of {accepted('name', count=8)} (or first name "
            "+ last name), or give --name-column", path=path)


def parse_overrides(name_column: str | None = None, id_column: str | None = None,
                    column: Sequence[str] | None = None) -> dict[str, list[str]]:
    """Command-line column choices (`--name-column`, `--id-column`, `--column FIELD=COLUMN`)
    as overrides for `map_columns`."""
    out: dict[str, list[str]] = {}
    for item in column or []:
        name, sep, header = item.partition("=")
        if sep == "" or name.strip() == "" or header.strip() == "":
            raise InputError(f"--column {item!r}: use FIELD=COLUMN, e.g. "
                             "--column birth_date='Date of Birth'")
        out.setdefault(name.strip(), []).append(header.strip())
    if name_column is not None:
        out["name"] = [name_column]
    if id_column is not None:
        out["id"] = [id_column]
    return out


def schema_of(value: Any) -> str | None:
    """'Individual' -> 'Person', 'Corporate' -> 'Company', '' -> 'LegalEntity'; None if unknown."""
    return _schema_of_text("" if value is None else str(value))


@lru_cache(maxsize=1024)
def _schema_of_text(text: str) -> str | None:
    # a file spells its types a few ways, once per row: folded once per spelling
    return _types().get(fold_header(text))


_YMD = re.compile(r"(\d{4})(?:[-/.]?(\d{1,2})(?:[-/.]?(\d{1,2}))?)?")
_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def _valid(y: int, m: int | None, d: int | None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        if not 1 <= m <= 12:
            raise ValueError
        return f"{y:04d}-{m:02d}"
    return date(y, m, d).isoformat()


def parse_birth_date(text: str) -> str:
    """A birth date as YYYY[-MM[-DD]]; ValueError when it is not a date.

    Accepts ISO dates (with or without a time), YYYYMMDD, YYYY/MM/DD, and day-first or
    month-first dates with / . or -. When day and month could be swapped (both <= 12) only
    the year is kept: an uncertain month must never make a real match look like a conflict.
    """
    value = text.strip()
    m = _YMD.fullmatch(value[:10]) if len(value) > 10 and value[10] in "T " else \
        _YMD.fullmatch(value)
    try:
        if m is not None:
            y, mo, d = m.group(1), m.group(2), m.group(3)
            return _valid(int(y), None if mo is None else int(mo), None if d is None else int(d))
        m = _DMY.fullmatch(value)
        if m is not None:
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if a > 12:
                return _valid(y, b, a)
            if b > 12:
                return _valid(y, a, b)
            if not (1 <= a <= 12 and 1 <= b <= 12):
                raise ValueError
            return f"{y:04d}"
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date (YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY ...)")


def parse_country(text: str) -> str:
    """'Germany', 'DE', 'DEU', 'german' -> 'de'; ValueError when it names no country."""
    from followthemoney.types import registry

    code = registry.country.clean(text)
    if code is None:
        raise ValueError(f"{text!r} is not a country name or ISO code")
    return str(code)
