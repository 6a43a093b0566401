// js_calls.mjs -- the official JS client's side of bench/compare.ps1 (short calls, batches, uploads).
//
//   GRADIO_CLIENT_MODULE=.../node_modules/@gradio/client/dist/index.js \
//     node bench/clients/js_calls.mjs URL API DATA_JSON COUNT IN_FLIGHT ROUNDS [WARMUP] [TIMEOUT_SEC]
//
// One process: import the client, Client.connect(URL) once, WARMUP (1) untimed calls (or, as
// "Ns", calls for N seconds in three stretches each followed by 300 ms idle), then
// ROUNDS rounds of COUNT predict(API, DATA) calls with IN_FLIGHT of them running at once (a pool
// of IN_FLIGHT workers taking the next call as one ends). A string "@file:PATH" in DATA_JSON
// becomes handle_file(PATH) (an upload). Prints one JSON object: per round the wall ms of the
// whole round and the median ms of one call, plus import and connect ms. Asserts nothing.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [url, api, dataJson, countArg, inFlightArg, roundsArg, warmupArg = "1", timeoutArg = "600"] = process.argv.slice(2);
const count = Number(countArg), inFlight = Number(inFlightArg), rounds = Number(roundsArg);
const timeoutMs = Number(timeoutArg) * 1000;
const ms = (start) => Math.round((performance.now() - start) * 1000) / 1000;

let t0 = performance.now();
const { Client, handle_file } = await import(pathToFileURL(process.env.GRADIO_CLIENT_MODULE).href);
const importMs = ms(t0);

const data = JSON.parse(dataJson, (k, v) => (typeof v === "string" && v.startsWith("@file:") ? handle_file(v.slice(6)) : v));
function bounded(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${timeoutMs} ms`)), timeoutMs); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

t0 = performance.now();
const client = await bounded(Client.connect(url), "connect");
const connectMs = ms(t0);
const errors = [];
let last = null;
async function call() {
  const start = performance.now();
  try {
    last = (await bounded(client.predict(api.startsWith("/") ? api : "/" + api, data), api)).data?.[0] ?? null;
  } catch (e) {
    errors.push(String(e?.message ?? e));
  }
  return ms(start);
}

if (warmupArg.endsWith("s")) {
  const stretchMs = (Number(warmupArg.slice(0, -1)) * 1000) / 3;
  for (let k = 0; k < 3; k++) {
    const end = performance.now() + stretchMs;
    do await call(); while (performance.now() < end);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
} else for (let i = 0; i < Number(warmupArg); i++) await call();
const results = [];
for (let r = 0; r < rounds; r++) {
  const times = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => { while (next < count) { next++; times.push(await call()); } };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  const wall = ms(start);
  times.sort((a, b) => a - b);
  results.push({ wall_ms: wall, call_ms_median: times[Math.floor(times.length / 2)] });
}
console.log(JSON.stringify({ client: "@gradio/client", import_ms: importMs, connect_ms: connectMs, rounds: results, last, errors: errors.slice(0, 3), error_count: errors.length }));
process.exit(0);
