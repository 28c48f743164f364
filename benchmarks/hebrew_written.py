"""Listed people whose names hold a particle or a title, written in Hebrew letters.

usage: python benchmarks/hebrew_written.py [--home DIR] [-v] [--heldout]

A set of its own (session 25, issue 11): Hebrew writes a European particle by its sound
(VAN ואן, DE דה, DI די), an Arab one as Arabic has it (BIN בן, ABU אבו, IBN אבן) and a title
as the press gives it (שייח', חאג', מולא, מולאנא, אימאם), where a letter-by-letter reading
makes names of them.

Selection rule (written before the first run): for each word of `WORDS`, in that order, the
first three persons of the OFAC SDN list (by uid) whose primary name holds the word as a
word of its own; left out where the word is no particle or title there (the whole
surname: "SHEIKH, Qari Muhammad Yaqoob"; a syllable of a Chinese or Burmese name: "DU,
Changgen", "KYA, La Bo"). Each name is written by the writer in Hebrew letters as the
Hebrew press writes foreign names (Hebrew Wikipedia's titles for the same kind of name:
given names first, the particle and title words as the press spells them, Spanish J and
G before e, i as ח, Arabic خ as ח', ج as ג', ع as ע, the article as "אל-" joined to its
word), from knowledge of the names, not looked up record by record.

Labelling rule: the Hebrew text, screened as a Person against the whole index (the bundled
lists), should alert on the SDN record among the top 10. Halves by the SDN uid
(`evalsets.split`): rules are made on the tuning half; the held-out half's total is
printed only with `--heldout`, to be read once, at the end. `-v` lists the tuning half's
misses (never the held-out half's).

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists.
"""

from __future__ import annotations

from arabic_titled import score_people
from common import run_heldout_set

#: the particle and title words of the selection rule, in its order
WORDS = ("van", "von", "de", "del", "da", "di", "du", "le", "la", "bin", "ibn", "abu",
         "sheikh", "shaykh", "shaikh", "haji", "hajji", "mullah", "maulana", "imam")

#: (SDN uid, the listed primary name, the writer's Hebrew spelling)
CASES: tuple[tuple[str, str, str], ...] = (
    ("42977", "VAN INGEN, Edwin Onno", "אדווין אונו ואן אינגן"),
    ("6703", "AMEZCUA CONTRERAS, Jose de Jesus", "חוסה דה חסוס אמסקואה קונטרראס"),
    ("6717", "HENAO MONTOYA, Arcangel de Jesus", "ארקנחל דה חסוס הנאו מונטויה"),
    ("6865", "MALHERBE DE LEON, Oscar", "אוסקר מלהרבה דה לאון"),
    ("9344", "DIODATO DEL GALLO, Marco Marino", "מרקו מרינו דיודאטו דל גאלו"),
    ("10271", "ALVAREZ DEL RIO, Fredy de Jesus", "פרדי דה חסוס אלוורס דל ריו"),
    ("10357", "ZAMBADA NIEBLA, Monica del Rosario", "מוניקה דל רוסאריו זמבדה ניאבלה"),
    ("7220", "DA COSTA, Luis Fernando", "לואיס פרננדו דה קוסטה"),
    ("15231", "DI MAURO, Paolo", "פאולו די מאורו"),
    ("16128", "DI LAURO, Marco", "מרקו די לאורו"),
    ("6365", "BIN LADIN, Usama bin Muhammad bin Awad", "אוסאמה בן מוחמד בן עוואד בן לאדן"),
    ("6923", "EL-HOORIE, Ali Saed Bin Ali", "עלי סעיד בן עלי אל-חורי"),
    ("6945", "BIN MARWAN, Bilal", "בילאל בן מרואן"),
    ("10155", "AUF, Awad Ibn", "עוואד אבן עוף"),
    ("27322", "AL-BARNAWI, Abu Abdullah ibn Umar", "אבו עבדאללה אבן עומר אל-ברנאווי"),
    ("43637", "AL-MAINUKI, Abu Bakr ibn Muhammad ibn 'Ali",
     "אבו בכר אבן מוחמד אבן עלי אל-מאינוכי"),
    ("2674", "ABBAS, Abu", "אבו עבאס"),
    ("3754", "ABU MARZOOK, Mousa Mohammed", "מוסא מוחמד אבו מרזוק"),
    ("6367", "AL-MASRI, Abu Hafs", "אבו חפס אל-מסרי"),
    ("2675", "AL RAHMAN, Shaykh Umar Abd", "שייח' עומר עבד אל-רחמן"),
    ("2679", "FADLALLAH, Shaykh Muhammad Husayn", "שייח' מוחמד חוסיין פדלאללה"),
    ("8175", "AL-ZINDANI, Shaykh Abd-al-Majid", "שייח' עבד אל-מג'יד אל-זנדאני"),
    ("6928", "MOHAMMED, Khalid Shaikh", "ח'אלד שייח' מוחמד"),
    ("16495", "KASKAR, Shaikh Anis Ibrahim", "שייח' אניס אברהים כסכר"),
    ("6938", "AGHA, Haji Abdul Manan", "חאג' עבדול מנאן אגא"),
    ("7222", "IBRAHIM, Haji", "חאג' אברהים"),
    ("8240", "NOORZAI, Haji Bashir", "חאג' בשיר נורזאי"),
    ("12890", "KHAN, Mustafa Hajji Muhammad", "מוסטפא חאג'י מוחמד ח'אן"),
    ("12920", "NOORZAI, Hajji Faizullah Khan", "חאג'י פייזאללה ח'אן נורזאי"),
    ("12921", "NOORZAI, Hajji Malik", "חאג'י מאליך נורזאי"),
    ("7861", "HUWAYSH, Abd-al-Tawab Mullah", "עבד אל-תוואב מולא חווייש"),
    ("15788", "NOORZAI, Mullah Ahmed Shah", "מולא אחמד שאה נורזאי"),
    ("17668", "FAZLULLAH, Maulana", "מולאנא פזלאללה"),
    ("11499", "BHEEL, Imam", "אימאם ביל"),
)


def run(verbose: bool, heldout: bool) -> None:
    score_people("hebrew_written", CASES, verbose, heldout)


if __name__ == "__main__":
    run_heldout_set(run)
