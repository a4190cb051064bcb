// Builds the npm package into pkg/ (or --out DIR): for the full build and for each entry point of
// src/wasm/js/entries.json (`overdue/plan`, …, each with only its cargo features), a cargo release
// build for wasm32, wasm-bindgen for the `web` and `nodejs` targets (one .wasm serves both),
// wasm-opt, the glue edits of scripts/glue.mjs and the per-runtime entry files; then package.json
// with every entry's export conditions, and a size report.
// Usage: node scripts/build-pkg.mjs [--profile release|release-speed] [--out pkg] [--only full]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync, existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants as zc } from "node:zlib";
import { patchGlue, patchNodeEntry, patchTypes } from "./glue.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const profile = opt("--profile", "release");
const out = resolve(root, opt("--out", "pkg"));
const only = opt("--only", null);
const run = (cmd, argv, env = {}) =>
  execFileSync(cmd, argv, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });

const jsDir = join(root, "src/wasm/js");
const wasmOpt = join(root, "node_modules/.bin/wasm-opt");
if (!existsSync(wasmOpt)) throw new Error("node_modules/.bin/wasm-opt is missing: run `make setup`");
const level = opt("--wasm-opt", profile === "release-speed" ? "-O3" : "-Os");
const { entries } = JSON.parse(readFileSync(join(jsDir, "entries.json"), "utf8"));
const builds = [{ name: "full", dir: out, cargo: [] },
  ...Object.entries(entries).map(([name, e]) => ({ name, dir: join(out, name), cargo: ["--no-default-features", "--features", e.features.join(",")] }))]
  .filter((b) => !only || b.name === only);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** One entry: its wasm, glue, declarations and runtime entry files in `dir`. */
function buildEntry({ name, dir, cargo }) {
  run("cargo", ["build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", profile, ...cargo]);
  const built = join(root, "target/wasm32-unknown-unknown", profile, "overdue.wasm");
  const bg = join(root, "target/bindgen", profile, name);
  rmSync(bg, { recursive: true, force: true });
  for (const target of ["web", "nodejs"]) run("wasm-bindgen", ["--target", target, "--out-dir", join(bg, target), built]);
  if (!readFileSync(join(bg, "web/overdue_bg.wasm")).equals(readFileSync(join(bg, "nodejs/overdue_bg.wasm")))) {
    throw new Error("wasm-bindgen produced different .wasm files for web and nodejs; the package assumes one");
  }
  mkdirSync(dir, { recursive: true });
  const wasmFile = join(dir, "overdue_bg.wasm");
  // Features are read from the target_features section rustc wrote; it is stripped afterwards.
  run(wasmOpt, [level, "--strip-debug", "--strip-producers", "--strip-target-features", join(bg, "web/overdue_bg.wasm"), "-o", wasmFile]);
  const wasm = readFileSync(wasmFile);

  const { web, cjs } = patchGlue({
    web: readFileSync(join(bg, "web/overdue.js"), "utf8"),
    nodejs: readFileSync(join(bg, "nodejs/overdue.js"), "utf8"),
    errors: readFileSync(join(jsDir, "errors.js"), "utf8"),
    loader: readFileSync(join(jsDir, "loader.js"), "utf8"),
    cjsTail: readFileSync(join(jsDir, "cjs-tail.cjs"), "utf8"),
    wasmSize: wasm.length,
  });
  writeFileSync(join(dir, "overdue.js"), web);
  writeFileSync(join(dir, "overdue.cjs"), cjs);
  // The Node entries' fallback when the file beside them is missing or another build's: server
  // bundlers (Next.js's Turbopack and webpack) rewrite `new URL(…, import.meta.url)` and `__dirname`,
  // and no path survives every one of them (issue #23). CommonJS, so `require` and `import` share it.
  writeFileSync(join(dir, "overdue_bg.wasm.base64.cjs"),
    "// overdue_bg.wasm in base64, for the Node entries (see scripts/build-pkg.mjs).\nmodule.exports = \"" + wasm.toString("base64") + "\";\n");

  const dts = patchTypes(readFileSync(join(bg, "web/overdue.d.ts"), "utf8"), readFileSync(join(jsDir, "init.d.ts"), "utf8"), { storage: name === "full" });
  if (/\bany\b/.test(dts.replace(/\/\*[\s\S]*?\*\//g, ""))) throw new Error(`${name}: overdue.d.ts still mentions \`any\``);
  writeFileSync(join(dir, "overdue.d.ts"), dts);
  writeFileSync(join(dir, "overdue.d.cts"), dts);
  for (const f of ["deno.js", "workerd.js", "edge-light.js", "overdue_bg.wasm.d.cts", "overdue_bg.wasm.d.ts"]) copyFileSync(join(jsDir, f), join(dir, f));
  writeFileSync(join(dir, "node.mjs"), patchNodeEntry(readFileSync(join(jsDir, "node.mjs"), "utf8"), wasm.length));
  return { name, wasm: sizes(wasm), js: sizes(Buffer.from(web)) };
}

function sizes(b) {
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

const report = builds.map(buildEntry);

// package.json: the full build's conditions at ".", and the same, under its folder, for each entry.
const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];
const pkg = JSON.parse(readFileSync(join(jsDir, "package.json"), "utf8"));
pkg.version = version;
const under = (value, folder) => typeof value === "string" ? value.replace(/^\.\//, `./${folder}/`)
  : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, under(v, folder)]));
const full = { ".": pkg.exports["."], "./overdue_bg.wasm": pkg.exports["./overdue_bg.wasm"] };
for (const name of Object.keys(entries)) {
  pkg.exports[`./${name}`] = under(full["."], name);
  pkg.exports[`./${name}/overdue_bg.wasm`] = under(full["./overdue_bg.wasm"], name);
  pkg.sideEffects.push(...pkg.sideEffects.filter((f) => !f.includes("/", 2)).map((f) => under(f, name)));
  pkg.files.push(`${name}/`);
}
pkg.sideEffects = [...new Set(pkg.sideEffects)];
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
copyFileSync(join(root, "README.md"), join(out, "README.md"));

writeFileSync(join(root, "target", `pkg-size-${profile}.json`), JSON.stringify(report, null, 2));
console.log(`\noverdue ${version} (${profile}) → ${out}`);
const kb = (n) => `${(n / 1024).toFixed(1).padStart(6)} KiB`;
for (const r of report) {
  console.log(`  ${(r.name === "full" ? "overdue" : `overdue/${r.name}`).padEnd(16)} wasm raw ${kb(r.wasm.raw)}  gzip ${kb(r.wasm.gzip)}  brotli ${kb(r.wasm.brotli)}   glue gzip ${kb(r.js.gzip)}`);
}
