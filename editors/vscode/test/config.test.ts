// Unit tests of the client-side configuration logic (node:test; no VS Code needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { configGlob, documentSelector, serverLaunch, serverSettings } from "../src/config";

test("server launch defaults to kflint on the PATH", () => {
  assert.deepEqual(serverLaunch({}, "/home/u"), { command: "kflint", args: ["lsp"] });
  assert.deepEqual(serverLaunch({ path: "  " }, "/home/u"), { command: "kflint", args: ["lsp"] });
});

test("a configured path is used, with ~ expanded", () => {
  assert.equal(serverLaunch({ path: "/opt/kflint/bin/kflint" }, undefined).command, "/opt/kflint/bin/kflint");
  assert.equal(serverLaunch({ path: "~/bin/kflint" }, "/home/u").command, "/home/u/bin/kflint");
});

test("target and rules pass through when valid", () => {
  assert.deepEqual(serverSettings({ target: "cci", rules: { kf405: "off", "image-latest-tag": "info" } }), {
    target: "cci",
    rules: { KF405: "off", "image-latest-tag": "info" },
  });
});

test("operation passes through; defaults are left to .kflint.yaml", () => {
  assert.deepEqual(serverSettings({ target: "cci", operation: "patch" }), { target: "cci", operation: "patch", rules: {} });
  assert.deepEqual(serverSettings({ target: "auto", operation: "config" }), { rules: {} });
  const problems: string[] = [];
  assert.deepEqual(serverSettings({ operation: "delete" }, problems), { rules: {} });
  assert.match(problems[0], /kflint.operation/);
});

test("invalid settings are dropped and reported", () => {
  const problems: string[] = [];
  const s = serverSettings({ target: "openshift", rules: { KF301: "loud", "bad name!": "off" } }, problems);
  assert.deepEqual(s, { rules: {} });
  assert.equal(problems.length, 3);
  assert.match(problems[0], /kflint.target/);
  const p2: string[] = [];
  serverSettings({ rules: ["KF301"] }, p2);
  assert.deepEqual(p2, ["kflint.rules: expected an object"]);
});

test("YAML and JSON documents go to the server; config files are watched", () => {
  assert.ok(documentSelector.some((d) => d.language === "yaml" && d.scheme === "file"));
  assert.ok(documentSelector.some((d) => d.language === "json"));
  assert.equal(configGlob, "**/.kflint.{yaml,yml}");
});
