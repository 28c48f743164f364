"""Load official list files into the store: discover, parse fully, then write atomically.

Parsing finishes before anything is written, so a bad file (truncated, wrong columns,
duplicated id, unsafe XML) raises a `SourceError` and leaves the active version as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from clearance.exc import SourceError, UnknownVersion
from clearance.sources.detect import Publication, discover
from clearance.store.versions import VersionInfo, get_version, save_version

__all__ = ["LoadResult", "load_paths", "load_publication"]


@dataclass
class LoadResult:
    """The outcome of loading one publication: a new version, a skip, or an error."""

    publication: str
    dataset: str
    version: VersionInfo | None = None
    error: str | None = None
    skipped: bool = False


def load_publication(pub: Publication, skip_unchanged: bool = False,
                     published: date | None = None) -> LoadResult:
    """Parse one publication and store it as a new active version of its dataset.

    `published` is the publisher's date from outside the files (HTTP Last-Modified), used
    when the format itself carries none (OFAC's legacy CSV, the CSL).
    """
    try:
        parsed = pub.load()
    except SourceError as exc:
        return LoadResult(pub.label, pub.dataset, error=str(exc))
    if parsed.published is None:
        parsed.published = published
    if skip_unchanged:
        try:
            current: VersionInfo | None = get_version(pub.dataset)
        except UnknownVersion:
            current = None
        if current is not None and current.files == parsed.files:
            return LoadResult(pub.label, pub.dataset, version=current, skipped=True)
    info = save_version(parsed, origin=pub.label)
    return LoadResult(pub.label, pub.dataset, version=info)


def load_paths(paths: list[Path], skip_unchanged: bool = False) -> list[LoadResult]:
    """Load every publication found under the given files and folders, each on its own."""
    return [load_publication(pub, skip_unchanged) for pub in discover(paths)]
