// stream_js.mjs -- the official JS client's side of bench/workloads/stream.ps1.
//
//   GRADIO_CLIENT_MODULE=.../@gradio/client/dist/index.js node bench/clients/stream_js.mjs URL EVENTS ROUNDS [TIMEOUT_SEC]
//
// One process: Client.connect() once, one warm-up call of 1,000 events, then ROUNDS calls of
// /count(EVENTS), each timed from submit() to its last event (performance.now()) while counting
// the data events. Prints one JSON object: times_ms, events (per round), peak_mb (VmHWM of
// /proc/self/status: on Linux maxRSS keeps the forking parent's resident size across exec;
// maxRSS where there is no /proc).
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";

const [url, eventsArg, roundsArg, timeoutArg = "300"] = process.argv.slice(2);
const events = Number(eventsArg), rounds = Number(roundsArg), timeoutMs = Number(timeoutArg) * 1000;
const { Client } = await import(pathToFileURL(process.env.GRADIO_CLIENT_MODULE).href);
const client = await Client.connect(url);

async function once(n) {
  const start = performance.now();
  let count = 0;
  const job = client.submit("/count", [n]);
  const timer = setTimeout(() => { job.cancel(); }, timeoutMs);
  try {
    for await (const msg of job) {
      if (msg.type === "data") count++;
      else if (msg.type === "status" && (msg.stage === "complete" || msg.stage === "error")) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return [performance.now() - start, count];
}

await once(1000);
const times = [], counts = [];
for (let i = 0; i < rounds; i++) {
  const [ms, count] = await once(events);
  times.push(ms);
  counts.push(count);
}
function peakMb() {
  try {
    const hwm = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+)/m);
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
}
console.log(JSON.stringify({ times_ms: times, events: counts, peak_mb: peakMb() }));
process.exit(0);
