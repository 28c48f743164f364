"""Hangul names of listed DPRK organisations, against the lists, and Hangul false alerts.

usage: python benchmarks/korean_orgs.py [--home DIR] [--population N] [-v]

A set of its own (session 18). The lists carry no Hangul (the UN list's original-script
field is empty for every KP entry), so the cases come from Korean-language public reports.
Labelling rule: a case is a DPRK organisation's name exactly as a cited Korean-language
report prints it (spaces kept; a name inside a longer phrase is taken without the
surrounding words), where the report says the organisation is the one a listed entry
names, paired with that entry's English name on the bundled lists (../shared/data/lists,
SOURCES.md). A case is found when a result at the threshold (0.80) is an entity of the
lists carrying that English name (its SDN, UN or CSL record alike). No halves: the rules
and the term table (resources/ko_terms.yml) were written from the lists' own romanised
Korean aliases and the words of these names, so this is a measure of coverage, not a
set to tune a threshold on.

False alerts: `--population N` screens N Korean names of Faker's ko_KR locale (four
people to one company, as `common.population_names` draws them) and prints the share
that alert; run it on the base tree and on this one.

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import population_names, use_home

_HANKYUNG_0904 = "hankyung.com/international/article/2009042648791"
_HANKYUNG_0909 = "hankyung.com/article/2009090982085"
_KMIB = "kmib.co.kr/article/view.asp?arcid=0006045238"
_KRNEWS = "krnews21.co.kr/article/57039"
_DAILYNK_1301 = "dailynk.com: 유엔 對北제재 리스트 추가 기관 6곳과 개인 4명은"
_DAILYNK_1303 = "dailynk.com: 유엔 새 대북제재에 추가될 기관, 개인은?"
_HANI = "211.233.22.161/arti/politics/politics_general/805694.html (Hankyoreh)"
_USEMB = "kr.usembassy.gov/ko/092617-treasury-sanctions-banks-representatives-linked-..."
_DONGA = "donga.com/news/amp/all/20101119/32724090/1"
_YOUTH = "youthdaily.co.kr/news/article.html?no=4697"
_MEDIAPEN = "m.mediapen.com/news/view/309603"
_WOWTV = "wowtv.co.kr/NewsCenter/News/Read?articleId=A201303120081"

#: (Hangul name as printed, the listed English name, source)
CASES = [
    ("조선광업개발무역회사", "KOREA MINING DEVELOPMENT TRADING CORPORATION", _HANKYUNG_0904),
    ("조선룡봉종합회사", "KOREA RYONBONG GENERAL CORPORATION", _HANKYUNG_0904),
    ("단천상업은행", "TANCHON COMMERCIAL BANK", _HANKYUNG_0904),
    ("원자력총국", "GENERAL BUREAU OF ATOMIC ENERGY (GBAE)", _HANKYUNG_0909),
    ("조선단군무역회사", "KOREA TANGUN TRADING CORPORATION", _HANKYUNG_0909),
    ("조선 단군무역회사", "KOREA TANGUN TRADING CORPORATION", _HANKYUNG_0909),
    ("청송연합", "GREEN PINE ASSOCIATED CORPORATION", _KMIB),
    ("조선흥진무역회사", "KOREA HEUNGJIN TRADING COMPANY", _KMIB),
    ("압록강개발은행", "AMROGGANG DEVELOPMENT BANKING CORPORATION", _KMIB),
    ("남천강 무역회사", "NAMCHONGANG TRADING CORPORATION", _KRNEWS),
    ("조선혁신 무역회사", "KOREA HYOKSIN TRADING CORPORATION", _KRNEWS),
    ("조선 원자력 총국", "GENERAL BUREAU OF ATOMIC ENERGY (GBAE)", _KRNEWS),
    ("조선 련봉 총회사", "KOREA RYONBONG GENERAL CORPORATION", _KRNEWS),
    ("조선우주공간기술위원회", "KOREAN COMMITTEE FOR SPACE TECHNOLOGY", _DAILYNK_1301),
    ("동방은행", "BANK OF EAST LAND", _DAILYNK_1301),
    ("조선금룡무역회사", "KOREA KUMRYONG TRADING CORPORATION", _DAILYNK_1301),
    ("조선연하기계합영회사", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION", _DAILYNK_1301),
    ("제2자연과학원", "SECOND ACADEMY OF NATURAL SCIENCES", _DAILYNK_1303),
    ("조선종합설비수입회사", "KOREA COMPLEX EQUIPMENT IMPORT CORPORATION", _DAILYNK_1303),
    ("조선연봉총회사", "KOREA RYONBONG GENERAL CORPORATION", _DAILYNK_1303),
    ("조선무역은행", "FOREIGN TRADE BANK (FTB)", _HANI),
    ("만수대해외개발회사그룹", "MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES", _HANI),
    ("조선민족보험총회사", "KOREAN NATIONAL INSURANCE COMPANY (KNIC)", _HANI),
    ("고려신용개발은행", "KORYO CREDIT DEVELOPMENT BANK", _HANI),
    ("대성신용개발은행", "KORYO CREDIT DEVELOPMENT BANK", _HANI),
    ("조선중앙은행", "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", _USEMB),
    ("조선대성은행", "KOREA DAESONG BANK", _DONGA),
    ("조선대성무역총회사", "KOREA DAESONG GENERAL TRADING CORPORATION", _DONGA),
    ("정찰총국", "RECONNAISSANCE GENERAL BUREAU", _DONGA),
    ("조선광업개발주식회사", "KOREA MINING DEVELOPMENT TRADING CORPORATION", _WOWTV),
    ("라선국제상업은행", "RASON INTERNATIONAL COMMERCIAL BANK", _YOUTH),
    ("농업개발은행", "AGRICULTURAL DEVELOPMENT BANK", _YOUTH),
    ("제일신용은행", "CHEIL CREDIT BANK", _YOUTH),
    ("하나은행", "HANA BANKING CORPORATION LTD", _YOUTH),
    ("국제산업개발은행", "INTERNATIONAL INDUSTRIAL DEVELOPMENT BANK", _YOUTH),
    ("진명합영은행", "JINMYONG JOINT BANK", _YOUTH),
    ("고려상업은행", "KORYO COMMERCIAL BANK LTD.", _YOUTH),
    ("류경상업은행", "RYUGYONG COMMERCIAL BANK", _YOUTH),
    ("조선컴퓨터센터", "KOREA COMPUTER CENTER", _YOUTH),
    ("조선아연공업총회사", "KOREA ZINC INDUSTRIAL GROUP", _YOUTH),
    ("대원산업회사", "DAEWON INDUSTRIES", _YOUTH),
    ("송이무역회사", "SONGI TRADING COMPANY", _YOUTH),
    ("조선금별무역", "KOREA KUMBYOL TRADING COMPANY", _YOUTH),
    ("능라도룡악무역회사", "KOREA RUNGRADO RYONGAK TRADING CO", _YOUTH),
    ("조선남남협조회사", "KOREA SOUTH-SOUTH COOPERATION CORPORATION", _YOUTH),
    ("조선능라도선박회사", "KOREA RUNGRADO SHIPPING CO", _YOUTH),
    ("대봉선박회사", "KOREA DAEBONG SHIPPING CO", _YOUTH),
    ("조선유성선박회사", "YUSONG SHIPPING CO", _YOUTH),
    ("대외건설지도국", "EXTERNAL CONSTRUCTION BUREAU", _MEDIAPEN),
    ("인민군 보위국", "MILITARY SECURITY COMMAND", _MEDIAPEN),
]


def _key(text: str) -> str:
    return " ".join(text.upper().split())


def recall(verbose: bool) -> None:
    """Recall of the cases against the lists at the threshold."""
    from clearance.index.store import ensure_index
    from clearance.match.engine import entity_names, match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    wanted = {_key(listed) for _, listed, _ in CASES}
    carriers: dict[str, set[str]] = {w: set() for w in wanted}
    for e_idx, names in enumerate(entity_names(index)):
        for _, _, text in names:
            if _key(text) in carriers:
                carriers[_key(text)].add(index.entities[e_idx].entity_id)
    missing = sorted(w for w, ids in carriers.items() if not ids)
    if missing:
        raise SystemExit(f"not on the loaded lists: {missing}")
    hits = 0
    for text, listed, _ in CASES:
        res = match_query(index, Query(name=text, schema="LegalEntity"), cfg, limit=10)
        found = any(r.match and r.entity_id in carriers[_key(listed)] for r in res)
        hits += found
        if verbose:
            best = f"{res[0].score:.3f} {res[0].name}" if res else "no candidate"
            print(f"{'hit ' if found else 'miss'} {text} | {listed} | best {best}")
    print(f"korean_orgs (Hangul names of listed DPRK organisations; threshold "
          f"{cfg.threshold}): recall {hits}/{len(CASES)} = {hits / len(CASES):.4f}")


def false_alerts(n: int, verbose: bool) -> None:
    """The share of Faker ko_KR names (people and companies) that alert."""
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    names = population_names(n, seed=18, locales=["ko_KR"])
    alerts = {"Person": 0, "Company": 0}
    counts = {"Person": 0, "Company": 0}
    for text, schema in names:
        for query in (Query(name=text, schema=schema), Query(name=text, schema="LegalEntity")):
            res = match_query(index, query, cfg, limit=1)
            alerted = bool(res) and res[0].match
            key = schema
            counts[key] += 1
            alerts[key] += alerted
            if verbose and alerted:
                print(f"alert {text} ({query.schema}) -> {res[0].name} {res[0].score:.3f}")
    total = sum(alerts.values())
    print(f"ko_KR population ({n} names, each as its own type and as LegalEntity; seed 18): "
          f"{total}/{sum(counts.values())} queries alert (people {alerts['Person']}/"
          f"{counts['Person']}, companies {alerts['Company']}/{counts['Company']})")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("--population", type=int, default=0)
    p.add_argument("-v", action="store_true", dest="verbose")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        recall(args.verbose)
        if args.population:
            false_alerts(args.population, args.verbose)


if __name__ == "__main__":
    main()
