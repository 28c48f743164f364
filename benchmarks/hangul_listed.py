"""Listed persons written in Hangul, as Korean books write foreign customers, screened against the lists.

usage: python benchmarks/hangul_listed.py [--home DIR] [-v] [--half tune|test|all]

A set of its own (session 19): people on the OFAC SDN list (../shared/data/lists) of
Russian, Belarusian, Ukrainian, Arabic, Persian, Burmese and Latin American names (and
one Korean, 김정은, which must keep today's Korean reading), each
written in Hangul as the Korean-language Wikipedia titles its article on the person and
the Korean press writes them: given name first, a space between the words, the
Loanword Orthography (외래어 표기법) of the National Institute of Korean Language (ㅡ after
a lone consonant, ㄹㄹ for l before a vowel, ㅂ for v, ㅍ for f, 시 and 셰 for sh, 치 for ch;
Russian -ий as -이, the Arabic article written together with the name: 알아사드). The
Hangul was written by the helper who built the reading (session 19, a language model) from
memory of those Wikipedia titles, not copied from a page: a paper may spell one otherwise
(올레크 or 올레그 for Oleg).

Labelling rule: a case is found when a result at or above the threshold (0.80) is one of
the entities the listed Latin name itself alerts on (the person's own record and its
copies on other lists). Screened against the whole index, as a book is, as Person.

Halves: `evalsets.split` of the Hangul text (SHA-256, as quality.py splits its sets):
the reading's rules were tuned on the "tune" half only (read case by case with -v); the
"test" half is held out and was read once, as a total, at the end of session 19.

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists. `-v` lists the misses (of the tuning half unless
--half says otherwise).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import run_listed, use_home

#: (Hangul, the listed name as the SDN list writes it)
CASES = [
    ("블라디미르 푸틴", "PUTIN, Vladimir Vladimirovich"),
    ("세르게이 라브로프", "LAVROV, Sergei Viktorovich"),
    ("알렉산드르 루카셴코", "LUKASHENKA, Alyaksandr Ryhoravich"),
    ("바샤르 알아사드", "AL-ASAD, Bashar"),
    ("니콜라스 마두로", "MADURO MOROS, Nicolas"),
    ("람잔 카디로프", "KADYROV, Ramzan Akhmatovich"),
    ("올레크 데리파스카", "DERIPASKA, Oleg Vladimirovich"),
    ("알리셰르 우스마노프", "USMANOV, Alisher Burkhanovich"),
    ("세르게이 쇼이구", "SHOIGU, Sergei Kuzhugetovich"),
    ("드미트리 페스코프", "PESKOV, Dmitry Sergeyevich"),
    ("드미트리 메드베데프", "MEDVEDEV, Dmitry Anatolyevich"),
    ("빅토르 벡셀베르크", "VEKSELBERG, Viktor Feliksovich"),
    ("아르카디 로텐베르크", "ROTENBERG, Arkady Romanovich"),
    ("유리 코발추크", "KOVALCHUK, Yury Valentinovich"),
    ("이고르 세친", "SECHIN, Igor Ivanovich"),
    ("알렉세이 밀레르", "MILLER, Alexey Borisovich"),
    ("겐나디 팀첸코", "TIMCHENKO, Gennady Nikolayevich"),
    ("니콜라이 파트루셰프", "PATRUSHEV, Nikolai Platonovich"),
    ("세르게이 나리시킨", "NARYSHKIN, Sergei Yevgenyevich"),
    ("발레리 게라시모프", "GERASIMOV, Valery Vasilevich"),
    ("예브게니 프리고진", "PRIGOZHIN, Yevgeniy Viktorovich"),
    ("세르게이 키리옌코", "KIRIYENKO, Sergei Vladilenovich"),
    ("미하일 프리드만", "FRIDMAN, Mikhail Maratovich"),
    ("표트르 아벤", "AVEN, Petr Olegovich"),
    ("알렉세이 모르다쇼프", "MORDASHOV, Alexey Aleksandrovich"),
    ("마리야 자하로바", "ZAKHAROVA, Maria Vladimirovna"),
    ("세르게이 소뱌닌", "SOBYANIN, Sergey Semenovich"),
    ("뱌체슬라프 볼로딘", "VOLODIN, Vyacheslav Viktorovich"),
    ("발렌티나 마트비옌코", "MATVIYENKO, Valentina Ivanovna"),
    ("알렉산드르 보르트니코프", "BORTNIKOV, Alexander Vasilyevich"),
    ("술레이만 케리모프", "KERIMOV, Suleiman Abusaidovich"),
    ("안드레이 멜니첸코", "MELNICHENKO, Andrey Igorevich"),
    ("이고르 슈발로프", "SHUVALOV, Igor Ivanovich"),
    ("안톤 실루아노프", "SILUANOV, Anton Germanovich"),
    ("엘비라 나비울리나", "NABIULLINA, Elvira Sakhipzadovna"),
    ("안드레이 코스틴", "KOSTIN, Andrey Leonidovich"),
    ("게르만 그레프", "GREF, Herman Oskarovich"),
    ("하산 나스랄라", "NASRALLAH, Hasan"),
    ("아이만 알자와히리", "AL ZAWAHIRI, Ayman"),
    ("카셈 솔레이마니", "SOLEIMANI, Qasem"),
    ("알렉산드르 바스트리킨", "BASTRYKIN, Alexander Ivanovich"),
    ("디오스다도 카베요", "CABELLO RONDON, Diosdado"),
    ("알리 하메네이", "KHAMENEI, Ali Husseini"),
    ("민 아웅 흘라잉", "HLAING, Min Aung"),
    ("빅토르 야누코비치", "YANUKOVYCH, Viktor Fedorovych"),
    ("세르게이 체메조프", "CHEMEZOV, Sergei"),
    ("미하일 미슈스틴", "MISHUSTIN, Mikhail Vladimirovich"),
    ("빅토르 졸로토프", "ZOLOTOV, Viktor Vasiliyevich"),
    ("블라디미르 콜로콜체프", "KOLOKOLTSEV, Vladimir Alexandrovich"),
    ("블라디미르 파드리노 로페스", "PADRINO LOPEZ, Vladimir"),
    ("타레크 엘아이사미", "EL AISSAMI MADDAH, Tareck Zaidan"),
    ("라미 마흘루프", "MAKHLUF, Rami"),
    ("이고르 크라스노프", "KRASNOV, Igor Victorovich"),
    ("김정은", "KIM, Jong Un"),
]


def run(verbose: bool, half: str) -> None:
    run_listed("hangul_listed", CASES, verbose, half)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("-v", action="store_true", dest="verbose")
    p.add_argument("--half", choices=("tune", "test", "all"), default="tune",
                   help="which half to print (the held-out one once, at the end)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        run(args.verbose, args.half)


if __name__ == "__main__":
    main()
