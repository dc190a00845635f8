"""The headless Chromium every browser test drives, and what the tests share: a tab, signing in through
the login form, the checks they print and count, the script errors the page logged, screenshots.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
separated by NUL bytes on file descriptors 3 and 4), so only Python's standard library is needed.
"""
import base64
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

    def open_tab(self):
        """Opens a blank tab, attaches to it and enables the domains the tests read."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "DOM"):
            self.send(domain + ".enable")

    def submit_login(self, user, password):
        """Fills the login form on the current page and submits it."""
        self.evaluate(f"document.querySelector('#name').value = {json.dumps(user)}")
        self.evaluate(f"document.querySelector('#password').value = {json.dumps(password)}")
        self.evaluate("document.querySelector('form.login button[type=submit]').click()")

    def sign_in(self, base, user, password):
        """Opens the login page, signs in and waits to leave it."""
        self.send("Page.navigate", {"url": base + "/login"})
        self.wait_for("!!document.querySelector('form.login')")
        self.submit_login(user, password)
        self.wait_for("location.pathname !== '/login' && document.readyState === 'complete'")

    def page_errors(self, with_url=True):
        """Script errors and Content-Security-Policy reports the pages logged so far."""
        errors = [e["params"]["entry"]["text"] + (" " + e["params"]["entry"].get("url", "") if with_url else "")
                  for e in self.events
                  if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
        errors += [str(e["params"]) for e in self.events if e.get("method") == "Runtime.exceptionThrown"]
        return errors

    def screenshot(self, path, clip=None):
        """Saves the viewport, or the clip (x, y, width, height, scale) beyond it, as a PNG."""
        params = {"format": "png"}
        if clip:
            params.update({"clip": clip, "captureBeyondViewport": True})
        data = self.send("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def credentials():
    """The account the tests sign in with: FINEPRINT_USER and FINEPRINT_PASSWORD."""
    return os.environ.get("FINEPRINT_USER", ""), os.environ.get("FINEPRINT_PASSWORD", "")


class Checks:
    """Prints each check as it is made and ends the test with the failures counted."""

    def __init__(self):
        self.failures = []

    def __call__(self, condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            self.failures.append(what)

    def no_page_errors(self, browser, with_url=True):
        errors = browser.page_errors(with_url)
        self(not errors, "no script or Content-Security-Policy errors" + (f": {errors[:3]}" if errors else ""))

    def finish(self, name):
        """Exit status 1 with the failures counted, else 0 with `name` passed."""
        if self.failures:
            print(f"{len(self.failures)} {name} check(s) failed", file=sys.stderr)
            sys.exit(1)
        print(f"{name} test passed")
