"""A small store, a real server and Debian's chromium driven by Playwright.

- `ui_home` (per module): a home holding two versions of a tiny OFAC SDN publication
  written here (one entry's name holds `<script>`), a book whose entries match several
  of them, one monitoring cycle's alerts, and users of every role.
- `server`: uvicorn on a free loopback port serving that home (keys required).
- `browser`: chromium headless from the system package (Playwright's own browser
  download is not used); pages that leave 127.0.0.1 are refused, so nothing loads from
  the internet. Screenshots go to test-artifacts/ui/ (git-ignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from clearance.store.db import reset_engines
from tests.api.conftest import Server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "ui"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct horse battery"
SCRIPT_NAME = "<script>window.__pwned=1</script> TRADING LLC"

SDN_V1 = (
    '10000,"CANO CORREA, Jhon Eidelber",individual,"SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB 13 Dec 1963; nationality Colombia; Cedula No. 16217170 (Colombia)."\r\n'
    f'10001,"{SCRIPT_NAME}",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    '10002,"KHOKHLOV, Andrei Vladimirovich",individual,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,'
    '-0- ,-0- ,-0- ,"DOB 11 Nov 1976."\r\n'
    '10003,"NORTHERN STAR SHIPPING CO",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    '10004,"AL-NOOR EXCHANGE COMPANY",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    '10005,"ZHOU, Wei Ming",individual,"CYBER2",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB 02 Feb 1980."\r\n'
)
# the next publication: one entry removed, one added, one's program changed
SDN_V2 = (SDN_V1.replace('"IRAN"', '"IRAN] [IFSR"')
          .replace('10004,"AL-NOOR EXCHANGE COMPANY",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
                   '-0- ,-0- \r\n', "")
          + '10006,"BLUE HARBOUR LOGISTICS FZE",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
            '-0- \r\n')

BOOK = [
    {"id": "c-001", "name": "Jhon Eidelber Cano Correa", "schema": "Person", "country": "co",
     "segment": "retail"},
    {"id": "c-002", "name": "<script>window.__pwned=1</script> Trading LLC",
     "schema": "Company", "segment": "corporate"},
    {"id": "c-003", "name": "Andrey Vladimirovich Khokhlof", "schema": "Person",
     "segment": "retail"},
    {"id": "c-004", "name": "Northern Star Shipping Company", "schema": "Company",
     "segment": "logistics"},
    {"id": "c-005", "name": "Al Noor Exchange Co", "schema": "Company", "segment": "corporate"},
    {"id": "c-006", "name": "Zhou Weiming", "schema": "Person", "segment": "retail"},
    {"id": "c-007", "name": "Nordwind Bakery GmbH", "schema": "Company", "segment": "sme"},
]
USERS = {"ana": "analyst", "bo": "analyst", "rev": "reviewer", "rita": "reviewer",
         "adm": "admin", "locky": "analyst"}


def write_publication(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sdn.csv").write_bytes(body.encode("latin-1"))
    return folder


@pytest.fixture(scope="module")
def ui_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from clearance.monitor.book import entry_from_row, upsert_entries
    from clearance.monitor.cycle import run_cycle
    from clearance.screening.io import InputRow
    from clearance.store.load import load_paths
    from clearance.store.users import create_user

    previous = os.environ.get("CLEARANCE_HOME")
    home = tmp_path_factory.mktemp("ui_home")
    os.environ["CLEARANCE_HOME"] = str(home)
    os.environ.pop("CLEARANCE_DATABASE_URL", None)
    reset_engines()
    v1 = write_publication(home / "pub1", SDN_V1)
    assert [r.error for r in load_paths([v1])] == [None]
    entries = [entry_from_row(InputRow(i, row), "book") for i, row in enumerate(BOOK, 1)]
    upsert_entries(entries, "test book", "test")
    run_cycle()
    for name, role in USERS.items():
        create_user(name, role, PASSWORD, actor="test")
    yield home
    if previous is not None:
        os.environ["CLEARANCE_HOME"] = previous
    reset_engines()


@pytest.fixture(scope="module")
def server(ui_home: Path) -> Iterator[Server]:
    s = Server(open_access=False)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "make setup installs Debian's chromium (apt-get)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def offline(context: BrowserContext, base: str) -> list[str]:
    """Refuse every request that does not go to the test server (no CDN, no internet);
    the returned list collects the refused URLs."""
    refused: list[str] = []

    def route(r: Route) -> None:
        url = r.request.url
        if url.startswith(base) or url.startswith("data:"):
            r.continue_()
        else:
            refused.append(url)
            r.abort()

    context.route("**/*", route)
    return refused


def login(browser: Browser, base: str, name: str, bypass_csp: bool = False
          ) -> tuple[BrowserContext, Page]:
    """A fresh browser context (own cookies) signed in as `name` (`bypass_csp` lets a test
    inject a checker such as axe-core, which the pages' CSP would refuse)."""
    context = browser.new_context(base_url=base, viewport={"width": 1360, "height": 900},
                                  bypass_csp=bypass_csp)
    offline(context, base)
    page = context.new_page()
    page.goto("/ui/login")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("form[action='/ui/login'] button[type=submit]")
    page.wait_for_url(f"{base}/ui/")
    return context, page


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
