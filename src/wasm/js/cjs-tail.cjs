
// Appended by the build: the same `init`/`initSync` as the ESM entries, so one piece of code runs
// everywhere. The module above is already instantiated; both just hand back its exports.
exports.initSync = function initSync() { return wasm; };
exports.default = function init() { return Promise.resolve(wasm); };
