"""/health latency while uploads are analysed: probes every 20 ms from the burst until every job is
finished or WINDOW seconds have passed. Usage: health_under_load.py BINARY [UPLOADS] [WINDOW]"""

import concurrent.futures
import os
import shutil
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from fineprint_server import Server, free_port, get_json, upload  # noqa: E402

binary = os.path.abspath(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
window = float(sys.argv[3]) if len(sys.argv) > 3 else 600
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = open(os.path.join(root, "Tests/Fixtures/contracts/long-master-services-agreement.txt"), "rb").read()
folder = tempfile.mkdtemp(prefix="fineprint-health-")
server = Server(binary, os.path.join(folder, "data"), free_port(), os.path.join(folder, "server.log"))
latencies, done = [], threading.Event()


def probe():
    while not done.is_set():
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(server.base + "/health", timeout=30) as answer:
                answer.read()
        except OSError:
            pass  # a timeout counts, with the time it took
        latencies.append((started, time.perf_counter() - started))
        time.sleep(0.02)


try:
    server.start()
    prober = threading.Thread(target=probe)
    prober.start()
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
        answers = list(pool.map(lambda i: upload(server.base, f"msa-{i}.txt", data, f"load-{i}"), range(count)))
    acknowledged_at = time.perf_counter()
    acknowledged = acknowledged_at - started
    ids = {job_id for status, job_id, _ in answers if status == 202}
    while True:
        jobs = {job_id: get_json(server.base, f"/api/jobs/{job_id}") for job_id in ids}
        finished = all(job["state"] in ("done", "failed") for job in jobs.values())
        if finished or time.perf_counter() - started > window:
            break
        time.sleep(1)
    elapsed = time.perf_counter() - started
    done.set()
    prober.join()
    states = [j["state"] for j in jobs.values()]
    print(f"{count} uploads of {len(data)} bytes: {len(ids)} acknowledged in {acknowledged:.2f} s; "
          f"after {elapsed:.1f} s {states.count('done')} done, {states.count('failed')} failed, "
          f"{len(states) - states.count('done') - states.count('failed')} still queued or running")
    # The burst (uploads being received and stored) and the analysis after it, apart and together.
    phases = [("during the upload burst", [l for t, l in latencies if t < acknowledged_at]),
              ("while analysing, after the burst", [l for t, l in latencies if t >= acknowledged_at]),
              ("overall", [l for _, l in latencies])]
    for label, values in phases:
        if not values:
            continue
        ordered = sorted(values)
        pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000
        print(f"/health {label}: {len(ordered)} requests, p50 {pick(0.50):.1f} ms, "
              f"p99 {pick(0.99):.1f} ms, max {ordered[-1] * 1000:.1f} ms")
finally:
    done.set()
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)
