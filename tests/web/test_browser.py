"""The web UI in a real browser: sign-in, lockout, CSRF, four-eyes review, bulk approval,
escaping, offline API docs, file screening. Each page visited is saved as a screenshot."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from playwright.sync_api import Browser, expect

from clearance.monitor.alerts import get_alert, list_alerts
from clearance.monitor.review import comments, proposals
from clearance.store import audit
from tests.api.conftest import Server
from tests.web.conftest import PASSWORD, SCRIPT_NAME, login, offline, screenshot


def _alert_of(book_id: str) -> int:
    (alert,) = [a for a in list_alerts(book_id=book_id)]
    return alert.id


def test_sign_in_sign_out_and_lockout_after_failures(browser: Browser, server: Server) -> None:
    context = browser.new_context(base_url=server.url)
    offline(context, server.url)
    page = context.new_page()
    page.goto("/ui/alerts")
    expect(page).to_have_url(re.compile(r"/ui/login\?next=/ui/alerts"))
    screenshot(page, "login")

    def attempt(password: str) -> str:
        page.fill("#username", "locky")
        page.fill("#password", password)
        with page.expect_navigation():
            page.click("form[action='/ui/login'] button[type=submit]")
        return page.locator("#login-error").inner_text()

    assert [attempt("wrong password!") for _ in range(4)] == ["wrong user name or password"] * 4
    assert "too many failed sign-ins" in attempt("wrong password!")
    assert "try again in" in attempt(PASSWORD)  # locked: even the right password is refused
    screenshot(page, "login-locked")
    context.close()

    context, page = login(browser, server.url, "ana")
    expect(page.locator("header .who")).to_contain_text("ana")
    cookie = next(c for c in context.cookies() if c["name"] == "clearance_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/ui"
    page.click("header .who button")
    expect(page).to_have_url(re.compile(r"/ui/login$"))
    expect(page.locator("#flash")).to_contain_text("Signed out")
    page.goto("/ui/")
    expect(page).to_have_url(re.compile(r"/ui/login"))
    actions = [r.action for r in audit.iter_records() if r.actor in ("user:ana", "user:locky")]
    assert "user.login_failed" in actions and "user.login" in actions and "user.logout" in actions
    context.close()


def test_forms_without_the_csrf_token_are_refused(browser: Browser, server: Server) -> None:
    context, page = login(browser, server.url, "ana")
    alert_id = _alert_of("c-007") if list_alerts(book_id="c-007") else _alert_of("c-006")
    before = len(comments(alert_id))
    missing = page.request.post(f"/ui/alerts/{alert_id}/comment", form={"text": "sneaky"})
    wrong = page.request.post(f"/ui/alerts/{alert_id}/comment",
                              form={"text": "sneaky", "csrf": "not-the-token"})
    assert missing.status == 403 and wrong.status == 403
    assert "security token" in missing.text()
    assert len(comments(alert_id)) == before
    # htmx sends the token as a header (from the page's meta tag); that is accepted too
    page.goto("/ui/alerts")
    token = page.locator("meta[name=csrf-token]").get_attribute("content") or ""
    by_header = page.request.post(f"/ui/alerts/{alert_id}/comment", form={"text": "via htmx"},
                                  headers={"X-CSRF-Token": token})
    assert by_header.ok and comments(alert_id)[-1].text == "via htmx"
    # the page's own form carries the token and works
    page.goto(f"/ui/alerts/{alert_id}")
    page.fill("#comment", "checked the customer file")
    page.click("form[action$='/comment'] button")
    expect(page.locator(".timeline")).to_contain_text("checked the customer file")
    # the sign-in form has its own double-submit token
    fresh = browser.new_context(base_url=server.url)
    assert fresh.request.post("/ui/login", form={"username": "ana",
                                                 "password": PASSWORD}).status == 403
    fresh.close()
    context.close()


def test_review_from_queue_to_approved_decision_by_two_users(browser: Browser,
                                                             server: Server) -> None:
    alert_id = _alert_of("c-001")
    ana_ctx, ana = login(browser, server.url, "ana")
    ana.goto("/ui/alerts")
    screenshot(ana, "queue")
    ana.click(f"a[href='/ui/alerts/{alert_id}']")
    expect(ana.locator("h1")).to_contain_text("CANO CORREA, Jhon Eidelber")
    expect(ana.locator("#why-h")).to_be_visible()
    expect(ana.locator("table").first).to_contain_text("eidelber")
    ana.check("input[name=status][value=true_match]")
    ana.select_option("#reason-code", "identity_confirmed")
    ana.fill("#rationale", "cedula 16217170 on file matches the SDN entry")
    screenshot(ana, "case")
    ana.click("form[action$='/decision'] button[type=submit]")
    expect(ana.locator("#flash")).to_contain_text("another reviewer approves")
    expect(ana.locator("#decide-h + p")).to_contain_text("awaiting approval")
    assert get_alert(alert_id).status == "open"

    rev_ctx, rev = login(browser, server.url, "rev")
    rev.goto("/ui/approvals")
    screenshot(rev, "approvals")
    rev.click(f"a[href='/ui/alerts/{alert_id}']")
    rev.fill("#review-reason", "cedula verified against the list remarks")
    rev.click("button[value=approve]")
    expect(rev.locator("#flash")).to_contain_text("now true match")
    expect(rev.locator("#reopen-reason")).to_be_visible()  # decided: read-only but reopen
    expect(rev.locator("form[action$='/decision']")).to_have_count(0)
    screenshot(rev, "case-decided")
    decided = get_alert(alert_id)
    assert decided.status == "true_match"
    assert decided.events[-1].actor == "user:rev"
    record = [r for r in audit.iter_records() if r.action == "alert.decide"
              and r.detail["alert_id"] == alert_id][-1]
    assert record.detail["proposed_by"] == "user:ana"
    assert record.detail["approved_by"] == "user:rev"
    assert record.detail["reason_code"] == "identity_confirmed"
    ana_ctx.close()
    rev_ctx.close()


def test_proposer_cannot_approve_own_decision(browser: Browser, server: Server) -> None:
    alert_id = _alert_of("c-003")
    rita_ctx, rita = login(browser, server.url, "rita")  # a reviewer proposes ...
    rita.goto(f"/ui/alerts/{alert_id}")
    rita.check("input[name=status][value=false_positive]")
    rita.select_option("#reason-code", "dob_mismatch")
    rita.fill("#rationale", "customer born 1990, listed person 1976")
    rita.click("form[action$='/decision'] button[type=submit]")
    # ... and sees no approve button on her own proposal
    expect(rita.locator("button[value=approve]")).to_have_count(0)
    expect(rita.locator("#decide-h ~ p.hint")).to_contain_text("you proposed this decision")
    token = rita.locator("meta[name=csrf-token]").get_attribute("content")
    forced = rita.request.post(f"/ui/alerts/{alert_id}/review",
                               form={"csrf": token or "", "verdict": "approve", "reason": ""})
    assert forced.status == 409 and "four-eyes" in forced.text()
    assert get_alert(alert_id).status == "open"
    assert proposals(alert_id, state="pending")[0].proposed_by == "user:rita"
    rita_ctx.close()


def test_bulk_false_positives_go_through_approval(browser: Browser, server: Server) -> None:
    ids = [_alert_of("c-004"), _alert_of("c-005")]
    bo_ctx, bo = login(browser, server.url, "bo")
    bo.goto("/ui/alerts?status=open&sort=book")
    for i in ids:
        bo.check(f"#sel-{i}")
    bo.click("details summary")
    bo.select_option("#bulk-code", "partial_name")
    bo.fill("#bulk-reason", "names only partly match; other registration numbers")
    bo.click("button[value=false_positive]")
    expect(bo.locator("#flash")).to_contain_text("2 alert(s) proposed as false positives")
    assert all(get_alert(i).status == "open" for i in ids)
    rev_ctx, rev = login(browser, server.url, "rev")
    rev.goto("/ui/approvals")
    expect(rev.locator("#bulk-h")).to_contain_text("(1)")
    rev.click("button:has-text('Approve all 2')")
    expect(rev.locator("#flash")).to_contain_text("2 proposed decision(s) approved")
    assert all(get_alert(i).status == "false_positive" for i in ids)
    bo_ctx.close()
    rev_ctx.close()


def test_list_entry_named_script_renders_as_text(browser: Browser, server: Server) -> None:
    alert_id = _alert_of("c-002")
    context, page = login(browser, server.url, "ana")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    response = page.goto(f"/ui/alerts/{alert_id}")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("h1")).to_contain_text(SCRIPT_NAME)
    page.goto("/ui/alerts?status=open")
    expect(page.locator("#queue-table")).to_contain_text(SCRIPT_NAME)
    page.goto("/ui/screening?name=" + "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E+trading")
    expect(page.locator("#match-results")).to_contain_text(SCRIPT_NAME)
    assert page.evaluate("window.__pwned") is None and dialogs == []
    context.close()


def test_single_name_screening_answers_as_you_type(browser: Browser, server: Server) -> None:
    context, page = login(browser, server.url, "ana")
    page.goto("/ui/screening")
    page.locator("#q-name").press_sequentially("Andrey Khokhlof", delay=20)
    results = page.locator("#match-results")
    expect(results).to_contain_text("KHOKHLOV, Andrei Vladimirovich")  # no Enter pressed
    expect(results.locator("details[open] table")).to_contain_text("khokhlof")
    expect(page).to_have_url(re.compile(r"name=Andrey"))  # the search is a link
    screenshot(page, "screening")
    context.close()


def test_api_docs_render_with_the_network_closed(browser: Browser, server: Server) -> None:
    context = browser.new_context(base_url=server.url)
    refused = offline(context, server.url)
    page = context.new_page()
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Clearance")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    screenshot(page, "api-docs")
    assert refused == []
    context.close()


def test_file_screening_shows_progress_then_downloads(browser: Browser, server: Server,
                                                      tmp_path: Path) -> None:
    upload = tmp_path / "customers.csv"
    upload.write_text("id,name,schema,country\nx1,Jhon Eidelber Cano Correa,Person,Atlantis\n"
                      "x2,Emma Daniels,Person,\nx3,,Company,\n", encoding="utf-8")
    context, page = login(browser, server.url, "ana")
    page.goto("/ui/screening")
    page.set_input_files("#f-file", str(upload))
    page.click("form[action='/ui/screening/jobs'] button[type=submit]")
    expect(page.locator("#job-bar")).to_be_visible()
    expect(page.locator("#out-h")).to_be_visible(timeout=30_000)
    expect(page.locator("#job-progress")).to_contain_text("3 of 3 rows")
    expect(page.locator("main table")).to_contain_text("x1")
    # an unreadable country is named on its row, and the row was still screened (alert)
    x1 = page.locator("main table tr", has_text="x1")
    expect(x1).to_contain_text("ignored: customers.csv, line 2: row 'x1': 'Atlantis' is not")
    expect(x1).to_contain_text("alert")
    screenshot(page, "screening-job")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("id,screened_name,dataset,source_id")
    assert "x1,Jhon Eidelber Cano Correa,us_ofac_sdn,10000" in text
    context.close()


def test_a_jsonl_screening_downloads_as_csv_with_every_rows_extra_keys(
        browser: Browser, server: Server, tmp_path: Path) -> None:
    upload = tmp_path / "rows.jsonl"
    upload.write_text('{"id": "j1", "name": "Emma Daniels", "branch": "Quito"}\n'
                      '{"id": "j2", "name": "Hikvision", "segment": "vendor"}\n',
                      encoding="utf-8")
    context, page = login(browser, server.url, "ana")
    page.goto("/ui/screening")
    page.set_input_files("#f-file", str(upload))
    page.click("form[action='/ui/screening/jobs'] button[type=submit]")
    expect(page.locator("#job-progress")).to_contain_text("2 of 2 rows", timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0])[:4] == ["id", "screened_name", "branch", "segment"]
    assert {(r["id"], r["branch"], r["segment"]) for r in rows} >= {("j1", "Quito", ""),
                                                                    ("j2", "", "vendor")}
    context.close()
