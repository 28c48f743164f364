"""Listed persons written in Han characters, as Chinese books write foreign names, screened against the lists.

usage: python benchmarks/han_listed.py [--home DIR] [-v] [--half tune|test|all]

A set of its own (session 19): people on the OFAC SDN list (../shared/data/lists) of
Russian, Belarusian, Ukrainian, Arabic, Persian, Venezuelan and Zimbabwean names, each
written as the Chinese-language Wikipedia titles them (given name first, a "·" between the
parts, the transcription of Xinhua's 世界人名翻译大辞典: 弗拉基米尔·普京), and a few of them
as Taiwan and Hong Kong write them (traditional characters, their own transcriptions:
普丁, 馬杜洛). The Han forms were written by the helper who built the reading (session
19, a language model) from memory of those titles, not copied from a Chinese source at
the time: a title may differ in a character (涅/聂, 娅/亚), which is the variation a book
has too.

Labelling rule: a case is found when a result at or above the threshold is one of the
entities the listed Latin name itself alerts on (the person's own record and its copies
on other lists). Screened against the whole index as a Person, as a book is.

Halves: the cases in even places (0, 2, 4, ...) are the tuning half, those in odd places
the held-out half, read once at the end of the session (`--half test`); the first case
is the brief's example, in the tuning half.

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists. `-v` lists the misses (of the tuning half only, unless
--half says otherwise).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import use_home

#: (Han, the listed name as the SDN list writes it)
CASES = [
    ("弗拉基米尔·普京", "PUTIN, Vladimir Vladimirovich"),
    ("谢尔盖·拉夫罗夫", "LAVROV, Sergei Viktorovich"),
    ("德米特里·佩斯科夫", "PESKOV, Dmitriy Sergeevich"),
    ("谢尔盖·绍伊古", "SHOIGU, Sergei Kuzhugetovich"),
    ("米哈伊尔·米舒斯京", "MISHUSTIN, Mikhail Vladimirovich"),
    ("阿列克谢·米勒", "MILLER, Alexey Borisovich"),
    ("伊戈尔·谢钦", "SECHIN, Igor Ivanovich"),
    ("根纳季·季姆琴科", "TIMCHENKO, Gennady Nikolayevich"),
    ("奥列格·德里帕斯卡", "DERIPASKA, Oleg"),
    ("阿利舍尔·乌斯马诺夫", "USMANOV, Alisher Burhanovich"),
    ("拉姆赞·卡德罗夫", "KADYROV, Ramzan Akhmatovich"),
    ("叶夫根尼·普里戈任", "PRIGOZHIN, Yevgeniy Viktorovich"),
    ("尼古拉·帕特鲁舍夫", "PATRUSHEV, Nikolai Platonovich"),
    ("瓦列里·格拉西莫夫", "GERASIMOV, Valery"),
    ("维克托·维克塞尔伯格", "VEKSELBERG, Viktor Feliksovich"),
    ("阿尔卡季·罗滕贝格", "ROTENBERG, Arkady Romanovich"),
    ("尤里·科瓦利丘克", "KOVALCHUK, Yuri Valentinovich"),
    ("谢尔盖·基里延科", "KIRIYENKO, Sergei Vladilenovich"),
    ("谢尔盖·纳雷什金", "NARYSHKIN, Sergey Yevgenyevich"),
    ("亚历山大·博尔特尼科夫", "BORTNIKOV, Alexander Vasilievich"),
    ("瓦莲京娜·马特维延科", "MATVIYENKO, Valentina Ivanovna"),
    ("玛丽亚·扎哈罗娃", "ZAKHAROVA, Mariya Vladimirovna"),
    ("埃尔维拉·纳比乌琳娜", "NABIULLINA, Elvira Sakhipzadovna"),
    ("苏莱曼·克里莫夫", "KERIMOV, Suleiman Abusaidovich"),
    ("安德烈·科斯京", "KOSTIN, Andrey Leonidovich"),
    ("格尔曼·格列夫", "GREF, Herman Oskarovich"),
    ("亚历山大·卢卡申科", "LUKASHENKA, Alyaksandr Ryhorovich"),
    ("巴沙尔·阿萨德", "AL-ASSAD, Bashar"),
    ("马希尔·阿萨德", "AL-ASSAD, Maher"),
    ("拉米·马赫卢夫", "MAKHLUF, Rami"),
    ("尼古拉斯·马杜罗", "MADURO MOROS, Nicolas"),
    ("迪奥斯达多·卡韦略", "CABELLO RONDON, Diosdado"),
    ("德尔西·罗德里格斯", "RODRIGUEZ GOMEZ, Delcy Eloina"),
    ("阿里·哈梅内伊", "KHAMENEI, Ali Husseini"),
    ("易卜拉欣·莱希", "RAISI, Ebrahim"),
    ("哈桑·纳斯鲁拉", "NASRALLAH, Hasan"),
    ("艾曼·扎瓦希里", "AL ZAWAHIRI, Dr. Ayman"),
    ("埃默森·姆南加古瓦", "MNANGAGWA, Emmerson Dambudzo"),
    ("维克托·亚努科维奇", "YANUKOVYCH, Viktor Fedorovych"),
    ("谢尔盖·切梅佐夫", "CHEMEZOV, Sergei"),
    ("鲍里斯·罗滕贝格", "ROTENBERG, Boris Romanovich"),
    ("米哈伊尔·弗里德曼", "FRIDMAN, Mikhail Maratovich"),
    ("安德烈·梅利尼琴科", "MELNICHENKO, Andrey Igorevich"),
    ("阿列克谢·莫尔达绍夫", "MORDASHOV, Alexey Aleksandrovich"),
    ("弗拉基米尔·波塔宁", "POTANIN, Vladimir Olegovich"),
    ("谢尔盖·索比亚宁", "SOBYANIN, Sergey Semyonovich"),
    ("维亚切斯拉夫·沃洛金", "VOLODIN, Vyacheslav Victorovich"),
    ("安东·西卢阿诺夫", "SILUANOV, Anton Germanovich"),
    ("卡西姆·苏莱曼尼", "SOLEIMANI, Qasem"),
    ("德米特里·乌特金", "UTKIN, Dmitriy Valeryevich"),
    # traditional characters, Taiwan's and Hong Kong's transcriptions
    ("弗拉迪米爾·普丁", "PUTIN, Vladimir Vladimirovich"),
    ("謝爾蓋·拉夫羅夫", "LAVROV, Sergei Viktorovich"),
    ("巴沙爾·阿薩德", "AL-ASSAD, Bashar"),
    ("尼古拉斯·馬杜洛", "MADURO MOROS, Nicolas"),
    ("亞歷山大·盧卡申科", "LUKASHENKA, Alyaksandr Ryhorovich"),
    ("德米特里·梅德韋傑夫", "MEDVEDEV, Dmitry"),
    ("哈桑·納斯魯拉", "NASRALLAH, Hasan"),
    ("奧列格·德里帕斯卡", "DERIPASKA, Oleg"),
    ("謝爾蓋·紹伊古", "SHOIGU, Sergei Kuzhugetovich"),
    ("伊戈爾·謝欽", "SECHIN, Igor Ivanovich"),
    ("阿里·哈米尼", "KHAMENEI, Ali Husseini"),
    ("維克托·亞努科維奇", "YANUKOVYCH, Viktor Fedorovych"),
]


def half(name: str) -> list[tuple[str, str]]:
    """The cases of one half: "tune" (even places), "test" (odd places) or "all"."""
    if name == "all":
        return CASES
    return CASES[0 if name == "tune" else 1::2]


def run(verbose: bool, which: str) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    cases = half(which)
    found = 0
    for han, listed in cases:
        expected = {r.entity_id for r in match_query(index, Query(listed, "Person"), cfg)
                    if r.match}
        res = match_query(index, Query(han, "Person"), cfg, limit=10)
        hit = any(r.match and r.entity_id in expected for r in res)
        found += hit
        if verbose and not hit:
            best = f"{res[0].score:.3f} {res[0].name}" if res else "no candidate"
            print(f"miss: {han} ({listed}) | best {best}")
    print(f"han_listed ({which} half, threshold {cfg.threshold}): {found}/{len(cases)}")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("-v", action="store_true", dest="verbose")
    p.add_argument("--half", choices=("tune", "test", "all"), default="tune")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        run(args.verbose, args.half)


if __name__ == "__main__":
    main()
