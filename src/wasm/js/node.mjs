// Node.js, `import`: the web glue instantiated synchronously from the file next to it, so the
// functions work as soon as the import resolves. `await init()` is accepted and does nothing.
import { readFileSync } from "node:fs";
import { initSync } from "./overdue.js";

initSync({ module: readFileSync(new URL("./overdue_bg.wasm", import.meta.url)) });

export * from "./overdue.js";
export { default } from "./overdue.js";
