"""The names one name field holds: aliases, former names, sub-units and descriptions.

Official lists do not always keep one name to a field. The Consolidated Screening List
writes "Ministry of Defence of the Russian Federation, including the Armed Forces of
Russia and all operating units wherever located. This includes ...", "Poly Technologies
Incorporated, and its sub-units and successors", "China Electronics Technology Group
Corporation 13th Research Institute. Subordinate Institution - Hebei Sinopack
Electronics", "Precision Image Corporation (a.k.a. Precision Industries, Inc.; CK
Enterprises, Inc.)" and "NPO Izhmash OAO;OJSC Concern Kalashnikov"; the UN list "Husain
Salimi; Hosain Salimi; ...", "جبهة النصرة (the Victory Front; Jabhat al-Nusrah; ...)",
"Amir Khazmat (original script: Амир Хазмат)" and "Safia Farkash Mohammed Al-Hadad, born
1 Jan. 1953". Compared whole, such a field is a paragraph no query resembles, and the
party it names is missed (a book's "Ministry of Defence of the Russian Federation" scored
0.70 against nothing better). `name_parts` reads the names out of it; the field itself
stays a name too. Books write such fields as well ("ACME Trading (f.k.a. Foo Ltd)").

The markers are those the bundled lists use (US Consolidated Screening List, UN Security
Council Consolidated List, OFAC remarks), read in `../shared/data/lists/`.
"""

from __future__ import annotations

import re

__all__ = ["name_parts"]

#: any marker at all: most names have none and are left at one search
_ANY = re.compile(r"[;(\[]|\b(?:a\.?k\.?a|f\.?k\.?a|n\.?k\.?a|formerly|including|born|"
                  r"subordinate|successors?|sub-units?)\b", re.IGNORECASE)
#: a description after the name: the rest of the field is no name
_TAIL = re.compile(
    r",\s*(?:and\s+any\s+successors?\b|and\s+its\s+sub-units?\b|including\b|"
    r"and\s+subordinate\s+entit|born\b)|\s+and\s+any\s+successors?\b|"
    r"\.\s+This\s+includes\b", re.IGNORECASE)
#: a sub-unit named after its parent: "X. Subordinate Institution - Y" is Y (the parent X
#: is listed on its own, and a dozen sub-units named X would crowd it out of the results)
_SUBUNIT = re.compile(r"^.*?\.?\s+Subordinate\s+Institution\s*-\s*", re.IGNORECASE)
#: an alias or former name written inline: "X a.k.a. Y", "X, f.k.a., Y", "X formerly Y";
#: in a bracket also "aka" ("(aka Ri Su'ng-ch'o'l)"), which outside one may be a name's
#: own word ("AKA INTEGRAL SERVICES")
_ALIAS = re.compile(r"(?:^|[\s,]+)(?:a\.k\.a\.?|f\.k\.a\.?|n\.k\.a\.?|formerly)[\s,:]+",
                    re.IGNORECASE)
_GROUP_ALIAS = re.compile(r"(?:^|[\s,]+)(?:a\.k\.a\.?|aka|f\.k\.a\.?|n\.k\.a\.?|formerly)"
                          r"[\s,:]+", re.IGNORECASE)
#: what a bracket holds that is not a name: the script's label, a sub-unit's label
_LABEL = re.compile(r"^\s*original\s+script\s*:?\s*|\s+-\s+sub-unit\s+name\s*$",
                    re.IGNORECASE)
#: an enumeration inside a field: "... Sabet b) M. Javad Kareemi Sabet"
_ENUM = re.compile(r"\s+[b-h]\)\s+")
#: a fact, not a name (OFAC remarks: "Linked To: ...")
_FACT = re.compile(r"^\s*linked\s+to\b", re.IGNORECASE)
_TRIM = " \t,.;:-'\"‘’"


def _brackets(text: str) -> tuple[str, list[str]]:
    """The text outside top-level brackets, and each top-level bracket's content (nested
    brackets kept inside it): "A (B (C); D)" -> ("A", ["B (C); D"])."""
    outside: list[str] = []
    groups: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in text:
        if ch in "([":
            if depth == 0:
                buf = []
            else:
                buf.append(ch)
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append("".join(buf))
            else:
                buf.append(ch)
        elif depth > 0:
            buf.append(ch)
        else:
            outside.append(ch)
    if depth > 0:  # an unclosed bracket: its content runs to the end
        groups.append("".join(buf))
    return " ".join("".join(outside).split()), groups


def _split(text: str, group: bool = False) -> list[str]:
    """A field's (or a bracket's, `group`) names: split on ";", enumerations and inline
    alias markers, a sub-unit's name read after its parent's, each cut before a
    description. Nothing before a marker at a field's start: the marker is the name's own
    word ("AKA INTEGRAL SERVICES")."""
    alias = _GROUP_ALIAS if group else _ALIAS
    out: list[str] = []
    for piece in _ENUM.split(text.replace(";", "\x00")):
        for part in piece.split("\x00"):
            part = _TAIL.split(part, maxsplit=1)[0]
            sub = _SUBUNIT.sub("", part, count=1)
            names = alias.split(sub)
            if not group and not out and not names[0].strip():
                names = [sub]
            out += names
    return out


def _clean(part: str) -> str:
    return " ".join(part.split()).strip(_TRIM)


def name_parts(text: str, min_words: int = 2) -> list[str]:
    """The names a name field holds besides itself, in order: each alias, former name,
    a sub-unit's own name and the name before a description; [] for a field that is one name.

    `min_words`: fewest words a name read out must have. A book's field keeps its one-word
    brands and acronyms in brackets ("Hangzhou Huacheng Network Technology Co., Ltd.
    (Imou; formerly Lechange)"), which screened alone meet any short listed name (IMOU ~
    IMU 0.95): a query reads only names of two words or more (the default); a list's
    field is the listed party's own, and the index takes every name in it (1).

    A bracket is read as names only when it says so (an alias marker, the original
    script, or several names split by ";"): "(CETC 13)" and "(HK)" are qualifiers, which
    `prepare.strip_parentheses` drops.
    """
    if _ANY.search(text) is None:
        return []
    outside, groups = _brackets(text)
    found: list[str] = []
    # the field with its name-holding brackets taken out, split into its names
    holding = [g for g in groups
               if ";" in g or _GROUP_ALIAS.search(g) or _LABEL.search(g)]
    found += _split(outside if holding else text)
    for group in holding:
        group = _LABEL.sub("", group)
        for part in _split(group, group=True):
            found += name_parts(part, min_words) or [part]
    out: list[str] = []
    whole = _clean(text)
    for part in found:
        part = _clean(part)
        if (part and part != whole and part not in out and _FACT.match(part) is None
                and any(ch.isalpha() for ch in part) and len(part.split()) >= min_words):
            out.append(part)
    return out
