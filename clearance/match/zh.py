"""Chinese names: translate known business terms and brands, romanise the rest (pinyin).

Listed Chinese companies appear in English ("Hangzhou Hikvision Digital Technology Co.,
Ltd."), while a query may be the registered Chinese name. Longest-match segmentation over
the term table (`resources/zh_terms.yml`) and the brand table (`resources/zh_companies.yml`)
turns 杭州海康威视数字技术股份有限公司 into "hangzhou hikvision digital technology co ltd";
characters outside both tables become pinyin syllables (person names: 王伟 -> "wang wei").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from clearance.resources import load_resource

__all__ = ["english_names", "has_han", "romanize", "term_table"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    """True when the text contains Chinese characters."""
    return _HAN.search(text) is not None


@cache
def term_table() -> dict[str, str]:
    """Chinese term -> English words, brands included (longest terms win in `romanize`)."""
    table: dict[str, str] = dict(load_resource("zh_terms")["terms"])
    for company in load_resource("zh_companies")["companies"]:
        table[company["brand_zh"]] = company["brand_en"].lower()
    return table


@cache
def _max_term() -> int:
    return max(len(k) for k in term_table())


@lru_cache(maxsize=1 << 17)  # one entry per Han character at most (about 100,000)
def _pinyin(char: str) -> str:
    """One character's pinyin (pypinyin takes some 40 microseconds a call)."""
    from pypinyin import lazy_pinyin  # its phrase tables take long to import: Han text only

    return " " + " ".join(lazy_pinyin(char)) + " "


def romanize(text: str) -> str:
    """Translate known terms, pinyin for the rest; non-Chinese text passes through."""
    table = term_table()
    out: list[str] = []
    i = 0
    while i < len(text):
        if not _HAN.match(text[i]):
            out.append(text[i])
            i += 1
            continue
        for size in range(min(_max_term(), len(text) - i), 0, -1):
            word = table.get(text[i:i + size])
            if word is not None:
                out.append(f" {word} ")
                i += size
                break
        else:
            out.append(_pinyin(text[i]))
            i += 1
    return " ".join("".join(out).split())


def english_names(text: str) -> list[str]:
    """English listed names of curated companies whose Chinese legal name is in `text`."""
    found = []
    for company in load_resource("zh_companies")["companies"]:
        if company["zh"] in text:
            found.append(str(company["en"]))
    return found
