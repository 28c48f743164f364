"""Continuous monitoring: the counterparty book, delta re-screening, alerts and their review."""
