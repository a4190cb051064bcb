// Rollup: node-resolve for the package, and the one plugin the README names for the wasm file.
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { importMetaAssets } from "@web/rollup-plugin-import-meta-assets";

export default {
  input: "main.js",
  output: { dir: "dist-rollup", format: "es" },
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
