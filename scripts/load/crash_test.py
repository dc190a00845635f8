"""kill -9 during a burst of uploads: every acknowledged upload ends as exactly one analysis, a retry
with the same idempotency key returns the same job, and nothing is half-made.
Usage: crash_test.py BINARY [UPLOADS] [KILL_AFTER]"""

import concurrent.futures
import http.client
import os
import shutil
import sqlite3
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(__file__))
from fineprint_server import Server, all_analyses, free_port, get_json, upload, wait_for_jobs  # noqa: E402

binary = os.path.abspath(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
kill_after = int(sys.argv[3]) if len(sys.argv) > 3 else count // 2
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
base_text = open(os.path.join(root, "Tests/Fixtures/contracts/sovereign-framework-agreement.txt"), "rb").read()
folder = tempfile.mkdtemp(prefix="fineprint-crash-")
server = Server(binary, os.path.join(folder, "data"), free_port(), os.path.join(folder, "server.log"))
# Distinct bytes per upload, so each is its own document.
uploads = [(f"key-{i:03d}", f"contract-{i:03d}.txt", base_text + f"\n\nSchedule {i}.\n".encode()) for i in range(count)]
acknowledged, lock, sent = {}, threading.Lock(), [0]


def send(item):
    key, name, data = item
    try:
        status, job_id, _ = upload(server.base, name, data, key, timeout=20)
    except (OSError, http.client.HTTPException):
        return  # no answer, or one cut off by the kill: the client does not know, and will retry
    with lock:
        sent[0] += 1
        if status == 202 and job_id:
            acknowledged[key] = job_id
        if sent[0] == kill_after:
            server.kill9()


try:
    server.start()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(send, uploads))
    if server.process.poll() is None:
        server.kill9()
    print(f"before the kill: {len(acknowledged)} of {count} uploads acknowledged")
    server.start()
    final = {}
    for key, name, data in uploads:  # every upload again, acknowledged or not, with its key
        status, job_id, _ = upload(server.base, name, data, key)
        assert status == 202 and job_id, f"retry of {key} answered {status}"
        if key in acknowledged:
            assert job_id == acknowledged[key], f"{key}: retry made job {job_id}, first answer was {acknowledged[key]}"
        final[key] = job_id
    jobs = wait_for_jobs(server.base, set(final.values()))
    assert len(set(final.values())) == count, "two keys share a job"
    failed = [j["id"] for j in jobs.values() if j["state"] != "done"]
    assert not failed, f"jobs not done: {failed}"
    job_analyses = [a["id"] for j in jobs.values() for a in j["analyses"]]
    assert len(job_analyses) == count == len(set(job_analyses)), "a job has no analysis, or two share one"
    stored = all_analyses(server.base)
    names = [a["documentName"] for a in stored]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert len(stored) == count, f"{len(stored)} analyses stored for {count} uploads; duplicated: {duplicates}"
    for analysis_id in job_analyses:
        get_json(server.base, f"/api/analyses/{analysis_id}")  # readable whole, with its document
    server.stop()
    database = sqlite3.connect(os.path.join(folder, "data", "fineprint.sqlite"))
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    columns = {row[1] for row in database.execute("PRAGMA table_info(analysis)")}
    column = "document_sha256" if "document_sha256" in columns else "documentSha256"
    orphans = database.execute(
        f"SELECT count(*) FROM analysis WHERE {column} NOT IN (SELECT sha256 FROM document)").fetchone()[0]
    assert orphans == 0, f"{orphans} analyses without their document"
    # The queue lives in the store's own database file.
    assert not os.path.exists(os.path.join(folder, "data", "jobs.sqlite")), "a separate jobs.sqlite was made"
    unfinished = database.execute("SELECT count(*) FROM analysis_job WHERE state != 'done'").fetchone()[0]
    assert unfinished == 0, f"{unfinished} jobs in fineprint.sqlite not done"
    print(f"crash test passed: {count} uploads, {len(acknowledged)} acknowledged before kill -9, "
          f"{count} jobs, {count} analyses, no duplicates, integrity ok")
finally:
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)
