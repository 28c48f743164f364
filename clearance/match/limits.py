"""Bounds on the work one name can cause, set far above every real name.

Without them a hostile or broken input costs whatever its length allows: the deletion keys
of a token grow with the cube of its length (one 1,000-letter word took 20 s and 4.5 GB,
3,000 letters more than 6 GB), a regex over a 1 MB name of spaces runs for hours, and
per-process caches fill with megabyte-long keys. Every name, list side and query side
alike, passes through these bounds in `clearance.match.prepare`, so the CLI, batch
screening, the API and monitoring are bounded in the same place.

The bundled lists (OFAC SDN and consolidated, CSL, DPL, UN; measured for issue 14) have
at most 381 characters in a name (a description of the Russian armed forces), 56 tokens
in a name, 27 letters in a token ("tureukosasuchulipteulaenjit"), 96 names and 441 tokens
and 2,854 characters for one entity, and 7,612 deletion keys for the names of one entity
(median per name: 50). Each bound below is several times that, so no real name loses anything; a token
longer than `MAX_FUZZY_TOKEN` still matches exactly, it only gets no spelling folds and
no deletion keys (typo tolerance).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MAX_CACHED_TEXT",
    "FUZZY_KEYS_PER_QUERY",
    "MAX_FUZZY_TOKEN",
    "MAX_NAME_CHARS",
    "MAX_NAME_TOKENS",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_NAMES",
    "MAX_QUERY_TOKENS",
    "MAX_QUERY_VALUES",
    "bounded_text",
]

#: Characters of one name that are read; the rest is ignored (longest list name: 381).
MAX_NAME_CHARS: Final = 1_000
#: Tokens of one name that are matched (most in a list name: 56).
MAX_NAME_TOKENS: Final = 100
#: Longest token that gets spelling folds and deletion keys (longest list token: 27).
MAX_FUZZY_TOKEN: Final = 48
#: Names (name + aliases) of one query that are matched (most for a list entity: 96).
MAX_QUERY_NAMES: Final = 200
#: Characters of all the names of one query that are read (most for a list entity: 2,854).
MAX_QUERY_CHARS: Final = 10_000
#: Tokens of all the names of one query that are matched (most for a list entity: 441).
MAX_QUERY_TOKENS: Final = 1_000
#: Deletion keys the typo search of one query may look up (most for a list entity: 7,612);
#: tokens beyond it are looked up exactly. Counted from token lengths, so the same query
#: always gets the same candidates.
FUZZY_KEYS_PER_QUERY: Final = 30_000
#: Countries, and identifiers, of one query that are compared.
MAX_QUERY_VALUES: Final = 100
#: Texts longer than this are normalised without taking a slot in the per-process caches.
MAX_CACHED_TEXT: Final = 256


def bounded_text(text: str) -> str:
    """The part of a name that is read: its first `MAX_NAME_CHARS` characters."""
    return text if len(text) <= MAX_NAME_CHARS else text[:MAX_NAME_CHARS]
