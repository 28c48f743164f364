"""Word lists as data: each YAML file here names its sources; loaded once with @cache."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["load_resource"]


@cache
def load_resource(name: str) -> Any:
    """Parse `clearance/resources/<name>.yml` (cached for the process)."""
    text = resources.files("clearance.resources").joinpath(f"{name}.yml").read_text("utf-8")
    # libyaml's safe loader when PyYAML has it: the same documents, several times faster
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
