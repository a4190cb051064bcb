// Deno: the web glue instantiated from the file next to it (needs read access to the package).
import { initSync } from "./overdue.js";

initSync({ module: await Deno.readFile(new URL("./overdue_bg.wasm", import.meta.url)) });

export * from "./overdue.js";
export { default } from "./overdue.js";
