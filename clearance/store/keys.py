"""API keys: created once, stored only as SHA-256 hashes, each with one scope.

Scopes are ordered: `read` (match, search, entities, lists) < `screen` (batch jobs,
alert decisions) < `admin` (list updates, keys). A key grants its scope and those below.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from clearance.exc import InputError, StoreError
from clearance.store import audit
from clearance.store.db import api_keys, engine, utc_now

__all__ = ["SCOPES", "ApiKey", "create_key", "list_keys", "revoke_key", "check_key", "allows"]

SCOPES = ("read", "screen", "admin")
PREFIX = "clr_"


@dataclass
class ApiKey:
    """A stored key (never the secret itself)."""

    id: int
    name: str
    scope: str
    created_at: str
    revoked: bool


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def allows(granted: str, needed: str) -> bool:
    """Whether a key of scope `granted` may do what needs scope `needed`."""
    return SCOPES.index(granted) >= SCOPES.index(needed)


def create_key(name: str, scope: str, actor: str | None = None) -> tuple[ApiKey, str]:
    """A new key; the secret is returned once and only its hash is stored."""
    if scope not in SCOPES:
        raise StoreError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
    if name.strip() == "" or len(name) > 200:
        raise InputError("a key needs a name of 1 to 200 characters (who or what uses it)")
    secret = PREFIX + secrets.token_urlsafe(32)
    now = utc_now()
    with engine().begin() as conn:
        key_id = conn.execute(insert(api_keys).values(
            name=name, scope=scope, key_hash=_hash(secret), created_at=now, revoked=False,
        )).inserted_primary_key
        assert key_id is not None
        audit.append(conn, actor or audit.default_actor(), "key.create",
                     {"key_id": int(key_id[0]), "name": name, "scope": scope})
    return ApiKey(int(key_id[0]), name, scope, now, False), secret


def list_keys() -> list[ApiKey]:
    with engine().connect() as conn:
        rows = conn.execute(select(api_keys).order_by(api_keys.c.id)).all()
    return [ApiKey(r.id, r.name, r.scope, r.created_at, bool(r.revoked)) for r in rows]


def revoke_key(key_id: int, actor: str | None = None) -> None:
    with engine().begin() as conn:
        done = conn.execute(update(api_keys).where(api_keys.c.id == key_id).values(revoked=True))
        if done.rowcount == 0:
            raise StoreError(f"no API key with id {key_id}")
        audit.append(conn, actor or audit.default_actor(), "key.revoke", {"key_id": key_id})


def check_key(secret: str) -> ApiKey | None:
    """The active key with this secret, or None."""
    with engine().connect() as conn:
        row = conn.execute(select(api_keys).where(api_keys.c.key_hash == _hash(secret),
                                                  api_keys.c.revoked.is_(False))).first()
    return None if row is None else ApiKey(row.id, row.name, row.scope, row.created_at, False)
