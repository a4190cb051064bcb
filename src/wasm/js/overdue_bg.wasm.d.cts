// overdue_bg.wasm in base64, the module the Node entries instantiate.
declare const wasmBase64: string;
export = wasmBase64;
