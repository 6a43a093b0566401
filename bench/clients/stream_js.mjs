// stream_js.mjs -- the official JS client's side of bench/workloads/stream.ps1.
//
//   GRADIO_CLIENT_MODULE=.../@gradio/client/dist/index.js node bench/clients/stream_js.mjs URL EVENTS ROUNDS [TIMEOUT_SEC]
//
// One process: Client.connect() once, one warm-up call of 1,000 events, then ROUNDS calls of
// /count(EVENTS), each timed from submit() to its last event (performance.now()) while counting
// the data events. Prints one JSON object: times_ms, events (per round), peak_mb (maxRSS).
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

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
console.log(JSON.stringify({ times_ms: times, events: counts, peak_mb: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
