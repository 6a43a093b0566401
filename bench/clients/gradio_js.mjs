// gradio_js.mjs -- the official JS client's side of bench/call-latency.ps1.
//
//   GRADIO_CLIENT_MODULE=/tmp/x/node_modules/@gradio/client/dist/index.js \
//     node bench/clients/gradio_js.mjs SHORT_URL STREAM_URL N STREAM_N WARMUP [TIMEOUT_SEC]
//
// One process: Client.connect() once per app, then WARMUP + N sequential predict() calls of
// /add_numbers(1.5, 2) and WARMUP + STREAM_N of /Op1("1"). Times are taken inside the process
// (performance.now()), so Node's start-up is not in them; importing the client and
// Client.connect() are reported separately. Prints one JSON object on stdout; asserts nothing.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const modulePath = process.env.GRADIO_CLIENT_MODULE;
if (!modulePath) {
  console.error("GRADIO_CLIENT_MODULE must name @gradio/client's dist/index.js");
  process.exit(2);
}
const [shortUrl, streamUrl, nArg, streamNArg, warmupArg, timeoutArg = "60"] = process.argv.slice(2);
const n = Number(nArg), streamN = Number(streamNArg), warmup = Number(warmupArg);
const timeoutMs = Number(timeoutArg) * 1000;
const ms = (start) => Math.round((performance.now() - start) * 1000) / 1000;

const t0 = performance.now();
const { Client } = await import(pathToFileURL(modulePath).href);
const importMs = ms(t0);
const version = JSON.parse(readFileSync(join(dirname(modulePath), "..", "package.json"), "utf8")).version;

function bounded(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function connect(url) {
  const start = performance.now();
  const client = await bounded(Client.connect(url), `connect ${url}`);
  return [client, ms(start)];
}

async function run(client, endpoint, data, count) {
  const times = [];
  const errors = [];
  let last = null;
  for (let i = 0; i < warmup + count; i++) {
    const start = performance.now();
    try {
      last = (await bounded(client.predict(endpoint, data), endpoint)).data?.[0] ?? null;
    } catch (e) {
      errors.push(String(e?.message ?? e));
      last = null;
    }
    const elapsed = ms(start);
    if (i >= warmup) times.push(elapsed);
  }
  return { times_ms: times, last, errors: errors.slice(0, 3) };
}

const out = { client: `@gradio/client ${version} (node ${process.version})`, import_ms: importMs };
const [shortClient, connectMs] = await connect(shortUrl);
out.connect_ms = connectMs;
const [again, connectAgainMs] = await connect(shortUrl);
out.connect_again_ms = connectAgainMs;
again.close?.();
const [streamClient, connectStreamMs] = await connect(streamUrl);
out.connect_stream_ms = connectStreamMs;
out.short = await run(shortClient, "/add_numbers", [1.5, 2], n);
out.stream = await run(streamClient, "/Op1", ["1"], streamN);
shortClient.close?.();
streamClient.close?.();
console.log(JSON.stringify(out));
// The client can keep an event stream open; the numbers are out, so leave now.
process.exit(0);
