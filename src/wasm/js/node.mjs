// Node.js, `import`: the web glue instantiated synchronously from the embedded wasm, so the
// functions work as soon as the import resolves. `await init()` is accepted and does nothing.
// Embedded rather than read from the file beside it: server bundlers rewrite that path (issue #23).
import wasmBase64 from "./overdue_bg.wasm.base64.cjs";
import { initSync } from "./overdue.js";

initSync({ module: Buffer.from(wasmBase64, "base64") });

export * from "./overdue.js";
export { default } from "./overdue.js";
