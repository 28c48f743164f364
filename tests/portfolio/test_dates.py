"""What the NS-CMIC dates mean on a given day (Hikvision: listed 3 Jun 2021)."""

from datetime import date

import pytest

from clearance.portfolio.dates import CmicDates, actions, rule_dates

HIK = CmicDates(date(2021, 6, 3), date(2021, 8, 2), date(2022, 6, 3))


@pytest.mark.parametrize(("as_of", "expected"), [
    (date(2021, 6, 10), ("Purchases prohibited from 2021-08-02 (in 53 days); sales made "
                         "solely to divest are allowed until 2022-06-03.")),
    (date(2021, 8, 2), ("Purchase prohibited since 2021-08-02. Sales to divest allowed until "
                        "2022-06-03 (305 days left).")),
    (date(2022, 6, 2), "(1 day left)"),
    (date(2022, 6, 3), "Divestment deadline 2022-06-03 passed"),
    (date(2026, 11, 28), "Divestment deadline 2022-06-03 passed"),
])
def test_covered_actions_by_day(as_of: date, expected: str) -> None:
    assert expected in actions("covered", HIK, as_of)


def test_review_and_clear_say_what_to_do() -> None:
    text = actions("review", HIK, date(2026, 1, 1))
    assert text.startswith("Possible NS-CMIC link: confirm before trading. If confirmed: ")
    assert actions("clear", None, date(2026, 1, 1)).startswith("No NS-CMIC listing found")


def test_missing_dates_are_said_not_invented() -> None:
    text = actions("covered", CmicDates(date(2021, 6, 3), None, None), date(2026, 1, 1))
    assert "gives no effective date" in text


def test_a_new_listing_gets_the_executive_order_periods() -> None:
    d = rule_dates(date(2026, 11, 28))
    assert (d.effective, d.divestment) == (date(2027, 1, 27), date(2027, 11, 28))
    assert "EO 14032" in d.source
