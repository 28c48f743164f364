"""The reports' shared stacked bars: sized by value, labelled and escaped."""

from __future__ import annotations

import re

from clearance.report_parts import short, svg_bars


def _widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" '
                                         r'height="18"', svg)]


def test_segments_are_sized_by_value_against_the_largest_bar() -> None:
    rows = [("A", {"covered": 30.0, "review": 10.0}), ("B", {"covered": 20.0})]
    svg = svg_bars("Value", rows, ["covered", "review"], lambda k: "#000")
    a_covered, a_review, b_covered = _widths(svg)
    assert a_covered == 3 * a_review and b_covered == 2 * a_review
    assert ">40<" in svg and ">20<" in svg  # each row's total after its bar


def test_names_keys_and_amounts_are_escaped_and_long_names_cut() -> None:
    rows = [("<b>Vendor & Co</b> " + "x" * 40, {"cost_covered": 1234.0})]
    svg = svg_bars("Cost <by> site", rows, ["cost_covered"], lambda k: "#000",
                   lambda v: f"<{v:,.0f}>")
    assert "<b>" not in svg and "&lt;b&gt;Vendor &amp; Co" in svg
    assert short("<b>Vendor & Co</b> " + "x" * 40).endswith("\u2026")
    assert "&lt;1,234&gt;" in svg and 'aria-label="Cost &lt;by&gt; site"' in svg
    assert ">cost covered<" in svg  # the legend reads the key as words


def test_no_rows_say_so_instead_of_an_empty_chart() -> None:
    assert svg_bars("Empty", [], ["covered"], lambda k: "#000") == (
        "<h3>Empty</h3><p>nothing to show</p>")
