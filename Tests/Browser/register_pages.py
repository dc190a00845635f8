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
import os
import sys

from chromium import Browser, Checks, credentials


def screenshot(browser, path, width=1280):
    """The whole page, up to 6000 pixels high."""
    height = browser.evaluate("Math.ceil(document.documentElement.scrollHeight)")
    browser.screenshot(path, {"x": 0, "y": 0, "width": width, "height": min(int(height), 6000), "scale": 1})


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

        check.no_page_errors(browser)
    finally:
        browser.close()
    check.finish("register browser")


if __name__ == "__main__":
    main()
