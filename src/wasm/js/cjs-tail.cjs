
// Appended by the build: the same `init`/`initSync` as the ESM entries, so one piece of code runs
// everywhere. The module above is already instantiated; both just hand back its exports.
exports.initSync = function initSync() { return wasm; };
exports.default = function init() { return Promise.resolve(wasm); };
exports.OverdueError = OverdueError;
exports.isOverdueError = isOverdueError;
// TypeScript's and Babel's compiled `import init from "overdue"` read `.default` only when this is set.
Object.defineProperty(exports, "__esModule", { value: true });
