#!/usr/bin/env python3
"""Drives a real headless Chromium through the web workbench: sign in through the login form
(FINEPRINT_USER and FINEPRINT_PASSWORD), open the upload page, choose a contract file, submit the
form, create a matter and upload to it, check the report page shows highlighted evidence and the score, sign out, and check the
report then leads to the login page, with no script or Content-Security-Policy errors on the way.

Chromium is driven through chromium.py (the DevTools protocol on a pipe: only Python's standard library).

Usage: upload_report.py BASE_URL CONTRACT_FILE [SCREENSHOT_DIR]
Exit status 0 when every check passes, 1 with the failed checks listed otherwise.
"""
import json
import os
import sys

from chromium import Browser, Checks, credentials


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, contract = sys.argv[1].rstrip("/"), os.path.abspath(sys.argv[2])
    shots = sys.argv[3] if len(sys.argv) > 3 else None
    check = Checks()
    browser = Browser()
    try:
        browser.open_tab()
        browser.send("Page.navigate", {"url": base + "/"})
        check(browser.wait_for("location.pathname === '/login' && !!document.querySelector('form.login')"),
              "an anonymous visit is sent to the login page")
        user, password = credentials()
        browser.submit_login(user, password)
        signed_in = browser.wait_for("document.readyState === 'complete' && !!document.querySelector('form[data-upload]')")
        if not signed_in:
            print("     now at " + str(browser.evaluate(
                "location.href + ' | ' + document.title + ' | ' + ((document.querySelector('.error') || {}).textContent || '')")))
        check(signed_in, "signing in leads back to the upload page with its form")
        check(browser.evaluate("(document.querySelector('.session') || {}).textContent || ''").find(user) >= 0,
              "the page says who is signed in")

        # A new analyst is in no matter yet: create one through the matters page, then upload to it.
        browser.send("Page.navigate", {"url": base + "/matters"})
        check(browser.wait_for("document.readyState === 'complete' && !!document.querySelector('form.matter-create')"),
              "the matters page offers to create a matter")
        browser.evaluate("document.querySelector('#matter-name').value = 'Browser tender'")
        browser.evaluate("document.querySelector('#matter-kind').value = 'tender'")
        browser.evaluate("document.querySelector('form.matter-create button[type=submit]').click()")
        check(browser.wait_for("/^\\/matters\\/[0-9a-f]{32}$/.test(location.pathname) && document.readyState === 'complete'", 30),
              "creating a matter leads to its page")
        check(browser.evaluate("document.querySelector('h1').textContent") == "Browser tender", "the matter page is titled")
        browser.evaluate("document.querySelector('a[href^=\"/?matter=\"]').click()")
        check(browser.wait_for("document.readyState === 'complete' && !!document.querySelector('form[data-upload] #matter')", 30),
              "the matter's upload link opens the upload form with the matter chosen")
        check(browser.evaluate("document.querySelector('#matter').selectedOptions[0].textContent").startswith("Browser tender"),
              "the upload form preselects the matter")

        # Choose the file as a user would; the page's script (allowed by the CSP) shows the name.
        root = browser.send("DOM.getDocument")["root"]["nodeId"]
        node = browser.send("DOM.querySelector", {"nodeId": root, "selector": "input[type=file]"})["nodeId"]
        browser.send("DOM.setFileInputFiles", {"nodeId": node, "files": [contract]})
        name = os.path.basename(contract)
        check(browser.wait_for(f"document.querySelector('[data-chosen]').textContent.includes({json.dumps(name)})", 10),
              "the upload script ran and shows the chosen file")
        browser.evaluate("document.querySelector('#profile').value = 'tier1'")
        browser.evaluate("document.querySelector('form[data-upload] button[type=submit]').click()")

        check(browser.wait_for("/^\\/analyses\\/[0-9a-f]{32}$/.test(location.pathname) && document.readyState === 'complete'", 120),
              "submitting the form leads to the report page")
        check(browser.evaluate("document.querySelector('h1').textContent") == name, "the report is titled with the file name")
        marks = browser.evaluate("document.querySelectorAll('pre.text mark').length")
        check(isinstance(marks, int) and marks > 0, f"evidence is highlighted in the document ({marks} highlights)")
        score = browser.evaluate("document.querySelector('.score') && document.querySelector('.score').textContent")
        check(bool(score) and "/100" in score, f"the score is shown ({(score or '').strip()})")
        check(browser.evaluate("document.querySelectorAll('.findings table').length") >= 2, "provision tables are shown")
        # A highlight link in the findings jumps to its anchor in the text.
        anchor = browser.evaluate("(document.querySelector('.findings a[href^=\"#at-\"]') || {}).hash || ''")
        check(bool(anchor) and browser.evaluate(f"!!document.getElementById({json.dumps(anchor[1:])})"),
              "evidence links point at anchors in the text")
        report = browser.evaluate("location.href")
        # The review step that follows needs the report's (random) path.
        if os.environ.get("FINEPRINT_REPORT_PATH_FILE"):
            with open(os.environ["FINEPRINT_REPORT_PATH_FILE"], "w") as f:
                f.write(browser.evaluate("location.pathname"))
        if shots:
            os.makedirs(shots, exist_ok=True)
            browser.screenshot(os.path.join(shots, "browser-report.png"))

        browser.evaluate("document.querySelector('.session form button[type=submit]').click()")
        check(browser.wait_for("location.pathname === '/login' && document.readyState === 'complete'", 30),
              "signing out leads to the login page")
        browser.send("Page.navigate", {"url": report})
        check(browser.wait_for("location.pathname === '/login' && !!document.querySelector('form.login')", 30)
              and browser.evaluate("!document.querySelector('pre.text')"),
              "after signing out the report is no longer reachable")

        check.no_page_errors(browser)
    finally:
        browser.close()
    check.finish("browser")


if __name__ == "__main__":
    main()
