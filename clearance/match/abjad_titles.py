"""Titles before a person's name in Arabic and Persian script, which a query may do without.

The press writes a listed person's name with the titles it gives him: السيد حسن نصر الله
(Sayyid Hassan Nasrallah), آیت‌الله سید علی خامنه‌ای, سردار قاسم سلیمانی, اللواء علي مملوك.
The lists write the name alone (NASRALLAH, Hasan). Read as words of the name, such titles
are extra query words that weigh as names do (the romanised سید "syd" is also SAID, SAYED:
a name's weight), and two of them sink a true match (سید علی خامنه‌ای scored 0.51 against
KHAMENEI, Ali Husseini, علی خامنه‌ای 0.88). `without_titles` gives the name with the
leading titles of `resources/abjad_titles.yml` left out, a second reading of the query
(`engine.prepare_query_names`) beside the name as written, which still meets a list that
carries the title as a name (HASHEMI, Seyed Mohammad).

Titles are told on the written words, before romanisation: romanised, سيد "syd" is also
سعيد (Said, "syd": the ayin is unwritten), a given name, not a title.
"""

from __future__ import annotations

from functools import cache

from clearance.match.abjad import ZWNJ, has_abjad
from clearance.resources import load_resource

__all__ = ["without_titles"]

#: spellings keyboards vary, folded to one: hamza seats and madda to a bare alef, Arabic's
#: yeh and alef maqsura to Persian's yeh, Arabic's kaf to Persian's, ta marbuta to he
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ك": "ک",
                       "ة": "ه", "ۀ": "ه", ZWNJ: None, "\u0640": None, ".": None})
#: harakat, shadda, sukun, the superscript alef (سیّد, السَّيِّد)
_MARKS = {code: None for code in range(0x064B, 0x0660)} | {0x0670: None}


def _fold(word: str) -> str:
    return word.translate(_FOLD).translate(_MARKS)


@cache
def _titles() -> tuple[frozenset[str], frozenset[str], int]:
    """(every title folded, its words run together; the folded first words of titles, alone
    and run together; the most words a title has)."""
    titles: set[str] = set()
    firsts: set[str] = set()
    longest = 1
    for entry in load_resource("abjad_titles")["titles"]:
        words = [_fold(w) for w in str(entry).replace(ZWNJ, " ").split()]
        titles.add("".join(words))
        # (a title's first words may be written solid: آیتالله العظمی)
        firsts.update("".join(words[:k]) for k in range(1, len(words) + 1))
        longest = max(longest, len(words))
    return frozenset(titles), frozenset(firsts), longest


def without_titles(text: str) -> str | None:
    """The name without the titles written before it (`resources/abjad_titles.yml`), None
    when it starts with none, or when fewer than two written words would be left (one
    word, a given name such as علی, would alert on every listed ABU ALI).

    A title's words may be written with a non-joiner, a space or nothing between them
    (آیت‌الله, آیت الله); several titles may follow one another (آیت‌الله سید علی
    خامنه‌ای: علی خامنه‌ای)."""
    if not has_abjad(text):
        return None
    titles, firsts, longest = _titles()
    words = text.split()
    parts = [w.replace(ZWNJ, " ").split() for w in words]
    if not parts or not parts[0] or _fold(parts[0][0]) not in firsts:
        return None  # (most names: the first word starts no title)
    # the written words' parts, each with the written word it belongs to
    flat = [(_fold(p), k) for k, word_parts in enumerate(parts) for p in word_parts]
    start = 0  # the first part not read as a title
    while start < len(flat):
        for size in range(min(longest, len(flat) - start), 0, -1):
            end = start + size
            # a title ends where a written word ends (آیت‌الله is one; آیت alone is none)
            if (end == len(flat) or flat[end][1] != flat[end - 1][1]) and \
                    "".join([p for p, _ in flat[start:end]]) in titles:
                start = end
                break
        else:
            break
    if start == 0 or len(words) - flat[start - 1][1] - 1 < 2:
        return None  # (a name of one word says too little: سید علی is not screened as علی)
    return " ".join(words[flat[start][1]:])
