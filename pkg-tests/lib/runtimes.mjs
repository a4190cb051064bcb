// Running the installed package in Deno, workerd (miniflare) and edge-runtime the way a user's tools
// would: shared by the runtime suite and the quick-start tests.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { app, bin, work } from "./app.mjs";

/** Runs `file` (in the app) with Deno and read access to the app only; returns its stdout. */
export function runDeno(file) {
  return execFileSync(bin("deno"), ["run", "--quiet", "--no-prompt", "--allow-read=.", file], {
    cwd: app, encoding: "utf8", env: { ...process.env, DENO_DIR: join(work, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
  });
}

/** Bundles `entry` from the app the way a deploy tool would, with the given export conditions;
 *  writes `outdir/worker.js` and returns the code. */
export async function bundle(entry, { conditions, format, outdir, wasm }) {
  const esbuild = await import("esbuild");
  mkdirSync(outdir, { recursive: true });
  const wasmPlugin = {
    name: "wasm",
    setup(b) {
      if (wasm === "external") {
        // wrangler's CompiledWasm rule: the .wasm stays a separate module next to the script.
        // Each entry's wasm under a name of its own (overdue-overdue_bg.wasm, plan-overdue_bg.wasm, …).
        b.onResolve({ filter: /\.wasm$/ }, (args) => {
          const name = `${basename(args.resolveDir)}-${basename(args.path)}`;
          cpSync(join(args.resolveDir, args.path), join(outdir, name));
          return { path: `./${name}`, external: true };
        });
      } else {
        // Vercel's `?module` imports: a WebAssembly.Module compiled by the bundle.
        b.onResolve({ filter: /\.wasm\?module$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?module$/, "")), namespace: "wasm-module" }));
        b.onLoad({ filter: /.*/, namespace: "wasm-module" }, (args) => ({
          contents: `import bytes from ${JSON.stringify(args.path)}; export default new WebAssembly.Module(bytes);`,
          resolveDir: app,
        }));
      }
    },
  };
  const result = await esbuild.build({
    entryPoints: [join(app, entry)], bundle: true, write: false, format, conditions, platform: "neutral",
    mainFields: ["module", "main"], absWorkingDir: app, target: "es2022", loader: { ".wasm": "binary" }, plugins: [wasmPlugin], logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  writeFileSync(join(outdir, "worker.js"), code);
  return code;
}

/** Bundles a module worker as wrangler does and runs `use(mf)` against it in workerd. */
export async function withWorkerd(entry, name, use) {
  const outdir = join(work, name);
  await bundle(entry, { conditions: ["workerd", "worker", "browser"], format: "esm", outdir, wasm: "external" });
  const { Miniflare } = await import("miniflare");
  const mf = new Miniflare({
    modules: true, scriptPath: join(outdir, "worker.js"), compatibilityDate: "2026-04-01",
    modulesRules: [{ type: "ESModule", include: ["**/*.js"] }, { type: "CompiledWasm", include: ["**/*.wasm"] }],
  });
  try {
    return await use(mf);
  } finally {
    await mf.dispose();
  }
}

/** Bundles a service-worker script for Vercel's edge-light and answers one GET in edge-runtime. */
export async function fetchFromEdge(entry, name) {
  const code = await bundle(entry, { conditions: ["edge-light", "worker", "browser"], format: "iife", outdir: join(work, name), wasm: "module" });
  const { EdgeRuntime } = await import("edge-runtime");
  return new EdgeRuntime({ initialCode: code }).dispatchFetch("http://localhost/");
}
