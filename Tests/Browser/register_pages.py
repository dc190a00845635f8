#!/usr/bin/env python3
"""Drives headless Chromium through the dependency register's pages (the server must hold the
fictional ministry's register: `fineprint register example`): signs in through the login form
(FINEPRINT_USER, FINEPRINT_PASSWORD), checks the dashboard shows the five metric cards, the
concentration charts and the violations, opens a system from the dashboard, checks its dependency
graph is drawn with a box per component, follows a box to the component's page, records an
incident there through its form (as the analyst it signed in as) and checks the page lists it and
the dashboard's incident card changed, and checks no script or Content-Security-Policy error was
logged. With SCREENSHOT_DIR it saves the dashboard, the system page and the component page's edit
forms there (web-register.png, web-register-system.png, web-register-edit.png).

Usage: register_pages.py BASE_URL [SCREENSHOT_DIR]
"""
import json
import os
import sys

from chromium import Browser, Checks, credentials


def screenshot(browser, path, width=1280):
    """The whole page, up to 6000 pixels high."""
    height = browser.evaluate("Math.ceil(document.documentElement.scrollHeight)")
    browser.screenshot(path, {"x": 0, "y": 0, "width": width, "height": min(int(height), 6000), "scale": 1})


def screenshot_of(browser, selector, path, width=1280):
    """The element `selector` only, as laid out in a page `width` pixels wide."""
    rect = browser.evaluate(
        f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
        " return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; })()")
    clip = {"x": max(rect[0] - 8, 0), "y": max(rect[1] - 8, 0), "width": min(rect[2] + 16, width),
            "height": min(rect[3] + 16, 4000), "scale": 1}
    data = browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})["data"]
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))


def incident_card(browser):
    return browser.evaluate("Array.from(document.querySelectorAll('article.metric'))"
                            ".map(a => a.innerText).find(t => /incident/i.test(t)) || ''")


def record_incident(browser, base, check, shots):
    """On a component page: fills the incident form, sends it, and checks the page and the dashboard."""
    form = "form[action='/register/incidents']"
    check(browser.evaluate(f"!!document.querySelector({json.dumps(form)})"),
          "the component page shows the edit forms to an analyst")
    if shots:
        screenshot_of(browser, "section.register-edit", os.path.join(shots, "web-register-edit.png"))
    path = browser.evaluate("location.pathname")
    browser.send("Page.navigate", {"url": base + "/register"})
    browser.wait_for("document.readyState === 'complete' && !!document.querySelector('.metric-cards')")
    card_before = incident_card(browser)
    browser.send("Page.navigate", {"url": base + path})
    browser.wait_for(f"document.readyState === 'complete' && !!document.querySelector({json.dumps(form)})")
    summary = "Browser test: answers drifted after a model update"
    fields = {"kind": "model", "occurred": "2026-11-30T08:00", "detected": "2026-11-30T09:30",
              "contained": "2026-11-30T15:00", "summary": summary}
    for name, value in fields.items():
        browser.evaluate(f"document.querySelector({json.dumps(form + ' [name=' + name + ']')}).value = {json.dumps(value)}")
    browser.evaluate(f"document.querySelector({json.dumps(form)}).requestSubmit()")
    check(browser.wait_for(f"document.readyState === 'complete' && location.pathname === {json.dumps(path)} && "
                           f"document.body.innerText.includes({json.dumps(summary)})"),
          "the incident is saved and listed on the component page")
    browser.send("Page.navigate", {"url": base + "/register"})
    browser.wait_for("document.readyState === 'complete' && !!document.querySelector('.metric-cards')")
    check(incident_card(browser) != card_before, "the dashboard's incident metric changed")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    base = sys.argv[1].rstrip("/")
    shots = sys.argv[2] if len(sys.argv) > 2 else None
    check = Checks()
    browser = Browser()
    try:
        browser.open_tab()
        browser.sign_in(base, *credentials())

        browser.send("Page.navigate", {"url": base + "/register"})
        check(browser.wait_for("document.readyState === 'complete' && !!document.querySelector('.metric-cards')"),
              "the dashboard answers with its metric cards")
        check(browser.evaluate("document.querySelectorAll('article.metric').length") == 5, "five metric cards")
        check(browser.evaluate("document.querySelectorAll('article.metric svg.sparkline').length") == 5,
              "a trend line per metric")
        check(browser.evaluate("document.querySelectorAll('.concentration svg.bars').length") == 6,
              "bars by parent and by country for chips, cloud and models")
        check(browser.evaluate("document.querySelectorAll('table.violations .sev-fail').length") > 0,
              "FAIL violations are listed")
        if shots:
            os.makedirs(shots, exist_ok=True)
            screenshot(browser, os.path.join(shots, "web-register.png"))

        browser.evaluate("document.querySelector('a[href^=\"/register/systems/\"]').click()")
        check(browser.wait_for("location.pathname.startsWith('/register/systems/') && document.readyState === 'complete'"),
              "a system opens from the dashboard")
        boxes = browser.evaluate("document.querySelectorAll('svg.graph a').length")
        rows = browser.evaluate("document.querySelectorAll('#components-title + table tbody tr').length")
        check(isinstance(boxes, int) and boxes > 0 and boxes == rows,
              f"the graph has a box per component ({boxes} boxes, {rows} components)")
        if shots:
            screenshot(browser, os.path.join(shots, "web-register-system.png"))
        href = browser.evaluate("document.querySelector('svg.graph a').getAttribute('href')")
        browser.send("Page.navigate", {"url": base + href})
        check(browser.wait_for("location.pathname.startsWith('/register/components/') && "
                               "!!document.querySelector('table.controls')"),
              "a box of the graph opens its component, with its control facts")
        record_incident(browser, base, check, shots)

        check.no_page_errors(browser)
    finally:
        browser.close()
    check.finish("register browser")


if __name__ == "__main__":
    main()
