// overdue's loader, put in place of wasm-bindgen's by scripts/build-pkg.mjs. It differs in what it
// accepts and in how it fails:
// - a WebAssembly.Module, bytes, a Response or a URL from any realm: frameworks hand over objects
//   made in another realm (Next.js's edge sandbox), where `instanceof` is false for a real Module;
// - every failure is an OverdueError with a code and a sentence saying what to do, including a call
//   made before the module is ready (`not_initialised`) and a wasm file that was not found.

function isModule(m) {
  if (m === null || typeof m !== "object") return false;
  try {
    WebAssembly.Module.exports(m); // a brand check: throws for anything but a compiled module
    return true;
  } catch {
    return false;
  }
}
const tag = (v) => Object.prototype.toString.call(v);
const isBytes = (v) => ArrayBuffer.isView(v) || tag(v) === "[object ArrayBuffer]" || tag(v) === "[object SharedArrayBuffer]";
// By their tags only: in Node the first touch of the `Response` global loads its fetch
// implementation, which had added 18 ms to every `import` of the package.
const isResponse = (v) => tag(v) === "[object Response]";
const isLocation = (v) => typeof v === "string" || tag(v) === "[object URL]" || tag(v) === "[object Request]" ||
  (typeof URL === "function" && v instanceof URL);

// `init({ module_or_path })`, `initSync({ module })`, either key in either, or the value itself.
function chosen(arg) {
  if (arg === null || typeof arg !== "object" || isModule(arg) || isBytes(arg) || isResponse(arg) || isLocation(arg)) return arg;
  if (typeof arg.then === "function") return arg;
  return "module_or_path" in arg ? arg.module_or_path : arg.module;
}

function notInitialised() {
  return new Proxy({}, {
    get(_, name) {
      const what = typeof name === "string" && /^[a-z]/.test(name) ? `${name}() was` : "overdue was";
      throw new OverdueError("not_initialised",
        `${what} called before overdue finished loading. Call \`await init()\` once first (import init from "overdue"), or \`initSync({ module })\` with the wasm.`);
    },
  });
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
function notWasm(bytes, where) {
  const head = new Uint8Array(bytes instanceof ArrayBuffer || tag(bytes) === "[object ArrayBuffer]" ? bytes : bytes.buffer, bytes.byteOffset ?? 0, Math.min(4, bytes.byteLength));
  if (WASM_MAGIC.every((b, i) => head[i] === b)) return null;
  const text = String.fromCharCode(...head).replace(/[^\x20-\x7e]/g, "?");
  return new OverdueError("wasm_not_found",
    `${where} not overdue_bg.wasm: it starts with "${text}" (a web page sent in its place, most likely). ${WHERE_HINT}`);
}
const WHERE_HINT = "Serve the package's overdue_bg.wasm and pass its URL: init({ module_or_path: \"/assets/overdue_bg.wasm\" }); the README's \"Bundlers and frameworks\" table shows the one line each bundler needs.";

function initSync(arg) {
  if (wasmInstance !== undefined) return wasm;
  let module = chosen(arg);
  if (!isModule(module)) {
    if (!isBytes(module)) {
      throw new OverdueError("invalid_value",
        `initSync needs { module } with a WebAssembly.Module or the bytes of overdue_bg.wasm; got ${module === undefined ? "nothing" : tag(module)}. For a URL or a Response use \`await init(...)\`.`,
        "module");
    }
    const wrong = notWasm(module, "initSync() was given bytes that are");
    if (wrong) throw wrong;
    module = new WebAssembly.Module(module);
  }
  return __wbg_finalize_init(new WebAssembly.Instance(module, __wbg_get_imports()), module);
}

let loading;
async function init(arg) {
  if (wasmInstance !== undefined) return wasm;
  if (loading === undefined) {
    loading = load(arg);
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}

async function load(arg) {
  let source = await chosen(arg);
  if (source === undefined) {
    if (!import.meta.url) {
      throw new OverdueError("wasm_not_found",
        `init() cannot tell where overdue_bg.wasm is: this bundle has no import.meta.url (an esbuild IIFE bundle, for one). ${WHERE_HINT}`,
        "module_or_path");
    }
    // Written exactly so, bundlers that know the pattern (Vite, webpack, Turbopack, Parcel) copy the file.
    source = new URL("overdue_bg.wasm", import.meta.url);
  }
  const imports = __wbg_get_imports();
  if (isLocation(source)) {
    const where = String(source.url ?? source);
    try {
      source = await fetch(source);
    } catch (e) {
      throw new OverdueError("wasm_not_found", `init() could not fetch ${where}: ${e.message}. ${WHERE_HINT}`, "module_or_path");
    }
  }
  let instance;
  if (isModule(source)) {
    instance = await WebAssembly.instantiate(source, imports);
    return __wbg_finalize_init(instance, source);
  }
  if (isResponse(source)) {
    if (!source.ok) {
      throw new OverdueError("wasm_not_found",
        `init() fetched ${source.url || "overdue_bg.wasm"} and the server answered ${source.status} ${source.statusText}. ${WHERE_HINT}`,
        "module_or_path");
    }
    const type = (source.headers.get("Content-Type") ?? "").split(";")[0].trim();
    if (type === "application/wasm" && typeof WebAssembly.instantiateStreaming === "function") {
      const r = await WebAssembly.instantiateStreaming(source, imports);
      return __wbg_finalize_init(r.instance, r.module);
    }
    const where = `What the server sent for ${source.url || "overdue_bg.wasm"} is`;
    source = await source.arrayBuffer();
    const wrong = notWasm(source, where);
    if (wrong) throw wrong;
  } else if (isBytes(source)) {
    const wrong = notWasm(source, "init() was given bytes that are");
    if (wrong) throw wrong;
  } else {
    throw new OverdueError("invalid_value",
      `init() takes { module_or_path } with a URL, a Response, a WebAssembly.Module or the bytes of overdue_bg.wasm; got ${tag(source)}.`,
      "module_or_path");
  }
  const r = await WebAssembly.instantiate(source, imports);
  return __wbg_finalize_init(r.instance, r.module);
}

export { initSync, init as default };
