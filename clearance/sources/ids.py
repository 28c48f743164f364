"""Dataset ids of the official lists, importable without their parsers (and FollowTheMoney):
screening code that only compares ids stays light to import."""

from __future__ import annotations

__all__ = ["CSL", "OFAC_CONS", "OFAC_SDN"]

OFAC_SDN = "us_ofac_sdn"
OFAC_CONS = "us_ofac_cons"
CSL = "us_trade_csl"
