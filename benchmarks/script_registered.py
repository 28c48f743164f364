"""Registered names of Iranian and Arab companies in their own script, against the lists.

usage: python benchmarks/script_registered.py [--home DIR] [-v] [--heldout]

A set of its own (session 23, issue 11). Each case is an organisation's name as a book of
counterparties holds it, in Arabic or Persian script, with the Latin form the organisation
itself uses, from two public sources:
- the Iranian banks and credit institutions of the `persian-tools` package (PyPI, its
  `bank.banks_code.data`: each bank's Persian name and English name), when installed;
- `WRITTEN`, the writer's table (session 23): registered names of Iranian, Syrian, Iraqi,
  Lebanese, Gulf and Egyptian companies, banks and organisations in their own script, with
  the Latin form each uses abroad, written from knowledge of the companies, chosen before
  any was screened, listed or not (a Saudi bank and an Iranian bank alike); `WRITTEN_S24`,
  more of the same written in session 24 by the same rule, before any was screened (no
  name whose Latin form is only one romanisation of its own script among several, as
  Hezbollah / HIZBALLAH, where the labelling rule would judge the spelling, not the match);
  `WRITTEN_URDU`, Pakistani names in Urdu by the same rule (session 24, s24-urdu);
  `WRITTEN_S25`, more of each by the same rule (session 25, s25-arabic).

Labelling rule (written before the first run): a name's *distinctive words* are its
lower-case ASCII words less `GENERIC` (legal forms, "bank", "of", "and", "iran" ...: words
that do not tell one organisation from another here). Two words *correspond* when their
romanisation-neutral keys (`clearance.match.fold.fold`) are equal or are one edit apart
with four letters or more each (TOSE / TOSEE, SANAT / SANAD). A case *expects* every
listed entity that is not a person and has a name, alias or previous name whose
distinctive words correspond one to one to those of the case's Latin form (any list's
entity: the UN list's too): such a case is
*listed*, the others are *not listed*. An alert (top 10, threshold 0.80) is *justified*
when the alerted entity has a name, alias or previous name whose distinctive words correspond to every
distinctive word of the Latin form, with more words allowed beside them (a branch or
subsidiary that bears the name: BANK SEPAH INTERNATIONAL PLC); otherwise it is a *false
alert*. A listed case is *found* when an expected entity alerts. Printed per half: found /
listed, not-listed cases with a false alert, and all cases with a false alert.

Halves by the Latin form (`evalsets.split`): rules are made on the tuning half; the held-out
half is printed only with `--heldout`, to be read once, at the end. `-v` lists the tuning
half's misses and false alerts (never the held-out half's).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import evalsets
from arabic_titled import shown_halves
from common import run_heldout_set

#: words that do not tell organisations apart (see the module doc)
GENERIC = frozenset({
    "bank", "banke", "e", "of", "the", "and", "va", "o", "for", "co", "company", "companies",
    "ltd", "limited", "plc", "pjsc", "jsc", "sa", "sal", "corp", "corporation", "inc", "llc",
    "group", "credit", "institute", "institution", "iran", "iranian", "al", "el", "islamic",
    "republic", "zao", "ooo", "oao", "ojsc", "cjsc", "pte", "gmbh"})

#: the properties a listed party's names are in (as the index reads them)
NAME_PROPS = ("name", "alias", "previousName", "weakAlias")

#: the writer's table: (name in its own script, the Latin form the organisation uses)
WRITTEN: list[tuple[str, str]] = [
    # Iran
    ("شرکت ملی نفت ایران", "National Iranian Oil Company"),
    ("شرکت ملی نفتکش ایران", "National Iranian Tanker Company"),
    ("شرکت ملی گاز ایران", "National Iranian Gas Company"),
    ("شرکت ملی صنایع پتروشیمی", "National Petrochemical Company"),
    ("شرکت ملی مس ایران", "National Iranian Copper Industries Company"),
    ("کشتیرانی جمهوری اسلامی ایران", "Islamic Republic of Iran Shipping Lines"),
    ("سازمان انرژی اتمی ایران", "Atomic Energy Organization of Iran"),
    ("شرکت هواپیمایی ماهان", "Mahan Air"),
    ("صنایع الکترونیک ایران", "Iran Electronics Industries"),
    ("سازمان صنایع دفاع", "Defense Industries Organization"),
    ("قرارگاه سازندگی خاتم الانبیا", "Khatam al-Anbiya Construction Headquarters"),
    ("بنیاد مستضعفان", "Bonyad Mostazafan"),
    ("شرکت فولاد مبارکه اصفهان", "Mobarakeh Steel Company"),
    ("ایران خودرو", "Iran Khodro"),
    ("سایپا", "SAIPA"),
    ("شرکت صنایع پتروشیمی خلیج فارس", "Persian Gulf Petrochemical Industries Company"),
    ("شرکت مخابرات ایران", "Telecommunication Company of Iran"),
    ("شرکت سرمایه گذاری تامین اجتماعی", "Social Security Investment Company"),
    ("شرکت سرمایه گذاری غدیر", "Ghadir Investment Company"),
    ("سرمايه گذاري ملي ايران", "National Investment Company of Iran"),
    ("بیمه ایران", "Iran Insurance Company"),
    ("بیمه آسیا", "Asia Insurance"),
    ("دیجی کالا", "Digikala"),
    ("شرکت ارتباطات سیار ایران", "Mobile Telecommunication Company of Iran"),
    ("پالایش نفت بندر عباس", "Bandar Abbas Oil Refining Company"),
    ("گروه بهمن", "Bahman Group"),
    # Syria
    ("المصرف التجاري السوري", "Commercial Bank of Syria"),
    ("المصرف الصناعي", "Industrial Bank"),
    ("المصرف العقاري", "Real Estate Bank"),
    ("مصرف التسليف الشعبي", "Popular Credit Bank"),
    ("المصرف الزراعي التعاوني", "Agricultural Cooperative Bank"),
    ("الشركة السورية للنفط", "Syrian Petroleum Company"),
    ("المؤسسة العامة للنفط", "General Petroleum Corporation"),
    ("شركة سيريتل", "Syriatel"),
    ("مصرف سورية المركزي", "Central Bank of Syria"),
    ("بنك سورية الدولي الإسلامي", "Syria International Islamic Bank"),
    ("شركة الفرات للنفط", "Al Furat Petroleum Company"),
    # Lebanon
    ("جمعية القرض الحسن", "Al-Qard Al-Hassan Association"),
    ("بيت المال", "Bayt al-Mal"),
    ("مؤسسة الشهيد", "Martyrs Foundation"),
    ("جهاد البناء", "Jihad al-Bina"),
    ("قناة المنار", "Al-Manar"),
    ("بنك عوده", "Bank Audi"),
    ("بنك بيبلوس", "Byblos Bank"),
    ("طيران الشرق الأوسط", "Middle East Airlines"),
    ("فرنسبنك", "Fransabank"),
    # Iraq
    ("مصرف الرافدين", "Rafidain Bank"),
    ("مصرف الرشيد", "Rasheed Bank"),
    ("بنك بغداد", "Bank of Baghdad"),
    ("مصرف الخليج التجاري", "Gulf Commercial Bank"),
    ("شركة آسياسيل", "Asiacell"),
    ("شركة تسويق النفط", "State Organization for Marketing of Oil"),
    # Gulf, Jordan, Egypt
    ("مصرف الراجحي", "Al Rajhi Bank"),
    ("أرامكو السعودية", "Saudi Aramco"),
    ("الشركة السعودية للصناعات الأساسية", "Saudi Basic Industries Corporation"),
    ("البنك العربي", "Arab Bank"),
    ("بنك الإسكان للتجارة والتمويل", "Housing Bank for Trade and Finance"),
    ("طيران الإمارات", "Emirates"),
    ("الخطوط الجوية القطرية", "Qatar Airways"),
    ("البنك الأهلي المصري", "National Bank of Egypt"),
    ("بنك مصر", "Banque Misr"),
    ("شركة الاتصالات السعودية", "Saudi Telecom Company"),
    ("بنك قطر الوطني", "Qatar National Bank"),
    ("بنك الكويت الوطني", "National Bank of Kuwait"),
    ("بنك أبوظبي الأول", "First Abu Dhabi Bank"),
    ("الشركة الوطنية للنفط", "National Oil Corporation"),
]

#: session 24's part of the writer's table (the same rule, written before any was screened)
WRITTEN_S24: list[tuple[str, str]] = [
    # Iran
    ("شرکت ملی پالایش و پخش فرآورده های نفتی ایران",
     "National Iranian Oil Refining and Distribution Company"),
    ("شرکت نفت فلات قاره ایران", "Iranian Offshore Oil Company"),
    ("شرکت ملی صادرات گاز ایران", "National Iranian Gas Export Company"),
    ("شرکت نفت مناطق مرکزی ایران", "Iranian Central Oil Fields Company"),
    ("شرکت مهندسی و توسعه نفت", "Petroleum Engineering and Development Company"),
    ("شرکت بازرگانی پتروشیمی", "Petrochemical Commercial Company"),
    ("شرکت صنایع هواپیماسازی ایران", "Iran Aircraft Manufacturing Industrial Company"),
    ("سازمان صنایع هوافضا", "Aerospace Industries Organization"),
    ("سازمان صنایع هوایی", "Iran Aviation Industries Organization"),
    ("هواپیمایی جمهوری اسلامی ایران", "Iran Air"),
    ("صندوق توسعه ملی", "National Development Fund of Iran"),
    ("بنیاد تعاون سپاه", "IRGC Cooperative Foundation"),
    ("سازمان بسیج مستضعفین", "Organization for the Mobilization of the Oppressed"),
    ("صدا و سیمای جمهوری اسلامی ایران", "Islamic Republic of Iran Broadcasting"),
    ("خبرگزاری فارس", "Fars News Agency"),
    ("خبرگزاری تسنیم", "Tasnim News Agency"),
    ("شرکت ملی حفاری ایران", "National Iranian Drilling Company"),
    ("شرکت پتروشیمی مارون", "Marun Petrochemical Company"),
    ("شرکت پتروشیمی جم", "Jam Petrochemical Company"),
    ("شرکت کشتیرانی دریای خزر", "Khazar Sea Shipping Lines"),
    ("دانشگاه صنعتی شریف", "Sharif University of Technology"),
    ("دانشگاه صنعتی مالک اشتر", "Malek Ashtar University of Technology"),
    ("صنایع الکترونیک شیراز", "Shiraz Electronics Industries"),
    ("گروه صنعتی شهید همت", "Shahid Hemmat Industrial Group"),
    ("گروه صنعتی شهید باکری", "Shahid Bakeri Industrial Group"),
    ("گروه مپنا", "MAPNA Group"),
    ("ایرانسل", "Irancell"),
    ("شرکت فولاد خوزستان", "Khouzestan Steel Company"),
    ("شرکت آلومینیوم ایران", "Iran Aluminium Company"),
    ("شرکت معدنی و صنعتی گل گهر", "Gol-E-Gohar Mining and Industrial Company"),
    # Iraq, Syria, the Levant
    ("البنك المركزي العراقي", "Central Bank of Iraq"),
    ("شركة نفط الشمال", "North Oil Company"),
    ("شركة نفط البصرة", "Basrah Oil Company"),
    ("المصرف العراقي للتجارة", "Trade Bank of Iraq"),
    ("حركة المقاومة الإسلامية", "Islamic Resistance Movement"),
    ("الشركة السورية لنقل النفط", "Syrian Company for Oil Transport"),
    ("الشركة السورية للغاز", "Syrian Gas Company"),
    ("مؤسسة الطيران العربية السورية", "Syrian Arab Airlines"),
    ("شركة أجنحة الشام للطيران", "Cham Wings Airlines"),
    ("بنك فلسطين", "Bank of Palestine"),
    ("البنك الأهلي الأردني", "Jordan Ahli Bank"),
    # Africa, the Gulf
    ("مصرف ليبيا المركزي", "Central Bank of Libya"),
    ("بنك الخرطوم", "Bank of Khartoum"),
    ("البنك المركزي اليمني", "Central Bank of Yemen"),
    ("شركة قطر للبترول", "Qatar Petroleum"),
    ("شركة بترول أبوظبي الوطنية", "Abu Dhabi National Oil Company"),
    ("مؤسسة البترول الكويتية", "Kuwait Petroleum Corporation"),
    ("الخطوط الجوية الكويتية", "Kuwait Airways"),
    ("البنك التجاري الدولي", "Commercial International Bank"),
    ("بنك القاهرة", "Banque du Caire"),
    ("شركة مصر للطيران", "EgyptAir"),
]

#: Pakistani companies, banks and organisations in Urdu (session 24, s24-urdu), by the same
#: rule, written before any was screened: Urdu's own letters (round heh, retroflex t / d,
#: yeh barree) and English words in Urdu letters (بینک, لمیٹڈ, کمپنی)
WRITTEN_URDU: list[tuple[str, str]] = [
    ("حبیب بینک لمیٹڈ", "Habib Bank Limited"),
    ("یونائیٹڈ بینک لمیٹڈ", "United Bank Limited"),
    ("نیشنل بینک آف پاکستان", "National Bank of Pakistan"),
    ("الائیڈ بینک لمیٹڈ", "Allied Bank Limited"),
    ("بینک الفلاح", "Bank Alfalah"),
    ("میزان بینک", "Meezan Bank"),
    ("پاکستان انٹرنیشنل ائیرلائنز", "Pakistan International Airlines"),
    ("آئل اینڈ گیس ڈیولپمنٹ کمپنی لمیٹڈ", "Oil and Gas Development Company Limited"),
    ("پاکستان اسٹیٹ آئل", "Pakistan State Oil"),
    ("اٹک ریفائنری لمیٹڈ", "Attock Refinery Limited"),
    ("لکی سیمنٹ", "Lucky Cement"),
    ("اینگرو کارپوریشن", "Engro Corporation"),
    ("فوجی فرٹیلائزر کمپنی", "Fauji Fertilizer Company"),
    ("سوئی ناردرن گیس پائپ لائنز", "Sui Northern Gas Pipelines"),
    ("حب پاور کمپنی", "Hub Power Company"),
    ("پاکستان ایٹمی توانائی کمیشن", "Pakistan Atomic Energy Commission"),
    ("خان ریسرچ لیبارٹریز", "Khan Research Laboratories"),
    ("الرشید ٹرسٹ", "Al Rashid Trust"),
    ("الاختر ٹرسٹ", "Al Akhtar Trust"),
    ("رابطہ ٹرسٹ", "Rabita Trust"),
    ("پاکستان آرڈیننس فیکٹریز", "Pakistan Ordnance Factories"),
    ("ہیوی انڈسٹریز ٹیکسلا", "Heavy Industries Taxila"),
    ("نیشنل ڈیولپمنٹ کمپلیکس", "National Development Complex"),
    ("شاہین ایئر", "Shaheen Air"),
    ("ایئر بلیو", "Airblue"),
    ("جہانگیر صدیقی اینڈ کمپنی", "Jahangir Siddiqui and Co"),
    ("داؤد ہرکولیس کارپوریشن", "Dawood Hercules Corporation"),
    ("ہاشو گروپ", "Hashoo Group"),
]


#: session 25's part (s25-arabic), by the same rule, written before any was screened:
#: airlines, atomic energy, ministries and forces, research centres (Arabic, Persian, Urdu)
WRITTEN_S25: list[tuple[str, str]] = [
    # Iran
    ("هواپیمایی ماهان", "Mahan Airlines"),
    ("هواپیمایی کاسپین", "Caspian Airlines"),
    ("هواپیمایی معراج", "Meraj Airlines"),
    ("هواپیمایی پویا", "Pouya Air"),
    ("سازمان هواپیمایی کشوری", "Civil Aviation Organization"),
    ("وزارت دفاع و پشتیبانی نیروهای مسلح", "Ministry of Defense and Armed Forces Logistics"),
    ("وزارت اطلاعات و امنیت کشور", "Ministry of Intelligence and Security"),
    ("نیروی انتظامی جمهوری اسلامی ایران", "Law Enforcement Forces of the Islamic Republic of Iran"),
    ("سپاه پاسداران انقلاب اسلامی", "Islamic Revolutionary Guard Corps"),
    ("بانک مرکزی جمهوری اسلامی ایران", "Central Bank of the Islamic Republic of Iran"),
    ("شرکت سوخت هسته ای ایران", "Nuclear Fuel Company of Iran"),
    ("شرکت کالای الکتریکی کالای برق", "Kalaye Electric Company"),
    # Arabic
    ("منظمة الطاقة الذرية الإيرانية", "Atomic Energy Organization of Iran"),
    ("هيئة الطاقة الذرية السورية", "Atomic Energy Commission of Syria"),
    ("مركز الدراسات والبحوث العلمية", "Scientific Studies and Research Center"),
    ("مؤسسة الإسكان العسكرية", "Military Housing Establishment"),
    ("المصرف الليبي الخارجي", "Libyan Foreign Bank"),
    ("المؤسسة الليبية للاستثمار", "Libyan Investment Authority"),
    ("الخطوط الجوية العراقية", "Iraqi Airways"),
    ("الخطوط الجوية العربية السورية", "Syrian Arab Airlines"),
    ("طيران ماهان", "Mahan Air"),
    ("الهيئة العربية للتصنيع", "Arab Organization for Industrialization"),
    ("وزارة الدفاع السورية", "Syrian Ministry of Defense"),
    # Urdu
    ("نیشنل انجینئرنگ اینڈ سائنٹیفک کمیشن", "National Engineering and Scientific Commission"),
    ("پاکستان ایروناٹیکل کمپلیکس", "Pakistan Aeronautical Complex"),
    ("ایئر ویپنز کمپلیکس", "Air Weapons Complex"),
    ("فلاح انسانیت فاؤنڈیشن", "Falah-e-Insaniat Foundation"),
    ("کہوٹہ ریسرچ لیبارٹریز", "Kahuta Research Laboratories"),
    ("پاکستان ایٹمی توانائی کمیشن کراچی", "Pakistan Atomic Energy Commission Karachi"),
]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in GENERIC]


@cache
def _fold(word: str) -> str:
    from clearance.match.fold import fold

    return fold(word)


def _near(a: str, b: str) -> bool:
    """Equal keys (`fold`), or one edit apart with four letters or more each."""
    if _fold(a) == _fold(b):
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _covers(case: list[str], listed: list[str], exact: bool) -> bool:
    """Every word of `case` pairs with its own word of `listed` (and, when `exact`, no
    word of `listed` is left over)."""
    if not case or (exact and len(case) != len(listed)) or len(case) > len(listed):
        return False

    def pair(i: int, free: list[int]) -> bool:
        return i == len(case) or any(_near(case[i], listed[j])
                                     and pair(i + 1, [k for k in free if k != j])
                                     for j in free)

    return pair(0, list(range(len(listed))))


def sources() -> list[tuple[str, str, str]]:
    """(source, script name, Latin form) of every case."""
    out = [("written", script, latin) for script, latin in WRITTEN]
    out += [("written 24", script, latin) for script, latin in WRITTEN_S24]
    out += [("written urdu", script, latin) for script, latin in WRITTEN_URDU]
    out += [("written 25", script, latin) for script, latin in WRITTEN_S25]
    try:
        from persian_tools.bank.banks_code import data
    except ImportError:
        print("persian-tools is not installed (pip install persian-tools): its banks left out")
        return out
    return [("persian-tools", str(b["persian_name"]), str(b["name"])) for b in data] + out


def _names(records: list[dict[str, Any]]) -> list[tuple[str, list[list[str]]]]:
    """(entity id, distinctive words of each name) of every listed party not a person."""
    out = []
    for r in records:
        if r["schema"] != "Person":
            p = r["properties"]
            out.append((str(r["entity_id"]),
                        [_words(n) for k in NAME_PROPS for n in p.get(k, [])]))
    return out


def run(verbose: bool, heldout: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    orgs = _names(evalsets.load_records())
    # found, listed, not-listed cases with a false alert, not listed, cases with a false alert, all
    totals = {half: [0] * 6 for half in ("tune", "test")}
    for source, script, latin in sources():
        half = evalsets.split(latin)
        if half == "test" and not heldout:
            continue
        words = _words(latin)
        expected = {e for e, names in orgs if any(_covers(words, n, True) for n in names)}
        justified = {e for e, names in orgs if any(_covers(words, n, False) for n in names)}
        results = match_query(index, Query(script, "LegalEntity"), cfg, limit=10)
        alerts = [r for r in results if r.match]
        found = any(r.entity_id in expected for r in alerts)
        false = [r for r in alerts if r.entity_id not in justified]
        t = totals[half]
        t[0] += found
        t[1] += bool(expected)
        t[2] += bool(false) and not expected
        t[3] += not expected
        t[4] += bool(false)
        t[5] += 1
        if verbose and half == "tune" and ((expected and not found) or false):
            what = "MISS" if expected and not found else "FALSE"
            shown = false if what == "FALSE" else results[:3]
            top = "; ".join(f"{r.score:.3f}{'*' if r.match else ''} {r.matched_name}"
                            for r in shown)
            print(f"{what} {script} ({latin}, {source}): {top}")
    for half, label in shown_halves(heldout):
        found, listed, false_unlisted, unlisted, false_any, n = totals[half]
        print(f"script_registered {label} (threshold {cfg.threshold}): found {found}/{listed}"
              f" = {found / max(listed, 1):.4f}; not listed with a false alert "
              f"{false_unlisted}/{unlisted}; any case with a false alert {false_any}/{n}")


if __name__ == "__main__":
    run_heldout_set(run)
