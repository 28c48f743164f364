"""OFAC's 50 percent rule: entities owned 50% or more, in the aggregate, by blocked persons.

OFAC (Revised Guidance on Entities Owned by Persons Whose Property and Interests in
Property Are Blocked, 2014-08-13, and its FAQs 398-402): an entity is blocked if one or
more blocked persons own, directly or indirectly, 50% or more of it in the aggregate.
Indirect ownership counts through entities that are themselves blocked (a blocked
company's stakes are blocked stakes); stakes held through an unblocked company do not.

`evaluate` computes the blocked set as a fixed point over the ownership links: start from
the listed owners, then repeatedly block every entity whose blocked owners' stakes sum
to 50% or more. The set only grows and is bounded by the number of entities, so cycles
terminate. Each derived block records the stakes that made it and why each owner was
blocked, so the explanation is the path itself.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select

from clearance.exc import InputError
from clearance.index.build import Index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.match.text import clean
from clearance.store import audit
from clearance.store.db import engine, ownership_links

__all__ = [
    "BLOCKING_DATASETS",
    "OWNERSHIP_DATASET",
    "THRESHOLD",
    "Block",
    "Link",
    "blocked_entities",
    "evaluate",
    "import_links",
    "list_links",
    "listed_on",
    "read_links",
]

THRESHOLD = 50.0
#: The dataset name under which derived blocks are indexed and alerted.
OWNERSHIP_DATASET = "ofac_50_percent_rule"
#: Lists whose entries are blocked persons (property blocked): the SDN list.
BLOCKING_DATASETS = frozenset({"us_ofac_sdn"})


@dataclass(frozen=True)
class Link:
    """`owner` holds `percent` of `owned`, according to `source`."""

    owner: str
    owned: str
    percent: float
    source: str = ""


@dataclass
class Block:
    """Why an entity is blocked: listed itself, or owned 50%+ by blocked persons."""

    name: str
    listed: dict[str, Any] | None = None  # the list entry it matched
    stakes: list[Link] = field(default_factory=list)  # blocked owners' stakes in it
    total: float = 0.0

    @property
    def derived(self) -> bool:
        return self.listed is None

    def explain(self, blocks: dict[str, Block], depth: int = 0, seen: frozenset[str] = frozenset()
                ) -> str:
        """The ownership path, owner by owner, down to the listed persons."""
        if self.listed is not None:
            return (f"{self.name} is listed on {self.listed['dataset']} as "
                    f"{self.listed['name']!r} ({self.listed['entity_id']}, "
                    f"score {self.listed['score']:.2f})")
        parts = []
        for link in self.stakes:
            owner = blocks[_key(link.owner)]
            why = ("(cycle)" if _key(link.owner) in seen else
                   owner.explain(blocks, depth + 1, seen | {_key(self.name)}))
            src = f", source: {link.source}" if link.source else ""
            parts.append(f"{link.owner} owns {link.percent:g}%{src} [{why}]")
        return (f"{self.name} is blocked: blocked owners hold {self.total:g}% >= "
                f"{THRESHOLD:g}%: " + "; ".join(parts))

    def to_dict(self, blocks: dict[str, Block]) -> dict[str, Any]:
        return {"name": self.name, "derived": self.derived, "listed": self.listed,
                "total_percent": self.total,
                "stakes": [link.__dict__ for link in self.stakes],
                "explanation": self.explain(blocks)}

    def digest(self) -> str:
        body = json.dumps([self.total, [link.__dict__ for link in self.stakes]], sort_keys=True)
        return hashlib.sha1(body.encode()).hexdigest()


def _key(name: str) -> str:
    return clean(name)


def evaluate(links: Iterable[Link], listed: Callable[[str], dict[str, Any] | None]
             ) -> dict[str, Block]:
    """Every blocked entity among the links' owners and owned, keyed by cleaned name.

    `listed(name)` says whether a name is a blocked person itself (the list entry, or None).
    Stakes of one owner in one entity from several sources count once (the largest).
    """
    stakes: dict[str, dict[str, Link]] = defaultdict(dict)  # owned -> owner -> link
    names: dict[str, str] = {}
    for link in links:
        for n in (link.owner, link.owned):
            names.setdefault(_key(n), n)
        prior = stakes[_key(link.owned)].get(_key(link.owner))
        if prior is None or link.percent > prior.percent:
            stakes[_key(link.owned)][_key(link.owner)] = link
    blocks: dict[str, Block] = {}
    for key, name in names.items():
        hit = listed(name)
        if hit is not None:
            blocks[key] = Block(name, listed=hit)
    grew = True
    while grew:
        grew = False
        for owned, by_owner in stakes.items():
            if owned in blocks:
                continue
            held = [link for owner, link in sorted(by_owner.items()) if owner in blocks]
            total = round(sum(link.percent for link in held), 6)
            if total >= THRESHOLD:
                blocks[owned] = Block(names[owned], stakes=held, total=total)
                grew = True
    return blocks


def blocked_entities(blocks: dict[str, Block], dataset: str = OWNERSHIP_DATASET
                     ) -> list[dict[str, Any]]:
    """Derived blocks as entity records (for an index), each with its explanation path."""
    out = []
    for key, block in sorted(blocks.items()):
        if not block.derived:
            continue
        explanation = block.explain(blocks)
        entity_id = f"{dataset}-{hashlib.sha1(key.encode()).hexdigest()[:16]}"
        out.append({"entity_id": entity_id, "dataset": dataset, "source_id": key,
                    "schema": "LegalEntity", "caption": block.name,
                    "properties": {"name": [block.name], "notes": [explanation]},
                    "digest": block.digest(), "explanation": explanation})
    return out


def listed_on(index: Index, cfg: ScoringConfig | None = None,
              datasets: frozenset[str] = BLOCKING_DATASETS
              ) -> Callable[[str], dict[str, Any] | None]:
    """A `listed` function: the best blocking-list entry a name matches, if any."""
    cfg = cfg or ScoringConfig()
    wanted = datasets & index.datasets

    def check(name: str) -> dict[str, Any] | None:
        if not wanted:
            return None
        for r in match_query(index, Query(name=name), cfg, limit=1, datasets=wanted):
            if r.match:
                return {"entity_id": r.entity_id, "dataset": r.dataset, "name": r.name,
                        "score": round(r.score, 4)}
        return None

    return check


def _percent(raw: str, path: str, line: int) -> float:
    text = raw.strip().rstrip("%").strip()
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"percent {raw!r} is not a number (field 'percent')",
                         path=path, line=line) from None
    if not 0.0 < value <= 100.0:
        raise InputError(f"percent {raw!r} is outside 0-100 (field 'percent')",
                         path=path, line=line)
    return value


def _from_csv(path: Path, problems: list[str]) -> list[Link]:
    out = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = {"owner", "owned", "percent"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"missing column(s) {', '.join(sorted(missing))}", path=str(path),
                             line=1)
        line = 2
        for rec in reader:
            try:
                owner, owned = (rec.get("owner") or "").strip(), (rec.get("owned") or "").strip()
                if not owner or not owned:
                    raise InputError("owner and owned must not be empty (field 'owner'/'owned')",
                                     path=str(path), line=line)
                out.append(Link(owner, owned, _percent(rec.get("percent") or "", str(path), line),
                                (rec.get("source") or "").strip()))
            except InputError as exc:
                problems.append(str(exc))
            line = reader.line_num + 1
    return out


def _from_ftm(path: Path, problems: list[str]) -> list[Link]:
    """FtM JSON lines: Ownership entities whose owner/asset name entities in the file."""
    captions: dict[str, str] = {}
    owns: list[tuple[int, dict[str, Any]]] = []
    with open(path, encoding="utf-8") as fh:
        for i, text in enumerate(fh, start=1):
            if not text.strip():
                continue
            try:
                ent = json.loads(text)
            except json.JSONDecodeError as exc:
                problems.append(str(InputError(f"invalid JSON: {exc.msg}", path=str(path),
                                               line=i)))
                continue
            props = ent.get("properties", {})
            if ent.get("schema") == "Ownership":
                owns.append((i, props))
            elif ent.get("id") and props.get("name"):
                captions[ent["id"]] = props["name"][0]
    out = []
    for line, props in owns:
        try:
            owner_id = (props.get("owner") or [""])[0]
            asset_id = (props.get("asset") or [""])[0]
            if owner_id not in captions or asset_id not in captions:
                raise InputError("owner or asset is not an entity of this file "
                                 "(field 'owner'/'asset')", path=str(path), line=line)
            pct = _percent((props.get("percentage") or [""])[0], str(path), line)
            source = "; ".join(props.get("sourceUrl", []) or props.get("publisher", []))
            out.append(Link(captions[owner_id], captions[asset_id], pct, source))
        except InputError as exc:
            problems.append(str(exc))
    return out


def read_links(path: Path) -> tuple[list[Link], list[str]]:
    """Links of a CSV (owner, owned, percent, source) or FtM JSONL file, and bad lines."""
    if not path.exists():
        raise InputError("no such file", path=str(path))
    problems: list[str] = []
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _from_csv(path, problems), problems
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _from_ftm(path, problems), problems
    raise InputError(f"unsupported format {suffix!r}; use .csv or FtM .jsonl", path=str(path))


def import_links(path: Path, actor: str | None = None) -> tuple[int, list[str]]:
    """Store a file's links, replacing earlier links from the same file; returns count, bad lines."""
    links, problems = read_links(path)
    origin = str(path)
    with engine().begin() as conn:
        conn.execute(delete(ownership_links).where(ownership_links.c.origin == origin))
        unique = {(lk.owner, lk.owned, lk.source): lk for lk in links}
        if unique:
            conn.execute(insert(ownership_links), [
                {"owner": lk.owner, "owned": lk.owned, "percent": lk.percent,
                 "source": lk.source, "origin": origin} for lk in unique.values()])
        audit.append(conn, actor or audit.default_actor(), "ownership.import",
                     {"origin": origin, "links": len(unique), "skipped": len(problems)})
    return len(unique), problems


def list_links() -> list[Link]:
    with engine().connect() as conn:
        rows = conn.execute(select(ownership_links).order_by(ownership_links.c.id))
        return [Link(r.owner, r.owned, float(r.percent), r.source) for r in rows]
