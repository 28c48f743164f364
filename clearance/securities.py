"""Security identifiers: ISIN, CUSIP and FIGI checked, never repaired.

A malformed identifier is reported with what is wrong (length, characters, country code,
check digit) and kept out of any lookup: a guessed correction could point at another
company's security. Validation is python-stdnum's (the field's reference implementation,
already installed with followthemoney); this module only words its verdicts and adds the
two CUSIP facts screening needs: the ISIN a CUSIP stands for ("US" + CUSIP + check) and
the 6-character issuer number that every CUSIP and CINS of one issuer shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from stdnum import cusip as _cusip
from stdnum import figi as _figi
from stdnum import isin as _isin
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

__all__ = ["Checked", "check_cusip", "check_figi", "check_isin", "cusip_issuer", "isin_cusip"]

_SPACES = re.compile(r"[\s\-.]+")


@dataclass(frozen=True, slots=True)
class Checked:
    """An identifier as given, its compact form when valid, else why it is not."""

    kind: str  # "isin", "cusip", "figi"
    given: str
    value: str | None  # compact, upper-case; None when malformed
    problem: str | None = None

    @property
    def valid(self) -> bool:
        return self.value is not None


def _compact(text: str) -> str:
    return _SPACES.sub("", text).upper()


def _why(kind: str, compact: str, exc: ValidationError, length: int) -> str:
    if isinstance(exc, InvalidLength):
        article = "an" if kind == "isin" else "a"
        return f"{len(compact)} characters where {article} {kind.upper()} has {length}"
    if isinstance(exc, InvalidFormat):
        return "characters other than A-Z and 0-9, or in the wrong places"
    if isinstance(exc, InvalidComponent):
        return f"country code {compact[:2]!r} is not an ISO 3166 code or an ISIN prefix"
    if isinstance(exc, InvalidChecksum):
        return f"check digit {compact[-1]!r} does not fit the other characters"
    return str(exc)


@lru_cache(maxsize=1 << 18)
def check_isin(text: str) -> Checked:
    """Validate an ISIN: 2-letter country code, 9 characters, Luhn check digit.

    >>> check_isin("CNE100000PM8").value
    'CNE100000PM8'
    >>> check_isin("CNE100000PM9").problem
    "check digit '9' does not fit the other characters"
    """
    compact = _compact(text)
    try:
        return Checked("isin", text, str(_isin.validate(compact)))
    except ValidationError as exc:
        return Checked("isin", text, None, _why("isin", compact, exc, 12))


@lru_cache(maxsize=1 << 16)
def check_cusip(text: str) -> Checked:
    """Validate a 9-character CUSIP (or CINS) with its check digit."""
    compact = _compact(text)
    try:
        return Checked("cusip", text, str(_cusip.validate(compact)))
    except ValidationError as exc:
        return Checked("cusip", text, None, _why("cusip", compact, exc, 9))


@lru_cache(maxsize=1 << 16)
def check_figi(text: str) -> Checked:
    """Validate a 12-character FIGI (BBG... with its check digit)."""
    compact = _compact(text)
    try:
        return Checked("figi", text, str(_figi.validate(compact)))
    except ValidationError as exc:
        return Checked("figi", text, None, _why("figi", compact, exc, 12))


@lru_cache(maxsize=1 << 18)
def isin_cusip(isin: str) -> str | None:
    """The CUSIP or CINS inside an ISIN, when its national number is one.

    US and Canadian ISINs carry a CUSIP; ISINs that CUSIP Global Services numbers for
    other countries carry a CINS, whose first character is a letter ("KYG8020E1199" holds
    G8020E119). A holding given only a CUSIP is compared with these.
    """
    national = isin[2:11]
    if len(isin) != 12 or not _cusip.is_valid(national):
        return None
    if isin[:2] in ("US", "CA") or national[0].isalpha():
        return national
    return None


def cusip_issuer(cusip_or_isin: str) -> str | None:
    """The 6-character issuer number of a CUSIP or CINS, or of the one inside an ISIN.

    Two securities sharing it are securities of one issuer (its shares, its ADR program,
    its bonds).
    """
    if len(cusip_or_isin) == 9:
        return cusip_or_isin[:6] if _cusip.is_valid(cusip_or_isin) else None
    national = isin_cusip(cusip_or_isin)
    return None if national is None else national[:6]
