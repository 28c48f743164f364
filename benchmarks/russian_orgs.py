"""Russian organisations' names in Cyrillic against the English names the lists give them.

usage: python benchmarks/russian_orgs.py [--home DIR] [-v]

A set of its own (session 18, issue 11): Russian books write a company's registered name in
Cyrillic (ПАО «Московская биржа», Федеральная служба безопасности), and the lists often name
it in English only (MOSCOW EXCHANGE, FEDERAL SECURITY SERVICE). Labelling rule: an SDN
organisation with country "ru" whose names include both a transliterated Russian name (one
holding a Russian organisation or legal-form word as OFAC transliterates it, `_RUSSIAN`:
OBSHCHESTVO, AKTSIONERNOE, KORPORATSIYA, ZAVOD ...) and an English one (holding none of
them) names one organisation both ways, so the Russian name, written back in Cyrillic by
the BGN/PCGN table OFAC follows (`_to_cyrillic`; OFAC's own slips, such as ROSSISKI for
российский, are kept), should match one of its English names. Name level, as the wikidata
pairs are scored: the query is matched against an index holding only the entity's English
names, weighted by the rarity of words on the real lists (`quality._pair_index`). The
Cyrillic spelling is a reconstruction (e/э, i/й and soft signs are guessed), so the set
tests reading Russian words, not spelling. Halves by the entity's source id
(`evalsets.split`): rules are made on the tuning half; both are printed. `-v` lists the
misses of the tuning half.

--home: a CLEARANCE_HOME with the bundled lists loaded (for the word weights); by default
a temporary one is loaded from ../shared/data/lists.
"""

from __future__ import annotations

import re

import evalsets
import quality
from common import run_own_set

#: Russian organisation and legal-form words as OFAC transliterates them
_RUSSIAN = frozenset({
    "obshchestvo", "obschchestvo", "aktsionernoe", "aktsionernoye", "aktsionerny",
    "aktsionernogo", "otkrytoe", "otkrytoye", "zakrytoe", "zakrytoye", "publichnoe",
    "publichnoye", "ogranichennoi", "ogranichennoy", "otvetstvennostyu", "korporatsiya",
    "korporatsii", "gosudarstvennaya", "gosudarstvennoe", "gosudarstvenny", "gosudarstvennyi",
    "nauchno", "proizvodstvennoe", "proizvodstvennoye", "proizvodstvennaya", "obedinenie",
    "obyedinenie", "zavod", "kontsern", "tsentr", "upravlenie", "sluzhba", "federalnaya",
    "federalnoe", "rossii", "rossiski", "rossiiskaya", "rossiyskaya", "kompaniya", "gruppa",
    "birzha", "predpriyatie", "imeni",
})
_WORD = re.compile(r"[a-z']+")
#: BGN/PCGN romanisation read backwards, longest spellings first
_BACK = [("tstv", "тств"), ("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
         ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"),
         ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"),
         ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
         ("u", "у"), ("f", "ф"), ("'", "ь"), ("c", "ц"), ("h", "х"), ("j", "й"), ("w", "в"),
         ("x", "кс"), ("q", "к")]
_VOWELS = "aeiouy"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


#: English organisation words: a name holding one is no transliterated Russian name
_ENGLISH = frozenset({
    "joint", "stock", "company", "limited", "liability", "public", "open", "closed", "plant",
    "factory", "research", "scientific", "corporation", "named", "after", "of", "the", "and",
    "state", "federal", "center", "centre", "bureau", "group", "llc", "jsc", "ojsc", "pjsc",
})


def _is_russian(text: str) -> bool:
    words = _words(text)
    return any(w in _RUSSIAN for w in words) and not any(w in _ENGLISH for w in words)


def _word_to_cyrillic(word: str) -> str:
    """One transliterated word back in Cyrillic: ye / yo at the start or after a vowel are
    е / ё (VOYENNY), another y after a vowel is й, else ы; a final i after a vowel is й
    (OGRANICHENNOI)."""
    out: list[str] = []
    k = 0
    while k < len(word):
        ch = word[k]
        prev = word[k - 1] if k else ""
        if word.startswith(("ye", "yo"), k) and (k == 0 or prev in _VOWELS):
            out.append("е" if word[k + 1] == "e" else "ё")  # е, ё after a vowel: ye, yo
            k += 2
            continue
        if ch == "y" and word[k:k + 2] not in ("yu", "ya", "yo"):
            out.append("й" if prev in _VOWELS or k == 0 else "ы")
            k += 1
            continue
        if ch == "i" and k == len(word) - 1 and prev in _VOWELS:
            out.append("й")
            k += 1
            continue
        for latin, cyr in _BACK:
            if word.startswith(latin, k):
                out.append(cyr)
                k += len(latin)
                break
        else:
            out.append(ch)
            k += 1
    return "".join(out)


def _to_cyrillic(text: str) -> str:
    """A transliterated Russian name written back in Cyrillic, word by word; acronyms of
    Latin letters a Russian name keeps (VTB, VEB.RF) are written in Cyrillic too, as a
    Russian register writes them."""
    return re.sub(r"[A-Za-z']+", lambda m: _word_to_cyrillic(m.group(0).lower()), text)


def cases(records: list[dict[str, object]]) -> list[tuple[str, str, list[str]]]:
    """(source id, Cyrillic query, the entity's English names) of every case."""
    out = []
    for r in records:
        props = r["properties"]
        assert isinstance(props, dict)
        if (r["dataset"] != "us_ofac_sdn" or r["schema"] == "Person"
                or "ru" not in props.get("country", [])):
            continue
        names = [str(n) for k in ("name", "alias", "previousName") for n in props.get(k, [])]
        russian = [n for n in names if _is_russian(n)]
        english = [n for n in names if not _is_russian(n)]
        if russian and english:
            out += [(str(r["source_id"]), _to_cyrillic(n), english) for n in russian]
    return out


def run(verbose: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    reference = ensure_index()
    cfg = ScoringConfig()
    totals = {"tune": [0, 0], "test": [0, 0]}
    for source_id, query, english in cases(evalsets.load_records()):
        record = {"entity_id": "c", "dataset": "pair", "source_id": "c",
                  "schema": "Organization", "caption": english[0],
                  "properties": {"name": english}}
        index = quality._pair_index(record, reference)
        res = match_query(index, Query(name=query, schema="Organization"), cfg, limit=1)
        found = bool(res) and res[0].match
        half = evalsets.split(source_id)
        totals[half][0] += found
        totals[half][1] += 1
        if verbose and half == "tune" and not found:
            best = f"{res[0].score:.3f} {res[0].explanation}" if res else "no candidate"
            print(f"miss {source_id}: {query} | {english[:3]} | {best}")
    for half, label in (("tune", "tuning half (in-sample)"), ("test", "held-out half")):
        hits, n = totals[half]
        print(f"russian_orgs {label} (threshold {cfg.threshold}): recall {hits}/{n} = "
              f"{hits / max(n, 1):.4f}")


def main() -> None:
    run_own_set(run)


if __name__ == "__main__":
    main()
