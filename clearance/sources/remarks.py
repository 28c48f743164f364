"""Structured facts hidden in OFAC's free-text Remarks column.

OFAC packs birth dates, places, nationalities, documents, vessel numbers and aliases into
one `;`-separated string ("DOB 12 Mar 1961; POB Tehran, Iran; nationality Iran; Passport
A123 (Iran); a.k.a. 'X'; IMO 9187629"). `parse_remarks` turns each recognised fact into a
`(property, value)` pair; unrecognised facts are simply left in the raw text, which the
entity keeps in `notes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Fact", "Remarks", "birth_dates", "id_property", "parse_ofac_date", "parse_remarks",
           "sanction_date_property", "split_facts"]

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DATE = re.compile(r"^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})$")


def parse_ofac_date(text: str) -> str | None:
    """'12 Mar 1961' -> '1961-03-12', 'Mar 1961' -> '1961-03', '1961' -> '1961'; else None."""
    text = text.strip().rstrip(".")
    m = _DATE.match(text)
    if m is None:
        return None
    day, mon, year = m.groups()
    if mon is None:
        return year if day is None else None
    month = MONTHS.get(mon.lower())
    if month is None:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{int(day):02d}"


def birth_dates(value: str) -> list[str]:
    """Birth dates as OFAC writes them: exact, 'circa 1961', '1961 to 1963', 'alt. DOB'."""
    value = re.sub(r"^(circa|approximately|between)\s+", "", value.strip(), flags=re.IGNORECASE)
    rng = re.match(r"^(\d{4})\s+(?:to|and|-)\s+(\d{4})$", value)
    if rng is not None:
        lo, hi = int(rng.group(1)), int(rng.group(2))
        if 0 <= hi - lo <= 20:
            return [str(y) for y in range(lo, hi + 1)]
    parts = re.split(r"\s+(?:to|and)\s+", value)
    return [d for d in (parse_ofac_date(p) for p in parts) if d is not None]


@dataclass
class Fact:
    """One property value read from the remarks, with the text it came from."""

    prop: str
    value: str
    country: str | None = None


@dataclass
class Remarks:
    """All that `parse_remarks` found, plus the raw text it came from."""

    raw: str
    facts: list[Fact] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    previous_names: list[str] = field(default_factory=list)
    linked_to: list[str] = field(default_factory=list)
    sanction_facts: list[Fact] = field(default_factory=list)

    def values(self, prop: str) -> list[str]:
        return [f.value for f in self.facts if f.prop == prop]


# Identifier labels -> FtM property. Order matters: longer, more specific labels first.
_ID_LABELS: list[tuple[str, str]] = [
    ("Vessel Registration Identification IMO", "imoNumber"),
    ("Unified Social Credit Code (USCC)", "uscCode"),
    ("Legal Entity Number", "leiCode"),
    ("SWIFT/BIC", "swiftBic"),
    ("ISIN", "isinCode"),
    ("Equity Ticker", "ticker"),
    ("Diplomatic Passport", "passportNumber"),
    ("Passport", "passportNumber"),
    ("National ID No.", "idNumber"),
    ("Identification Number", "idNumber"),
    ("Cedula No.", "idNumber"),
    ("C.U.R.P.", "idNumber"),
    ("D.N.I.", "idNumber"),
    ("Birth Certificate Number", "idNumber"),
    ("Electoral Registry No.", "idNumber"),
    ("Driver's License No.", "idNumber"),
    ("Italian Fiscal Code", "taxNumber"),
    ("Tax ID No.", "taxNumber"),
    ("R.F.C.", "taxNumber"),
    ("RFC", "taxNumber"),
    ("NIT #", "taxNumber"),
    ("RUC #", "taxNumber"),
    ("RIF #", "taxNumber"),
    ("V.A.T. Number", "vatCode"),
    ("Registration ID", "registrationNumber"),
    ("Registration Number", "registrationNumber"),
    ("Business Registration Document #", "registrationNumber"),
    ("Business Registration Number", "registrationNumber"),
    ("Company Number", "registrationNumber"),
    ("Commercial Registry Number", "registrationNumber"),
    ("Government Gazette Number", "registrationNumber"),
    ("Chamber of Commerce Number", "registrationNumber"),
    ("Enterprise Number", "registrationNumber"),
    ("Trade License No.", "registrationNumber"),
    ("Central Registration System Number", "registrationNumber"),
    ("Economic Register Number (CBLS)", "registrationNumber"),
    ("Folio Mercantil No.", "registrationNumber"),
    ("Matricula Mercantil No", "registrationNumber"),
    ("C.R. No.", "registrationNumber"),
    ("D-U-N-S Number", "dunsCode"),
    ("BIK (RU)", "bikCode"),
    ("MMSI", "mmsi"),
    ("IMO", "imoNumber"),
]
_ID_PATTERNS = [
    (re.compile(r"^" + re.escape(label) + r"[:\s]+(.+)$", re.IGNORECASE), prop) for label, prop in _ID_LABELS
]
_COUNTRY_SUFFIX = re.compile(r"\s*\(([^()]+)\)\s*(?:(?:issued|expires).*)?$", re.IGNORECASE)
_TRAILING_DATES = re.compile(r"\s+(?:issued|expires)\b.*$", re.IGNORECASE)
_ALIAS = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*['\"‘’](.+?)['\"‘’]?$", re.IGNORECASE)


def split_facts(text: str) -> list[str]:
    """Split remarks on ';' outside quotes (aliases may contain semicolons; a name may end
    in an apostrophe before its closing quote)."""
    parts: list[str] = []
    buf: list[str] = []
    quoted = False
    for i, ch in enumerate(text):
        if ch == "'" and quoted and text[i + 1:i + 2] == "'":
            # a name ending in an apostrophe, then the closing quote: a.k.a. 'ABU AL-WAFA''
            buf.append(ch)
            continue
        if ch == "'" and (i == 0 or not text[i - 1].isalnum() or quoted):
            # a quote that opens after a non-letter or closes an open quote
            if quoted and i + 1 < len(text) and text[i + 1].isalnum():
                buf.append(ch)  # apostrophe inside a quoted name: O'Brien
                continue
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    parts.append("".join(buf))
    return [p.strip().rstrip(".").strip() for p in parts if p.strip().rstrip(".").strip()]


def id_property(label: str) -> str | None:
    """The FtM property for an identifier label as OFAC and the CSL write it ('ISIN')."""
    label = label.strip().rstrip(".:").lower()
    for known, prop in _ID_LABELS:
        if known.lower().rstrip(".:") == label:
            return prop
    return None


#: Dated list facts -> the FtM `Sanction` property that holds them. For NS-CMIC (program
#: CMIC-EO13959) OFAC writes three: "Listing Date (CMIC)" (listingDate), "Effective Date
#: (CMIC)", from which purchases are prohibited (startDate: FtM's "date the designation goes
#: into effect"), and "Purchase/Sales For Divestment Date (CMIC)", until which sales made
#: solely to divest remain allowed. FtM has no property of its own for that last one; it
#: is the Sanction's `date` ("a date of the interval that is not its start or end"), never
#: `endDate`, which would wrongly say the listing ended.
SANCTION_DATES = (("listing date", "listingDate"), ("effective date", "startDate"),
                  ("purchase/sales for divestment date", "date"))


def sanction_date_property(label: str) -> str | None:
    """The Sanction property of a dated list fact ('Effective Date (CMIC)' -> 'startDate')."""
    low = label.strip().lower()
    for prefix, prop in SANCTION_DATES:
        if low.startswith(prefix) and (len(low) == len(prefix) or low[len(prefix)] in " (:"):
            return prop
    return None


def _identifier(part: str) -> Fact | None:
    for pattern, prop in _ID_PATTERNS:
        m = pattern.match(part)
        if m is None:
            continue
        value = m.group(1).strip()
        country = None
        cm = _COUNTRY_SUFFIX.search(value)
        if cm is not None:
            country = cm.group(1)
            value = value[: cm.start()]
        value = _TRAILING_DATES.sub("", value).strip().rstrip(",")
        if value == "":
            return None
        return Fact(prop, value, country)
    return None


def _sanction_date(part: str) -> Fact | None:
    """'Listing Date (CMIC) 03 Jun 2021' or 'Effective Date (EO 14024 Directive 2): 26 Mar
    2022' -> a Sanction fact; the label ends at its parenthesis or colon."""
    prop = sanction_date_property(part)
    if prop is None:
        return None
    label_end = re.match(r"^[^(:]*(\([^)]*\))?\s*:?", part)
    rest = part[label_end.end():] if label_end is not None else ""
    date = parse_ofac_date(rest)
    return None if date is None else Fact(prop, date)


def parse_remarks(text: str | None) -> Remarks:
    """Read the facts OFAC writes into Remarks; keeps the raw text for the auditor."""
    if text is None:
        return Remarks(raw="")
    out = Remarks(raw=text)
    for part in split_facts(text):
        low = part.lower()
        alias = _ALIAS.match(part)
        if alias is not None:
            kind, name = alias.group(1).lower(), alias.group(2).strip().rstrip("'")
            (out.aliases if kind.startswith("a") else out.previous_names).append(name)
            continue
        if low.startswith("alt. "):
            part = part[5:]
            low = low[5:]
        if low.startswith("dob "):
            out.facts.extend(Fact("birthDate", d) for d in birth_dates(part[4:]))
        elif low.startswith("pob "):
            out.facts.append(Fact("birthPlace", part[4:].strip()))
        elif low.startswith("nationality "):
            out.facts.append(Fact("nationality", part[12:].strip()))
        elif low.startswith("citizen "):
            out.facts.append(Fact("citizenship", part[8:].strip()))
        elif low.startswith("gender "):
            out.facts.append(Fact("gender", part[7:].strip().lower()))
        elif low.startswith("linked to:"):
            out.linked_to.append(part[10:].strip())
        elif low.startswith(("email address", "email:")):
            out.facts.append(Fact("email", part.split(None, 2)[-1].lstrip(":").strip()))
        elif low.startswith("website "):
            out.facts.append(Fact("website", part[8:].strip()))
        elif low.startswith(("phone no.", "telephone no.", "telephone:", "phone:")):
            out.facts.append(Fact("phone", part.split(None, 2)[-1].strip()))
        elif low.startswith("organization established date "):
            date = parse_ofac_date(part[30:])
            if date is not None:
                out.facts.append(Fact("incorporationDate", date))
        elif (date_prop := _sanction_date(part)) is not None:
            out.sanction_facts.append(date_prop)
        elif low.startswith("issuer name "):
            # the names the company's securities trade under: names of the party itself
            out.aliases.append(part[12:].strip())
        elif low.startswith("nationality of registration "):
            out.facts.append(Fact("country", part[28:].strip()))
        else:
            fact = _identifier(part)
            if fact is not None:
                out.facts.append(fact)
    return out
