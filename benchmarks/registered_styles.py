"""Listed companies under their registered names as the companies of seven countries write
them: a form of several words, a trade word the register keeps, a bracketed place, a city.

usage: python benchmarks/registered_styles.py [--home DIR] [-v]   (print the tuning half:
`| grep '^tune'`; the held-out half is read once, at a session's end)

A set of its own (session 33, s33-reg; issue 11: "registered company names in the forms
companies actually use ... with province/city and legal form"). Labelling rule (written
2026-12-02 before the first run): every name N of registered_forms.py's rule
(`registered_forms.listed_names`: a Company or Organization giving exactly one country C,
N of one to six words, none a word of a legal form or a country's name), C one of
`STYLES`' countries, N none of whose words is a word of `STYLES`' forms, is queried as an
Organization in each of C's styles (N put in the style's place), each expected to alert
(threshold 0.80, top 5) on one of the entities listed with N. The styles, each as the
country's register or the companies themselves write a registered name (public knowledge,
written before any run; nothing tuned on either half):
- ru (Civil Code of the Russian Federation art. 87 and 96: ООО, the limited liability
  company, and АО, the joint stock company, written before the name in quotation marks;
  the seat after it as Russian addresses write a city, "g." for город): 'OOO «N» g. Moskva',
  'AO "N", g. Sankt-Peterburg';
- tr (Turkish Commercial Code 6102: A.Ş., anonim şirket, and Ltd. Şti., limited şirket;
  "Sanayi ve Ticaret", industry and trade, the words most Turkish registered names carry,
  abbreviated "San. ve Tic." on letterheads): 'N Sanayi ve Ticaret A.Ş.',
  'N San. ve Tic. Ltd. Şti.';
- ae (UAE Federal Decree-Law 32 of 2021 on Commercial Companies, the LLC written "L.L.C."
  by Dubai's Department of Economy and Tourism, with "General Trading", the licence
  activity Dubai's trade names carry; the free zones' FZE and FZCO, Jebel Ali Free Zone
  Authority's company regulations): 'N General Trading L.L.C.', 'N FZE', 'N FZCO';
- ir (Iran's Commercial Code of 1932 as amended 1969: the private and public joint stock
  companies, written after the name in brackets on Iranian registered names in English):
  'N Co. (Private Joint Stock)', 'N Company (Public Joint Stock)';
- in (Companies Act 2013, s. 2(68): a private company's name ends "Private Limited",
  abbreviated "Pvt. Ltd."): 'N Private Limited', 'N Pvt. Ltd.';
- hk (Companies Ordinance, Cap. 622, s. 100: the name ends "Limited"; the bracketed "(HK)"
  or "(Hong Kong)" a group's Hong Kong company carries): 'N (HK) Limited',
  'N (Hong Kong) Co., Limited';
- my (Companies Act 2016, s. 27: a private company's name ends "Sendirian Berhad",
  "Sdn. Bhd."): 'N Sdn. Bhd.', 'N Sendirian Berhad';
- cn (Regulations on the Administration of Enterprise Name Registration: a company's
  place may be written in brackets after its trade name, as a group's company in another
  city is registered; "Co., Ltd." after it): 'N (Shenzhen) Co., Ltd.',
  'N (Beijing) Technology Co., Ltd.'.
Each style is a form "<country>-<k>" (k its place in the list). Halves by
`evalsets.split` of N (a name's forms in one half).
"""

from __future__ import annotations

from common import run_forms_set
from registered_forms import _key, alert_cases, listed_names

#: country -> its styles, "{}" where the listed name stands
STYLES: dict[str, tuple[str, ...]] = {
    "ru": ("OOO «{}» g. Moskva", 'AO "{}", g. Sankt-Peterburg'),
    "tr": ("{} Sanayi ve Ticaret A.Ş.", "{} San. ve Tic. Ltd. Şti."),
    "ae": ("{} General Trading L.L.C.", "{} FZE", "{} FZCO"),
    "ir": ("{} Co. (Private Joint Stock)", "{} Company (Public Joint Stock)"),
    "in": ("{} Private Limited", "{} Pvt. Ltd."),
    "hk": ("{} (HK) Limited", "{} (Hong Kong) Co., Limited"),
    "my": ("{} Sdn. Bhd.", "{} Sendirian Berhad"),
    "cn": ("{} (Shenzhen) Co., Ltd.", "{} (Beijing) Technology Co., Ltd."),
}


def cases() -> list[dict[str, object]]:
    style_words = {w for styles in STYLES.values() for style in styles
                   for w in _key(style.replace("{}", " ")).split()}
    table = {code: ("", (), ()) for code in STYLES}
    out: list[dict[str, object]] = []
    for (name, code), entities in sorted(listed_names(table).items()):
        if style_words.intersection(name.split()):
            continue
        queries = {f"{code}-{k}": style.format(name.title())
                   for k, style in enumerate(STYLES[code])}
        out += alert_cases(name, queries, entities)
    return out


if __name__ == "__main__":
    run_forms_set(cases)
