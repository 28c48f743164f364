"""The public surface is deliberate: every package exports what its docstring promises."""

import importlib

import pytest

import clearance

PACKAGES = ["clearance", "clearance.store", "clearance.screening", "clearance.web",
            "clearance.portfolio"]


@pytest.mark.parametrize("name", PACKAGES)
def test_exports_exist_and_packages_have_docstrings(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__
    for member in module.__all__:
        assert hasattr(module, member), f"{name}.{member}"


def test_top_level_surface() -> None:
    assert sorted(clearance.__all__) == ["ClearanceError", "DEFAULT_THRESHOLD", "MatchResult",
                                         "Query", "ScoringConfig", "ScreenResult", "match",
                                         "screen"]


def test_public_match_returns_typed_results(loaded_home: object) -> None:
    results = clearance.match("Hikvision", "Company", limit=3)
    assert isinstance(results[0], clearance.MatchResult)
    assert results[0].match and results[0].score == 1.0
    (screened,) = list(clearance.screen([("x", clearance.Query("Emma Daniels", "Person"))]))
    assert screened.id == "x" and screened.alerts == []
