"""One query against a saved index, reading only what that query needs.

`clearance match NAME` answers one query and exits. Decoding the whole index (about a
million Python objects for the bundled lists) costs more than everything else the command
does, so this reads the small lookup tables in full (vocabulary, weights, skeletons,
identifiers; postings are memory-mapped arrays), the deletion keys the query's tokens can
look up (`search.fuzzy_keys`) with the rows of `fuzzy_shared` they point to, and then only
the rows of the candidate names and of their entities. `match_query` run on that `Index`
gives what it gives on the whole index (tests/index/test_view.py compares result lists on
the screening_dev queries).

Rows the query does not reach are left empty (None): this `Index` answers this query and
nothing else, and any other use fails loudly instead of answering from missing rows.
Fields this module does not name are decoded in full, so a field added to `Index` later
is present here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clearance.index.artifact import Reader
from clearance.index.build import Index, norm_identifier
from clearance.index.search import SPLIT_KNOWN_MAX, fuzzy_keys
from clearance.match.engine import cantonese_reading, prepare_query_names, query_candidates
from clearance.match.fold import fold, variant_key
from clearance.match.imo import imo_slips
from clearance.match.kana import Spellings
from clearance.match.limits import FUZZY_KEYS_PER_QUERY
from clearance.match.score import CRAFT, Query, ScoringConfig

__all__ = ["query_index"]

#: Per-name rows, read for the candidate names only.
_NAME_ROWS = ("names", "owners", "token_weights", "roles", "abjad_names")
#: Memos that the matcher fills as it goes: starting empty changes no answer.
_MEMOS = ("alternatives", "unseen", "entity_names", "abjad_fits")


def query_index(path: Path, query: Query, cfg: ScoringConfig | None = None,
                key: dict[str, Any] | None = None) -> Index:
    """An `Index` holding what `match_query(index, query, cfg)` reads of the saved index.

    `key`, when given, must be the key the file was written with (`IndexFileError`
    otherwise, as for a corrupt file).
    """
    cfg = cfg or ScoringConfig()
    reader = Reader(path, Index, key)
    lazy = {*_NAME_ROWS, "entities", "fuzzy", "fuzzy_shared", *_MEMOS}
    values: dict[str, Any] = {name: reader.field(name) for name in reader.codecs
                              if name not in lazy}
    n_names, n_entities = reader.length("names"), reader.length("entities")
    for name in _NAME_ROWS:
        values[name] = [None] * n_names
    values["entities"] = [None] * n_entities
    lists = Spellings(values["abjad"], values["weights"])
    q_names = prepare_query_names(query, bounded=True, spellings=lists)
    values["fuzzy"] = fuzzy = reader.lookup("fuzzy", set().union(*map(fuzzy_keys, q_names)))
    shared = sorted({-1 - v for v in fuzzy.values() if v < 0})  # keys of several tokens
    values["fuzzy_shared"] = [None] * reader.length("fuzzy_shared")
    for row, tids in zip(shared, reader.rows("fuzzy_shared", shared)):
        values["fuzzy_shared"][row] = tids
    index = Index(**values)
    if query.schema == "Person":
        # a person's word the lists spell solid is split by how many listed parties carry
        # it (`search._parties_over`): the owners of its names are read for that
        words = {vocab_id for q in q_names for t in q.tokens
                 if (vocab_id := index.vocab.get(variant_key(fold(t)))) is not None}
        for w in words:
            _read_owners(reader, index, index.postings[w].tolist())
    budget = [FUZZY_KEYS_PER_QUERY]  # as `match_query` spends it, name by name
    rows = sorted({n for q in q_names
                   for n in query_candidates(index, q, cantonese_reading(q, query.schema),
                                             cfg.candidates, budget,
                                             query.schema == "Person",
                                             query.schema in CRAFT)})
    for name in _NAME_ROWS:
        column: list[Any] = getattr(index, name)
        for row, value in zip(rows, reader.rows(name, rows)):
            column[row] = value
    wanted = {e for row in rows for e, _, _ in index.owners[row]}
    for raw in query.identifiers_read:
        value = norm_identifier(raw)
        if len(value) >= 4:
            wanted.update(index.identifiers.get(value, ()))
        for listed, _ in imo_slips(value):  # (the engine keeps a listed vessel's alone)
            wanted.update(index.identifiers.get(listed, ()))
    entity_rows = sorted(wanted)
    for row, meta in zip(entity_rows, reader.rows("entities", entity_rows)):
        index.entities[row] = meta
    return index


def _read_owners(reader: Reader, index: Index, names: list[int]) -> None:
    """The owners of `names` (one word's list names, in posting order), as far as
    `search._parties_over` reads them: in turn, until more than `SPLIT_KNOWN_MAX` parties
    are seen (a common name's thousand names are not all read)."""
    if len(names) <= SPLIT_KNOWN_MAX:
        return
    parties: set[int] = set()
    for start in range(0, len(names), 16):
        chunk = [n for n in names[start:start + 16] if index.owners[n] is None]
        for row, value in zip(chunk, reader.rows("owners", chunk)):
            index.owners[row] = value
        for n in names[start:start + 16]:
            parties.update(e for e, _, _ in index.owners[n])
            if len(parties) > SPLIT_KNOWN_MAX:
                return
