"""What a security description says: the kind of instrument, and whose it is.

"CHINA MOBILE LTD SPON ADR EACH REPR 5 ORD" is a depositary receipt on China Mobile;
"CNOOC FIN 2015 US 4.375% 05/02/28" is a bond; "CHINA TELECOM CORP LTD-H" is the H share
class of China Telecom. `read_description` splits such text into the instrument markers
it carries (from `resources/security_markers.yml`, or an ISO 10962 CFI code) and the
words left over, which are read as the underlying issuer's name and screened like one.
No company name is special-cased: only words about instruments are known here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from clearance.resources import load_resource

__all__ = ["Description", "KINDS", "added_vehicle_words", "kind_label", "read_description"]

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,/][0-9]+)*%?|%")
_COUPON = re.compile(r"^\d+(?:[.,]\d+)?%$|^%$")
_DATE = re.compile(r"^\d{1,4}/\d{1,2}(?:/\d{2,4})?$|^\d{1,2}[A-Za-z]{3}\d{2,4}$")
_NUMBER = re.compile(r"^[0-9][0-9.,/]*$")


@dataclass(frozen=True)
class Description:
    """An instrument description read: its markers and the name words left over."""

    kinds: tuple[str, ...]  # e.g. ("depositary_receipt",), ("debt",), ()
    share_class: str | None  # "H", "A" ... when a Chinese share class is named
    name: str  # the words that are neither markers nor filler (the underlying issuer)
    markers: tuple[str, ...]  # the words that said so, for the explanation

    def describe(self) -> str:
        """'depositary receipt (ADR, SPON)' for the evidence line."""
        parts = [kind_label(k) for k in self.kinds]
        if self.share_class is not None:
            parts.append(f"{self.share_class} share")
        text = ", ".join(parts)
        return f"{text} ({', '.join(self.markers)})" if self.markers else text


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    data = load_resource("security_markers")
    words: dict[str, str] = {}
    cfi: dict[str, str] = {}
    for kind, spec in data["kinds"].items():
        for w in spec["words"]:
            words.setdefault(str(w).lower(), kind)
        for prefix in spec["cfi"]:
            cfi[str(prefix).upper()] = kind
    classes = frozenset(str(c).upper() for c in data["share_classes"])
    filler = frozenset(str(w).lower() for w in data["filler"])
    return words, cfi, classes, filler


#: The instrument kinds the resource defines, in its order.
KINDS = ("depositary_receipt", "share_class", "debt", "derivative", "fund")


def kind_label(kind: str) -> str:
    """The resource's human label of a kind ('depositary_receipt' -> 'depositary receipt')."""
    label: str = load_resource("security_markers")["kinds"][kind]["label"]
    return label


def _cfi_kind(cfi: str) -> str | None:
    _, table, _, _ = _tables()
    code = cfi.strip().upper()
    if len(code) != 6 or not code.isalpha():
        return None
    return table.get(code[:2]) or table.get(code[:1])


def _share_class(text: str, classes: frozenset[str]) -> str | None:
    letters = "".join(sorted(classes))
    patterns = (rf"-\s*([{letters}])\s*$", rf"\bCL(?:ASS)?\s+([{letters}])\b",
                rf"\b([{letters}])[\s-]*(?:SHS?|SHARES?)\b")
    upper = text.upper()
    for pattern in patterns:
        m = re.search(pattern, upper)
        if m is not None:
            return m.group(1)
    return None


@lru_cache(maxsize=1 << 16)
def read_description(text: str, security_type: str = "", cfi: str = "") -> Description:
    """Markers and name words of a description (plus a security-type column and CFI code).

    >>> d = read_description("CHINA MOBILE LTD SPON ADR EACH REPR 5 ORD")
    >>> d.kinds, d.name
    (('depositary_receipt',), 'CHINA MOBILE LTD')
    """
    words, _, classes, filler = _tables()
    kinds: list[str] = []
    markers: list[str] = []

    def mark(kind: str, marker: str) -> None:
        if kind not in kinds:
            kinds.append(kind)
        if marker not in markers:
            markers.append(marker)

    by_cfi = _cfi_kind(cfi)
    if by_cfi is not None:
        mark(by_cfi, f"CFI {cfi.strip().upper()}")
    share = _share_class(text, classes)
    if share is not None:
        mark("share_class", f"{share} share")
    for tokens, keep in ((_TOKEN.findall(security_type), False), (_TOKEN.findall(text), True)):
        lowered = [t.lower() for t in tokens]
        skip: set[int] = set()
        for i, low in enumerate(lowered):
            joined = low + lowered[i + 1] if i + 1 < len(lowered) else ""
            if joined in words and i not in skip:
                mark(words[joined], f"{tokens[i]} {tokens[i + 1]}")
                skip.update((i, i + 1))
            elif low in words and i not in skip:
                mark(words[low], tokens[i])
                skip.add(i)
            elif _COUPON.match(low):
                mark("debt", tokens[i])
                skip.add(i)
            elif _DATE.match(low) or _NUMBER.match(low) or low in filler:
                skip.add(i)
        if keep:
            name_tokens = [t for i, t in enumerate(tokens) if i not in skip]
            if share is not None and name_tokens and name_tokens[-1].upper() == share:
                name_tokens = name_tokens[:-1]
    name = " ".join(name_tokens)
    ordered = tuple(k for k in KINDS if k in kinds)
    return Description(ordered, share, name, tuple(markers))


@cache
def _vehicle_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_resource("security_markers")["vehicle_words"])


def added_vehicle_words(issuer: str, listed: str) -> list[str]:
    """Words of `issuer` that name another entity of a group ("finance", "usa") and that
    `listed` lacks: 'China Mobile Finance Ltd' vs 'CHINA MOBILE LIMITED' -> ['Finance']."""
    words = _vehicle_words()
    own = {t.lower() for t in _TOKEN.findall(listed)}
    return [t for t in _TOKEN.findall(issuer) if t.lower() in words and t.lower() not in own]
