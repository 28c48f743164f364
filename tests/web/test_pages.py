"""The other pages in a real browser: list diff, book import with preview, exposure upload,
what-if scenarios, audit search and exports, the demo sign-in; and an axe-core
accessibility check plus keyboard use on every page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from clearance.exposure.demo import write_csv as write_demo_devices
from clearance.monitor.alerts import list_alerts
from clearance.monitor.review import review, submit_decision
from clearance.store.load import load_paths
from tests.api.conftest import Server
from tests.web.conftest import ROOT, SDN_V2, login, offline, screenshot, write_publication

AXE = ROOT / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["/ui/", "/ui/alerts", "/ui/approvals", "/ui/screening?name=Zhou+Weiming", "/ui/book",
         "/ui/admin",
         "/ui/book/c-001", "/ui/lists", "/ui/lists/us_ofac_sdn", "/ui/exposure", "/ui/whatif",
         "/ui/audit"]


def _axe_violations(page: Page) -> list[str]:
    assert AXE.exists(), "make setup installs axe-core from the npm registry"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => v.id + ': ' + v.nodes.length + ' x ' +
                                     v.nodes[0].target.join(' '));
    }""")
    return list(result)


def test_every_page_passes_axe_and_works_by_keyboard(browser: Browser, server: Server) -> None:
    context, page = login(browser, server.url, "adm", bypass_csp=True)
    first = list_alerts()[0].id
    for url in [*PAGES, f"/ui/alerts/{first}"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert _axe_violations(page) == [], url
        name = url.strip("/").replace("ui/", "").replace("/", "-").split("?")[0] or "dashboard"
        screenshot(page, f"page-{name}")
    # keyboard: the first Tab reaches the skip link, which moves focus to the content
    page.goto("/ui/alerts")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    context.close()


def test_list_diff_shows_added_removed_and_field_changes(browser: Browser, server: Server,
                                                        ui_home: Path) -> None:
    v2 = write_publication(ui_home / "pub2", SDN_V2)
    assert [r.error for r in load_paths([v2])] == [None]
    context, page = login(browser, server.url, "ana")
    page.goto("/ui/lists/us_ofac_sdn")
    page.click("text=Show differences")
    expect(page.locator("h1")).to_contain_text("version 1 → 2")
    expect(page.locator("#diff-table")).to_contain_text("NORTHERN STAR SHIPPING CO")
    expect(page.locator("#diff-table .diff-new").first).to_be_visible()
    screenshot(page, "list-diff")
    page.click("a.tile:has-text('added')")
    expect(page.locator("#diff-table")).to_contain_text("BLUE HARBOUR LOGISTICS FZE")
    page.click("a.tile:has-text('removed')")
    expect(page.locator("#diff-table")).to_contain_text("AL-NOOR EXCHANGE COMPANY")
    context.close()


def test_book_import_previews_errors_by_line_then_imports(browser: Browser, server: Server,
                                                          tmp_path: Path) -> None:
    upload = tmp_path / "new-customers.csv"
    upload.write_text("id,name,schema,desk\nn-1,Baltic Amber Traders,Company,emea\n"
                      "n-2,,Company,emea\nc-007,Nordwind Bakery GmbH,Company,dach\n"
                      "n-1,Baltic Amber Traders Ltd,Company,emea\n", encoding="utf-8")
    context, page = login(browser, server.url, "ana")
    page.goto("/ui/book")
    page.set_input_files("#b-file", str(upload))
    page.click("text=Preview import")
    errors = page.locator("#import-errors li")
    expect(errors).to_have_count(2)
    expect(errors.nth(0)).to_contain_text("new-customers.csv, line 3")
    expect(errors.nth(1)).to_contain_text("line 5")
    expect(page.locator("main table")).to_contain_text("Baltic Amber Traders")
    screenshot(page, "book-preview")
    page.click("form[action='/ui/book/import'] button[type=submit]")
    expect(page.locator("#flash")).to_contain_text("1 added, 1 updated, 0 unchanged, 2 skipped")
    page.click("a:has-text('n-1')")
    expect(page.locator("h1")).to_have_text("Baltic Amber Traders")
    page.goto("/ui/book/c-007")
    expect(page.locator("#h-h + ol")).to_contain_text("dach")
    context.close()


def test_exposure_upload_filters_and_downloads(browser: Browser, server: Server,
                                               tmp_path: Path) -> None:
    inventory = tmp_path / "devices.csv"
    write_demo_devices(inventory, count=300, sites=6, cities=3)
    context, page = login(browser, server.url, "ana")
    page.goto("/ui/exposure")
    page.set_input_files("#x-file", str(inventory))
    page.check("#x-replace")
    page.click("form[action='/ui/exposure/upload'] button[type=submit]")
    expect(page.locator("#flash")).to_contain_text("300 devices imported")
    expect(page.locator("h1")).to_contain_text("300 of 300")
    expect(page.locator("svg[aria-label='Devices by vendor and status']")).to_be_visible()
    screenshot(page, "exposure")
    city = page.locator("#x-city option").nth(1).get_attribute("value") or ""
    page.select_option("#x-city", city)
    page.click("text=Apply")
    expect(page).to_have_url(re.compile(r"city="))
    shown = int(re.sub(r"\D", "", page.locator("h1 .sub").inner_text().split(" of ")[0]))
    assert 0 < shown < 300
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("asset_id,site,city") and len(lines) == shown + 1
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF", exact=True).click()
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF")
    context.close()


def test_whatif_runs_saves_and_compares_scenarios(browser: Browser, server: Server) -> None:
    context, page = login(browser, server.url, "ana")
    for name, save in (("Nordwind Bakery GmbH", "bakery"), ("Zhou Weiming", "zhou")):
        page.goto("/ui/whatif")
        page.fill("#w-name", name)
        page.fill("#w-save", save)
        page.click("form[action='/ui/whatif/run'] button[type=submit]")
        expect(page.locator("#flash")).to_contain_text("saved")
    expect(page.locator("#w-hits + div")).to_contain_text("c-006")
    screenshot(page, "whatif")
    page.select_option("#c-a", label="bakery")
    page.select_option("#c-b", label="zhou")
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.locator("#compare-table")).to_contain_text("Nordwind Bakery GmbH")
    expect(page.locator(".tile").first).to_contain_text("c-007")
    screenshot(page, "whatif-compare")
    context.close()


def test_audit_search_verify_and_examiner_exports(browser: Browser, server: Server) -> None:
    alert = next(a for a in list_alerts(status="open"))
    proposal = submit_decision(alert.id, "false_positive", "birth year differs", "user:bo",
                               "dob_mismatch").proposal
    assert proposal is not None
    review(proposal.id, True, "checked", "user:rev")
    context, page = login(browser, server.url, "ana")
    page.goto("/ui/audit")
    page.fill("#a-actor", "user:bo")
    page.click("text=Search")
    expect(page.locator("main table")).to_contain_text("alert.propose")
    page.click("text=Verify the chain")
    expect(page.locator("#verify-result")).to_contain_text("Intact")
    screenshot(page, "audit")
    with page.expect_download() as jsonl:
        page.get_by_role("link", name="JSONL", exact=True).click()
    records = [json.loads(x) for x in Path(jsonl.value.path()).read_text().splitlines()]
    assert records and all("user:bo" in r["actor"] for r in records)
    page.fill("#a-case", str(alert.id))
    page.select_option("#a-fmt", "csv")
    with page.expect_download() as case_csv:
        page.click("text=Export case")
    text = Path(case_csv.value.path()).read_text(encoding="utf-8")
    assert text.startswith("kind,at,who,what,detail")
    page.goto(f"/ui/alerts/{alert.id}")
    with page.expect_download() as case_jsonl:
        page.get_by_role("link", name="JSONL", exact=True).click()
    rows = [json.loads(x) for x in Path(case_jsonl.value.path()).read_text().splitlines()]
    summary = rows[0]["detail"]
    assert summary["decided_by"] == "user:bo" and summary["approved_by"] == "user:rev"
    assert summary["list_versions"][0]["dataset"] == "us_ofac_sdn"
    assert summary["explanation"] and summary["reason_code"] == "dob_mismatch"
    context.close()


@pytest.fixture(scope="module")
def open_server(ui_home: Path) -> Iterator[Server]:
    s = Server(open_access=True)
    yield s
    s.stop()


def test_demo_sign_in_exists_only_in_open_mode(browser: Browser, server: Server,
                                               open_server: Server) -> None:
    context = browser.new_context(base_url=server.url)
    offline(context, server.url)
    page = context.new_page()
    page.goto("/ui/login")
    expect(page.locator("form[action='/ui/login/demo']")).to_have_count(0)
    context.close()
    context = browser.new_context(base_url=open_server.url)
    offline(context, open_server.url)
    page = context.new_page()
    page.goto("/ui/login")
    expect(page.locator(".demo-banner")).to_contain_text("Demo mode")
    page.click("button:has-text('Demo reviewer')")
    expect(page.locator("header .who")).to_contain_text("demo-reviewer")
    screenshot(page, "demo-dashboard")
    context.close()


def test_admin_manages_users_and_keys_and_updates_lists(browser: Browser, server: Server,
                                                        ui_home: Path) -> None:
    import httpx

    ana_ctx, ana = login(browser, server.url, "ana")
    ana.goto("/ui/admin")
    expect(ana.locator("h1")).to_have_text("Not allowed")
    expect(ana.locator("nav.main")).not_to_contain_text("Admin")
    ana_ctx.close()

    context, page = login(browser, server.url, "adm")
    page.click("nav.main >> text=Admin")
    page.fill("#nu-name", "newbie")
    page.fill("#nu-pw", "a fine long password")
    page.fill("#nu-pw2", "a fine long password")
    page.click("text=Create user")
    expect(page.locator("#flash")).to_contain_text("User newbie (analyst) created")
    page.fill("#nk-name", "crm-sync")
    page.click("text=Create key")
    secret = page.locator("#new-secret").inner_text()
    assert secret.startswith("clr_")
    assert httpx.get(f"{server.url}/lists", headers={"Authorization": f"Bearer {secret}"}
                     ).status_code == 200  # API keys keep working for the JSON API
    screenshot(page, "admin")
    page.click("button[aria-label^='Revoke key']")
    assert httpx.get(f"{server.url}/lists", headers={"Authorization": f"Bearer {secret}"}
                     ).status_code == 401

    page.goto("/ui/lists")
    page.fill("#mirror", str(ui_home / "pub1"))
    page.click("text=Update now")
    expect(page.locator("#list-update")).to_contain_text("finished", timeout=60_000)
    expect(page.locator("#list-update")).to_contain_text("us_ofac_sdn:")
    screenshot(page, "lists-update")
    context.close()
