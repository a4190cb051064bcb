// The package's .d.ts gives real types: a strict TypeScript usage file compiles against the packed
// package, and the lines that misuse the API are rejected.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { app, bin, here, requireApp } from "./lib/app.mjs";

test("tsc --noEmit --strict accepts the usage file and rejects misuse", () => {
  requireApp();
  cpSync(join(here, "types/usage.ts"), join(app, "usage.ts"));
  execFileSync(bin("tsc"), ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
    "--lib", "es2022,dom", "usage.ts"], { cwd: app, stdio: "inherit" });
});

test("the declarations contain no `any`", () => {
  const dts = readFileSync(join(app, "node_modules/overdue/overdue.d.ts"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  assert.doesNotMatch(dts, /\bany\b/);
  assert.match(dts, /export function normalizeInvoices\(input: NormalizeInvoicesInput\): NormalizeInvoicesOutput;/);
});
