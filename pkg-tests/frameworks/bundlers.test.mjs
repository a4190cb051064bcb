// Browser bundles of apps/web from the packed tarball, each built as its documentation says and
// opened in Chromium: Vite (build + preview, and the dev server), webpack 5, Rollup, esbuild.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { EXPECTED } from "./expected.mjs";
import { app, bin, freePort, resultInChromium, serve, sh } from "./lib.mjs";
import { startServer } from "../../scripts/serve.mjs";

const WORKS = { before: { code: "not_initialised", instance: true }, jobs: EXPECTED };

async function inChromium(dir, path) {
  const server = await startServer({ root: dir, port: 0 });
  try {
    return await resultInChromium(`http://127.0.0.1:${server.address().port}${path}`);
  } finally {
    server.close();
  }
}

test("Vite: vite build, then vite preview", async () => {
  const dir = app("web");
  sh(dir, bin("vite"), ["build"]);
  const port = await freePort();
  const server = await serve(dir, bin("vite"), ["preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"], `http://127.0.0.1:${port}/`);
  try {
    assert.deepEqual(await resultInChromium(`http://127.0.0.1:${port}/`), WORKS);
  } finally {
    server.stop();
  }
});

test("Vite: the dev server", async () => {
  const dir = app("web");
  const port = await freePort();
  const server = await serve(dir, bin("vite"), ["--port", String(port), "--strictPort", "--host", "127.0.0.1"], `http://127.0.0.1:${port}/`);
  try {
    assert.deepEqual(await resultInChromium(`http://127.0.0.1:${port}/`), WORKS);
  } finally {
    server.stop();
  }
});

test("webpack 5: production build with no rule for overdue", async () => {
  const dir = app("web");
  sh(dir, process.execPath, ["build-webpack.mjs"]);
  assert.deepEqual(await inChromium(dir, "/index-webpack.html"), WORKS);
});

test("Rollup: node-resolve and importMetaAssets", async () => {
  const dir = app("web");
  sh(dir, bin("rollup"), ["-c"]);
  assert.deepEqual(await inChromium(dir, "/index-rollup.html"), WORKS);
});

test("Rollup without a plugin for the wasm: a clear wasm_not_found, not a bare 404", async () => {
  const dir = app("web");
  sh(dir, bin("rollup"), ["main.js", "--dir", "dist-rollup", "--format", "es", "--plugin", "@rollup/plugin-node-resolve={browser:true}"]);
  const got = await inChromium(dir, "/index-rollup.html");
  assert.equal(got.failed?.code, "wasm_not_found", JSON.stringify(got));
  assert.equal(got.failed.instance, true);
  assert.match(got.failed.message, /dist-rollup\/overdue_bg\.wasm.*404.*module_or_path/s);
});

for (const format of ["esm", "iife"]) {
  test(`esbuild (${format}): the wasm as a file asset, its URL passed to init`, async () => {
    const dir = app("web");
    // The file loader's URL is relative to the output folder, so the page is served from there.
    sh(dir, bin("esbuild"), ["main-esbuild.js", "--bundle", `--format=${format}`, "--loader:.wasm=file", "--outdir=dist-esbuild", `--entry-names=${format}`]);
    assert.deepEqual(await inChromium(join(dir, "dist-esbuild"), `/${format}.html`), WORKS);
  });
}

test("esbuild (iife) with init() and no URL: wasm_not_found saying what to pass", async () => {
  const dir = app("web");
  sh(dir, bin("esbuild"), ["main.js", "--bundle", "--format=iife", "--outfile=dist-esbuild/iife.js"]);
  const got = await inChromium(join(dir, "dist-esbuild"), "/iife.html");
  assert.equal(got.failed?.code, "wasm_not_found", JSON.stringify(got));
  assert.match(got.failed.message, /import\.meta\.url.*module_or_path/s);
});
