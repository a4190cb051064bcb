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
