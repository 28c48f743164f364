"""Word lists as data: each YAML file here names its sources; loaded once with @cache.

Parsing YAML is slow for the larger lists (places.yml: ~90 ms), and every process that
matches reads them again: each batch worker, each one-shot `clearance match`. So a parsed
list is also kept as JSON in `CLEARANCE_HOME/cache/resources/`, named after a digest of
the YAML file's bytes: an edited list has another digest, so a copy of an older version
is never read (copies of other versions are removed when a new one is written). A list
whose values JSON cannot carry exactly (dates, keys that are not strings) is parsed from
YAML every time; a home that cannot be written only costs the parse.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

__all__ = ["load_resource"]


@cache
def load_resource(name: str) -> Any:
    """Parse `clearance/resources/<name>.yml` (cached for the process, and as JSON in the
    home for the next process)."""
    raw = resources.files("clearance.resources").joinpath(f"{name}.yml").read_bytes()
    copy = _copy_path(name, raw)
    if copy is not None:
        try:
            return orjson.loads(copy.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            pass  # none yet, or unreadable: parse the YAML and write it again
    data = _parse(raw)
    if copy is not None:
        _save(copy, name, data)
    return data


def _parse(raw: bytes) -> Any:
    import yaml

    # libyaml's safe loader when PyYAML has it: the same documents, several times faster
    return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _copy_path(name: str, raw: bytes) -> Path | None:
    """Where the JSON copy of this version of list `name` lives (None: no usable home)."""
    from clearance import settings
    from clearance.exc import ConfigError

    try:
        folder = settings.home() / "cache" / "resources"
    except ConfigError:
        return None
    return folder / f"{name}-{hashlib.blake2b(raw, digest_size=12).hexdigest()}.json"


def _save(path: Path, name: str, data: Any) -> None:
    """Write the JSON copy if it reads back equal to the parsed YAML; drop older copies."""
    try:
        blob = orjson.dumps(data)
    except TypeError:  # orjson.JSONEncodeError: a key or value JSON cannot hold
        return
    if orjson.loads(blob) != data:  # e.g. a date that would come back as a string
        return
    from clearance.processes import remove_orphans

    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_orphans(path.parent)  # what writers killed before their rename left
        tmp.write_bytes(blob)
        os.replace(tmp, path)  # readers see the whole copy or none
        for old in path.parent.glob(f"{name}-*.json"):
            if old != path and len(old.stem) == len(path.stem):
                old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:  # gone after the rename; left by a failed write or an interrupt
        tmp.unlink(missing_ok=True)
