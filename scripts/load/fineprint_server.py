"""Helpers shared by the crash and load scripts: start `fineprint serve` on a loopback port with a
temporary data folder (with an analyst and an API token of theirs, which every request sends),
upload through the JSON API with an idempotency key, and wait for jobs."""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid

# The bearer token of each server's base address, made by `Server.start`.
_tokens = {}


def _authorized(base, headers=None):
    headers = dict(headers or {})
    if base in _tokens:
        headers["Authorization"] = "Bearer " + _tokens[base]
    return headers


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, binary, data_dir, port, log_path):
        self.binary, self.data_dir, self.port, self.log_path = binary, data_dir, port, log_path
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def make_token(self):
        """An analyst and a token of theirs in the data folder (once; a restart keeps them)."""
        if self.base in _tokens:
            return
        password = os.path.join(os.path.dirname(self.log_path), "password")
        with open(password, "w") as f:
            f.write(uuid.uuid4().hex + "\n")
        subprocess.run([self.binary, "users", "add", "load", "--role", "analyst", "--password-file", password,
                        "--data-dir", self.data_dir], check=True, stderr=subprocess.DEVNULL)
        token = subprocess.run([self.binary, "tokens", "create", "--user", "load", "--data-dir", self.data_dir],
                               check=True, capture_output=True, text=True).stdout.strip()
        _tokens[self.base] = token

    def start(self, timeout=120):
        self.make_token()
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--data-dir", self.data_dir, "--port", str(self.port)],
            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"fineprint serve exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("fineprint serve did not answer /health in time")

    def kill9(self):
        self.process.kill()  # SIGKILL: no shutdown handler runs
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def multipart(name, data, profile="tier1", matter=None):
    boundary = uuid.uuid4().hex
    fields = f"--{boundary}\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\n{profile}\r\n"
    if matter:
        fields += f"--{boundary}\r\nContent-Disposition: form-data; name=\"matter\"\r\n\r\n{matter}\r\n"
    head = (fields +
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


_matters = {}


def matter_of(base):
    """One matter per server for the uploads (uploads go into a matter), made on first use."""
    if base not in _matters:
        request = urllib.request.Request(base + "/api/matters", method="POST",
                                         data=json.dumps({"name": "Load test", "kind": "other"}).encode(),
                                         headers=_authorized(base, {"Content-Type": "application/json"}))
        with urllib.request.urlopen(request, timeout=30) as answer:
            _matters[base] = json.load(answer)["id"]
    return _matters[base]


def upload(base, name, data, key, timeout=30):
    """POST /api/analyses; returns (status, job id or None, headers)."""
    body, content_type = multipart(name, data, matter=matter_of(base))
    request = urllib.request.Request(base + "/api/analyses", data=body, method="POST", headers=_authorized(base, {
        "Content-Type": content_type, "Idempotency-Key": key}))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.load(answer).get("id"), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, None, dict(error.headers)


def get_json(base, path, timeout=10):
    request = urllib.request.Request(base + path, headers=_authorized(base))
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return json.load(answer)


def wait_for_jobs(base, ids, timeout=600):
    """Polls until every job is done or failed; returns {id: job}."""
    deadline = time.time() + timeout
    jobs = {}
    while time.time() < deadline:
        jobs = {job_id: get_json(base, f"/api/jobs/{job_id}") for job_id in ids}
        if all(job["state"] in ("done", "failed") for job in jobs.values()):
            return jobs
        time.sleep(0.5)
    raise RuntimeError("jobs still unfinished: " + ", ".join(i for i, j in jobs.items() if j["state"] not in ("done", "failed")))


def all_analyses(base):
    items, offset = [], 0
    while True:
        page = get_json(base, f"/api/analyses?limit=500&offset={offset}")
        items += page["items"]
        offset += len(page["items"])
        if not page["items"] or offset >= page["total"]:
            return items
