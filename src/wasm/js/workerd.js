// Cloudflare Workers (workerd): compiling wasm from bytes is refused there, so the module arrives
// precompiled through a `.wasm` import (wrangler's CompiledWasm rule) and is instantiated at module
// scope, before the first request.
import wasm from "./overdue_bg.wasm";
import { initSync } from "./overdue.js";

initSync({ module: wasm });

export * from "./overdue.js";
export { default } from "./overdue.js";
