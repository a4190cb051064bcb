// webpack 5 as documented, nothing for overdue: `new URL(…, import.meta.url)` becomes an asset.
import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  entry: "./main.js",
  output: { path: fileURLToPath(new URL("./dist-webpack", import.meta.url)), filename: "main.js", clean: true },
};
