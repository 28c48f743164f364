"""An IMO ship number's check digit, and the numbers one slip from a typed one.

An IMO number (IMO Resolution A.1078(28), the Ship Identification Number Scheme) is seven
digits whose last is a check digit: the first six times 7, 6, 5, 4, 3, 2, summed, modulo
10 (python-stdnum's `stdnum.imo`, the check's reference implementation). A typed number
that fails its check is no ship's: it is a ship's number typed with a slip, and the check
catches most slips (every swap of two adjacent digits that differ, nine in ten replaced
digits). The numbers one such slip away that pass their check are the ships it may have
been typed for; a listed vessel among them is a near hit, never an exact one. A number
that passes its check is another ship's when one digit differs (as a mark's replaced
character is another craft's): it has no slips here.

A number written with its scheme word in a name ("SEA PEARL IMO 9187629", or the search box
holding "IMO 9187629" alone) is that ship's number too (`imo_written`): a roster's name
column or an analyst's search often carries it.
"""

from __future__ import annotations

import re

from stdnum import imo as _imo

__all__ = ["SWAPPED", "REPLACED", "imo_slips", "imo_typed", "imo_valid", "imo_written"]

REPLACED = "a digit replaced"
SWAPPED = "two digits swapped"
#: seven digits after the scheme word, as registers and OFAC write it: "IMO 9187629",
#: "IMO No. 9187629", "IMO number: 9187629", "IMO#9187629", "imo9187629"
_WRITTEN = re.compile(r"(?<![A-Z0-9])IMO\s*(?:(?:NO|NR|NUMBER)\b\.?)?\s*[:#]?\s*([0-9]{7})(?![0-9])",
                      re.IGNORECASE)


def imo_valid(value: str) -> bool:
    """Whether `value` is seven digits whose last is its IMO check digit (9187629)."""
    return _seven_digits(value) and bool(_imo.is_valid(value))


def imo_slips(value: str) -> tuple[tuple[str, str], ...]:
    """The IMO numbers one slip from `value` (a digit replaced, two adjacent digits
    swapped) that pass their check, each with its slip, in digit order; () unless `value`
    is seven digits that fail theirs (9186729: 9187629, two digits swapped)."""
    if not _seven_digits(value) or imo_valid(value):
        return ()
    return tuple(sorted((n, slip) for n, slip in _one_slip(value).items() if imo_valid(n)))


def imo_typed(value: str) -> tuple[str, ...]:
    """The numbers a listed IMO number `value` is typed as with one slip that fail their
    check, in digit order: those whose `imo_slips` hold `value` (a monitored book's
    numbers looked up from a listed vessel's); () unless `value` passes its check."""
    if not imo_valid(value):
        return ()
    return tuple(sorted(n for n in _one_slip(value) if not imo_valid(n)))


def imo_written(text: str) -> tuple[str, ...]:
    """The IMO numbers `text` writes with their scheme word, in order, each as "IMO" and
    its seven digits ("SEA PEARL (IMO No. 9187629)": "IMO 9187629"); seven digits alone
    are not read (a name's number may be anything)."""
    return tuple(f"IMO {m.group(1)}" for m in _WRITTEN.finditer(text))


def _seven_digits(value: str) -> bool:
    return len(value) == 7 and value.isascii() and value.isdigit()


def _one_slip(value: str) -> dict[str, str]:
    """Every number one slip from seven digits `value`, with its slip (a swap first)."""
    found: dict[str, str] = {}
    for i in range(6):
        if value[i] != value[i + 1]:
            found[value[:i] + value[i + 1] + value[i] + value[i + 2:]] = SWAPPED
    for i in range(7):
        for digit in "0123456789":
            if digit != value[i]:
                found.setdefault(value[:i] + digit + value[i + 1:], REPLACED)
    return found
