"""Write `clearance/resources/hangul_sino.yml`: each Hangul syllable that is the Korean
reading (Sino-Korean, 한자음) of a common Han character, with the Mandarin syllables of
those characters (`clearance.match.hangul_sino`).

Sources, both already dependencies of the project:
- the Korean collation of the Unicode CLDR (ICU's `ko` tailoring, through PyICU): it
  files each Han character after the Hangul syllable of its Korean reading
  ("&모<<*侮冒募姆帽慕..."). Each syllable's list opens with the 4,888 characters of the
  Korean national character set KS X 1001 in code-point order, then the rarer ones start
  again from the lowest code point: only that first, ascending run is read (the
  characters Korean names and books use).
- pypinyin's character dictionary: each character's first Mandarin reading (its
  commonest; a character's rare other readings would widen every syllable), without its
  tone, ü as u (as the lists write LU, NU).

Run once, by hand, when either source changes: `python benchmarks/hangul_sino_table.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "clearance" / "resources" / "hangul_sino.yml"

HEADER = """\
# Hangul syllable -> the Mandarin syllables (pinyin without tones, u for u-umlaut) of the
# common Han characters that syllable writes as their Korean reading (Sino-Korean,
# 한자음), commonest first (by how many characters read so): `clearance.match.hangul_sino`.
#
# Sources (written by benchmarks/hangul_sino_table.py; do not edit by hand):
# - The Unicode CLDR Korean collation (ICU {icu} via PyICU, its "ko" tailoring), which
#   files each Han character after the Hangul syllable of its Korean reading; of each
#   syllable's characters only the first run in code-point order is read, the 4,888
#   characters of the Korean standard set KS X 1001 (the rarer ones follow it).
# - pypinyin {pypinyin}'s character dictionary (pinyin_dict): each character's first
#   (commonest) Mandarin reading.
# Added (the Standard Korean Dictionary): 김 jin (金, filed under 금, read 김 as a surname),
# 녀 nu (女, filed under its word-initial 여).
# Readings the initial-sound rule (두음법칙: 李 리 written 이 at a word's start) changes
# are not applied here: the module applies the rule.
"""


#: readings the collation files elsewhere (표준국어대사전, the National Institute of Korean
#: Language's Standard Korean Dictionary): 金 is 금 (gold) but 김 as a surname; 女 녀, filed
#: under its word-initial 여 only
EXTRA_READINGS = {"김": ["jin"], "녀": ["nu"]}


def main() -> None:
    import icu
    import pypinyin
    from pypinyin.pinyin_dict import pinyin_dict

    rules = icu.Collator.createInstance(icu.Locale("ko")).getRules()
    table: dict[str, list[str]] = {}
    for syllable, chars in re.findall(r"&([\uac00-\ud7a3])<<\*([^&\[]*)", rules):
        counts: Counter[str] = Counter()
        last = 0
        for ch in chars:
            if ord(ch) < last:
                break  # (the rarer characters, after KS X 1001's)
            last = ord(ch)
            for r in pinyin_dict.get(ord(ch), "").split(",")[:1]:
                plain = "".join(c for c in unicodedata.normalize("NFD", r)
                                if not unicodedata.combining(c))
                if plain.isascii() and plain.isalpha():
                    counts[plain.lower()] += 1
        if counts:
            ranked = sorted(counts, key=lambda s: (-counts[s], s))
            table.setdefault(syllable, [])
            table[syllable] += [s for s in ranked if s not in table[syllable]]
    for syllable, readings in EXTRA_READINGS.items():
        table.setdefault(syllable, [])
        table[syllable] += [r for r in readings if r not in table[syllable]]
    lines = [HEADER.format(icu=icu.ICU_VERSION, pypinyin=pypinyin.__version__)]
    lines += [f"{s}: {' '.join(v)}" for s, v in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} syllables")


if __name__ == "__main__":
    main()
