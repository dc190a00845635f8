#!/usr/bin/env python3
"""Drives a real headless Chromium through the web workbench: sign in through the login form
(FINEPRINT_USER and FINEPRINT_PASSWORD), open the upload page, choose a contract file, submit the
form, create a matter and upload to it, check the report page shows highlighted evidence and the score, sign out, and check the
report then leads to the login page, with no script or Content-Security-Policy errors on the way.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
separated by NUL bytes on file descriptors 3 and 4), so only Python's standard library is needed.

Usage: upload_report.py BASE_URL CONTRACT_FILE [SCREENSHOT_DIR]
Exit status 0 when every check passes, 1 with the failed checks listed otherwise.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self):
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            sys.exit("chromium is not installed (apt-get install chromium)")
        self.profile = tempfile.mkdtemp(prefix="fineprint-chromium-")
        # fds 3 (commands to Chromium) and 4 (replies and events from it).
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        os.set_inheritable(to_chrome_r, True)
        os.set_inheritable(from_chrome_w, True)

        def child_fds():
            # Runs in the child before it closes every descriptor not in pass_fds: move the pipe
            # ends out of the way first, so neither is overwritten, then onto 3 and 4.
            r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--window-size=1280,1600", f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=child_fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.evaluate(expression):
                    return True
            except RuntimeError:
                pass  # the page is between documents
            time.sleep(0.2)
        return False

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, contract = sys.argv[1].rstrip("/"), os.path.abspath(sys.argv[2])
    shots = sys.argv[3] if len(sys.argv) > 3 else None
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
        browser.send("Page.navigate", {"url": base + "/"})
        check(browser.wait_for("location.pathname === '/login' && !!document.querySelector('form.login')"),
              "an anonymous visit is sent to the login page")
        user, password = os.environ.get("FINEPRINT_USER", ""), os.environ.get("FINEPRINT_PASSWORD", "")
        browser.evaluate(f"document.querySelector('#name').value = {json.dumps(user)}")
        browser.evaluate(f"document.querySelector('#password').value = {json.dumps(password)}")
        browser.evaluate("document.querySelector('form.login button[type=submit]').click()")
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
            import base64
            data = browser.send("Page.captureScreenshot", {"format": "png"})["data"]
            with open(os.path.join(shots, "browser-report.png"), "wb") as f:
                f.write(base64.b64decode(data))

        browser.evaluate("document.querySelector('.session form button[type=submit]').click()")
        check(browser.wait_for("location.pathname === '/login' && document.readyState === 'complete'", 30),
              "signing out leads to the login page")
        browser.send("Page.navigate", {"url": report})
        check(browser.wait_for("location.pathname === '/login' && !!document.querySelector('form.login')", 30)
              and browser.evaluate("!document.querySelector('pre.text')"),
              "after signing out the report is no longer reachable")

        errors = [e["params"]["entry"]["text"] + " " + e["params"]["entry"].get("url", "") for e in browser.events
                  if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
        errors += [str(e["params"]) for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
        check(not errors, "no script or Content-Security-Policy errors" + (f": {errors[:3]}" if errors else ""))
    finally:
        browser.close()
    if failures:
        print(f"{len(failures)} browser check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("browser test passed")


if __name__ == "__main__":
    main()
