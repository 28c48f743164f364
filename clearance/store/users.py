"""People who use the web UI: roles, argon2 password hashes, lockout, database sessions.

Roles are ordered like API-key scopes: `analyst` (review cases, propose decisions, screen)
< `reviewer` (approve or send back proposed decisions) < `admin` (users, list updates).

Sessions live in the database, not in a process: several API instances sharing one
PostgreSQL accept each other's cookies, and a restart signs nobody out. The cookie holds a
random secret; the table holds only its SHA-256, so a copy of the database opens no
session. After `LOCK_AFTER` consecutive failed passwords a user is locked for a time that
doubles with each further failure (capped at `LOCK_MAX`), checked before the password is.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, delete, insert, select, update

from clearance import settings
from clearance.exc import InputError, LoginRefused, NotFound
from clearance.store import audit
from clearance.store.db import engine, users, utc_now, web_sessions

__all__ = [
    "LOCK_AFTER",
    "MIN_PASSWORD",
    "ROLES",
    "Session",
    "User",
    "authenticate",
    "create_user",
    "disable_user",
    "end_session",
    "ensure_demo_user",
    "get_session",
    "get_user",
    "has_role",
    "list_users",
    "start_session",
]

ROLES = ("analyst", "reviewer", "admin")
MIN_PASSWORD = 10
LOCK_AFTER = 5
LOCK_BASE = timedelta(seconds=30)
LOCK_MAX = timedelta(minutes=15)
NO_PASSWORD = "!"  # a hash no password verifies against (demo users)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_hasher = PasswordHasher()


@cache
def _dummy() -> str:
    """Verified against when the user does not exist, so a wrong name costs what a wrong
    password costs and the timing does not tell which names exist. Made on first use: a
    hash costs ~0.2 s, which every process importing this module paid at start."""
    return _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class User:
    """A person as the UI knows them (never the password hash)."""

    id: int
    name: str
    role: str
    created_at: str
    disabled: bool
    locked_until: str | None = None

    @property
    def actor(self) -> str:
        """How this user is named in cases and the audit log."""
        return f"user:{self.name}"


@dataclass(frozen=True)
class Session:
    """A signed-in browser: who, the CSRF token its forms must carry, when it ends."""

    user: User
    csrf: str
    expires_at: str


def has_role(user: User, needed: str) -> bool:
    """Whether `user`'s role includes `needed` (admin > reviewer > analyst)."""
    return ROLES.index(user.role) >= ROLES.index(needed)


def _user(row: Any) -> User:
    return User(row.id, row.name, row.role, row.created_at, bool(row.disabled), row.locked_until)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_user(name: str, role: str, password: str | None, actor: str | None = None) -> User:
    """A new user; `password=None` makes one that cannot sign in with a password (demo)."""
    if _NAME.match(name) is None:
        raise InputError(f"user name {name!r}: use 1-64 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise InputError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    digest = NO_PASSWORD if password is None else _hasher.hash(password)
    with engine().begin() as conn:
        if conn.execute(select(users.c.id).where(users.c.name == name)).first() is not None:
            raise InputError(f"user {name!r} exists already")
        conn.execute(insert(users).values(name=name, role=role, password_hash=digest,
                                          created_at=utc_now(), disabled=False,
                                          failed_logins=0, locked_until=None))
        audit.append(conn, actor or audit.default_actor(), "user.create",
                     {"name": name, "role": role, "password": password is not None})
    return get_user(name)


def get_user(name: str) -> User:
    with engine().connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user {name!r}")
    return _user(row)


def list_users() -> list[User]:
    with engine().connect() as conn:
        return [_user(r) for r in conn.execute(select(users).order_by(users.c.name))]


def disable_user(name: str, actor: str | None = None) -> User:
    """Disable a user and end all their sessions at once (the history keeps their name)."""
    with engine().begin() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
        if row is None:
            raise NotFound(f"no user {name!r}")
        conn.execute(update(users).where(users.c.id == row.id).values(disabled=True))
        conn.execute(delete(web_sessions).where(web_sessions.c.user_id == row.id))
        audit.append(conn, actor or audit.default_actor(), "user.disable", {"name": name})
    return get_user(name)


def _lock_for(failures: int) -> timedelta:
    if failures < LOCK_AFTER:
        return timedelta(0)
    lock: timedelta = min(LOCK_BASE * (2 ** (failures - LOCK_AFTER)), LOCK_MAX)
    return lock


def authenticate(name: str, password: str, now: datetime | None = None) -> User:
    """The user if `password` is theirs; `LoginRefused` otherwise (same words either way).

    Failures are counted per user; a locked user is refused before the password is
    checked, with the seconds left, so guessing gets slower and slower.
    """
    now = now or datetime.now(UTC)
    # a refusal is decided inside the transaction but raised after it commits, so the
    # failure count and its audit record are kept
    refusal: LoginRefused | None = None
    with engine().begin() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
        if row is None or row.disabled or row.password_hash == NO_PASSWORD:
            with contextlib.suppress(VerificationError):
                _hasher.verify(_dummy(), password)
            audit.append(conn, f"user:{name}"[:200], "user.login_failed",
                         {"name": name, "why": "unknown, disabled or passwordless user"})
            refusal = LoginRefused("wrong user name or password")
        elif row.locked_until is not None and datetime.fromisoformat(row.locked_until) > now:
            left = int((datetime.fromisoformat(row.locked_until) - now).total_seconds()) + 1
            refusal = LoginRefused(f"too many failed sign-ins: try again in {left} s", left)
        else:
            refusal = _check_password(conn, row, password, now)
    if refusal is not None:
        raise refusal
    return get_user(name)


def _check_password(conn: Connection, row: Any, password: str, now: datetime
                    ) -> LoginRefused | None:
    try:
        _hasher.verify(row.password_hash, password)
    except (VerifyMismatchError, InvalidHashError, VerificationError):
        failures = row.failed_logins + 1
        lock = _lock_for(failures)
        locked = None if lock == timedelta(0) else (now + lock).isoformat(timespec="seconds")
        conn.execute(update(users).where(users.c.id == row.id)
                     .values(failed_logins=failures, locked_until=locked))
        audit.append(conn, f"user:{row.name}", "user.login_failed",
                     {"name": row.name, "failures": failures, "locked_until": locked})
        if locked is None:
            return LoginRefused("wrong user name or password")
        seconds = int(lock.total_seconds())
        return LoginRefused(f"too many failed sign-ins: try again in {seconds} s", seconds)
    values: dict[str, Any] = {"failed_logins": 0, "locked_until": None}
    if _hasher.check_needs_rehash(row.password_hash):
        values["password_hash"] = _hasher.hash(password)
    conn.execute(update(users).where(users.c.id == row.id).values(**values))
    return None


def ensure_demo_user(role: str) -> User:
    """The passwordless `demo-<role>` user of open (demo) mode, created on first use."""
    name = f"demo-{role}"
    try:
        return get_user(name)
    except NotFound:
        return create_user(name, role, None, actor="system:demo")


def start_session(user: User) -> tuple[str, Session]:
    """A new session: the cookie secret (returned once) and what the server keeps."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = (now + timedelta(hours=settings.session_hours())).isoformat(timespec="seconds")
    with engine().begin() as conn:
        conn.execute(delete(web_sessions).where(web_sessions.c.expires_at < utc_now()))
        conn.execute(insert(web_sessions).values(
            token_hash=_hash_token(token), user_id=user.id, csrf=csrf,
            created_at=now.isoformat(timespec="seconds"), expires_at=expires))
        audit.append(conn, user.actor, "user.login", {"name": user.name, "role": user.role})
    return token, Session(user, csrf, expires)


def get_session(token: str) -> Session | None:
    """The live session of this cookie secret, or None (unknown, expired, user disabled)."""
    with engine().connect() as conn:
        row = conn.execute(
            select(web_sessions.c.csrf, web_sessions.c.expires_at, users)
            .join(users, users.c.id == web_sessions.c.user_id)
            .where(web_sessions.c.token_hash == _hash_token(token))).first()
    if row is None or row.disabled or row.expires_at <= utc_now():
        return None
    return Session(_user(row), row.csrf, row.expires_at)


def end_session(token: str) -> None:
    """Sign out: the session row goes, so the cookie opens nothing any more."""
    with engine().begin() as conn:
        row = conn.execute(select(users.c.name).join(
            web_sessions, users.c.id == web_sessions.c.user_id).where(
            web_sessions.c.token_hash == _hash_token(token))).first()
        conn.execute(delete(web_sessions).where(web_sessions.c.token_hash == _hash_token(token)))
        if row is not None:
            audit.append(conn, f"user:{row.name}", "user.logout", {"name": row.name})
