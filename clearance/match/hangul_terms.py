"""Korean organisation names in Hangul: translate the words listed names translate.

The lists name DPRK organisations in English ("KOREA MINING DEVELOPMENT TRADING
CORPORATION") or in McCune-Reischauer ("CHOSON TAESONG UNHAENG"), while a query may be
the name in Hangul, written as one word (조선광업개발무역회사). Romanised as one word it meets
neither. Longest-match segmentation over the term table (`resources/ko_terms.yml`) cuts
it into words, and the known words are put into English; a Korean name keeps the English
order (조선 광업 개발 무역 회사: Korea Mining Development Trading Corporation). The words
between terms are proper names the lists transliterate, written as the DPRK writes them
(McCune-Reischauer, `hangul.romanize(..., "mr")`: 단군 Tangun, 련봉 Ryonbong) and by the
Revised Romanization (Dangun). Every reading is an extra query name beside the original.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from clearance.match import hangul
from clearance.match.orgs import legal_forms_words
from clearance.resources import load_resource

__all__ = ["english_names", "segments", "south_company", "terms"]

_HANGUL = re.compile("[\uac00-\ud7a3]")
_RUNS = re.compile("[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+")  # Hangul, and the rest (제2: 제, 2)
#: most readings in English of one name (each term with two forms doubles them)
_MAX_READINGS = 5


@cache
def terms() -> dict[str, tuple[str, ...]]:
    """Hangul term -> its English forms (first the usual one)."""
    return {str(k): tuple(str(v).split("|"))
            for k, v in load_resource("ko_terms")["terms"].items()}


@cache
def _max_term() -> int:
    return max(len(k) for k in terms())


def _term_at(word: str, i: int, after_term: bool) -> str | None:
    """The longest term starting at `word[i]`; a one-syllable term only right after a term
    (성 is a ministry in 인민보안성, a syllable of the name in 대성은행)."""
    table = terms()
    for size in range(min(_max_term(), len(word) - i), 0, -1):
        if size == 1 and not after_term:
            return None
        if word[i:i + size] in table:
            return word[i:i + size]
    return None


def segments(text: str) -> list[tuple[str, bool]]:
    """The name cut into (piece, is a term): terms by longest match, left to right; the
    rest of each written word between terms is one piece (a proper name), or two where
    it mixes Hangul and other letters or digits."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        rest = ""
        i = 0
        while i < len(word):
            term = (_term_at(word, i, bool(out) and out[-1][1] and rest == "")
                    if _HANGUL.match(word[i]) else None)
            if term is None:
                rest += word[i]
                i += 1
                continue
            out += [(run, False) for run in _RUNS.findall(rest)]
            rest = ""
            out.append((term, True))
            i += len(term)
        out += [(run, False) for run in _RUNS.findall(rest)]
    return out


def _spellings(piece: str) -> list[str]:
    """A proper name's spellings, the lists' usual one first: McCune-Reischauer as the
    DPRK writes it since 1992 (ㅈ j: JINMYONG, JOSON PAEKHO), as older entries do (ㅈ ch:
    CHEIL, CHOSON TAESONG), and with the North's initial ㄹ where the South's spelling
    dropped it (`hangul.north_spelling`: 능라도 RUNGRADO); other text as it is."""
    if not _HANGUL.match(piece):
        return [piece]
    mr = hangul.romanize(piece, "mr")
    return list(dict.fromkeys([mr, mr.replace("j", "ch"),
                               hangul.romanize(hangul.north_spelling(piece), "mr")]))


@cache
def _after() -> dict[str, str]:
    """Terms that English puts after the name when the name begins with them."""
    return {str(k): str(v) for k, v in load_resource("ko_terms")["after"].items()}


@cache
def _south_forms() -> tuple[str, ...]:
    """South Korea's company forms (주식회사, (주)): DPRK organisations have none."""
    return tuple(str(f) for f in load_resource("ko_terms")["south_forms"])


def south_company(text: str) -> bool:
    """Whether a name carries a South Korean company form (주식회사, 유한회사, (주)): a
    South Korean company's name, neither a DPRK organisation's nor a foreign one's (but
    see `_north_form`)."""
    return any(form in text for form in _south_forms())


def _north_form(text: str) -> str | None:
    """A name that begins with the DPRK's own name for its country (resources/ko_terms.yml
    `north_first`: 조선; the South writes 한국) and carries a South Korean company form: a
    South Korean writer giving a DPRK company its own register's form (조선단군무역주식회사
    for KOREA TANGUN TRADING CORPORATION). The name with its forms read as the company they
    say it is (회사), else None."""
    forms = [f for f in _south_forms() if f in text]
    if not forms:
        return None
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, " ")
    text = " ".join(text.split())
    if not text.startswith(_north_first()):
        return None
    return text if text.endswith("회사") else f"{text} 회사"


@cache
def _north_first() -> tuple[str, ...]:
    """The DPRK's own names for its country, as a name's first word (`_north_form`)."""
    return tuple(str(f) for f in load_resource("ko_terms")["north_first"])


@cache
def _legal(term: str) -> bool:
    """A term that is only a legal form (회사 corporation, 연합회 association)."""
    return set(terms()[term][0].split()) <= legal_forms_words()


def _telling(pieces: list[tuple[str, bool]]) -> bool:
    """Whether a name says enough to be translated: a known word that is not a legal form,
    and one more piece that is not one either. 회사 미래 (a legal form and a name) and
    종합 회사 (and one word) would meet any listed name holding "mirae" or "general";
    untranslated, they stay the one run-together word they are."""
    words = [p for p, is_term in pieces if not (is_term and _legal(p))]
    return len(words) >= 2 and any(p in terms() for p in words)


def english_names(text: str) -> list[str]:
    """Latin readings of a Hangul organisation name with known words; [] when it has
    none but legal forms, or nothing else (`_telling`), or is a South Korean company's
    (a DPRK company's name with a South Korean form is read as a company: `_north_form`).

    In order: the terms in English with the proper names in each spelling of
    `_spellings` ("korea tangun trading corporation" for 조선단군무역회사); the terms'
    last English forms with the names in the Revised Romanization ("korean dangun trade
    company"); other combinations of the terms' forms, up to `_MAX_READINGS` readings in
    English; a leading term English puts last ("central bank of the democratic peoples
    republic of korea" for 조선중앙은행); then the whole name word by word in each
    romanisation ("joson tangun muyok hoesa", "choson ...", "joseon dangun muyeok
    hoesa"), as lists that transliterate it write it."""
    north = _north_form(text)
    if north is None and south_company(text):
        return []  # a South Korean company's name (resources/ko_terms.yml: south_forms)
    text = north or text
    pieces = segments(text)
    if not _telling(pieces):
        return []
    table = terms()
    spellings = [_spellings(p) if not is_term else [] for p, is_term in pieces]
    readings = [" ".join(table[p][0] if is_term else sp[min(k, len(sp) - 1)]
                         for (p, is_term), sp in zip(pieces, spellings))
                for k in range(max(len(sp) for sp in spellings) if any(spellings) else 1)]
    readings.append(" ".join(table[p][-1] if is_term else hangul.romanize(p, "rr")
                             for p, is_term in pieces))
    options = [table[p] if is_term else sp[:1] for (p, is_term), sp in zip(pieces, spellings)]
    readings += [" ".join(r) for r in itertools.islice(itertools.product(*options),
                                                       _MAX_READINGS * 2)]
    readings = list(dict.fromkeys(readings))[:_MAX_READINGS]
    after = _after().get(pieces[0][0]) if pieces[0][1] and len(pieces) > 1 else None
    if after is not None:
        readings.append(" ".join([*readings[0].split()[len(table[pieces[0][0]][0].split()):],
                                  after]))
    mr = [_spellings(p)[0] for p, _ in pieces]
    older = [r.replace("j", "ch") if _HANGUL.match(p) else r for r, (p, _) in zip(mr, pieces)]
    readings += [" ".join(mr), " ".join(older),
                 " ".join(hangul.romanize(p, "rr") for p, _ in pieces)]
    return list(dict.fromkeys(readings))
