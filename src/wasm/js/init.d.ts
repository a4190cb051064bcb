// Put in place of wasm-bindgen's loader declarations by scripts/glue.mjs. Declared by shape, not
// with lib "dom" names (RequestInfo, BufferSource, WebAssembly.Module), so the package type-checks
// under `lib: ["es2022"]` with or without @types/node; DOM and Node values fit these shapes.

/** A compiled `WebAssembly.Module` (from any realm: a framework's sandbox hands over its own). */
export type WasmModule = object;
/** The bytes of `overdue_bg.wasm`: an `ArrayBuffer`, a `Uint8Array`, a Node `Buffer`. */
export type WasmBytes = ArrayBufferLike | ArrayBufferView;
/** A fetch `Response` for `overdue_bg.wasm`. */
export interface WasmResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly url: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
/** Where `overdue_bg.wasm` is: a URL as text, a `URL`, or a `Request`. */
export type WasmLocation = string | { readonly href: string } | { readonly url: string; readonly method: string };

export type InitInput = WasmLocation | WasmResponse | WasmBytes | WasmModule;
export type SyncInitInput = WasmBytes | WasmModule;

export interface InitOutput {
  readonly memory: { readonly buffer: ArrayBuffer };
}

/**
 * Instantiates overdue synchronously from a compiled module or the wasm's bytes. Needed only where
 * `init()` cannot fetch: Cloudflare Workers and Vercel Edge get this done by the package itself.
 *
 * # Errors
 * `invalid_value` at `module` for anything else (a URL or a Response needs `await init(...)`);
 * `wasm_not_found` for bytes that are not overdue's wasm.
 */
export function initSync(options: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Loads overdue in a browser: once, before any other call (later calls return at once). With no
 * argument it fetches `overdue_bg.wasm` next to the module, which Vite, webpack, Next.js and Parcel
 * ship by themselves; elsewhere pass its URL (see the README's "Bundlers and frameworks"). In Node,
 * Deno, Bun and the edge runtimes the package is ready on import and this resolves at once.
 *
 * ```js
 * import init, { ageReceivables } from "overdue";
 * await init();
 * ```
 *
 * # Errors
 * Rejects with `wasm_not_found` when the file cannot be fetched or is something else (an HTML page
 * served in its place), naming the URL; `invalid_value` for an argument of another kind.
 */
export default function init(options?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
