"""Investment exposure under the NS-CMIC ban (EO 13959 as amended by EO 14032).

Holdings and fund constituents are screened against the NS-CMIC entries of the active
list versions: by ISIN (decisive; a CUSIP counts through its US ISIN), by issuer name
with the project's matcher, and for securities that may derive from a listed company's
(depositary receipts, other share classes, bonds of financing vehicles). Each result
carries its evidence, the entry's listing, effective and divestment dates and what they
mean on a given day. Screening support, not legal advice.
"""

from clearance.portfolio.batch import make_screener, screen_file
from clearance.portfolio.dates import CmicDates, actions
from clearance.portfolio.funds import FundExposure, look_through, read_constituents
from clearance.portfolio.holdings import Holding, read_holdings
from clearance.portfolio.listing import CmicEntry, CmicList, cmic_list
from clearance.portfolio.screen import HoldingResult, ScreenConfig, Screener

__all__ = [
    "CmicDates",
    "CmicEntry",
    "CmicList",
    "FundExposure",
    "Holding",
    "HoldingResult",
    "ScreenConfig",
    "Screener",
    "actions",
    "cmic_list",
    "look_through",
    "make_screener",
    "read_constituents",
    "read_holdings",
    "screen_file",
]
