"""Ed25519 keys and signed checkpoints of the audit chain.

A checkpoint says "record SEQ of the audit log had hash H at time T", signed with a key
kept outside `CLEARANCE_HOME`. Every record's hash covers the record before it, so one
checkpoint vouches for the whole log up to SEQ: rewriting any of those records, even
re-chaining all of them and rewriting the head file, changes the hash at SEQ, and only
the holder of the private key could sign the new one. Anyone with the public key can
check a checkpoint offline; nothing secret is needed to verify.

A checkpoint file is one JSON object:
`{"format", "seq", "hash", "at", "key_id", "signature"}`; the signature (base64) covers
the canonical JSON of the other five fields.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from clearance import settings
from clearance.exc import AuditError

__all__ = [
    "FORMAT",
    "Checkpoint",
    "generate_key",
    "key_id",
    "load_private_key",
    "load_public_key",
    "public_path",
    "read_checkpoint",
    "sign",
    "write_checkpoint",
]

FORMAT = "clearance-audit-checkpoint/1"
_FIELDS = ("seq", "hash", "at", "key_id", "signature")


@dataclass(frozen=True)
class Checkpoint:
    """A signed statement of the audit chain's hash at one record."""

    seq: int
    hash: str
    at: str
    key_id: str
    signature: str  # base64 of the Ed25519 signature over `payload()`

    def payload(self) -> bytes:
        """The exact bytes that are signed."""
        body = {"format": FORMAT, "seq": self.seq, "hash": self.hash, "at": self.at,
                "key_id": self.key_id}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "seq": self.seq, "hash": self.hash, "at": self.at,
                "key_id": self.key_id, "signature": self.signature}

    def problem(self, public: Ed25519PublicKey) -> str | None:
        """Why this checkpoint is not good under `public`, or None when it is."""
        if self.key_id != key_id(public):
            return (f"it was signed by key {self.key_id}, not by the public key given "
                    f"({key_id(public)})")
        try:
            public.verify(base64.b64decode(self.signature, validate=True), self.payload())
        except (InvalidSignature, binascii.Error, ValueError):
            return "its signature does not verify: it was forged or altered"
        return None

    @classmethod
    def from_dict(cls, data: Any, origin: str) -> Checkpoint:
        """A checkpoint from parsed JSON; `AuditError` names `origin` and the bad field."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise AuditError(f"{origin}: not a Clearance audit checkpoint (format {FORMAT!r})")
        for name in _FIELDS:
            want = int if name == "seq" else str
            if not isinstance(data.get(name), want) or isinstance(data.get(name), bool):
                raise AuditError(f"{origin}: field {name!r} is missing or not a {want.__name__}")
        return cls(data["seq"], data["hash"], data["at"], data["key_id"], data["signature"])


def key_id(public: Ed25519PublicKey) -> str:
    """A short fingerprint of a public key: the first 16 hex digits of its SHA-256."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_path(private: Path) -> Path:
    """Where the public key of a private key file lives: beside it, suffix `.pub`."""
    return private.with_suffix(".pub")


def _outside_home(path: Path) -> None:
    home = settings.home().resolve()
    if path.resolve().is_relative_to(home):
        raise AuditError(f"signing key {path} is inside CLEARANCE_HOME ({home}): whoever can "
                         "rewrite the store could then sign the rewrite; set "
                         "CLEARANCE_SIGNING_KEY to a path outside it")


def generate_key(path: Path) -> tuple[Path, str]:
    """Create a new key pair at `path` (private, mode 0600) and `public_path(path)`.

    Refuses to overwrite an existing key (old checkpoints need it to stay checkable) and
    to place the key inside `CLEARANCE_HOME`. Returns the public key's path and its id.
    """
    _outside_home(path)
    if path.exists():
        raise AuditError(f"signing key {path} already exists; move it away first to make a "
                         "new one (keep its .pub: older checkpoints are checked with it)")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    public = private.public_key()
    pub = public_path(path)
    pub.write_bytes(public.public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo))
    return pub, key_id(public)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The signing key; `AuditError` says what is wrong (missing, inside the home, not Ed25519)."""
    _outside_home(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuditError(f"no signing key at {path}: create one with `clearance audit keygen` "
                         "(or set CLEARANCE_SIGNING_KEY)") from None
    except OSError as exc:
        raise AuditError(f"signing key {path}: {exc.strerror}") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise AuditError(f"signing key {path} is not a PEM private key without a "
                         f"passphrase ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise AuditError(f"signing key {path} is not an Ed25519 key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """A public key file (PEM) to check checkpoints with."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AuditError(f"public key {path}: {exc.strerror}") from None
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise AuditError(f"public key {path} is not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise AuditError(f"public key {path} is not an Ed25519 key")
    return key


def sign(private: Ed25519PrivateKey, seq: int, digest: str, at: str) -> Checkpoint:
    """A checkpoint of record `seq` with hash `digest`, signed now."""
    unsigned = Checkpoint(seq, digest, at, key_id(private.public_key()), "")
    signature = base64.b64encode(private.sign(unsigned.payload())).decode("ascii")
    return Checkpoint(seq, digest, at, unsigned.key_id, signature)


def read_checkpoint(path: Path) -> Checkpoint:
    """A checkpoint file; `AuditError` names the file when it is unreadable or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AuditError(f"checkpoint {path}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AuditError(f"checkpoint {path} is not JSON ({exc})") from None
    return Checkpoint.from_dict(data, f"checkpoint {path}")


def write_checkpoint(checkpoint: Checkpoint, path: Path) -> None:
    """Write a checkpoint file atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(json.dumps(checkpoint.to_dict(), indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
