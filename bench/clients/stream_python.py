"""stream_python.py -- the official gradio_client's side of bench/workloads/stream.ps1.

    gradio-python bench/clients/stream_python.py URL EVENTS ROUNDS [TIMEOUT_SEC]

One process: Client(url) once, one warm-up call of 1,000 events, then ROUNDS calls of
/count(EVENTS) through submit(), each timed from submit() to result() while a callback counts
the outputs. Prints one JSON object: times_ms, events (per round), peak_mb (VmHWM of
/proc/self/status: on Linux ru_maxrss keeps the forking parent's resident size across exec, so a
pwsh parent's 400 MB would show; ru_maxrss where there is no /proc).
"""
import json
import resource
import sys
import time

from gradio_client import Client

url, events, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 300.0
client = Client(url, verbose=False)


def once(n):
    start = time.perf_counter()
    job = client.submit(n, api_name="/count")
    job.result(timeout=timeout)
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, len(job.outputs())


once(1000)
times, counts = [], []
for _ in range(rounds):
    ms, count = once(events)
    times.append(ms)
    counts.append(count)


def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


print(json.dumps({"times_ms": times, "events": counts, "peak_mb": peak_mb()}))
