#!/usr/bin/env python3
"""Load test of `wardspc serve` on loopback: many uploads at once, every one answered.

Starts `wardspc serve --port 0` (this computer only), then at the same moment sends
UPLOADS concurrent uploads (the sample programme's wards.csv, to /report, /analyze and
/evaluate in turn) while a prober asks GET /health every quarter of a second and a sampler
reads the server's resident memory (VmRSS) every tenth of a second. It checks:

  - every upload is answered, 200 or 503 (with Retry-After), none dropped or reset;
  - every /health probe answers 200 within a second, throughout;
  - the server's peak resident memory stays under --max-rss-mb;
  - after the last answer the server goes back to idle (no job running).

Bounded in time (--seconds, default 120) and loopback only. Prints the figures; exits 0
when every check passes, 1 otherwise. Usage (after `make release`):

  scripts/serve_load_test.py [--wardspc .build/release/wardspc] [--uploads 200]
"""

import argparse
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def multipart(fields):
    boundary = "----wardspc-load-" + uuid.uuid4().hex
    parts = []
    for name, filename, data in fields:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
        if filename is not None:
            head += f'; filename="{filename}"\r\nContent-Type: text/csv'
        parts.append(head.encode() + b"\r\n\r\n" + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wardspc", default=os.path.join(ROOT, ".build/release/wardspc"))
    parser.add_argument("--uploads", type=int, default=200, help="concurrent uploads (default 200)")
    parser.add_argument("--file", default=os.path.join(ROOT, "SampleData/wards.csv"), help="the data file uploaded")
    parser.add_argument("--seconds", type=float, default=120, help="the whole test's time limit (default 120)")
    parser.add_argument("--max-rss-mb", type=float, default=1500, help="peak server memory allowed (default 1500)")
    parser.add_argument("--serve-args", default="", help="extra flags for wardspc serve, e.g. '--workers 2 --queue 8'")
    args = parser.parse_args()

    started = time.monotonic()
    server = subprocess.Popen([args.wardspc, "serve", "--host", "127.0.0.1", "--port", "0"] + args.serve_args.split(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    port = None
    while time.monotonic() - started < 60:
        line = server.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
        if server.poll() is not None:
            break
    if port is None:
        print("the server did not start", file=sys.stderr)
        server.kill()
        return 1
    threading.Thread(target=lambda: server.stderr.read(), daemon=True).start()

    with open(args.file, "rb") as data:
        content_type, body = multipart([("file", os.path.basename(args.file), data.read())])
    endpoints = ["/report", "/analyze", "/evaluate"]
    idle_rss = rss_kib(server.pid)
    results = [None] * args.uploads
    probes = []
    peak_rss = [idle_rss]
    done = threading.Event()
    go = threading.Barrier(args.uploads + 1)

    def upload(index):
        go.wait()
        begun = time.monotonic()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=args.seconds)
            connection.request("POST", endpoints[index % len(endpoints)], body=body,
                               headers={"Content-Type": content_type})
            response = connection.getresponse()
            response.read()
            results[index] = (response.status, response.getheader("Retry-After"), time.monotonic() - begun)
            connection.close()
        except Exception as error:  # a dropped or reset connection is a failure
            results[index] = ("dropped: " + type(error).__name__, None, time.monotonic() - begun)

    def probe():
        while not done.is_set():
            begun = time.monotonic()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/health")
                response = connection.getresponse()
                response.read()
                probes.append((response.status, time.monotonic() - begun))
                connection.close()
            except Exception as error:
                probes.append(("failed: " + type(error).__name__, time.monotonic() - begun))
            time.sleep(0.25)

    def sample_memory():
        while not done.is_set():
            peak_rss[0] = max(peak_rss[0], rss_kib(server.pid))
            time.sleep(0.1)

    threads = [threading.Thread(target=upload, args=(index,)) for index in range(args.uploads)]
    for thread in threads:
        thread.start()
    helpers = [threading.Thread(target=probe), threading.Thread(target=sample_memory)]
    for helper in helpers:
        helper.start()
    go.wait()
    load_started = time.monotonic()
    for thread in threads:
        thread.join(timeout=max(1, args.seconds - (time.monotonic() - started)))
    answered_after = time.monotonic() - load_started

    # Back to idle: /health reports no job running.
    idle_after = None
    while time.monotonic() - started < args.seconds:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health")
            health = json.loads(connection.getresponse().read())
            connection.close()
            if health.get("running") == 0 and health.get("waiting") == 0:
                idle_after = time.monotonic() - load_started
                break
        except Exception:
            pass
        time.sleep(0.1)
    done.set()
    for helper in helpers:
        helper.join()
    final_rss = rss_kib(server.pid)
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()

    statuses = {}
    for result in results:
        key = result[0] if result else "no answer"
        statuses[key] = statuses.get(key, 0) + 1
    dropped = sum(count for key, count in statuses.items() if key not in (200, 503))
    busy_without_retry = sum(1 for result in results if result and result[0] == 503 and not result[1])
    slow_probes = [p for p in probes if p[0] != 200 or p[1] >= 1.0]
    slowest_probe = max((p[1] for p in probes), default=0)
    slowest_200 = max((r[2] for r in results if r and r[0] == 200), default=0)

    print(f"uploads: {args.uploads} of {os.path.basename(args.file)} ({len(body) / 1_048_576:.1f} MB each), "
          f"to {', '.join(endpoints)} in turn; serve {args.serve_args or '(defaults)'}")
    print(f"answers: " + ", ".join(f"{key}: {count}" for key, count in sorted(statuses.items(), key=str)))
    print(f"all answered after {answered_after:.1f} s (slowest 200: {slowest_200:.1f} s); "
          f"idle (no job running) after {idle_after if idle_after is None else round(idle_after, 1)} s")
    print(f"/health: {len(probes)} probes, slowest {slowest_probe * 1000:.0f} ms, {len(slow_probes)} over 1 s or failed")
    print(f"server memory (VmRSS): idle {idle_rss / 1024:.0f} MB, peak {peak_rss[0] / 1024:.0f} MB, "
          f"after {final_rss / 1024:.0f} MB (bound checked: {args.max_rss_mb:.0f} MB)")
    failures = []
    if dropped:
        failures.append(f"{dropped} uploads not answered 200 or 503")
    if busy_without_retry:
        failures.append(f"{busy_without_retry} 503s without Retry-After")
    if slow_probes or not probes:
        failures.append(f"{len(slow_probes)} /health probes over 1 s or failed")
    if peak_rss[0] / 1024 > args.max_rss_mb:
        failures.append(f"peak memory {peak_rss[0] / 1024:.0f} MB over {args.max_rss_mb:.0f} MB")
    if idle_after is None:
        failures.append("the server did not return to idle")
    for failure in failures:
        print("FAIL: " + failure)
    print("PASS" if not failures else "FAILED")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
