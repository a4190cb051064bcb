// What the browser entry's init() and initSync() take and how they fail, on fresh copies of the
// installed package's overdue.js (each import with its own query is a module never loaded before):
// a Module from another realm, bytes, a Response, a URL; a call made too early, a missing file, a
// web page served in the wasm's place, an argument of another kind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { app, requireApp } from "./lib/app.mjs";

let n = 0;
const fresh = () => {
  requireApp();
  return import(`${pathToFileURL(join(app, "node_modules/overdue/overdue.js"))}?fresh=${n++}`);
};
const wasmBytes = () => readFileSync(join(app, "node_modules/overdue/overdue_bg.wasm"));
// Hand-worked: 1,000.00 due 31 Jan, 29 days late on 1 Mar 2026 (28 days of February + 1).
const works = (o) => o.normalizeInvoices({ asOf: "2026-03-01", invoices: [{ id: "1", customer: { id: "c", name: "C" },
  currency: "GBP", amount: "1000.00", issueDate: "2026-01-01", dueDate: "2026-01-31" }] }).invoices[0].daysPastDue;

async function serving(routes, use) {
  const server = createServer((req, res) => {
    const [type, body] = routes[req.url] ?? ["text/plain", null];
    res.writeHead(body === null ? 404 : 200, { "Content-Type": type }).end(body ?? "not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  try {
    return await use(`http://127.0.0.1:${server.address().port}`);
  } finally {
    server.close();
  }
}

test("a call before init() throws OverdueError not_initialised, naming the function and the fix", async () => {
  const o = await fresh();
  assert.throws(() => o.ageReceivables({ asOf: "2026-03-01", invoices: [] }), (e) =>
    e instanceof o.OverdueError && e.code === "not_initialised" && /ageReceivables\(\).*await init\(\)/.test(e.message));
  await o.default({ module_or_path: wasmBytes() });
  assert.equal(works(o), 29);
});

test("init and initSync take a Module from another realm, bytes, an ArrayBuffer, a Response and a URL", async () => {
  const foreign = vm.runInNewContext("new WebAssembly.Module(bytes)", { bytes: wasmBytes() });
  assert.equal(foreign instanceof WebAssembly.Module, false, "the module really is from another realm");
  const sync = await fresh();
  sync.initSync({ module: foreign });
  assert.equal(works(sync), 29, "initSync, foreign Module");
  const bytes = await fresh();
  bytes.initSync(new Uint8Array(wasmBytes()));
  assert.equal(works(bytes), 29, "initSync, bare bytes");
  const buffer = await fresh();
  const b = wasmBytes();
  await buffer.default({ module_or_path: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) });
  assert.equal(works(buffer), 29, "init, ArrayBuffer");
  const response = await fresh();
  await response.default({ module_or_path: new Response(wasmBytes(), { headers: { "Content-Type": "application/wasm" } }) });
  assert.equal(works(response), 29, "init, Response");
  const foreignAsync = await fresh();
  await foreignAsync.default(foreign);
  assert.equal(works(foreignAsync), 29, "init, foreign Module");
  await serving({ "/overdue_bg.wasm": ["application/wasm", wasmBytes()], "/octet.wasm": ["application/octet-stream", wasmBytes()] }, async (base) => {
    for (const where of [new URL("/overdue_bg.wasm", base), `${base}/octet.wasm`]) {
      const o = await fresh();
      await o.default({ module_or_path: where });
      assert.equal(works(o), 29, `init, ${where}`);
    }
  });
});

test("a missing file, a page in its place, or an argument of another kind: a coded error, and init can be retried", async () => {
  const o = await fresh();
  await serving({ "/index.html": ["text/html", "<!doctype html><p>app</p>"] }, async (base) => {
    await assert.rejects(o.default({ module_or_path: `${base}/assets/overdue_bg.wasm` }), (e) =>
      e instanceof o.OverdueError && e.code === "wasm_not_found" && e.message.includes(`${base}/assets/overdue_bg.wasm`) && e.message.includes("404"));
    await assert.rejects(o.default({ module_or_path: `${base}/index.html` }), (e) =>
      e.code === "wasm_not_found" && e.message.includes('"<!do"'));
  });
  await assert.rejects(o.default({ module_or_path: 42 }), (e) => e.code === "invalid_value" && e.path === "module_or_path");
  assert.throws(() => o.initSync({}), (e) => e.code === "invalid_value" && e.path === "module");
  assert.throws(() => o.initSync({ module: new Response("x") }), (e) => e.code === "invalid_value" && /await init/.test(e.message));
  // After the failures, a good call still loads it.
  await o.default({ module_or_path: wasmBytes() });
  assert.equal(works(o), 29);
});

// The Node entries read the wasm beside them, and fall back to the embedded copy only when that
// file is missing or another build's (a server bundle moved them). Each variant is a copy of the
// installed package with one file changed, loaded in a process of its own by import and by require.
test("Node entries: the file beside them when it is this build's, else the embedded copy", () => {
  requireApp();
  const installed = join(app, "node_modules/overdue");
  const call = 'm.normalizeInvoices({ asOf: "2026-03-01", invoices: [{ id: "1", customer: { id: "c", name: "C" }, currency: "GBP", amount: "1000.00", issueDate: "2026-01-01", dueDate: "2026-01-31" }] }).invoices[0].daysPastDue';
  const variants = {
    "as installed": () => {},
    "the file missing": (dir) => rmSync(join(dir, "overdue_bg.wasm")),
    "another build's file": (dir) => writeFileSync(join(dir, "overdue_bg.wasm"), readFileSync(join(dir, "overdue_bg.wasm")).subarray(0, 1000)),
    // Proves the fast path never loads the embedded copy.
    "the embedded copy broken": (dir) => writeFileSync(join(dir, "overdue_bg.wasm.base64.cjs"), 'throw new Error("the embedded copy was loaded");\n'),
  };
  for (const [name, change] of Object.entries(variants)) {
    const dir = join(app, `variant-${Object.keys(variants).indexOf(name)}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(installed, dir, { recursive: true });
    change(dir);
    const esm = execFileSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(pathToFileURL(join(dir, "node.mjs")).href)}); console.log(${call});`], { encoding: "utf8" });
    const cjs = execFileSync(process.execPath, ["-e", `const m = require(${JSON.stringify(join(dir, "overdue.cjs"))}); console.log(${call});`], { encoding: "utf8" });
    assert.deepEqual([esm.trim(), cjs.trim()], ["29", "29"], name);
  }
});

// Node loads its fetch implementation on the first touch of `Response`, `Request` or `fetch` (about
// 18 ms): the package's start must not touch them (it had, through an `instanceof Response`).
test("importing the Node entry and calling it touches none of Node's lazily loaded fetch globals", () => {
  requireApp();
  const probe = `
    const touched = [];
    for (const name of ["Response", "Request", "Headers", "fetch", "FormData"]) {
      const d = Object.getOwnPropertyDescriptor(globalThis, name);
      Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return d.get ? d.get.call(globalThis) : d.value; } });
    }
    const m = await import(${JSON.stringify(pathToFileURL(join(app, "node_modules/overdue/node.mjs")).href)});
    m.normalizeInvoices({ asOf: "2026-11-23", invoices: [] });
    console.log(JSON.stringify(touched));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), []);
});
