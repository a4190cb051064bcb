// Vercel Edge Functions: the bundler turns `?module` imports into a compiled WebAssembly.Module.
import wasm from "./overdue_bg.wasm?module";
import { initSync } from "./overdue.js";

initSync({ module: wasm });

export * from "./overdue.js";
export { default } from "./overdue.js";
