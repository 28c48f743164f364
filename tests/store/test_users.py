"""Users of the web UI: argon2 hashes, lockout that doubles, sessions in the database."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clearance.exc import InputError, LoginRefused
from clearance.store import audit
from clearance.store.db import engine, users
from clearance.store.users import (
    LOCK_AFTER,
    authenticate,
    create_user,
    disable_user,
    end_session,
    ensure_demo_user,
    get_session,
    has_role,
    list_users,
    start_session,
)

PASSWORD = "a long enough password"


def test_password_is_stored_as_an_argon2_hash_only(home: Path) -> None:
    create_user("ana", "analyst", PASSWORD, actor="test")
    with engine().connect() as conn:
        stored = conn.execute(users.select()).one().password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert authenticate("ana", PASSWORD).name == "ana"
    assert [r.action for r in audit.iter_records()] == ["user.create"]


@pytest.mark.parametrize("name, role, password, problem", [
    ("bad name", "analyst", PASSWORD, "user name"),
    ("ana", "boss", PASSWORD, "role 'boss'"),
    ("ana", "analyst", "short", "at least 10"),
])
def test_bad_users_are_refused_with_the_reason(home: Path, name: str, role: str,
                                               password: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        create_user(name, role, password)
    assert list_users() == []


def test_roles_are_ordered_like_scopes(home: Path) -> None:
    rev = create_user("rev", "reviewer", PASSWORD)
    assert has_role(rev, "analyst") and has_role(rev, "reviewer") and not has_role(rev, "admin")


def test_lockout_doubles_and_is_checked_before_the_password(home: Path) -> None:
    create_user("ana", "analyst", PASSWORD)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(LOCK_AFTER - 1):
        with pytest.raises(LoginRefused, match="wrong user name or password"):
            authenticate("ana", "wrong guess!", now)
    with pytest.raises(LoginRefused) as first:
        authenticate("ana", "wrong guess!", now)
    assert first.value.retry_after == 30
    with pytest.raises(LoginRefused, match="try again"):
        authenticate("ana", PASSWORD, now + timedelta(seconds=29))  # right password, locked
    with pytest.raises(LoginRefused) as second:
        authenticate("ana", "wrong again!", now + timedelta(seconds=31))
    assert second.value.retry_after == 60  # doubles
    assert authenticate("ana", PASSWORD, now + timedelta(seconds=92)).name == "ana"
    assert authenticate("ana", PASSWORD, now + timedelta(seconds=93)).locked_until is None


def test_unknown_user_and_passwordless_demo_user_are_refused_alike(home: Path) -> None:
    ensure_demo_user("analyst")
    for name in ("nobody", "demo-analyst"):
        with pytest.raises(LoginRefused, match="wrong user name or password"):
            authenticate(name, PASSWORD)


def test_sessions_live_in_the_database_and_end(home: Path) -> None:
    user = create_user("ana", "analyst", PASSWORD)
    token, session = start_session(user)
    found = get_session(token)
    assert found is not None and found.user.name == "ana" and found.csrf == session.csrf
    assert get_session("not-a-token") is None
    end_session(token)
    assert get_session(token) is None


def test_disabling_a_user_ends_their_sessions(home: Path) -> None:
    token, _ = start_session(create_user("ana", "analyst", PASSWORD))
    disable_user("ana")
    assert get_session(token) is None
    with pytest.raises(LoginRefused):
        authenticate("ana", PASSWORD)


def test_expired_sessions_are_refused(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_SESSION_HOURS", "0.000001")  # 3.6 ms
    token, _ = start_session(create_user("ana", "analyst", PASSWORD))
    time.sleep(0.01)
    assert get_session(token) is None
