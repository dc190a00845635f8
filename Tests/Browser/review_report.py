#!/usr/bin/env python3
"""Drives headless Chromium through a review on the report page: sign in (FINEPRINT_USER and
FINEPRINT_PASSWORD), open the report at REPORT_PATH, select a clause in the document as a user would
(the page's review script turns the selection into offsets), correct a finding the machine found
absent with that quote, and check the corrected cell carries the reviewer's marker and the legend.
Optionally saves a screenshot of the corrected finding.

Usage: review_report.py BASE_URL REPORT_PATH [SCREENSHOT_FILE]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import Browser, Checks, credentials  # noqa: E402


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, path = sys.argv[1].rstrip("/"), sys.argv[2]
    shot = sys.argv[3] if len(sys.argv) > 3 else None
    check = Checks()
    browser = Browser()
    try:
        browser.open_tab()
        browser.sign_in(base, *credentials())
        browser.send("Page.navigate", {"url": base + path})
        check(browser.wait_for("document.readyState === 'complete' && !!document.querySelector('#review')"),
              "the report shows the review box")
        # The first absent provision with a form, and the clause of the first highlight.
        provision = browser.evaluate(
            "(document.querySelector('tr.absent details.review-form') || {closest(){return {id:''}}}).closest('tr').id")
        check(bool(provision), f"an absent finding has a review form ({provision})")
        browser.evaluate("""(() => {
            const mark = document.querySelector('pre.text mark');
            const range = document.createRange(); range.selectNodeContents(mark);
            const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
        })()""")
        selected = browser.evaluate("getSelection().toString()") or ""
        check(browser.wait_for("!document.querySelector('.selection-offsets').hidden", 10),
              "selecting document text shows its offsets")
        row = json.dumps("#" + provision)
        browser.evaluate(f"document.querySelector({row} + ' details.review-form').open = true")
        browser.evaluate(f"document.querySelector({row} + ' .use-selection').click()")
        start = browser.evaluate(f"document.querySelector({row} + ' .quote-start').value")
        end = browser.evaluate(f"document.querySelector({row} + ' .quote-end').value")
        check(bool(start) and bool(end) and int(end) > int(start), f"the selection filled the quote offsets ({start}–{end})")
        browser.evaluate(f"document.querySelector({row} + ' select[name=status]').value = 'present'")
        browser.evaluate(f"document.querySelector({row} + ' select[name=strength]').value = 'adequate'")
        browser.evaluate(f"document.querySelector({row} + ' input[name=note]').value = 'The clause quoted covers it.'")
        browser.evaluate(f"document.querySelector({row} + ' button[value=save]').click()")
        check(browser.wait_for(f"location.hash === {json.dumps('#' + provision)} && document.readyState === 'complete'", 60),
              "saving leads back to the finding on the report")
        marked = browser.evaluate(f"document.querySelector({row}).textContent")
        check("✎" in (marked or "") and browser.evaluate(f"document.querySelector({row}).className") == "present",
              "the corrected row shows the reviewer's reading with the marker")
        quoted = browser.evaluate(
            f"Array.from(document.querySelectorAll({row} + ' label.quote')).map(l => l.textContent).join(' ')") or ""
        check(" ".join(selected.split())[:30] in " ".join(quoted.split()),
              "the quote kept is the text that was selected")
        check("changed by a reviewer" in browser.evaluate("document.querySelector('#review').textContent"),
              "the review box gives the legend")
        if shot:
            # The corrected finding with its form open, and the rows above it for context.
            browser.evaluate(f"document.querySelector({row} + ' details.review-form').open = true")
            rect = browser.evaluate(f"""(() => {{ const r = document.querySelector({row}).getBoundingClientRect();
                return [r.top + scrollY, r.bottom + scrollY]; }})()""")
            clip = {"x": 0, "y": max(0, rect[0] - 260), "width": 1280, "height": rect[1] - rect[0] + 290, "scale": 1}
            browser.screenshot(shot, clip)
        check.no_page_errors(browser, with_url=False)
    finally:
        browser.close()
    check.finish("review browser")


if __name__ == "__main__":
    main()
