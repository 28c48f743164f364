"""Build hook: the matcher's hot modules are compiled with mypyc, from the same typed source.

Everything else is in pyproject.toml. Set CLEARANCE_PURE_PYTHON=1 to install without a C
compiler: behaviour is identical (tests/match/test_compiled.py compares both), only slower.
"""

import os

from setuptools import Extension, setup

# the per-query inner loops: normalisation, spelling folds, candidate merge, token
# alignment, ranking (modules whose classes are pickled, such as the index, stay out)
COMPILED = [
    "clearance/match/abjad.py",
    "clearance/match/bound.py",
    "clearance/match/compare.py",
    "clearance/match/fold.py",
    "clearance/match/engine.py",
    "clearance/match/orgs.py",
    "clearance/match/places.py",
    "clearance/match/population.py",
    "clearance/match/text.py",
    "clearance/index/search.py",
    "clearance/index/neighbours.py",
]


def ext_modules() -> list[Extension]:
    if os.environ.get("CLEARANCE_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify

    # `make test` runs the project's strict mypy; here only the compiled modules must
    # type-check, against whatever the build environment has installed
    options = ["--config-file=", "--ignore-missing-imports", "--follow-imports=silent"]
    return mypycify(options + COMPILED, opt_level="3", group_name="clearance._compiled")


setup(ext_modules=ext_modules())
