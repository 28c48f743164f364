"""Han-script names of Hong Kong and mainland officials on the OFAC SDN list, screened whole.

usage: python benchmarks/zh_persons.py [--home DIR] [-v]

A set of its own (session 18). Labelling rule: the people of the SDN list's HK-EO13936
program whose Chinese name the Hong Kong or Chinese government publishes (as the
official's name on the government's own site), in traditional and in simplified
characters; each Han form should match that SDN record (`source_id`) at the threshold,
screened as a Person against every bundled list. The Hong Kong group is listed under the
Hong Kong government's Cantonese spelling (TANG Ping-keung); some of them also carry a
pinyin alias (CENG Guowei, LI Jiachao, LIU Cihui, LI Guihua, TAN Yaozong), which the
Mandarin reading already meets. The mainland group is listed in pinyin: it must keep
matching when a Cantonese reading is added. No halves: a check, not a set to tune on
(the romanisation rules come from their published source, not from these names).
`-v` lists the misses.

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists.
"""

from __future__ import annotations

from common import run_own_set

#: (SDN ent_num, traditional, simplified); Hong Kong people, listed in Cantonese spelling
HONG_KONG = [
    ("29242", "鄧炳強", "邓炳强"),  # TANG Ping-keung
    ("29243", "鄭若驊", "郑若骅"),  # CHENG Yeuk-wah
    ("29244", "盧偉聰", "卢伟聪"),  # LO Wai-chung
    ("29246", "曾國衞", "曾国卫"),  # TSANG Kwok-wai
    ("29249", "林鄭月娥", "林郑月娥"),  # LAM CHENG Yuet-ngor
    ("29250", "李家超", "李家超"),  # LEE Ka-chiu
    ("29260", "陳國基", "陈国基"),  # CHAN Kwok-ki
    ("30322", "劉賜蕙", "刘赐蕙"),  # LAU Chi-wai
    ("30343", "李桂華", "李桂华"),  # LI Kwai-wah
    ("30964", "蔡展鵬", "蔡展鹏"),  # CHOI Chin-pang
    ("30966", "簡啟恩", "简启恩"),  # KAN Kai-yan
    ("30969", "譚耀宗", "谭耀宗"),  # TAM Yiu-chung
]
#: mainland officials of the same program, listed in pinyin
MAINLAND = [
    ("29259", "張曉明", "张晓明"),  # ZHANG Xiaoming
    ("29261", "鄭雁雄", "郑雁雄"),  # ZHENG Yanxiong
    ("29262", "夏寶龍", "夏宝龙"),  # XIA Baolong
    ("29263", "駱惠寧", "骆惠宁"),  # LUO Huining
    ("30503", "王晨", "王晨"),  # WANG Chen
    ("30504", "曹建明", "曹建明"),  # CAO Jianming
]


def run(verbose: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    for group, rows in (("hong_kong", HONG_KONG), ("mainland", MAINLAND)):
        texts = {(sid, t) for sid, trad, simp in rows for t in (trad, simp)}
        hits = 0
        for sid, text in sorted(texts):
            res = match_query(index, Query(name=text, schema="Person"), cfg, limit=10)
            found = any(r.match and r.source_id == sid for r in res)
            hits += found
            if verbose and not found:
                best = f"{res[0].score:.3f} {res[0].name} {res[0].explanation}" if res else "-"
                print(f"miss {sid} {text}: {best}")
        print(f"zh_persons {group} (threshold {cfg.threshold}): recall {hits}/{len(texts)}"
              f" = {hits / len(texts):.4f}")


def main() -> None:
    run_own_set(run)


if __name__ == "__main__":
    main()
