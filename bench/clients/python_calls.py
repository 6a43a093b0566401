"""python_calls.py -- the official Python client's side of bench/compare.ps1 (short calls, batches, uploads).

    gradio-python bench/clients/python_calls.py URL API DATA_JSON COUNT IN_FLIGHT ROUNDS [WARMUP] [TIMEOUT_SEC]

One process: import gradio_client, Client(URL) once, WARMUP (1) untimed calls (or, as "Ns",
calls for N seconds in three stretches each followed by 300 ms idle), then ROUNDS
rounds of COUNT predict(*DATA, api_name=API) calls with IN_FLIGHT of them running at once
(Client.submit, IN_FLIGHT jobs outstanding). A string "@file:PATH" in DATA_JSON becomes
handle_file(PATH) (an upload). Prints one JSON object: per round the wall ms of the whole round
and the median ms of one call, plus import and connect ms. Asserts nothing.
"""

import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

t0 = time.perf_counter()
from gradio_client import Client, handle_file  # noqa: E402

import_ms = (time.perf_counter() - t0) * 1000


def ms_since(start):
    return round((time.perf_counter() - start) * 1000, 3)


url, api, data_json, count, in_flight, rounds = sys.argv[1:7]
warmup = sys.argv[7] if len(sys.argv) > 7 else "1"
timeout = float(sys.argv[8]) if len(sys.argv) > 8 else 600.0
count, in_flight, rounds = int(count), int(in_flight), int(rounds)


def hook(value):
    if isinstance(value, str) and value.startswith("@file:"):
        return handle_file(value[6:])
    if isinstance(value, list):
        return [hook(v) for v in value]
    return value


data = hook(json.loads(data_json))
start = time.perf_counter()
client = Client(url, verbose=False, download_files=False)
connect_ms = ms_since(start)
errors = []
last = None


def call(_=None):
    global last
    start = time.perf_counter()
    try:
        last = client.submit(*data, api_name=api if api.startswith("/") else "/" + api).result(timeout=timeout)
    except Exception as e:  # noqa: BLE001 -- reported, not raised
        errors.append(str(e))
    return ms_since(start)


if warmup.endswith("s"):
    for _ in range(3):
        end = time.perf_counter() + float(warmup[:-1]) / 3
        call()
        while time.perf_counter() < end:
            call()
        time.sleep(0.3)
else:
    for _ in range(int(warmup)):
        call()
results = []
with ThreadPoolExecutor(max_workers=in_flight) as pool:
    for _ in range(rounds):
        start = time.perf_counter()
        times = sorted(pool.map(call, range(count)))
        results.append({"wall_ms": ms_since(start), "call_ms_median": times[len(times) // 2]})
print(json.dumps({"client": "gradio_client", "import_ms": import_ms, "connect_ms": connect_ms, "rounds": results,
                  "last": last if isinstance(last, (int, float, str)) else str(last), "errors": errors[:3], "error_count": len(errors)}))
