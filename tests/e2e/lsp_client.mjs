// End-to-end over real stdio with the JSON-RPC and protocol libraries VS Code uses: start
// `kflint lsp`, open a manifest, read diagnostics, edit, request a code action and apply it,
// hover, complete, shut down. Usage: node lsp_client.mjs path/to/kflint
import { spawn } from "node:child_process";
import fs, { readFileSync } from "node:fs";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node.js";
import {
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, CodeActionRequest, HoverRequest, CompletionRequest, DocumentSymbolRequest,
  ShutdownRequest, ExitNotification,
} from "vscode-languageserver-protocol";

const kflint = process.argv[2];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const file = path.join(root, "examples/bad/tfjob-typos.yaml");
const uri = pathToFileURL(file).href;
let text = readFileSync(file, "utf8");
let passed = 0;
const check = (name, fn) => { fn(); passed++; console.log(`ok - ${name}`); };

const server = spawn(kflint, ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const published = [];
let waiters = [];
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  published.push(params);
  waiters = waiters.filter((w) => !w(params));
});
connection.listen();
const nextDiagnostics = (version) =>
  new Promise((resolve, reject) => {
    const done = published.find((p) => p.version === version);
    if (done) return resolve(done);
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 10000);
    waiters.push((p) => (p.version === version ? (clearTimeout(timer), resolve(p), true) : false));
  });

// Applies LSP TextEdits (utf-16 positions) to a string, last first.
function applyEdits(source, edits) {
  const lines = source.split("\n");
  const offset = (pos) => lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((s, e) => s.slice(0, offset(e.range.start)) + e.newText + s.slice(offset(e.range.end)), source);
}

const init = await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { general: { positionEncodings: ["utf-16"] } },
});
check("initialize negotiates utf-16 and advertises features", () => {
  assert.equal(init.capabilities.positionEncoding, "utf-16");
  assert.equal(init.capabilities.textDocumentSync.change, 2);
  assert.ok(init.capabilities.codeActionProvider && init.capabilities.hoverProvider && init.capabilities.completionProvider);
});
connection.sendNotification(InitializedNotification.type, {});
connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "yaml", version: 1, text } });
let diags = await nextDiagnostics(1);
check("diagnostics arrive with code, source, link and exact range", () => {
  const unknown = diags.diagnostics.find((d) => d.code === "KF101");
  assert.ok(unknown, JSON.stringify(diags));
  assert.equal(unknown.source, "kflint");
  assert.deepEqual(unknown.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 13 } });
  // The clickable code opens the rule's page installed with kflint (no site is configured).
  assert.match(unknown.codeDescription.href, /^file:\/\/.*\/share\/doc\/kflint\/rules\/KF101\.md$/);
  assert.ok(fs.existsSync(new URL(unknown.codeDescription.href)), unknown.codeDescription.href);
  assert.ok(diags.diagnostics.some((d) => d.code === "KF206"));
});

// Fix the typo with an incremental edit.
connection.sendNotification(DidChangeTextDocumentNotification.type, {
  textDocument: { uri, version: 2 },
  contentChanges: [{ range: { start: { line: 8, character: 13 }, end: { line: 8, character: 13 } }, text: "s" }],
});
text = applyEdits(text, [{ range: { start: { line: 8, character: 13 }, end: { line: 8, character: 13 } }, newText: "s" }]);
diags = await nextDiagnostics(2);
check("an incremental edit re-lints: the unknown field is gone", () => assert.ok(!diags.diagnostics.some((d) => d.code === "KF101")));

// Ask for the quick fix of the container name and apply it.
const kf206 = diags.diagnostics.find((d) => d.code === "KF206");
const actions = await connection.sendRequest(CodeActionRequest.type, {
  textDocument: { uri }, range: kf206.range, context: { diagnostics: [kf206] },
});
const rename = actions.find((a) => a.title === "Rename the container to `tensorflow`");
check("the code action carries a versioned edit", () => {
  assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(rename.isPreferred, true);
  assert.equal(rename.edit.documentChanges[0].textDocument.version, 2);
});
text = applyEdits(text, rename.edit.documentChanges[0].edits);
connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
diags = await nextDiagnostics(3);
check("after applying the fix the finding is gone", () => {
  assert.ok(text.includes("- name: tensorflow"));
  assert.ok(!diags.diagnostics.some((d) => d.code === "KF206"));
});

const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 8 } });
check("hover explains the field", () => {
  assert.match(hover.contents.value, /\*\*template\*\*/);
  assert.match(hover.contents.value, /describes the pod/);
});

const completion = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 8, character: 6 } });
check("completion offers the replica fields", () => {
  const labels = completion.items.map((i) => i.label);
  assert.ok(labels.includes("restartPolicy"), JSON.stringify(labels));
});

const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
check("document symbols show job -> replica -> container", () => {
  assert.equal(symbols[0].name, "mnist-typos");
  assert.equal(symbols[0].children[0].children[0].name, "tensorflow");
});

await connection.sendRequest(ShutdownRequest.type);
connection.sendNotification(ExitNotification.type);
const code = await exited;
check("exit after shutdown returns 0", () => assert.equal(code, 0));
connection.dispose();
console.log(`${passed} passed, 0 failed`);
