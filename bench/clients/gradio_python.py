"""gradio_python.py -- the official Python client's side of bench/call-latency.ps1.

    gradio-python bench/clients/gradio_python.py SHORT_URL STREAM_URL N STREAM_N WARMUP [TIMEOUT_SEC]

One process, one Client per app, built once; then WARMUP + N sequential
Client.predict() calls of /add_numbers(1.5, 2) on SHORT_URL and WARMUP + STREAM_N of
/Op1("1") on STREAM_URL. Times are taken inside the process (time.perf_counter), so
interpreter start-up is not in them: it is reported as "import_ms" (importing
gradio_client) and, separately, "connect_ms" (Client() construction: /config, /info,
the heartbeat thread). Prints one JSON object on stdout; asserts nothing.
"""

import json
import sys
import time

t0 = time.perf_counter()
from concurrent.futures import TimeoutError as FutureTimeout  # noqa: E402

import gradio_client  # noqa: E402
from gradio_client import Client  # noqa: E402

import_ms = (time.perf_counter() - t0) * 1000


def ms_since(start):
    return round((time.perf_counter() - start) * 1000, 3)


def connect(url):
    start = time.perf_counter()
    client = Client(url, verbose=False, download_files=False)
    return client, ms_since(start)


def run(client, args, api_name, n, warmup, timeout):
    times, last, errors = [], None, []
    for i in range(warmup + n):
        start = time.perf_counter()
        try:
            # predict() is submit().result(); the timeout bounds a stuck call.
            last = client.submit(*args, api_name=api_name).result(timeout=timeout)
        except (FutureTimeout, Exception) as exc:  # noqa: BLE001 -- a benchmark reports, it does not stop
            errors.append(f"{type(exc).__name__}: {exc}")
            last = None
        elapsed = ms_since(start)
        if i >= warmup:
            times.append(elapsed)
    return {"times_ms": times, "last": last, "errors": errors[:3]}


def main():
    short_url, stream_url = sys.argv[1], sys.argv[2]
    n, stream_n, warmup = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 60.0
    out = {"client": f"gradio_client {gradio_client.__version__}", "import_ms": round(import_ms, 3)}
    short_client, out["connect_ms"] = connect(short_url)
    # A second Client() to the same app: what construction costs once the code paths are warm.
    second, out["connect_again_ms"] = connect(short_url)
    second.close()
    stream_client, out["connect_stream_ms"] = connect(stream_url)
    try:
        out["short"] = run(short_client, (1.5, 2), "/add_numbers", n, warmup, timeout)
        out["stream"] = run(stream_client, ("1",), "/Op1", stream_n, warmup, timeout)
    finally:
        short_client.close()
        stream_client.close()
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
