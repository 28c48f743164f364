"""Download official lists: conditional requests, checksums, retries, offline mirrors.

`update_lists()` fetches each dataset's files from its publisher (or a mirror folder or
base URL), sends `If-None-Match` / `If-Modified-Since` from the last download, retries
transient failures with back-off, and loads a new version only when a file's checksum
changed. Downloads land in `CLEARANCE_HOME/downloads/<dataset>/` and are renamed into
place only when complete.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from clearance import settings
from clearance.archive import check_ratio
from clearance.exc import FetchError, UnsafeInputError
from clearance.sources import bis_dpl, csl, ofac, un
from clearance.sources.detect import discover
from clearance.store.load import LoadResult, load_publication

__all__ = ["OFFICIAL", "Download", "download", "update_lists"]

#: dataset -> [(official URL, required)]
OFFICIAL: dict[str, list[tuple[str, bool]]] = {
    ofac.SDN: [(ofac.URLS[ofac.SDN][r], r != "comments") for r in
               ("primary", "address", "alias", "comments")],
    ofac.CONS: [(ofac.URLS[ofac.CONS][r], r != "comments") for r in
                ("primary", "address", "alias", "comments")],
    csl.DATASET: [(csl.URLS["primary"], True)],
    bis_dpl.DATASET: [(bis_dpl.URLS["primary"], True)],
    un.DATASET: [(un.URLS["primary"], True)],
}
RETRIES = 3


@dataclass
class Download:
    """One file fetched (or found unchanged) with the validators to send next time."""

    url: str
    path: Path | None
    status: int
    etag: str | None = None
    last_modified: str | None = None


def _state_path(folder: Path) -> Path:
    return folder / "validators.json"


def _load_state(folder: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_state_path(folder).read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def download(client: httpx.Client, url: str, folder: Path, required: bool = True) -> Download:
    """GET with the validators of the last download; 304 keeps the file already here."""
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(urlsplit(url).path).name.lower()
    target = folder / name
    state = _load_state(folder)
    known = state.get(url, {})
    headers = {}
    if target.exists():
        if "etag" in known:
            headers["If-None-Match"] = known["etag"]
        if "last_modified" in known:
            headers["If-Modified-Since"] = known["last_modified"]
    last_error = ""
    for attempt in range(RETRIES):
        try:
            with client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Download(url, target, 304, known.get("etag"), known.get("last_modified"))
                if resp.status_code == 404 and not required:
                    return Download(url, None, 404)
                if resp.status_code >= 500 or resp.status_code == 429:
                    last_error = f"HTTP {resp.status_code}"
                    raise httpx.TransportError(last_error)
                if resp.status_code != 200:
                    raise FetchError(f"{url}: HTTP {resp.status_code}")
                tmp = target.with_suffix(target.suffix + ".part")
                written = 0
                try:
                    with open(tmp, "wb") as fh:
                        for chunk in resp.iter_bytes():  # Content-Encoding inflated here
                            written += len(chunk)
                            check_ratio(url, written, resp.num_bytes_downloaded, "download")
                            fh.write(chunk)
                        fh.flush()
                        os.fsync(fh.fileno())
                except UnsafeInputError:
                    tmp.unlink(missing_ok=True)
                    raise
                os.replace(tmp, target)
                result = Download(url, target, 200, resp.headers.get("etag"),
                                  resp.headers.get("last-modified"))
                state[url] = {k: v for k, v in (("etag", result.etag),
                                                ("last_modified", result.last_modified))
                              if v is not None}
                _state_path(folder).write_text(json.dumps(state, indent=1))
                return result
        except httpx.TransportError as exc:
            last_error = str(exc) or type(exc).__name__
            if attempt + 1 < RETRIES:
                time.sleep(0.2 * 2**attempt)
    raise FetchError(f"{url}: failed after {RETRIES} attempts ({last_error})")


def _http_date(value: str | None) -> date | None:
    """The date of an HTTP Last-Modified header, if it parses."""
    if value is None:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def _mirror_url(mirror: str, url: str) -> str:
    return mirror.rstrip("/") + "/" + Path(urlsplit(url).path).name


def update_lists(mirror: str | None = None, datasets: list[str] | None = None,
                 timeout: float | None = None) -> list[LoadResult]:
    """Fetch and load what changed; `mirror` is a folder or a base URL replacing publishers."""
    wanted = datasets or list(OFFICIAL)
    unknown = [d for d in wanted if d not in OFFICIAL]
    if unknown:
        raise FetchError(f"unknown dataset(s) {unknown}; known: {', '.join(OFFICIAL)}")
    if mirror is not None and not mirror.startswith(("http://", "https://")):
        folder = Path(mirror)
        if not folder.is_dir():
            raise FetchError(f"mirror folder {mirror} does not exist")
        pubs = [p for p in discover([folder]) if p.dataset in wanted]
        return [load_publication(p, skip_unchanged=True) for p in pubs]
    results = []
    root = settings.home() / "downloads"
    with httpx.Client(timeout=timeout or settings.download_timeout(),
                      follow_redirects=True) as client:
        for dataset in wanted:
            folder = root / dataset
            staged = folder / "staged"
            fetched: list[Download] = []
            for url, required in OFFICIAL[dataset]:
                src = url if mirror is None else _mirror_url(mirror, url)
                fetched.append(download(client, src, staged, required))
            current = folder / "current"
            if current.exists():
                shutil.rmtree(current)
            current.mkdir(parents=True)
            for item in fetched:
                if item.path is not None:
                    shutil.copy2(item.path, current / item.path.name)
            published = _http_date(fetched[0].last_modified)
            for pub in discover([current]):
                results.append(load_publication(pub, skip_unchanged=True, published=published))
    return results
