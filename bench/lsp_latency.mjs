// Editor latency: time from a one-character didChange to the publishDiagnostics that follows it,
// for kflint and (side by side, same file, same edits) yaml-language-server with the TFJob schema.
//   node lsp_latency.mjs --server kflint|yamlls --kflint path --file manifest.yaml [--edits 60]
// Prints one JSON line: {server, lines, documents, edits, open_ms, median_ms, p95_ms, max_ms, peak_rss_mb, ...}.
// open_ms: didOpen to the first diagnostics (with --edits 0 the throughput figure of cli_bench.py);
// open_sent_ms: of it, until the client had written the didOpen (its own JSON.stringify, UTF-8
// encoding and writes: what any server waits for), so open_ms - open_sent_ms is the server's part;
// client_floor_ms: the same message written by the same writer into `cat`, before the server starts.
// kflint's trace ($/logTrace) splits each publication into analysis, building the message and
// writing it (the push model's floor: the whole set is written for every change).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node.js";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(args.file);
const uri = pathToFileURL(file).href;
const text = readFileSync(file, "utf8");
const edits = Number(args.edits ?? 60);
const serverName = args.server ?? "kflint";

// The client's own floor for opening the file: the same didOpen written by the same writer into a
// process that only reads it (`cat`), timed until the write resolves. No server can answer sooner.
async function clientFloorMs() {
  const sink = spawn("cat", [], { stdio: ["pipe", "ignore", "ignore"] });
  const writer = new StreamMessageWriter(sink.stdin);
  const t0 = process.hrtime.bigint();
  await writer.write({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "yaml", version: 1, text } } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  writer.dispose();
  sink.stdin.end();
  await new Promise((resolve) => sink.on("close", resolve));
  return ms;
}
const floorMs = await clientFloorMs();

const cmd = serverName === "kflint" ? [args.kflint, ["lsp"]] : [process.execPath, [path.join(here, "node_modules/yaml-language-server/bin/yaml-language-server"), "--stdio"]];
const proc = spawn(cmd[0], cmd[1], { stdio: ["pipe", "pipe", "ignore"] });
const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
const schemaUri = pathToFileURL(path.resolve(here, "../schema/generated/tfjob.schema.json")).href;
const settings = { yaml: { validate: true, hover: false, completion: false, schemas: { [schemaUri]: "*.yaml" }, schemaStore: { enable: false }, maxItemsComputed: 5000 } };
conn.onRequest("workspace/configuration", (p) => p.items.map((i) => (i.section ? settings[i.section] ?? null : settings)));
conn.onRequest("client/registerCapability", () => null);
conn.onRequest("window/workDoneProgress/create", () => null);
let resolvePublish = null;
// kflint's own account of each keystroke ($/logTrace with tracing on), in ms.
const traces = [];
conn.onNotification("$/logTrace", (p) => {
  const m = /received ([\d.]+) ms, decoded ([\d.]+) ms, edits applied ([\d.]+) ms, analysis ([\d.]+) ms .*publication ([\d.]+) ms \((\d+) diagnostics, (\d+) serialized.*building ([\d.]+) ms, writing ([\d.]+) ms/.exec(p.message || "");
  if (m) {
    const [received, decoded, edit, analysis, publication, diagnostics, serialized, building, writing] = m.slice(1).map(Number);
    traces.push({ received, decoded, edit, analysis, publication, diagnostics, serialized, building, writing });
  }
});
conn.onNotification("textDocument/publishDiagnostics", (p) => {
  if (p.uri === uri && resolvePublish) resolvePublish(p);
});
conn.listen();
const nextPublish = (timeoutMs = 60000) =>
  new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("timeout waiting for diagnostics")), timeoutMs);
    resolvePublish = (p) => { clearTimeout(t); resolvePublish = null; resolve(p); };
  });

function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch { return null; }
}

await conn.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(path.dirname(file)).href, capabilities: { workspace: { configuration: true } } });
conn.sendNotification("initialized", {});
conn.sendNotification("workspace/didChangeConfiguration", { settings });
if (serverName === "kflint") conn.sendNotification("$/setTrace", { value: "messages" });
let waiting = nextPublish(900000);
const opened = process.hrtime.bigint();
const sent = conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
let sentMs = null;
sent.then(() => { sentMs = Number(process.hrtime.bigint() - opened) / 1e6; });
await waiting;
const openMs = Number(process.hrtime.bigint() - opened) / 1e6;
await sent;

// Edits alternate between inserting and deleting one character in `name:` values spread over
// the file, so every edit changes one document and the text stays realistic.
const lines = text.split("\n");
const targets = lines.map((l, i) => [l, i]).filter(([l]) => /^  name: /.test(l)).map(([, i]) => i);
const times = [];
let version = 1;
for (let k = 0; k < edits; k++) {
  const line = targets[(k * 7) % targets.length];
  const insert = k % 2 === 0;
  const change = insert
    ? { range: { start: { line, character: 8 }, end: { line, character: 8 } }, text: "x" }
    : { range: { start: { line, character: 8 }, end: { line, character: 9 } }, text: "" };
  waiting = nextPublish();
  const t0 = process.hrtime.bigint();
  conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: ++version }, contentChanges: [change] });
  await waiting;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const edited = traces.slice(1);  // the first is the open
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const pct = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))] : 0);
const rss = peakRssMb(proc.pid);
await conn.sendRequest("shutdown");
conn.sendNotification("exit");
setTimeout(() => proc.kill(), 2000).unref();
const open = traces[0] ?? {};
const ms = (x) => (x == null ? null : +x.toFixed(2));
console.log(JSON.stringify({ server: serverName, lines: lines.length, documents: (text.match(/^kind: /gm) || []).length, edits, open_ms: +openMs.toFixed(1),
  open_sent_ms: ms(sentMs), client_floor_ms: ms(floorMs), median_ms: +pct(0.5).toFixed(2), p95_ms: +pct(0.95).toFixed(2), max_ms: +(times.length ? times[times.length - 1] : 0).toFixed(2),
  peak_rss_mb: rss && +rss.toFixed(1), size_mb: +(Buffer.byteLength(text) / 1e6).toFixed(1), diagnostics: open.diagnostics ?? null,
  decoded_median_ms: median(edited.map((t) => t.decoded)), edit_median_ms: median(edited.map((t) => t.edit)), analysis_median_ms: median(edited.map((t) => t.analysis)), publish_median_ms: median(edited.map((t) => t.publication)),
  building_median_ms: median(edited.map((t) => t.building)), writing_median_ms: median(edited.map((t) => t.writing)),
  serialized_median: median(edited.map((t) => t.serialized)),
  open_received_ms: open.received ?? null, open_decoded_ms: open.decoded ?? null, open_analysis_ms: open.analysis ?? null, open_publish_ms: open.publication ?? null }));
conn.dispose();
