// The package's .d.ts gives real types: a strict TypeScript usage file compiles against the packed
// package, and the lines that misuse the API are rejected.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
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

test("the page's scripts type-check against the packed package's declarations (tsc --checkJs)", () => {
  requireApp();
  // A copy of www/ with the installed package as its pkg/, as `make www` lays it out.
  const site = join(app, "www-types");
  rmSync(site, { recursive: true, force: true });
  cpSync(join(here, "../www"), site, { recursive: true, filter: (src) => !src.includes(`${join("www", "pkg")}`) });
  cpSync(join(app, "node_modules/overdue"), join(site, "pkg"), { recursive: true });
  for (const config of ["jsconfig.json", "sw.jsconfig.json"]) execFileSync(bin("tsc"), ["-p", config], { cwd: site, stdio: "inherit" });
});
