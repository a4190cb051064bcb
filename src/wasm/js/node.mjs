// Node.js, `import`: the web glue instantiated synchronously, so the functions work as soon as the
// import resolves. `await init()` is accepted and does nothing.
//
// The wasm is read from the file beside this module, of the size the build wrote here, when it is
// there: plain Node, the fast path. Server bundlers (Next.js's Turbopack and webpack) move this
// module and rewrite `new URL(…, import.meta.url)`, so when the file is not found, or is another
// build's, the copy embedded in overdue_bg.wasm.base64.cjs is loaded instead: a chunk of its own,
// parsed only then (issue #23).
import { readFileSync } from "node:fs";
import { initSync } from "./overdue.js";

const WASM_BYTES = 0; // the build writes overdue_bg.wasm's size here

function besideThis() {
  try {
    const here = import.meta.url; // through a variable, so bundlers do not take it for an asset
    const bytes = readFileSync(new URL("./overdue_bg.wasm", here));
    return bytes.length === WASM_BYTES ? bytes : null;
  } catch {
    return null;
  }
}

initSync({ module: besideThis() ?? Buffer.from((await import("./overdue_bg.wasm.base64.cjs")).default, "base64") });

export * from "./overdue.js";
export { default } from "./overdue.js";
