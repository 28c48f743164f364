"""Dataset ids of the official lists, importable without their parsers (and FollowTheMoney):
screening code that only compares ids stays light to import."""

from __future__ import annotations

__all__ = ["BIS_DPL", "CSL", "DATASETS", "OFAC_CONS", "OFAC_SDN", "UN_SC"]

OFAC_SDN = "us_ofac_sdn"
OFAC_CONS = "us_ofac_cons"
CSL = "us_trade_csl"
BIS_DPL = "us_bis_dpl"
UN_SC = "un_sc_sanctions"
#: Every list this version reads, in the order `lists load` reports them.
DATASETS = (OFAC_SDN, OFAC_CONS, CSL, BIS_DPL, UN_SC)
