#!/usr/bin/env python3
"""Requests per second of one address over keep-alive connections from several threads, signed in
by a session cookie, by a bearer token, or not at all; and the time of a login (bcrypt).

    auth_overhead.py BASE_URL PATH [--cookie VALUE] [--token VALUE] [--threads 8] [--seconds 10]
    auth_overhead.py BASE_URL --login NAME PASSWORD [--times 10]

Only Python's standard library: no ab or wrk is needed."""
import argparse
import http.client
import re
import threading
import time
import urllib.parse


def hammer(base, path, headers, threads, seconds):
    url = urllib.parse.urlsplit(base)
    counts, statuses = [0] * threads, set()
    stop = time.time() + seconds

    def worker(index):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        while time.time() < stop:
            connection.request("GET", path, headers=headers)
            answer = connection.getresponse()
            answer.read()
            statuses.add(answer.status)
            counts[index] += 1

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    start = time.time()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sum(counts) / (time.time() - start), statuses


def login(base, name, password, times):
    url = urllib.parse.urlsplit(base)
    durations = []
    for _ in range(times):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        connection.request("GET", "/login")
        page = connection.getresponse()
        body = page.read().decode()
        cookie = re.search(r"fineprint_login=([^;]+)", page.getheader("Set-Cookie")).group(1)
        csrf = re.search(r'name="csrf" value="([^"]+)"', body).group(1)
        form = urllib.parse.urlencode({"name": name, "password": password, "csrf": csrf, "next": "/"})
        started = time.time()
        connection.request("POST", "/login", body=form, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": "fineprint_login=" + cookie})
        answer = connection.getresponse()
        answer.read()
        durations.append(time.time() - started)
        assert answer.status == 303, answer.status
    durations.sort()
    return durations[len(durations) // 2], durations[0], durations[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("path", nargs="?")
    parser.add_argument("--cookie")
    parser.add_argument("--token")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--login", nargs=2, metavar=("NAME", "PASSWORD"))
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    if args.login:
        median, low, high = login(args.base, *args.login, args.times)
        print(f"login: median {median * 1000:.0f} ms (min {low * 1000:.0f}, max {high * 1000:.0f}) over {args.times}")
        return
    headers = {}
    if args.cookie:
        headers["Cookie"] = "fineprint_session=" + args.cookie
    if args.token:
        headers["Authorization"] = "Bearer " + args.token
    rate, statuses = hammer(args.base, args.path, headers, args.threads, args.seconds)
    print(f"{args.path}: {rate:.0f} requests/s, statuses {sorted(statuses)}")


if __name__ == "__main__":
    main()
