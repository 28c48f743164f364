"""Listed people's Latin names written back in Arabic script, word by word, from a table.

usage: python benchmarks/arabic_written.py [--home DIR] [-v] [--heldout]

A set of its own (session 20, issue 11), made from the OFAC SDN list alone. Labelling
rule: a name (primary or alias, two words or more) of an SDN person every word of which
is in `WORDS`, the writer's table of common Arabic name words (session 20: each word as
Arabic writes it, with the Latin spellings the writer knows for it; written from
knowledge of the names, not looked up record by record), is written in Arabic script
word by word: the given names first ("SURNAME, Given Middle" as "Given Middle SURNAME"),
"AL-X" and "ABDUL X" with the article joined to the next word (الX, عبد الX), "ABDULLAH"
as عبد الله. A name of fewer than two words besides particles and titles, or a kunya
("Abu Bakr", borne by many), is left out, as `evalsets.arabic_listed` leaves them out.
That text, screened as a Person against the whole index (the bundled
lists), should alert on the SDN record among the top 10. It tests how the Latin
spellings the lists really use meet the one Arabic spelling of each word: the spelling
rules (clearance/match/abjad.py) and how names of several words pair, on names no one
tuned on.

Halves by the SDN uid (`evalsets.split`), every name of a person in one half: rules are
made on the tuning half; the held-out half's total is printed only with `--heldout`, to
be read once, at the end. `-v` lists the tuning half's misses (never the held-out half's).

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists.
"""

from __future__ import annotations

import re

import evalsets
from arabic_titled import score_people
from common import run_heldout_set

#: Arabic name words and their Latin spellings (the writer's, see the module doc)
WORDS: dict[str, str] = {
    "محمد": "muhammad mohammad mohammed muhammed mohamed mohamad mohammad mouhamad mehmet "
            "mohd mahammad",
    "أحمد": "ahmad ahmed ahmet",
    "محمود": "mahmud mahmoud mahmood",
    "حامد": "hamid hamed",
    "حميد": "hameed",
    "علي": "ali aly",
    "حسن": "hasan hassan hasen",
    "حسين": "husayn hussein husain hussain hossein husein houssein hussien",
    "عمر": "umar omar",
    "عثمان": "uthman othman usman osman outhman",
    "خالد": "khalid khaled",
    "خليل": "khalil khaleel",
    "إبراهيم": "ibrahim ebrahim brahim ibraheem",
    "إسماعيل": "ismail isma'il ismael esmail",
    "يوسف": "yusuf yousef yousif youssef yusef yousuf",
    "يونس": "yunus younis younes yunis",
    "موسى": "musa mousa moussa",
    "عيسى": "isa issa eisa",
    "سعيد": "said saeed sa'id saied",
    "سعد": "saad sa'd saad",
    "صالح": "salih saleh",
    "صلاح": "salah",
    "فيصل": "faysal faisal faycal",
    "فهد": "fahd fahad",
    "ناصر": "nasir nasser naser nacer",
    "نصر": "nasr",
    "منصور": "mansur mansour mansoor",
    "مصطفى": "mustafa mostafa moustafa mustapha",
    "طارق": "tariq tarek tarik",
    "طاهر": "tahir taher",
    "عادل": "adil adel",
    "عامر": "amer",
    "أمير": "amir ameer",
    "عمار": "ammar",
    "عماد": "imad emad",
    "عبد": "abd",
    "الله": "allah",
    "رحمن": "rahman rehman",
    "رحيم": "rahim raheem",
    "عزيز": "aziz",
    "كريم": "karim kareem",
    "مجيد": "majid",
    "حكيم": "hakim hakeem",
    "رزاق": "razzaq razaq razzak",
    "رؤوف": "rauf raouf",
    "قادر": "qadir qader kader",
    "جبار": "jabbar",
    "ستار": "sattar",
    "غني": "ghani",
    "حليم": "halim",
    "سلام": "salam",
    "باسط": "basit",
    "وهاب": "wahab wahhab",
    "لطيف": "latif",
    "هادي": "hadi",
    "مهدي": "mahdi mehdi",
    "جعفر": "jafar ja'far jaafar",
    "جمال": "jamal gamal",
    "كمال": "kamal kemal",
    "جميل": "jamil",
    "نبيل": "nabil",
    "بلال": "bilal",
    "هشام": "hisham hicham",
    "هاشم": "hashim hashem",
    "هيثم": "haytham haitham",
    "وليد": "walid",
    "خضر": "khidr khedr khodr",
    "زكريا": "zakariya zakaria zakariyya",
    "يحيى": "yahya yehia yahia",
    "سليمان": "sulayman suleiman sulaiman soliman",
    "سلمان": "salman",
    "عباس": "abbas",
    "رضا": "rida reza ridha",
    "جواد": "jawad javad",
    "مراد": "murad mourad morad",
    "رشيد": "rashid rachid",
    "راشد": "rashed",
    "مرشد": "murshid",
    "شريف": "sharif",
    "زيد": "zayd zaid",
    "زياد": "ziyad ziad",
    "أسامة": "usama osama oussama",
    "أيمن": "ayman",
    "أنور": "anwar",
    "أنس": "anas",
    "أكرم": "akram",
    "أشرف": "ashraf",
    "أسعد": "asad as'ad",
    "أسد": "assad",
    "بكر": "bakr bakar",
    "بشير": "bashir",
    "بشار": "bashar",
    "جابر": "jabir jaber",
    "حمزة": "hamza hamzah",
    "حمد": "hamad",
    "حمدي": "hamdi",
    "حبيب": "habib",
    "حافظ": "hafiz hafez",
    "حارث": "harith",
    "حاج": "hajj",
    "حجي": "hajji",
    "سالم": "salim salem",
    "سليم": "saleem",
    "سامي": "sami",
    "سمير": "samir",
    "شاكر": "shakir shaker",
    "صابر": "sabir saber",
    "صادق": "sadiq sadeq sadek",
    "صدام": "saddam",
    "ضياء": "diya dhiya zia",
    "طلال": "talal",
    "طه": "taha",
    "عدنان": "adnan",
    "عاطف": "atef atif",
    "عصام": "isam issam essam",
    "عرفات": "arafat",
    "عوض": "awad",
    "عون": "awn aoun",
    "عيد": "eid",
    "غازي": "ghazi",
    "فارس": "faris fares",
    "فتحي": "fathi fethi",
    "فؤاد": "fuad fouad",
    "فاضل": "fadil fadel",
    "فضل": "fadl fazl",
    "قاسم": "qasim qassem qasem kassem",
    "لؤي": "luay louay",
    "ماجد": "maged",
    "مازن": "mazin mazen",
    "ماهر": "mahir maher",
    "مالك": "malik malek",
    "مبارك": "mubarak",
    "مختار": "mukhtar mokhtar",
    "مروان": "marwan",
    "مسعود": "masud masoud mas'ud",
    "معاذ": "muadh muaz",
    "منير": "munir mounir",
    "مؤمن": "mumin",
    "نايف": "nayef naif",
    "نجيب": "najib",
    "نعمان": "numan nouman",
    "نور": "nur nour noor",
    "هاني": "hani",
    "وائل": "wail wael",
    "ياسر": "yasir yasser yaser",
    "ياسين": "yasin yassin yaseen",
    "يعقوب": "yaqub yacoub yakub",
    "دين": "din deen",
    "قحطاني": "qahtani",
    "عتيبي": "utaybi otaibi",
    "شمري": "shammari",
    "زهراني": "zahrani",
    "غامدي": "ghamdi",
    "حربي": "harbi",
    "عنزي": "anizi anazi",
    "مطيري": "mutairi",
    "دوسري": "dosari dawsari",
    "يمني": "yemeni",
    "مصري": "masri",
    "ليبي": "libi",
    "سوري": "suri",
    "عراقي": "iraqi",
    "تكريتي": "tikriti",
    "بغدادي": "baghdadi",
    "حلبي": "halabi",
    "كويتي": "kuwaiti",
    "أنصاري": "ansari",
    "قرشي": "qurashi",
    "هاشمي": "hashimi hashemi",
    "حسيني": "husseini husayni hosseini",
    "زعبي": "zoubi",
    "جبوري": "jabouri jaburi",
    "دليمي": "dulaymi dulaimi",
    "عبيدي": "ubaydi obeidi",
    "راوي": "rawi",
    "زبيدي": "zubaydi zubaidi",
    "شيخ": "shaykh sheikh shaikh",
    "أبو": "abu abou",
    "بن": "bin ben ibn",
    "بنت": "bint",
}
_LATIN: dict[str, str] = {}
for _arabic, _spellings in WORDS.items():
    for _spelling in _spellings.split():
        _LATIN.setdefault(_spelling.replace("'", ""), _arabic)

#: "Abdul" and its spellings: عبد with the article joined to the next word (ABDUL RAHMAN)
_ABD_AL = {"abdul", "abdel", "abdal", "abdoul", "abdol", "abdelal"}
_ABDULLAH = {"abdullah", "abdallah", "abdulla", "abdalla", "abdellah"}
_ARTICLE = {"al", "el"}
#: particles and titles: a name needs two words besides them
_ROLES = {"أبو", "بن", "بنت", "حاج", "حجي", "شيخ"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("-", " "))


def write(text: str) -> str | None:
    """The name in Arabic script (the module doc's rule), None when a word is not in the
    table."""
    if "," in text:
        surname, given = text.split(",", 1)
        latin = _words(given) + _words(surname)
    else:
        latin = _words(text)
    out: list[str] = []
    article = False
    for word in (w.replace("'", "") for w in latin):
        if word in _ARTICLE:
            if article:
                return None
            article = True
            continue
        if word in _ABDULLAH:
            if article:
                return None
            out += ["عبد", "الله"]
            continue
        if word in _ABD_AL:
            if article:
                return None
            out.append("عبد")
            article = True
            continue
        arabic = _LATIN.get(word)
        if arabic is None:
            return None
        out.append("ال" + arabic if article else arabic)
        article = False
    names = [w for w in out if w not in _ROLES]
    if article or len(names) < 2 or out[0] == "أبو":
        return None  # (a kunya, "Abu Bakr", is borne by many: not a name of one person)
    return " ".join(out)


def cases(records: list[dict]) -> list[tuple[str, str, str]]:
    """(SDN uid, Latin name, Arabic text) of every name the rule writes, once per text."""
    out: list[tuple[str, str, str]] = []
    for r in records:
        if r["dataset"] != "us_ofac_sdn" or r["schema"] != "Person":
            continue
        seen: set[str] = set()
        for name in r["properties"].get("name", []) + r["properties"].get("alias", []):
            text = write(name)
            if text is not None and text not in seen:
                seen.add(text)
                out.append((str(r["source_id"]), name, text))
    return out


def run(verbose: bool, heldout: bool) -> None:
    score_people("arabic_written", cases(evalsets.load_records()), verbose, heldout)


if __name__ == "__main__":
    run_heldout_set(run)
