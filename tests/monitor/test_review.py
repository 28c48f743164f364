"""Four-eyes review: proposals, approval by a different person, read-only decided cases,
bulk batches, the queue's filters; the same rules for every shell."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.exc import InputError, Refused
from clearance.monitor.alerts import get_alert
from clearance.monitor.review import (
    proposals,
    reopen_case,
    review,
    review_batch,
    submit_bulk,
    submit_decision,
)
from clearance.store import audit
from tests.monitor.conftest import alerts_for_three_entries


@pytest.fixture(scope="module")
def alerts(sdn_home: Path) -> dict[str, int]:
    return alerts_for_three_entries("c")


def test_four_eyes_decision_waits_for_a_different_reviewer(alerts: dict[str, int]) -> None:
    alert_id = alerts["c-1"]
    done = submit_decision(alert_id, "true_match", "cedula matches", "user:ana",
                           "identity_confirmed")
    assert done.proposal is not None and done.alert.status == "open"
    with pytest.raises(Refused, match="awaiting approval"):
        submit_decision(alert_id, "false_positive", "changed my mind", "user:ana")
    with pytest.raises(Refused, match="four-eyes"):
        review(done.proposal.id, True, "", "user:ana")
    decided = review(done.proposal.id, True, "verified", "user:rev")
    assert decided.status == "true_match"
    last = list(audit.iter_records())[-1]
    assert last.action == "alert.decide" and last.detail["proposed_by"] == "user:ana"
    assert last.detail["approved_by"] == "user:rev" and last.actor == "user:rev"
    with pytest.raises(Refused, match="reopen it"):
        submit_decision(alert_id, "false_positive", "another look", "user:bo")
    with pytest.raises(InputError, match="needs a reason"):
        reopen_case(alert_id, " ", "user:bo")
    assert reopen_case(alert_id, "new passport copy", "user:bo").status == "open"
    assert get_alert(alert_id).events[-1].reason == "reopened: new passport copy"


def test_sent_back_proposal_leaves_the_case_open(alerts: dict[str, int]) -> None:
    alert_id = alerts["c-2"]
    done = submit_decision(alert_id, "false_positive", "other DOB", "user:ana", "dob_mismatch")
    assert done.proposal is not None
    with pytest.raises(InputError, match="needs a reason"):
        review(done.proposal.id, False, "", "user:rev")
    assert review(done.proposal.id, False, "DOB not on file", "user:rev").status == "open"
    assert proposals(alert_id)[-1].state == "sent_back"
    assert proposals(alert_id, state="pending") == []


def test_escalation_is_not_held_back_and_codes_must_fit(alerts: dict[str, int]) -> None:
    alert_id = alerts["c-2"]
    with pytest.raises(InputError, match="does not fit escalated"):
        submit_decision(alert_id, "escalated", "x", "user:ana", "dob_mismatch")
    done = submit_decision(alert_id, "escalated", "need the KYC file", "user:ana",
                           "needs_information")
    assert done.proposal is None and done.alert.status == "escalated"


def test_four_eyes_can_be_turned_off(alerts: dict[str, int],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_FOUR_EYES", "off")
    done = submit_decision(alerts["c-2"], "true_match", "confirmed", "user:ana")
    assert done.proposal is None and done.alert.status == "true_match"
    reopen_case(alerts["c-2"], "test reset", "user:ana")


def test_bulk_proposals_share_a_batch_and_skip_what_cannot_take_them(
        alerts: dict[str, int]) -> None:
    ids = [alerts["c-2"], alerts["c-3"], 999_999]
    result = submit_bulk(ids, "false_positive", "not the same party", "user:bo",
                         "partial_name")
    assert result.proposed and sorted(result.done) == sorted(ids[:2])
    assert "no alert 999999" in result.skipped[999_999]
    assert result.batch is not None
    with pytest.raises(Refused, match="four-eyes"):
        review_batch(result.batch, True, "", "user:bo")
    assert all(get_alert(i).status != "false_positive" for i in ids[:2])
    assert review_batch(result.batch, True, "ok", "user:rev") == 2
    assert all(get_alert(i).status == "false_positive" for i in ids[:2])
    for i in ids[:2]:
        reopen_case(i, "test reset", "user:rev")
