"""A realistic, deterministic demo portfolio and fund constituents, built on the real list.

Positions are drawn from a universe of securities, as in a real book where many accounts
hold the same names. The universe mixes:
- securities OFAC lists under NS-CMIC, with their real ISINs and issuer names as the list
  spells them or as custodians abbreviate them (covered);
- the same companies by name only, with no identifier (covered by the matcher);
- securities that may derive from listed ones: ADRs sharing the CUSIP issuer number of a
  listed ADR, bonds of financing vehicles named after a listed company, other share
  classes named in the description (review);
- well-formed ISINs (valid check digits, synthetic) of issuers no list names (clear);
- name-only rows of such issuers, and malformed ISINs (bad check digit, truncated).
Fund constituent files hold a few funds whose ids appear as positions, so the look-through
has something to find. Identifiers of unlisted issuers are synthetic: demo data only.
"""

from __future__ import annotations

import csv
import random
import string
from dataclasses import dataclass
from pathlib import Path

from stdnum import cusip as _cusip
from stdnum import isin as _isin

from clearance.exc import InputError
from clearance.portfolio.listing import CmicEntry, CmicList

__all__ = ["COLUMNS", "FUND_COLUMNS", "Security", "universe", "write_demo"]

COLUMNS = ["Position ID", "ISIN", "CUSIP", "Issuer Name", "Security Description",
           "Security Type", "Quantity", "Market Value (USD)", "Currency", "Portfolio",
           "Account"]
FUND_COLUMNS = ["Fund ISIN", "Constituent ISIN", "Issuer", "Security Description", "Weight (%)"]

_FIRST = ["Northwind", "Bluewater", "Silverline", "Redwood", "Harbor", "Summit", "Granite",
          "Meridian", "Aurora", "Pioneer", "Evergreen", "Lakeside", "Crescent", "Highland",
          "Oakridge", "Riverside", "Sterling", "Cobalt", "Falcon", "Juniper", "Beacon",
          "Cedar", "Orion", "Atlas", "Vantage", "Keystone", "Horizon", "Sapphire", "Willow"]
_SECOND = ["Analytics", "Logistics", "Foods", "Pharma", "Energy", "Motors", "Software",
           "Retail", "Materials", "Holdings", "Capital", "Media", "Biotech", "Utilities",
           "Semiconductors", "Airlines", "Shipping", "Telecom", "Insurance", "Robotics"]
_FORMS = ["Inc", "Corp", "plc", "AG", "SA", "NV", "Ltd", "SE", "Co Ltd", "ASA", "Oyj", "KK"]
_COUNTRIES = ["US", "GB", "DE", "FR", "NL", "JP", "CH", "SE", "CA", "AU", "IE", "CN", "HK"]
_PORTFOLIOS = ["Global Equity", "Emerging Markets Equity", "Asia Pacific Income",
               "Pension Plan A", "Pension Plan B", "Core Bond", "Balanced Fund"]


@dataclass(frozen=True)
class Security:
    """One line of the universe: how a custodian would describe the security."""

    isin: str
    cusip: str
    issuer: str
    description: str
    kind: str  # listed, by_name, derived, clear, name_only, malformed, fund
    price: float


def _with_check(body: str) -> str:
    return body + str(_isin.calc_check_digit(body))


def _synthetic_isin(rng: random.Random, country: str | None = None) -> str:
    country = country or rng.choice(_COUNTRIES)
    if country in ("US", "CA"):
        body = "".join(rng.choice(string.digits + "ABCDEFGH") for _ in range(8))
        body += _cusip.calc_check_digit(body)
        return _with_check(country + body)
    return _with_check(country + "".join(rng.choice(string.digits) for _ in range(9)))


def _abbreviate(name: str) -> str:
    """'CHINA MOBILE LIMITED' -> 'China Mobile Ltd' (how position reports print names)."""
    words = name.replace(",", "").replace(".", "").title().split()
    short = {"Limited": "Ltd", "Corporation": "Corp", "Company": "Co", "Technology": "Tech",
             "International": "Intl", "Incorporated": "Inc"}
    return " ".join(short.get(w, w) for w in words)


def _listed(e: CmicEntry, rng: random.Random) -> list[Security]:
    out = []
    valid = [i for i in e.isins if i not in e.malformed]
    for isin in valid[:4]:
        suffix = {"CN": "-A", "HK": "-H"}.get(isin[:2], "")
        issuer = rng.choice([e.name, _abbreviate(e.name)])
        desc = _abbreviate(e.name).upper() + (" SPON ADR" if isin.startswith("US") else
                                               " BOND" if isin[:3] in ("CND", "XS") else suffix)
        out.append(Security(isin, "", issuer, desc, "listed", round(rng.uniform(2, 80), 2)))
    out.append(Security("", "", _abbreviate(e.name), _abbreviate(e.name).upper() + " ORD",
                        "by_name", round(rng.uniform(2, 80), 2)))
    for isin in valid:
        if isin.startswith("US") and isin[2:11].isalnum():  # another ADR of the same issuer
            body = isin[2:8] + f"{rng.randint(20, 89):02d}"
            cusip = body + _cusip.calc_check_digit(body)
            out.append(Security(_with_check("US" + cusip), cusip, "Deutsche Bank Trust Co Americas",
                                _abbreviate(e.name).upper() + " UNSPON ADR", "derived",
                                round(rng.uniform(5, 50), 2)))
            break
    short = _abbreviate(e.name).split()[0:2]
    if e.isins and any(i[:2] in ("XS", "US", "HK") for i in e.isins):
        vehicle = f"{' '.join(short)} Finance ({rng.randint(2012, 2021)}) Ltd"
        coupon = f"{rng.choice([2, 3, 4, 5])}.{rng.choice(['125', '25', '375', '5', '75'])}%"
        out.append(Security(_synthetic_isin(rng, "XS"), "", vehicle,
                            f"{' '.join(short).upper()} FIN {coupon} "
                            f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/"
                            f"{rng.randint(26, 35)} REGS", "derived", 100.0))
    return out


def universe(cmic: CmicList, size: int, seed: int = 2026) -> list[Security]:
    """`size` securities (at least the listed ones), deterministic for a seed."""
    if not cmic.entries:
        raise InputError("no NS-CMIC entries are loaded: load the OFAC consolidated list first "
                         "(clearance lists load ../shared/data/lists/ofac_consolidated)")
    rng = random.Random(seed)
    seen: set[str] = set()
    listed: list[Security] = []
    for e in sorted(cmic.entries.values(), key=lambda x: x.entity_id):
        if e.dataset != "us_ofac_cons" and any(
                o.source_id == e.source_id and o.dataset == "us_ofac_cons"
                for o in cmic.entries.values()):
            continue  # the same OFAC record as loaded from another source
        for s in _listed(e, rng):
            if s.isin == "" or s.isin not in seen:
                seen.add(s.isin)
                listed.append(s)
    out = list(listed)
    while len(out) < size:
        roll = rng.random()
        issuer = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_FORMS)}"
        price = round(rng.uniform(1, 400), 2)
        if roll < 0.03:
            out.append(Security("", "", issuer, "", "name_only", price))
        elif roll < 0.04:
            good = _synthetic_isin(rng)
            bad = rng.choice([good[:-1] + str((int(good[-1]) + 1) % 10), good[:-1]])
            out.append(Security(bad, "", rng.choice([issuer, ""]), issuer.upper() + " ORD",
                                "malformed", price))
        else:
            isin = _synthetic_isin(rng)
            cusip = isin[2:11] if isin[:2] in ("US", "CA") and rng.random() < 0.5 else ""
            out.append(Security(isin, cusip, issuer, issuer.upper() + " COM", "clear", price))
    return out


def _funds(secs: list[Security], rng: random.Random) -> dict[str, list[tuple[Security, float]]]:
    listed = [s for s in secs if s.kind == "listed"]
    clear = [s for s in secs if s.kind == "clear"]
    funds: dict[str, list[tuple[Security, float]]] = {}
    for share in (0.0, 0.8, 3.5, 12.0):  # percent of the fund in listed securities
        fund_isin = _synthetic_isin(rng, "IE")
        picks = rng.sample(listed, k=min(len(listed), 3)) if share > 0 else []
        others = rng.sample(clear, k=min(len(clear), 25))
        weights = [share / len(picks)] * len(picks) if picks else []
        rest = [rng.random() for _ in others]
        total = sum(rest) or 1.0
        weights += [(100.0 - share) * w / total for w in rest]
        funds[fund_isin] = list(zip(picks + others, [round(w, 4) for w in weights]))
    return funds


#: How often a position is of each kind (the rest: clear securities of unlisted issuers).
MIX = {"listed": 0.025, "by_name": 0.008, "derived": 0.007, "malformed": 0.005,
       "name_only": 0.02, "fund": 0.01}


def write_demo(path: Path, cmic: CmicList, count: int = 10_000, seed: int = 2026,
               funds_path: Path | None = None, securities: int | None = None) -> dict[str, int]:
    """Write `count` positions (and, if asked, fund constituents); returns counts by kind."""
    rng = random.Random(seed)
    size = securities if securities is not None else max(2_000, min(50_000, count // 20))
    secs = universe(cmic, size, seed)
    funds = _funds(secs, rng)
    by_kind: dict[str, list[Security]] = {}
    for s in secs:
        by_kind.setdefault(s.kind, []).append(s)
    by_kind["fund"] = [Security(isin, "", "Demo Asset Management", f"DEMO {i} UCITS ETF",
                                "fund", 50.0) for i, isin in enumerate(funds)]
    kinds = list(MIX) + ["clear"]
    weights = list(MIX.values()) + [1.0 - sum(MIX.values())]
    accounts = [f"ACC-{n:05d}" for n in range(1, 401)]
    counts: dict[str, int] = {}
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for n in range(1, count + 1):
            kind = rng.choices(kinds, weights)[0]
            s = rng.choice(by_kind.get(kind) or by_kind["clear"])
            qty = rng.choice([100, 250, 500, 1000, 5000, 20000]) * rng.randint(1, 20)
            w.writerow([f"P{n:07d}", s.isin, s.cusip, s.issuer, s.description,
                        "Fund" if s.kind == "fund" else "", qty,
                        f"{qty * s.price:.2f}", "USD", rng.choice(_PORTFOLIOS),
                        rng.choice(accounts)])
            counts[s.kind] = counts.get(s.kind, 0) + 1
    if funds_path is not None:
        with open(funds_path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(FUND_COLUMNS)
            for fund_isin, members in funds.items():
                for s, weight in members:
                    w.writerow([fund_isin, s.isin, s.issuer, s.description, weight])
    return counts
