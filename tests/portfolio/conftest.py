"""Screeners over the real list files.

- `screener`: the NS-CMIC entries of the session home (every bundled list loaded: the OFAC
  consolidated CSV and the CSL's NS-CMIC rows), read as of 28 Nov 2026.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clearance.index.build import Index
from clearance.portfolio.listing import cmic_list
from clearance.portfolio.screen import ScreenConfig, Screener

AS_OF = date(2026, 11, 28)


@pytest.fixture
def screener(loaded_home: Path, index: Index) -> Screener:
    return Screener(cmic_list(), ScreenConfig(as_of=AS_OF), index)
