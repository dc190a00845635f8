#!/usr/bin/env python3
"""Drives headless Chromium through the signals review queue (the server must hold signals: run.sh imports the
EUR-Lex fixture feed with `fineprint signals import`): signs in (FINEPRINT_USER, FINEPRINT_PASSWORD), follows
the navigation's Signals link, opens a signal's own page, accepts it through its form, promotes it into the
knowledge drafts as a new regulation item through the promotion form (first without a reviewer, which the page
refuses and says why), and checks the page then shows where it was published. With SCREENSHOT_DIR it saves the
queue and the refused promotion form there (web-signals.png, web-signal-promote.png).

Usage: signals_promote.py BASE_URL [SCREENSHOT_DIR]
"""
import json
import os
import sys

from chromium import Browser, Checks, credentials
from register_pages import screenshot


def set_value(browser, selector, value):
    browser.evaluate(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}")


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

        check(browser.evaluate("!!document.querySelector('nav a[href=\"/signals\"]')"), "the navigation links to Signals")
        browser.evaluate("document.querySelector('nav a[href=\"/signals\"]').click()")
        check(browser.wait_for("location.pathname === '/signals' && document.querySelectorAll('article.signal').length > 0"),
              "the queue lists the imported signals")
        if shots:
            os.makedirs(shots, exist_ok=True)
            screenshot(browser, os.path.join(shots, "web-signals.png"))

        browser.evaluate("document.querySelector('article.signal .meta a[href^=\"/signals/sig-\"]').click()")
        check(browser.wait_for("location.pathname.startsWith('/signals/sig-') && document.readyState === 'complete'"),
              "a signal opens on its own page")
        path = browser.evaluate("location.pathname")
        browser.evaluate(f"document.querySelector('form[action=\"{path}/accept\"] button').click()")
        check(browser.wait_for(f"location.pathname === '{path}' && !!document.querySelector('form.promote')"),
              "accepting it offers the promotion form")

        set_value(browser, "input[name=new_id]", "eu_browser_signal_item")
        set_value(browser, "input[name=instrument]", "Browser test instrument")
        set_value(browser, "input[name=article]", "Art. 1")
        set_value(browser, "textarea[name=summary]", "A summary the reviewer wrote in the browser test.")
        set_value(browser, "input[name=provisions]", "audit_rights")
        browser.evaluate("document.querySelector('select[name=reviewer]').removeAttribute('required')")
        browser.evaluate("document.querySelector('form.promote button').click()")
        check(browser.wait_for("!!document.querySelector('.error[role=alert]')"),
              "promoting without a reviewer is refused in the form")
        check(browser.evaluate("document.querySelector('input[name=new_id]').value") == "eu_browser_signal_item",
              "the refused form keeps what was typed")
        if shots:
            screenshot(browser, os.path.join(shots, "web-signal-promote.png"))
        set_value(browser, "select[name=reviewer]", "fineprint-legal")
        browser.evaluate("document.querySelector('input[name=verified]').checked = true")
        browser.evaluate("document.querySelector('form.promote button').click()")
        check(browser.wait_for("document.body.innerText.includes('eu_browser_signal_item version 1')"),
              "the promoted signal shows the knowledge item and version it became")

        # The refused promotion is answered 422 on purpose.
        errors = [e for e in browser.page_errors() if "422" not in e]
        check(not errors, "no script or Content-Security-Policy errors" + (f": {errors[:3]}" if errors else ""))
    finally:
        browser.close()
    check.finish("signals browser")


if __name__ == "__main__":
    main()
