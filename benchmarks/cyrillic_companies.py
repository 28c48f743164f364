"""Russian companies' registered names in Cyrillic against the English spellings the lists
give their borrowed words.

usage: python benchmarks/cyrillic_companies.py [--home DIR] [-v] [--heldout]

A set of its own (session 31, issue 11: "registered company names in the forms companies
actually use"). A Russian company's name is often a word borrowed from English, which its
register writes in Cyrillic as Russian spells the sound (ООО «Фаратех», АО «Сигналтек»,
ООО «Бонум Капитал») while the lists write the English word (FARATECH, SIGNALTEK, BONUM
CAPITAL). The letter-by-letter reading (faratekh, kapital) is a letter or two from the list
spelling in each word, and an alert is lost on names of one or two words.

Labelling rule (written before the cases). Each case is a Russian company of the OFAC SDN
list (../shared/data/lists/ofac_sdn/sdn.csv) whose name as listed holds a word borrowed from
English or Latin (TECH, CAPITAL, SOFT, GROUP, TRADE, SERVICE, ELECTRONICS, INVEST ...) and is
no translation of a Russian description (not DIGITAL TECHNOLOGIES, RESEARCH INSTITUTE ...).
The query is the name as a Russian register writes it, written by hand here: the legal form
the listed name gives (LIMITED LIABILITY COMPANY, LLC, OOO: ООО; JOINT STOCK COMPANY, JSC:
АО), then the name in «» quotes, each borrowed word as Russian writes its sound (tech тех,
capital капитал, group групп or груп, x кс, soft софт, trade трейд), acronyms letter by
letter as Russian reads them (MFI МФИ, HMS ХМС, USM ЮСМ). Screened with unknown type
(LegalEntity), top 10, threshold 0.80: *found* when an alert is an entity holding the
listed name; an alert is *justified* when the entity holds that name or one whose
distinctive words, less its legal forms as the matcher reads them, cover its own
(`script_registered`'s words and correspondence: the same company as another list names
it, ROSTEC STATE CORPORATION, OJSC CONCERN KALASHNIKOV), else it is a *false alert*.
Not one name comes from ../shared/eval.

Halves: the "tuning" half are the 30 cases written first and read while the change was made
(session 31, s31-orgscript: all seen); the "held-out" half (28) were written afterwards by
the same rule, before any run, and are printed only with `--heldout`, to be read once.
"""

from __future__ import annotations

import re
from typing import Any

from common import run_heldout_set
from evalsets import load_records
from script_orgs import screen
from script_registered import NAME_PROPS, _covers, _words

#: (Cyrillic register name, the name as the list writes it)
TUNE = [
    ("ГК «Ростех»", "STATE CORPORATION ROSTEC"),
    ("Госкорпорация Ростех", "STATE CORPORATION ROSTEC"),
    ("Государственная корпорация «Ростех»", "STATE CORPORATION ROSTEC"),
    ("ООО «Макстех»", "LIMITED LIABILITY COMPANY MAXTECH"),
    ("АО «Промтех-Дубна»", "JOINT STOCK COMPANY PROMTECH DUBNA"),
    ("АО «Промтех-Ульяновск»", "JOINT STOCK COMPANY PROMTECH ULYANOVSK"),
    ("АО «Терра Тех»", "JOINT STOCK COMPANY TERRA TECH"),
    ("ООО «АК Микротех»", "LIMITED LIABILITY COMPANY AK MICROTECH"),
    ("ООО «Ирбис Скай Тех»", "LIMITED LIABILITY COMPANY IRBIS SKY TECH"),
    ("ОАО «Концерн Ижмаш»", "OPEN JOINT STOCK COMPANY 'KONTSERN IZHMASH'"),
    ("АО «Концерн Созвездие»", "JOINT STOCK COMPANY CONCERN SOZVEZDIE"),
    ("АО «Концерн Калашников»", "JOINT STOCK COMPANY CONCERN KALASHNIKOV"),
    ("ООО «Актив Бизнес Консалт»", "LIMITED LIABILITY COMPANY ACTIVE BUSINESS CONSULT"),
    ("ООО «Сбербанк Капитал»", "LIMITED LIABILITY COMPANY SBERBANK CAPITAL"),
    ("ООО «РТ-Информ»", "RT-INFORM LIMITED LIABILITY COMPANY"),
    ("АО «Технодинамика»", "JOINT STOCK COMPANY TEKHNODINAMIKA"),
    ("ООО «Маршалл Капитал Партнерс»", "MARSHALL CAPITAL PARTNERS"),
    ("ООО «ВТБ Капитал»", "VTB CAPITAL JSC"),
    ("ПАО «Инвесткапиталбанк»", "INVESTCAPITALBANK"),
    ("ПАО «Промсвязьбанк»", "PROMSVYAZBANK PUBLIC JOINT STOCK COMPANY"),
    ("ООО «Сетелем Банк»", "SETELEM BANK LIMITED LIABILITY COMPANY"),
    ("ООО «Хемера Инфотех»", "HEMERA INFOTECH FZCO"),
    ("ООО «Фаратех»", "FARATECH"),
    ("ООО «Чатекстех»", "CHATEXTECH SIA"),
    ("ФГУП «Рособоронэкспорт»", "ROSOBORONEKSPORT OAO"),
    ("ЗАО «Интех Инжиниринг»", "OOO INTEKH INZHINIRING"),
    ("ООО «Алкотех»", "ALCOTECH IT DMCC"),
    ("АО «Концерн Радиоэлектронные технологии»",
     "JOINT STOCK COMPANY CONCERN RADIO ELECTRONIC TECHNOLOGIES"),
    ("ООО «Бонум Капитал»", "LIMITED LIABILITY COMPANY BONUM CAPITAL"),
    ("ООО «Альфа-Инвест»", "LIMITED LIABILITY COMPANY ALFA-INVEST"),
]

HELDOUT = [
    ("ООО «Коксохимтранс»", "LLC KOKSOKHIMTRANS"),
    ("АО «Инвестторгбанк»", "JOINT STOCK COMPANY INVESTTRADEBANK"),
    ("ООО «Мортранссервис»", "LIMITED LIABILITY COMPANY MORTRANSSERVICE"),
    ("АО «Концерн Гранит-Электрон»", "JOINT STOCK COMPANY CONCERN GRANIT-ELECTRON"),
    ("ООО «Немчиново Инвестментс»", "LIMITED LIABILITY COMPANY NEMCHINOVO INVESTMENTS"),
    ("ООО «Русхимтрейд»", "LLC RUSCHEMTRADE"),
    ("ООО «ВЭБ Сервис»", "LLC VEB SERVICE"),
    ("ООО «Инспира Инвест А»", "LIMITED LIABILITY COMPANY INSPIRA INVEST A"),
    ("ООО «Сбербанк Сервис»", "LIMITED LIABILITY COMPANY SBERBANK SERVICE"),
    ("ООО «Корус Консалтинг СНГ»", "LIMITED LIABILITY COMPANY KORUS CONSULTING CIS"),
    ("ООО «Белинвест-Инжиниринг»", "LIMITED LIABILITY COMPANY BELINVEST-ENGINEERING"),
    ("ООО «Бонум Инвестментс»", "LIMITED LIABILITY COMPANY BONUM INVESTMENTS"),
    ("АО «Сбербанк Технологии»", "JOINT STOCK COMPANY SBERBANK TECHNOLOGIES"),
    ("ООО «Инвест Групп»", "LIMITED LIABILITY COMPANY INVEST GROUP"),
    ("ООО «Спутник Электроникс»", "LIMITED LIABILITY COMPANY SPUTNIK ELECTRONICS"),
    ("ООО «МФИ Софт»", "LIMITED LIABILITY COMPANY MFI SOFT"),
    ("ООО «ЮСМ Телеком»", "LIMITED LIABILITY COMPANY USM TELECOM"),
    ("ООО «Стилсофт»", "LIMITED LIABILITY COMPANY STILSOFT"),
    ("ООО «Приус Электроникс»", "LIMITED LIABILITY COMPANY PRIUS ELECTRONICS"),
    ("ООО «Кисмет Кэпитал Груп»", "LIMITED LIABILITY COMPANY KISMET CAPITAL GROUP"),
    ("ООО «Уралхеликом»", "LIMITED LIABILITY COMPANY URALHELICOM"),
    ("ООО «Сигнатек»", "LIMITED LIABILITY COMPANY SIGNATEK"),
    ("АО «ХМС Групп»", "JOINT STOCK COMPANY HMS GROUP"),
    ("ООО «ТД Подшипник Трейд»", "OOO TD PODSHIPNIK TRADE"),
    ("ООО «Спецтехнотрейд»", "LIMITED LIABILITY COMPANY SPETSTECHNOTRADE"),
    ("АО «Сигналтек»", "JOINT STOCK COMPANY SIGNALTEK"),
    ("ООО «Бремино Групп»", "LIMITED LIABILITY COMPANY BREMINO GROUP"),
    ("ООО «Итеранет»", "OOO ITERANET"),
]


def _key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def cases() -> list[dict[str, Any]]:
    """The cases in `script_orgs.screen`'s fields: expected are the entities holding the
    listed name; justified too, those with a name whose distinctive words cover the listed
    name's (`script_registered._covers`: the same company as another list names it)."""
    from clearance.match.prepare import ORG, prepare_name

    def words(name: str) -> list[str]:
        """The distinctive words, less the legal forms as the matcher reads them."""
        read = prepare_name(name, ORG)
        kept = {t for t, form in zip(read.tokens, read.legal, strict=True) if not form}
        return [w for w in _words(name) if w in kept]

    names = [(str(r["entity_id"]), n, words(n)) for r in load_records()
             if r["schema"] != "Person" for k in NAME_PROPS for n in r["properties"].get(k, [])]
    out = []
    for half, todo in (("tune", TUNE), ("test", HELDOUT)):
        for query, listed in todo:
            expected = {e for e, n, _ in names if _key(n) == _key(listed)}
            assert expected, listed
            own = words(listed)
            justified = expected | {e for e, _, w in names if own and _covers(own, w, False)}
            out.append({"half": half, "query": query, "script": "cyrillic", "latin": listed,
                        "expected": sorted(expected), "justified": sorted(justified)})
    return out


def run(verbose: bool, heldout: bool) -> None:
    screen(cases(), "cyrillic_companies", verbose, heldout)


if __name__ == "__main__":
    run_heldout_set(run)
