// The JavaScript linter of `make lint`: eslint's recommended rules over the page, the tests, the
// examples, the benchmarks and the scripts, each with the globals of where it runs.
import js from "@eslint/js";
import globals from "globals";

export default [
  // The Next.js app is JSX, compiled (and checked) by next build in the framework tests.
  { ignores: ["**/node_modules/**", "pkg/**", "www/pkg/**", "target/**", "pkg-tests/.work/**", "artifacts/**", "fuzz/**", "vendor/**", "pkg-tests/frameworks/apps/next/**"] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.node } },
    rules: {
      // Unused catch bindings and leading-underscore arguments are deliberate.
      "no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  { files: ["www/**/*.js", "pkg-tests/probes/browser.mjs", "pkg-tests/frameworks/apps/web/**/*.js"], languageOptions: { globals: { ...globals.browser } } },
  // Tests and benchmarks that hand functions to the browser (page.evaluate) use its globals there.
  { files: ["pkg-tests/*.test.mjs", "pkg-tests/frameworks/lib.mjs", "bench/look-*.mjs", "bench/page.mjs"], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // Fragments spliced into wasm-bindgen's glue by scripts/glue.mjs: they use its bindings, and it
  // calls what they define.
  {
    files: ["src/wasm/js/loader.js", "src/wasm/js/errors.js", "src/wasm/js/cjs-tail.cjs"],
    languageOptions: { globals: { wasm: "writable", wasmInstance: "readonly", __wbg_finalize_init: "readonly", __wbg_get_imports: "readonly", OverdueError: "readonly", isOverdueError: "readonly" } },
    rules: { "no-unused-vars": "off" },
  },
  { files: ["www/sw.js"], languageOptions: { globals: { ...globals.serviceworker } } },
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
  { files: ["pkg-tests/probes/deno.mjs", "src/wasm/js/deno.js", "examples/deno/**", "examples/quickstart/deno.js", "examples/http-api/deno*.js"], languageOptions: { globals: { Deno: "readonly" } } },
  { files: ["pkg-tests/probes/edge*.mjs", "examples/vercel-edge/**", "pkg-tests/probes/worker*.mjs", "examples/cloudflare-worker/**"], languageOptions: { globals: { ...globals.serviceworker } } },
];
