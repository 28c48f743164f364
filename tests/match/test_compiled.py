"""The compiled matcher (mypyc, see setup.py) computes exactly what its Python source says.

Each hot module is also run from its source by the interpreter, under another name, and
both answer the same real inputs: every token of the bundled lists, and the
screening_dev queries against the bundled lists.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import inspect
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

import clearance
from clearance.index import neighbours, search
from clearance.index.build import Index
from clearance.match import abjad, bound, compare, engine, fold, orgs, places, population, text
from clearance.match.prepare import name_roles
from clearance.match.score import Query
from clearance.screening.io import InputRow, row_to_query
from tests.conftest import SHARED

HOT = [abjad, bound, compare, fold, engine, orgs, places, population, text, search, neighbours]
PURE = bool(os.environ.get("CLEARANCE_PURE_PYTHON"))


def source_of(module: ModuleType) -> Path:
    # (a compiled module's __file__ is not reliable: mypyc sets it from its shared library)
    package = Path(clearance.__file__).parent
    return package.joinpath(*module.__name__.split(".")[1:]).with_suffix(".py")


def runs_compiled(module: ModuleType) -> bool:
    """No function of the module is Python bytecode."""
    return not any(inspect.isfunction(v) and v.__module__ == module.__name__
                   for v in vars(module).values())


def interpreted(module: ModuleType) -> ModuleType:
    """`module` run from its Python source by the interpreter, as `<name>_interpreted`."""
    name = module.__name__ + "_interpreted"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, source_of(module))
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up while being defined
    spec.loader.exec_module(mod)
    return mod


def queries(limit: int = 600) -> list[Query]:
    with open(SHARED / "eval" / "screening_dev.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    step = max(1, len(rows) // limit)
    return [row_to_query(InputRow(i, row), "dev")[1] for i, row in enumerate(rows[::step], 1)]


@pytest.mark.skipif(PURE, reason="installed with CLEARANCE_PURE_PYTHON: nothing compiled")
def test_hot_modules_are_compiled_and_built_from_the_current_source() -> None:
    for module in HOT:
        assert runs_compiled(module), f"{module.__name__} runs interpreted: make setup"
        source = source_of(module)
        built = [source.with_suffix(suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES
                 if source.with_suffix(suffix).exists()]
        assert built, f"no extension module beside {source}"
        assert built[0].stat().st_mtime >= source.stat().st_mtime, (
            f"{built[0].name} is older than its source: make setup")
        assert not runs_compiled(interpreted(module))


def test_folds_and_deletion_keys_agree_on_every_list_token(index: Index) -> None:
    fold_py, keys_py = interpreted(fold), interpreted(neighbours)
    tokens = sorted({t for name in index.names for t in name.tokens})
    assert len(tokens) > 20_000
    for token in tokens:
        assert fold.fold(token) == fold_py.fold(token), token
        assert fold.skeleton(token) == fold_py.skeleton(token), token
    for token in tokens[::20]:
        assert neighbours.deletions(token, 2) == keys_py.deletions(token, 2), token


def test_population_caps_and_places_agree_on_every_list_token(index: Index) -> None:
    population_py, places_py = interpreted(population), interpreted(places)
    tokens = sorted({(t, f) for name in index.names for t, f in zip(name.tokens, name.folded)})
    assert len(tokens) > 20_000
    for raw, folded in tokens:
        assert population.population_cap(folded) == population_py.population_cap(folded), raw
        assert places.is_place(raw) == places_py.is_place(raw), raw
    distinct = 0
    for (a, fa), (b, fb) in zip(tokens, tokens[1:]):  # neighbours in sort order: near spellings
        same = population.distinct_names(a, fa, b, fb)
        assert same == population_py.distinct_names(a, fa, b, fb), (a, b)
        distinct += same
    assert distinct > 0


def test_normalisation_agrees_on_every_query_name() -> None:
    text_py, orgs_py = interpreted(text), interpreted(orgs)
    for query in queries():
        for name in query.names:
            assert text.normalize(name) == text_py.normalize(name), name
            tokens = text.normalize(name)
            assert orgs.split_glued_forms(tokens) == orgs_py.split_glued_forms(tokens), name


def test_name_comparisons_agree_on_screening_candidates(index: Index) -> None:
    compare_py = interpreted(compare)
    compared = 0
    for query in queries():
        for q in engine.prepare_query_names(query):
            for n_idx in search.candidate_names(index, q, 20).tolist():
                for person in (True, False):
                    a = compare.compare_names(q, index.names[n_idx], index.weight,
                                              initials=person)
                    b = compare_py.compare_names(q, index.names[n_idx], index.weight,
                                                 initials=person)
                    assert (a.score, a.explain(), a.strongest, a.distinct_leftover) == (
                        b.score, b.explain(), b.strongest, b.distinct_leftover), (q.text, n_idx)
                    compared += 1
    assert compared > 5_000


def test_score_bounds_agree_on_screening_candidates(index: Index) -> None:
    bound_py = interpreted(bound)
    bounded = 0
    for query in queries():
        for q in engine.prepare_query_names(query):
            roles = name_roles(q.text)
            a = bound.QueryBound(q, roles, 1.0, 0.15, 0.6, 0.35, 0.6, 0.2)
            b = bound_py.QueryBound(q, roles, 1.0, 0.15, 0.6, 0.35, 0.6, 0.2)
            org_w, person_w = engine.query_weights(index, q)
            for n_idx in search.candidate_names(index, q, 20).tolist():
                cand = index.names[n_idx]
                assert a.ceiling(cand, index.person_token_weights[n_idx], person_w, True,
                                 index.roles[n_idx]) == b.ceiling(
                    cand, index.person_token_weights[n_idx], person_w, True, index.roles[n_idx])
                assert a.ceiling(cand, index.token_weights[n_idx], org_w, False, None) == (
                    b.ceiling(cand, index.token_weights[n_idx], org_w, False, None))
                bounded += 1
    assert bounded > 2_000


def test_candidates_and_ranked_results_agree_on_screening_queries(index: Index) -> None:
    search_py, engine_py = interpreted(search), interpreted(engine)
    for query in queries():
        for q in engine.prepare_query_names(query):
            assert search.candidate_names(index, q, 20).tolist() == (
                search_py.candidate_names(index, q, 20).tolist()), q.text
        compiled = [r.to_dict() for r in engine.match_query(index, query, limit=5)]
        assert compiled == [r.to_dict() for r in engine_py.match_query(index, query, limit=5)]
        # (below batch screening's floor: comparisons left out by the bound)
        compiled = [r.to_dict() for r in engine.match_query(index, query, limit=5, min_score=0.5)]
        assert compiled == [r.to_dict() for r in engine_py.match_query(index, query, limit=5,
                                                                        min_score=0.5)]


def test_abjad_spellings_agree_on_list_names(index: Index) -> None:
    abjad_py = interpreted(abjad)
    tokens = sorted({t for name in index.names if abjad.has_abjad(name.text) for t in name.tokens})
    assert len(tokens) > 300
    compared = 0
    for token in tokens:
        assert abjad.key(token) == abjad_py.key(token), token
        for _, spelling in index.abjad.get(abjad.key(token), [])[:50]:
            assert abjad.similarity(token, spelling) == abjad_py.similarity(token, spelling)
            compared += 1
    assert compared > 5_000
