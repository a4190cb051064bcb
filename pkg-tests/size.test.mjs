// The size budget: the packed .wasm, gzip -9, stays under the ceiling in size-budget.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { app, here, requireApp } from "./lib/app.mjs";

test("wasm gzip size is within the budget", () => {
  requireApp();
  const { wasmGzipMaxBytes } = JSON.parse(readFileSync(join(here, "size-budget.json"), "utf8"));
  const wasm = readFileSync(join(app, "node_modules/overdue/overdue_bg.wasm"));
  const gz = gzipSync(wasm, { level: 9 }).length;
  console.log(`overdue_bg.wasm: ${wasm.length} B raw, ${gz} B gzip (budget ${wasmGzipMaxBytes} B)`);
  assert.ok(gz <= wasmGzipMaxBytes, `${gz} B gzip is over the ${wasmGzipMaxBytes} B budget`);
});

test("each entry point's wasm is within its own budget", () => {
  requireApp();
  const { entries } = JSON.parse(readFileSync(join(here, "size-budget.json"), "utf8"));
  const names = Object.keys(JSON.parse(readFileSync(join(here, "../src/wasm/js/entries.json"), "utf8")).entries);
  for (const name of names) {
    const budget = entries[name]?.wasmGzipMaxBytes;
    assert.ok(budget, `size-budget.json has no ceiling for overdue/${name}`);
    const wasm = readFileSync(join(app, "node_modules/overdue", name, "overdue_bg.wasm"));
    const gz = gzipSync(wasm, { level: 9 }).length;
    console.log(`overdue/${name}: ${wasm.length} B raw, ${gz} B gzip (budget ${budget} B, target ${entries[name].target} B)`);
    assert.ok(gz <= budget, `overdue/${name}: ${gz} B gzip is over its ${budget} B budget`);
  }
});
