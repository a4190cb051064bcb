// Builds the npm package into pkg/ (or --out DIR): cargo release build for wasm32, wasm-bindgen for the
// `web` and `nodejs` targets (one .wasm serves both), wasm-opt -Oz, the per-runtime entry files, and a
// size report. Usage: node scripts/build-pkg.mjs [--profile release|release-speed] [--out pkg]
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
const run = (cmd, argv, env = {}) =>
  execFileSync(cmd, argv, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });

run("cargo", ["build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", profile]);
const built = join(root, "target/wasm32-unknown-unknown", profile, "overdue.wasm");
const bg = join(root, "target/bindgen", profile);
rmSync(bg, { recursive: true, force: true });
for (const target of ["web", "nodejs"]) {
  run("wasm-bindgen", ["--target", target, "--out-dir", join(bg, target), built]);
}
const webWasm = readFileSync(join(bg, "web/overdue_bg.wasm"));
if (!webWasm.equals(readFileSync(join(bg, "nodejs/overdue_bg.wasm")))) {
  throw new Error("wasm-bindgen produced different .wasm files for web and nodejs; the package assumes one");
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const wasmOpt = join(root, "node_modules/.bin/wasm-opt");
if (!existsSync(wasmOpt)) throw new Error("node_modules/.bin/wasm-opt is missing: run `make setup`");
const level = opt("--wasm-opt", profile === "release-speed" ? "-O3" : "-Os");
// Features are read from the target_features section rustc wrote; it is stripped afterwards.
run(wasmOpt, [level, "--strip-debug", "--strip-producers", "--strip-target-features",
  join(bg, "web/overdue_bg.wasm"), "-o", join(out, "overdue_bg.wasm")]);

const jsDir = join(root, "src/wasm/js");
const { web, cjs } = patchGlue({
  web: readFileSync(join(bg, "web/overdue.js"), "utf8"),
  nodejs: readFileSync(join(bg, "nodejs/overdue.js"), "utf8"),
  errors: readFileSync(join(jsDir, "errors.js"), "utf8"),
  loader: readFileSync(join(jsDir, "loader.js"), "utf8"),
  cjsTail: readFileSync(join(jsDir, "cjs-tail.cjs"), "utf8"),
  wasmSize: readFileSync(join(out, "overdue_bg.wasm")).length,
});
writeFileSync(join(out, "overdue.js"), web);
writeFileSync(join(out, "overdue.cjs"), cjs);
// The Node entries' fallback when the file beside them is missing or another build's: server
// bundlers (Next.js's Turbopack and webpack) rewrite `new URL(…, import.meta.url)` and `__dirname`,
// and no path survives every one of them (issue #23). CommonJS, so `require` and `import` share it.
writeFileSync(join(out, "overdue_bg.wasm.base64.cjs"),
  "// overdue_bg.wasm in base64, for the Node entries (see scripts/build-pkg.mjs).\nmodule.exports = \"" +
  readFileSync(join(out, "overdue_bg.wasm")).toString("base64") + "\";\n");

let dts = patchTypes(readFileSync(join(bg, "web/overdue.d.ts"), "utf8"), readFileSync(join(jsDir, "init.d.ts"), "utf8"));
if (/\bany\b/.test(dts.replace(/\/\*[\s\S]*?\*\//g, ""))) throw new Error("overdue.d.ts still mentions `any`");
writeFileSync(join(out, "overdue.d.ts"), dts);
writeFileSync(join(out, "overdue.d.cts"), dts);
for (const f of ["deno.js", "workerd.js", "edge-light.js", "overdue_bg.wasm.d.cts", "overdue_bg.wasm.d.ts"]) copyFileSync(join(jsDir, f), join(out, f));
writeFileSync(join(out, "node.mjs"), patchNodeEntry(readFileSync(join(jsDir, "node.mjs"), "utf8"), readFileSync(join(out, "overdue_bg.wasm")).length));

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];
const pkg = JSON.parse(readFileSync(join(jsDir, "package.json"), "utf8"));
pkg.version = version;
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
copyFileSync(join(root, "README.md"), join(out, "README.md"));

const sizes = (file) => {
  const b = readFileSync(join(out, file));
  return {
    file,
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const report = ["overdue_bg.wasm", "overdue.js", "overdue.cjs"].map(sizes);
writeFileSync(join(root, "target", `pkg-size-${profile}.json`), JSON.stringify(report, null, 2));
console.log(`\noverdue ${version} (${profile}) → ${out}`);
for (const s of report) {
  console.log(`  ${s.file.padEnd(16)} raw ${String(s.raw).padStart(7)} B   gzip ${String(s.gzip).padStart(6)} B   brotli ${String(s.brotli).padStart(6)} B`);
}
