"""Legal forms of organisations: find them, canonicalise them, keep them out of identity.

"Co., Ltd." / "Company Limited" / 有限公司 -> `ltd`; OOO / ООО / LLC -> `llc`;
JSC / AO / OAO / PJSC -> `jsc`; GmbH; S.A. de C.V. Word lists: `resources/legal_forms.yml`.
Short forms that are also ordinary words or name parts (SA, AS, AG, CO) count only at the
start or end of a name, never inside a word or between name words.
"""

from __future__ import annotations

from functools import cache

from clearance.resources import load_resource

__all__ = ["legal_forms", "mark_legal_forms"]

_MAX_PHRASE = 7
# Forms written before the name (Russian, Ukrainian, Uzbek usage): OOO "Vega", AO Kronshtadt.
_PREFIX_FORMS = frozenset({"ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "cjsc", "pjsc",
                           "tov", "too", "llc", "mchj"})


@cache
def legal_forms() -> dict[tuple[str, ...], str]:
    """Token sequence -> canonical legal form (e.g. ('co', 'ltd') -> 'ltd')."""
    table: dict[tuple[str, ...], str] = {}
    for canonical, aliases in load_resource("legal_forms").items():
        for alias in aliases:
            table[tuple(str(alias).split())] = str(canonical).replace(" ", "")
    return table


def _anywhere(phrase: tuple[str, ...]) -> bool:
    """Multi-word and long single-word forms are unambiguous anywhere in a name."""
    return len(phrase) > 1 and len("".join(phrase)) >= 4 or (
        len(phrase) == 1 and len(phrase[0]) >= 4
    ) or phrase[0] in ("llc", "ltd", "jsc", "ooo", "oao", "zao", "pao", "inc", "plc", "pjsc")


def mark_legal_forms(tokens: list[str]) -> tuple[list[str], list[bool]]:
    """Replace legal-form phrases by their canonical token; flags say which tokens are forms."""
    table = legal_forms()
    out: list[str] = []
    flags: list[bool] = []
    i, n = 0, len(tokens)
    while i < n:
        for size in range(min(_MAX_PHRASE, n - i), 0, -1):
            phrase = tuple(tokens[i:i + size])
            canonical = table.get(phrase)
            if canonical is None:
                continue
            at_end = i + size == n or bool(flags and flags[-1])
            at_start = i == 0 and (len(phrase) > 1 or phrase[0] in _PREFIX_FORMS)
            if at_end or at_start or _anywhere(phrase):
                if n > size:  # a name that is only a legal form keeps its word
                    out.append(canonical)
                    flags.append(True)
                    i += size
                    break
        else:
            out.append(tokens[i])
            flags.append(False)
            i += 1
    return out, flags
