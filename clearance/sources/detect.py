"""Recognise official list files by name and content, and group them into publications.

`lists load PATH...` takes folders and files in any mix; each publication found (one
dataset's files from one folder) is loaded as one new version of that dataset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clearance.exc import FormatError
from clearance.sources import bis_dpl, csl, ofac, ofac_enhanced, un
from clearance.sources.common import Parsed
from clearance.sources.ids import DATASETS

__all__ = ["DATASETS", "Publication", "discover", "recognise"]


# lower-case file name -> (dataset, role, format)
_NAMES: dict[str, tuple[str, str, str]] = {
    **{name: (ds, role, "ofac_csv") for ds in (ofac.SDN, ofac.CONS)
       for role, name in ofac.FILE_NAMES[ds].items()},
    "consolidated.csv": (csl.DATASET, "primary", "csl"),
    "consolidated.csv.gz": (csl.DATASET, "primary", "csl"),
    "consolidated.json": (csl.DATASET, "primary", "csl"),
    "dpl.txt": (bis_dpl.DATASET, "primary", "dpl"),
    "cons_enhanced.zip": (ofac.CONS, "primary", "ofac_xml"),
    "cons_enhanced.xml": (ofac.CONS, "primary", "ofac_xml"),
    "sdn_enhanced.zip": (ofac.SDN, "primary", "ofac_xml"),
    "sdn_enhanced.xml": (ofac.SDN, "primary", "ofac_xml"),
}


@dataclass
class Publication:
    """One dataset's files from one place, loaded together as one version."""

    dataset: str
    format: str
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return ", ".join(str(p) for p in self.files.values())

    def load(self) -> Parsed:
        """Parse every file of the publication (nothing is written here)."""
        primary = self.files["primary"]
        if self.format == "ofac_csv":
            return ofac.load(self.dataset, self.files)
        if self.format == "ofac_xml":
            return ofac_enhanced.load(self.dataset, primary)
        if self.format == "csl":
            return csl.load(primary)
        if self.format == "dpl":
            return bis_dpl.load(primary)
        return un.load(primary)


def _sniff(path: Path) -> tuple[str, str, str] | None:
    """Content-based recognition for files whose names do not say what they are."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    if path.suffix.lower() == ".xml" or head.lstrip().startswith(b"<?xml"):
        if b"<CONSOLIDATED_LIST" in head:
            return (un.DATASET, "primary", "un")
        if b"ENHANCED_XML" in head and b"sanctionsData" in head:
            return (ofac.CONS if b"Consolidated List" in head else ofac.SDN, "primary", "ofac_xml")
    if head.startswith(b'"Name"\t"Street_Address"'):
        return (bis_dpl.DATASET, "primary", "dpl")
    if head.startswith(b"_id,source,entity_number"):
        return (csl.DATASET, "primary", "csl")
    return None


def recognise(path: Path) -> tuple[str, str, str] | None:
    """(dataset, role, format) of one file, by its official name, else by its content."""
    known = _NAMES.get(path.name.lower())
    if known is not None:
        return known
    if path.name.lower() == "un_consolidated.xml":
        return (un.DATASET, "primary", "un")
    return _sniff(path)


def discover(paths: list[Path]) -> list[Publication]:
    """Group the given files and folders (searched recursively) into publications."""
    pubs: dict[tuple[str, str, Path], Publication] = {}
    for given in paths:
        if not given.exists():
            raise FormatError(str(given), "no such file or folder")
        files = sorted(p for p in given.rglob("*") if p.is_file()) if given.is_dir() else [given]
        if given.is_dir() and not any(recognise(p) is not None for p in files):
            raise FormatError(str(given), "no official list files in this folder (expected "
                              "e.g. sdn.csv, cons_prim.csv, consolidated.csv, dpl.txt, "
                              "consolidated.xml, CONS_ENHANCED.ZIP)")
        for path in files:
            found = recognise(path)
            if found is None:
                if not given.is_dir():
                    raise FormatError(str(path), "not a recognised official list file "
                                      "(expected e.g. sdn.csv, cons_prim.csv, consolidated.csv, "
                                      "dpl.txt, consolidated.xml, CONS_ENHANCED.ZIP)")
                continue
            dataset, role, fmt = found
            key = (dataset, fmt, path.parent)
            pub = pubs.setdefault(key, Publication(dataset, fmt))
            if role in pub.files and pub.files[role] != path:
                raise FormatError(str(path), f"two {role} files for {dataset} in one folder "
                                  f"({pub.files[role].name} and {path.name})")
            pub.files[role] = path
    for pub in pubs.values():
        if "primary" not in pub.files:
            some = next(iter(pub.files.values()))
            raise FormatError(str(some), f"companion file of {pub.dataset} without its primary "
                              f"file ({ofac.FILE_NAMES.get(pub.dataset, {}).get('primary')})")
    return list(pubs.values())
