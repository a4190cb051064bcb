// Put at the top of both glues by scripts/build-pkg.mjs (`export` is dropped for the CommonJS one).

/** What every overdue function throws: `code` is stable (see `errorCodes()`), `path` points into the input. */
export class OverdueError extends Error {
  constructor(code, message, path = "") {
    super(message);
    this.code = code;
    this.path = path;
  }
}
OverdueError.prototype.name = "OverdueError";

/**
 * True for an error overdue threw. Unlike `instanceof`, it also holds when two copies of the package
 * are loaded (its ESM and CommonJS builds, or two bundles).
 */
export function isOverdueError(e) {
  return e instanceof Error && e.name === "OverdueError" && typeof e.code === "string" && typeof e.path === "string";
}

// The core builds its errors as plain `Error`s (cheaper in wasm than calling into a JS class);
// giving them this prototype on the way out makes `instanceof OverdueError` hold.
function overdueError(e) {
  if (e instanceof Error && e.name === "OverdueError" && !(e instanceof OverdueError)) Object.setPrototypeOf(e, OverdueError.prototype);
  return e;
}
