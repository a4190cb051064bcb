// `import wasm from "overdue/overdue_bg.wasm"` gives what the bundler makes of a .wasm file: its URL
// (esbuild's file loader, Rollup's url plugins) or a compiled WebAssembly.Module (wrangler, Next.js
// edge). Either is what `init({ module_or_path })` takes.
import type { InitInput } from "./overdue.js";
declare const wasm: InitInput;
export default wasm;
