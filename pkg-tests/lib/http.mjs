// The HTTP examples (examples/cloudflare-worker, deno, vercel-edge) started in their real runtimes
// against the installed package: each gives `{ fetch(path, init) → Response, stop() }`.
import { spawn } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { app, bin, requireApp, root, work } from "./app.mjs";
import { bundle } from "./runtimes.mjs";

/** Copies examples/ into the app, where "overdue" resolves to the installed tarball. */
export function copyExamples() {
  requireApp();
  cpSync(join(root, "examples"), join(app, "examples"), { recursive: true });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** examples/cloudflare-worker in workerd (miniflare), bundled as wrangler does. */
export async function startWorkerd(options = {}) {
  const outdir = join(work, "cf-api");
  await bundle("examples/cloudflare-worker/src/index.js", { conditions: ["workerd", "worker", "browser"], format: "esm", outdir, wasm: "external" });
  const { Miniflare } = await import("miniflare");
  const t0 = performance.now();
  const mf = new Miniflare({
    modules: true, scriptPath: join(outdir, "worker.js"), compatibilityDate: "2026-04-01",
    modulesRules: [{ type: "ESModule", include: ["**/*.js"] }, { type: "CompiledWasm", include: ["**/*.wasm"] }],
    bindings: { CORS_ORIGINS: "*", ...(options.bindings ?? {}) },
  });
  const url = await mf.ready;
  const readyMs = performance.now() - t0;
  return {
    name: "workerd", outdir, readyMs, port: Number(url.port),
    fetch: (path, init) => mf.dispatchFetch(`http://localhost${path}`, init),
    stop: () => mf.dispose(),
  };
}

/** examples/deno under `deno serve` on a loopback port. */
export async function startDeno(options = {}) {
  const port = await freePort();
  const child = spawn(bin("deno"), ["serve", "--quiet", "--no-prompt", `--port=${port}`, "--host=127.0.0.1", "--allow-read=.", "--allow-env=CORS_ORIGINS,BODY_TIMEOUT_MS", "examples/deno/main.js"], {
    cwd: app, env: { ...process.env, DENO_DIR: join(work, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1", ...(options.env ?? {}) }, stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(base + "/");
      break;
    } catch {
      if (i > 300 || child.exitCode !== null) throw new Error(`deno serve did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    name: "deno", port,
    fetch: (path, init) => fetch(base + path, init),
    stop: () => new Promise((r) => { child.once("exit", r); child.kill(); }),
  };
}

/** examples/vercel-edge in edge-runtime, bundled for edge-light as Vercel does; routes under /api. */
export async function startEdge() {
  const entry = "edge-api-entry.mjs";
  writeFileSync(join(app, entry), 'import handler from "./examples/vercel-edge/api/index.js";\naddEventListener("fetch", (e) => e.respondWith(handler(e.request)));\n');
  const code = await bundle(entry, { conditions: ["edge-light", "worker", "browser"], format: "iife", outdir: join(work, "edge-api"), wasm: "module" });
  const { EdgeRuntime } = await import("edge-runtime");
  const rt = new EdgeRuntime({ initialCode: code });
  return {
    name: "edge-runtime",
    fetch: (path, init) => rt.dispatchFetch(`http://localhost/api${path === "/" ? "" : path}`, init),
    stop: async () => {},
  };
}
