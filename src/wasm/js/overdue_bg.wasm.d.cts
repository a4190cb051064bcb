// `require("overdue/overdue_bg.wasm")` gives what the bundler makes of a .wasm file: its URL or a
// compiled WebAssembly.Module, either of which `init({ module_or_path })` takes.
import type { InitInput } from "./overdue.cjs";
declare const wasm: InitInput;
export = wasm;
