#!/usr/bin/env python3
"""Drives headless Chromium through the dependency register's pages (the server must hold the
fictional ministry's register: `fineprint register example`): signs in through the login form
(FINEPRINT_USER, FINEPRINT_PASSWORD), checks the dashboard shows the five metric cards, the
concentration charts and the violations, opens a system from the dashboard, checks its dependency
graph is drawn with a box per component, follows a box to the component's page, and checks no
script or Content-Security-Policy error was logged. With SCREENSHOT_DIR it saves the dashboard and
the system page there (web-register.png, web-register-system.png), whole pages.

Usage: register_pages.py BASE_URL [SCREENSHOT_DIR]
"""
import base64
import json
import os
import sys

from upload_report import Browser


def screenshot(browser, path, width=1280):
    height = browser.evaluate("Math.ceil(document.documentElement.scrollHeight)")
    clip = {"x": 0, "y": 0, "width": width, "height": min(int(height), 6000), "scale": 1}
    data = browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})["data"]
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    base = sys.argv[1].rstrip("/")
    shots = sys.argv[2] if len(sys.argv) > 2 else None
    failures = []

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    browser = Browser()
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "DOM"):
            browser.send(domain + ".enable")
        browser.send("Page.navigate", {"url": base + "/login"})
        browser.wait_for("!!document.querySelector('form.login')")
        user, password = os.environ.get("FINEPRINT_USER", ""), os.environ.get("FINEPRINT_PASSWORD", "")
        browser.evaluate(f"document.querySelector('#name').value = {json.dumps(user)}")
        browser.evaluate(f"document.querySelector('#password').value = {json.dumps(password)}")
        browser.evaluate("document.querySelector('form.login button[type=submit]').click()")
        browser.wait_for("location.pathname !== '/login' && document.readyState === 'complete'")

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

        errors = [e["params"]["entry"]["text"] + " " + e["params"]["entry"].get("url", "") for e in browser.events
                  if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
        errors += [str(e["params"]) for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
        check(not errors, "no script or Content-Security-Policy errors" + (f": {errors[:3]}" if errors else ""))
    finally:
        browser.close()
    if failures:
        print(f"{len(failures)} browser check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("register browser test passed")


if __name__ == "__main__":
    main()
