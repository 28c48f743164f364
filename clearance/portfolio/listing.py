"""The NS-CMIC entries of the active list versions: ISINs, dates, and a name index.

Every stored entity whose programs include CMIC-EO13959 (us_ofac_cons from the legacy CSV
or the Enhanced XML, and the CSL's NS-CMIC rows) becomes a `CmicEntry` with the ISINs and
dates of that version, so a result always names the list version its facts came from.

Issuer names are matched with the project's matcher against an index of these entries
only, so that the candidate cut-off never drops a CMIC name behind hundreds of other list
names sharing "China" or "Technology". That index borrows the rarity weights of the full
list index (`BorrowedIndex`): every score and explanation equals what `clearance match`
gives for the same pair.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import select

from clearance import settings
from clearance.index.build import Index, build_index
from clearance.portfolio.dates import CmicDates, cmic_program
from clearance.securities import check_isin, isin_cusip
from clearance.store import active_version_ids
from clearance.store.db import engine, entities, versions

__all__ = ["BorrowedIndex", "CmicEntry", "CmicList", "cmic_list", "cmic_records",
           "entry_from_record", "list_from_records"]


@dataclass
class BorrowedIndex(Index):
    """An index over a few entities that weighs tokens as the full list index does."""

    base: Index | None = None

    def weight(self, folded: str, legal: bool = False) -> float:
        if self.base is None:
            return Index.weight(self, folded, legal)
        return self.base.weight(folded, legal)

    def listed_words(self) -> Mapping[str, int]:
        return self.vocab if self.base is None else self.base.vocab


def borrow_weights(small: Index, base: Index) -> BorrowedIndex:
    """`small`'s names and postings with `base`'s rarity weights (see module doc)."""
    out = BorrowedIndex(**{f.name: getattr(small, f.name) for f in fields(Index)}, base=base)
    inverse = sorted(out.vocab.items(), key=lambda kv: kv[1])
    out.weights = [base.weight(token) for token, _ in inverse]
    out.token_weights = [tuple(out.weight(f, lf) for f, lf in zip(n.folded, n.legal))
                         for n in out.names]
    out.name_weight = np.asarray([sum(w) for w in out.token_weights], dtype=np.float32)
    out.unseen, out.alternatives = {}, {}
    # where the lists write a word, as the full index knows it (slipped forms read alike)
    out.first_words, out.last_words = base.first_words, base.last_words
    return out


@dataclass(frozen=True)
class CmicEntry:
    """One NS-CMIC listing as a stored list version states it."""

    entity_id: str
    dataset: str
    source_id: str
    version: int
    name: str
    isins: tuple[str, ...]  # as published (a malformed one included, see `malformed`)
    malformed: tuple[str, ...]
    tickers: tuple[str, ...]
    dates: CmicDates
    digest: str

    def to_dict(self) -> dict[str, Any]:
        return {"entity_id": self.entity_id, "dataset": self.dataset,
                "source_id": self.source_id, "version": self.version, "name": self.name,
                "isins": list(self.isins), "tickers": list(self.tickers),
                **self.dates.to_dict()}


def _day(values: Iterable[str]) -> date | None:
    days = sorted(v[:10] for v in values if len(v) >= 10)
    return date.fromisoformat(days[0]) if days else None


def _dates(record: dict[str, Any], program: str) -> CmicDates:
    """The CMIC sanction's dates; with several sanctions, the one that states the most."""
    best: dict[str, list[str]] = {}
    for sanction in record.get("sanctions", []):
        props = sanction.get("properties", {})
        if program not in props.get("program", []):
            continue
        if sum(bool(props.get(p)) for p in ("startDate", "date")) > sum(
                bool(best.get(p)) for p in ("startDate", "date")) or not best:
            best = props
    return CmicDates(_day(best.get("listingDate", [])), _day(best.get("startDate", [])),
                     _day(best.get("date", [])))


def entry_from_record(record: dict[str, Any], version: int, digest: str) -> CmicEntry | None:
    """A stored entity record as a CMIC entry, or None when it is not on NS-CMIC."""
    program = cmic_program()
    props = record["properties"]
    if program not in props.get("program", []):
        return None
    isins = tuple(dict.fromkeys(v.strip().upper() for v in props.get("isinCode", [])))
    return CmicEntry(
        entity_id=record["entity_id"], dataset=record["dataset"],
        source_id=record["source_id"], version=version, name=record["caption"], isins=isins,
        malformed=tuple(v for v in isins if not check_isin(v).valid),
        tickers=tuple(props.get("ticker", [])), dates=_dates(record, program), digest=digest)


def cmic_records(version_ids: Iterable[int]) -> list[tuple[dict[str, Any], int, str]]:
    """(record, dataset version number, digest) of the CMIC entities of these versions."""
    ids = list(version_ids)
    program = cmic_program()
    out = []
    with engine().connect() as conn:
        numbers = {r.id: r.version for r in conn.execute(
            select(versions.c.id, versions.c.version).where(versions.c.id.in_(ids)))}
        rows = conn.execute(select(entities.c.version_id, entities.c.data, entities.c.digest)
                            .where(entities.c.version_id.in_(ids),
                                   entities.c.data.contains(program))
                            .order_by(entities.c.version_id, entities.c.entity_id))
        for r in rows:
            record = json.loads(r.data)
            if program in record["properties"].get("program", []):
                out.append((record, numbers[r.version_id], r.digest))
    return out


@dataclass
class CmicList:
    """NS-CMIC entries with lookups by ISIN, by the CUSIP/CINS inside an ISIN and by its
    issuer number, and a name index."""

    entries: dict[str, CmicEntry]
    fingerprint: str
    by_isin: dict[str, list[str]] = field(default_factory=dict)
    by_cusip: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # -> (id, ISIN)
    by_issuer_code: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)
    index: Index | None = None

    def with_names(self, base: Index) -> CmicList:
        """Build the entries' name index with `base`'s weights (once per list)."""
        if self.index is None and self.records:
            self.index = borrow_weights(build_index(self.records, f"cmic-{self.fingerprint}"),
                                        base)
        return self


def list_from_records(items: Iterable[tuple[dict[str, Any], int, str]]) -> CmicList:
    """A `CmicList` over stored (record, version, digest) triples (or scenario records)."""
    entries: dict[str, CmicEntry] = {}
    records: list[dict[str, Any]] = []
    for record, version, digest in items:
        entry = entry_from_record(record, version, digest)
        if entry is not None:
            entries[entry.entity_id] = entry
            records.append(record)
    raw = ",".join(f"{e.entity_id}:{e.digest}" for e in sorted(entries.values(),
                                                               key=lambda e: e.entity_id))
    out = CmicList(entries, hashlib.sha1(raw.encode()).hexdigest()[:16], records=records)
    for e in entries.values():
        for isin in e.isins:
            out.by_isin.setdefault(isin, []).append(e.entity_id)
            national = isin_cusip(isin) if isin not in e.malformed else None
            if national is not None:
                out.by_cusip.setdefault(national, []).append((e.entity_id, isin))
                out.by_issuer_code.setdefault(national[:6], []).append((e.entity_id, isin))
    return out


_cache: dict[tuple[str, tuple[tuple[str, int], ...]], CmicList] = {}


def cmic_list() -> CmicList:
    """The CMIC entries of the active versions (cached until a version changes)."""
    active = tuple(sorted(active_version_ids().items()))
    key = (settings.database_url(), active)
    cached = _cache.get(key)
    if cached is None:
        cached = list_from_records(cmic_records([v for _, v in active]))
        _cache.clear()
        _cache[key] = cached
    return cached
