// The package's .d.ts gives real types: a strict TypeScript usage file compiles against the packed
// package, and the lines that misuse the API are rejected.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** A value as TypeScript source: bytes as the typed arrays they are, the rest as its JSON. */
function literal(v) {
  if (v instanceof Uint8Array) return `new Uint8Array(${JSON.stringify([...v])})`;
  if (v instanceof ArrayBuffer) return `new Uint8Array(${JSON.stringify([...new Uint8Array(v)])}).buffer`;
  if (Array.isArray(v)) return `[${v.map(literal).join(", ")}]`;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    return `{ ${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}: ${literal(x)}`).join(", ")} }`;
  }
  return JSON.stringify(v);
}

test("every recorded input and output of the cases has its declared type (exactOptionalPropertyTypes)", async () => {
  requireApp();
  const api = await import(join(app, "node_modules/overdue/node.mjs"));
  const { CALLS } = await import(join(app, "cases.mjs"));
  // Each value as the JSON it crosses as, assigned to the declared type of that function's input or
  // result: an undeclared field, a missing one, a null where none may be, a string outside a union
  // are all errors here.
  const lines = ['import type * as O from "overdue";', "type In<F extends (x: never) => unknown> = Parameters<F>[0];"];
  CALLS.forEach(([label, fn, input], i) => {
    lines.push(`// ${label}`);
    lines.push(`export const in${i}: In<typeof O.${fn}> = ${literal(input)};`);
    lines.push(`export const out${i}: ReturnType<typeof O.${fn}> = ${JSON.stringify(api[fn](input))};`);
  });
  // The functions without an input, and a workspace document read back as parseWorkspace reads it.
  for (const fn of ["defaultPolicy", "errorCodes", "version"]) lines.push(`export const ${fn}Out: ReturnType<typeof O.${fn}> = ${JSON.stringify(api[fn]())};`);
  const text = JSON.stringify({ format: "overdue-workspace", version: 1, invoices: CALLS[0][2].invoices, settings: { currency: "GBP" } });
  lines.push(`export const parsed: ReturnType<typeof O.parseWorkspace> = ${JSON.stringify(api.parseWorkspace({ text }))};`);
  writeFileSync(join(app, "recorded.ts"), lines.join("\n") + "\n");
  writeFileSync(join(app, "recorded.tsconfig.json"), JSON.stringify({ files: ["recorded.ts"], compilerOptions: {
    noEmit: true, strict: true, exactOptionalPropertyTypes: true, target: "es2022", lib: ["es2022"], types: [],
    module: "nodenext", moduleResolution: "nodenext" } }));
  const r = spawnSync(bin("tsc"), ["-p", "recorded.tsconfig.json"], { cwd: app, encoding: "utf8" });
  assert.equal(r.status, 0, `recorded values that do not match their declared types:\n${r.stdout}${r.stderr}`);
});
