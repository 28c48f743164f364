"""`lists update`: conditional downloads from a local HTTP server on 127.0.0.1, retries,
unchanged files skipped, and the offline-mirror folder option."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clearance.exc import FetchError
from clearance.sources.fetch import update_lists
from clearance.store import list_versions


class Publisher:
    """A tiny publisher: ETag + If-None-Match, request log, optional transient failures."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.log: list[tuple[str, int]] = []
        self.fail_next = 0
        publisher = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                name = self.path.rsplit("/", 1)[-1]
                path = publisher.root / name
                if publisher.fail_next > 0:
                    publisher.fail_next -= 1
                    self._reply(503, b"busy")
                    return
                if not path.exists():
                    self._reply(404, b"")
                    return
                data = path.read_bytes()
                etag = '"' + hashlib.sha1(data).hexdigest() + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._reply(304, b"", etag)
                    return
                self._reply(200, data, etag)

            def _reply(self, code: int, body: bytes, etag: str | None = None) -> None:
                publisher.log.append((self.path, code))
                self.send_response(code)
                if etag is not None:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", "Fri, 03 May 2024 18:43:23 GMT")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/exports"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def publisher(tmp_path: Path, lists_dir: Path) -> Iterator[Publisher]:
    root = tmp_path / "served"
    root.mkdir()
    shutil.copy(lists_dir / "bis_dpl" / "dpl.txt", root / "dpl.txt")
    for name in ("sdn.csv", "add.csv", "alt.csv"):
        shutil.copy(lists_dir / "ofac_sdn" / name, root / name.upper())
    pub = Publisher(root)
    yield pub
    pub.server.shutdown()


def test_update_downloads_then_skips_unchanged(home: Path, publisher: Publisher) -> None:
    (res,) = update_lists(mirror=publisher.url, datasets=["us_bis_dpl"])
    assert res.version is not None and res.version.entity_count == 663 and not res.skipped
    publisher.log.clear()
    (res,) = update_lists(mirror=publisher.url, datasets=["us_bis_dpl"])
    assert res.skipped
    assert publisher.log == [("/exports/dpl.txt", 304)]
    assert [v.version for v in list_versions("us_bis_dpl")] == [1]


def test_changed_file_becomes_a_new_version(home: Path, publisher: Publisher) -> None:
    update_lists(mirror=publisher.url, datasets=["us_bis_dpl"])
    text = (publisher.root / "dpl.txt").read_text()
    lines = text.splitlines(keepends=True)
    (publisher.root / "dpl.txt").write_text("".join(lines[:-1]))  # one row delisted
    (res,) = update_lists(mirror=publisher.url, datasets=["us_bis_dpl"])
    assert res.version is not None and res.version.version == 2
    assert res.version.entity_count == 662


def test_optional_comments_file_may_be_missing(home: Path, publisher: Publisher) -> None:
    (res,) = update_lists(mirror=publisher.url, datasets=["us_ofac_sdn"])
    assert res.version is not None and res.version.entity_count == 13821
    assert res.version.published == "2024-05-03"  # from Last-Modified: the CSV has no date
    assert ("/exports/SDN_COMMENTS.CSV", 404) in publisher.log


def test_transient_failures_are_retried(home: Path, publisher: Publisher) -> None:
    publisher.fail_next = 2
    (res,) = update_lists(mirror=publisher.url, datasets=["us_bis_dpl"])
    assert res.version is not None
    assert [code for _, code in publisher.log] == [503, 503, 200]


def test_persistent_failure_is_a_clear_error(home: Path, publisher: Publisher) -> None:
    publisher.fail_next = 10
    with pytest.raises(FetchError, match="dpl.txt: failed after 3 attempts"):
        update_lists(mirror=publisher.url, datasets=["us_bis_dpl"])


def test_mirror_folder_loads_and_skips_unchanged(home: Path, lists_dir: Path) -> None:
    (res,) = update_lists(mirror=str(lists_dir / "bis_dpl"))
    assert res.version is not None and not res.skipped
    (res,) = update_lists(mirror=str(lists_dir / "bis_dpl"))
    assert res.skipped


def test_a_download_that_inflates_like_a_bomb_is_refused_and_leaves_no_file(
        home: Path, tmp_path: Path) -> None:
    import gzip

    import httpx

    from clearance.exc import UnsafeInputError
    from clearance.sources.fetch import download

    body = gzip.compress(b"\x00" * (100 * 1024 * 1024), compresslevel=9)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with httpx.Client() as client, pytest.raises(UnsafeInputError, match="zip bomb"):
            download(client, f"http://127.0.0.1:{server.server_address[1]}/sdn.csv", tmp_path)
    finally:
        server.shutdown()
    assert list(tmp_path.iterdir()) == []
