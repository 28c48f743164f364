"""Listed people of Spanish-speaking countries, their names written in Arabic script by rule.

usage: python benchmarks/arabic_spanish.py [--home DIR] [-v] [--heldout]

A set of its own (session 30, issue 11): Arabic and Persian write a Spanish name by its
sound, and Spanish spells sounds Arabic writes with letters Latin does not use for them:
J and the G before e, i as خ (JUAN خوان, JORGE خورخي), LL as ي (CASTILLO كاستيو), Z and
the C before e, i as س, QU as ك, the silent H not at all.

Selection rule (written before the first run): the OFAC SDN list's persons whose
nationality or citizenship is one of `COUNTRIES`, by uid (as a number), the first `LIMIT`
whose primary name is "SURNAMES, Given names" with every word of Latin letters (accents
allowed); each is written given names first, then surnames.

Writing rule (`write`, the writer's, from the Arabic press's usual spelling of Spanish
names, applied letter by letter and never adjusted to a name): accents folded (ñ is ني);
CH تش, LL ي, RR ر, QU before e, i ك, GU before e, i غ; J, and G before e, i, خ; other G غ;
C before e, i and Z س, other C and K ك; H dropped; V and F ف, B and P ب; X كس; Y ي, W و;
D T L M N R S as د ت ل م ن ر س; vowels: a ا, e and i ي, o and u و, a word's first vowel on
an alef (A أ, E إ, I إي, O and U أو); two vowels each written; the particles de, del, la,
los, las, y as دي, ديل, لا, لوس, لاس, إي.

Labelling rule: the Arabic text, screened as a Person against the whole index (the
bundled lists), should alert on the SDN record among the top 10. Halves by the SDN uid
(`evalsets.split`): rules are made on the tuning half; the held-out half's total is
printed only with `--heldout`, to be read once, at the end. `-v` lists the tuning half's
misses (never the held-out half's).

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists.
"""

from __future__ import annotations

import re
import unicodedata

import evalsets
from arabic_titled import score_people
from common import run_heldout_set

#: Spanish-speaking countries (ISO 3166-1 alpha-2)
COUNTRIES = frozenset(("mx", "co", "ve", "ni", "ar", "cl", "pe", "ec", "cu", "es", "gt",
                       "hn", "sv", "pa", "bo", "py", "uy", "do", "cr"))
LIMIT = 240

_PARTICLES = {"de": "دي", "del": "ديل", "la": "لا", "los": "لوس", "las": "لاس", "y": "إي"}
_FIRST_VOWEL = {"a": "أ", "e": "إ", "i": "إي", "o": "أو", "u": "أو"}
_VOWEL = {"a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و"}
_CONSONANT = {"b": "ب", "p": "ب", "v": "ف", "f": "ف", "d": "د", "t": "ت", "l": "ل",
              "m": "م", "n": "ن", "r": "ر", "s": "س", "z": "س", "k": "ك", "j": "خ",
              "x": "كس", "y": "ي", "w": "و", "h": ""}


def _fold(word: str) -> str:
    word = word.lower().replace("ñ", "\0")
    word = "".join(ch for ch in unicodedata.normalize("NFD", word)
                   if unicodedata.category(ch) != "Mn")
    return word.replace("\0", "ñ")


def write_word(word: str) -> str:
    """One Spanish word in Arabic script (the module doc's writing rule)."""
    w = _fold(word)
    if w in _PARTICLES:
        return _PARTICLES[w]
    out: list[str] = []
    i = 0
    while i < len(w):
        ch, nxt = w[i], w[i + 1:i + 2]
        if ch in _VOWEL:
            out.append(_FIRST_VOWEL[ch] if not out else _VOWEL[ch])
            i += 1
            continue
        if w[i:i + 2] == "ch":
            out.append("تش")
            i += 2
        elif w[i:i + 2] == "ll":
            out.append("ي")
            i += 2
        elif w[i:i + 2] == "rr":
            out.append("ر")
            i += 2
        elif w[i:i + 2] in ("qu", "gu") and w[i + 2:i + 3] in ("e", "i"):
            out.append("ك" if ch == "q" else "غ")
            i += 2
        elif ch == "q":
            out.append("ك")
            i += 1
        elif ch == "g":
            out.append("خ" if nxt in ("e", "i") else "غ")
            i += 1
        elif ch == "c":
            out.append("س" if nxt in ("e", "i") else "ك")
            i += 1
        elif ch == "ñ":
            out.append("ني")
            i += 1
        else:
            out.append(_CONSONANT.get(ch, ""))
            i += 1
        if out and out[-1] == "" and len(out) == 1:
            out.pop()  # (a first silent h: the vowel after it starts the word)
    return "".join(out)


_WORD = re.compile(r"^[^\W\d_]+$")


def write(name: str) -> str | None:
    """The name in Arabic script, given names first; None when a word is not of letters."""
    if name.count(",") != 1:
        return None
    surnames, given = (part.split() for part in name.split(","))
    words = given + surnames
    if len(words) < 2 or not all(_WORD.match(w) for w in words):
        return None
    return " ".join(write_word(w) for w in words)


def cases(records: list[dict]) -> list[tuple[str, str, str]]:
    """(SDN uid, primary name, Arabic text) of the selection rule's people."""
    people = []
    for r in records:
        if r["dataset"] != "us_ofac_sdn" or r["schema"] != "Person":
            continue
        props = r["properties"]
        if COUNTRIES.isdisjoint(props.get("nationality", []) + props.get("citizenship", [])):
            continue
        name = props.get("name", [""])[0]
        text = write(name)
        if text is not None:
            people.append((int(r["source_id"]), name, text))
    return [(str(uid), name, text) for uid, name, text in sorted(people)[:LIMIT]]


def run(verbose: bool, heldout: bool) -> None:
    score_people("arabic_spanish", cases(evalsets.load_records()), verbose, heldout)


if __name__ == "__main__":
    run_heldout_set(run)
