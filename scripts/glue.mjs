// What the package changes in wasm-bindgen's generated glue, and why, in one place. Each edit names
// the exact text it expects, and the build fails if wasm-bindgen (pinned in Cargo.toml) writes
// anything else, so an upgrade cannot silently drop one.

function once(text, what, from, to) {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`glue.mjs: expected "${what}" once in the generated glue, found it ${n} times`);
  return text.replace(from, () => to);
}

// Every fallible export ends `if (ret[k]) { throw takeFromExternrefTable0(ret[j]); }`: the thrown
// value is the core's Error, to which OverdueError's prototype is given.
function wrapThrows(text) {
  let n = 0;
  const out = text.replace(/throw takeFromExternrefTable0\((ret\[\d\])\);/g, (_, r) => {
    n++;
    return `throw overdueError(takeFromExternrefTable0(${r}));`;
  });
  // Every entry has fallible exports; none found means the pattern changed.
  if (n === 0) throw new Error("glue.mjs: no throwing export found in the generated glue");
  return out;
}

// After the first line (the `@ts-self-types` comment), so the class exists before anything runs.
function prepend(text, fragment) {
  const nl = text.indexOf("\n");
  return text.slice(0, nl + 1) + "\n" + fragment + "\n" + text.slice(nl + 1);
}

export function patchGlue({ web, nodejs, errors, loader, cjsTail, wasmSize }) {
  // Web glue: overdue's loader replaces wasm-bindgen's (see src/wasm/js/loader.js for why).
  const cut = web.indexOf("async function __wbg_load(");
  if (cut < 0) throw new Error("glue.mjs: wasm-bindgen's loader was not found in the web glue");
  const replaced = web.slice(cut);
  const fns = [...replaced.matchAll(/^(?:async )?function (\w+)/gm)].map((m) => m[1]).sort().join(",");
  if (fns !== "__wbg_init,__wbg_init_once,__wbg_load,initSync" || !replaced.trimEnd().endsWith("export { initSync, __wbg_init as default };")) {
    throw new Error(`glue.mjs: wasm-bindgen's loader changed (functions: ${fns}); review src/wasm/js/loader.js against it`);
  }
  let w = web.slice(0, cut) + loader;
  // Until loaded, `wasm` answers every use with OverdueError not_initialised instead of a TypeError.
  w = once(w, "the wasm binding", "let wasmModule, wasmInstance, wasm;", "let wasmModule, wasmInstance, wasm = notInitialised();");
  w = wrapThrows(prepend(w, errors));

  // Node glue (CommonJS): the file beside it when it is this build's, else the embedded copy (see
  // src/wasm/js/node.mjs for why); and the class is exported too.
  let c = once(nodejs, "the wasm file read",
    "const wasmPath = `${__dirname}/overdue_bg.wasm`;\nconst wasmBytes = require('fs').readFileSync(wasmPath);",
    `let wasmBytes = null;
try {
    wasmBytes = require('fs').readFileSync(\`\${__dirname}/overdue_bg.wasm\`);
} catch {}
if (wasmBytes === null || wasmBytes.length !== ${wasmSize}) wasmBytes = Buffer.from(require('./overdue_bg.wasm.base64.cjs'), 'base64');`);
  c = wrapThrows(prepend(c, errors.replace(/^export /gm, "")));
  return { web: w, cjs: c + cjsTail };
}

// The loader's declarations: wasm-bindgen's name DOM types (so they fail under lib "es2022") and
// describe its own loader; src/wasm/js/init.d.ts describes overdue's.
export function patchTypes(dts, initTypes, { storage }) {
  const cut = dts.indexOf("export type InitInput =");
  const tail = dts.slice(cut);
  if (cut < 0 || !tail.trimEnd().endsWith("Promise<InitOutput>;") || (tail.match(/^export /gm) ?? []).length !== 5) {
    throw new Error("glue.mjs: wasm-bindgen's loader declarations changed; review src/wasm/js/init.d.ts against them");
  }
  // wasm-bindgen writes a JsValue parameter as required even when `undefined` is declared; the
  // storage functions' key is optional, so the argument is too.
  const optional = "(input: { key?: string | null; storage?: StorageLike | null } | undefined)";
  const head = dts.slice(0, cut);
  if (head.split(optional).length - 1 !== (storage ? 2 : 0)) throw new Error("glue.mjs: expected loadWorkspace and listBackups to take an optional key");
  return head.replaceAll(optional, "(input?: { key?: string | null; storage?: StorageLike | null })") + initTypes;
}

// The Node ESM entry checks the file it reads against the size of this build's wasm.
export function patchNodeEntry(text, wasmSize) {
  return once(text, "the wasm size", "const WASM_BYTES = 0;", `const WASM_BYTES = ${wasmSize};`);
}
