// A static file server for the calculator page and the browser tests: correct MIME types (wasm needs
// application/wasm for streaming compilation), the page's Content-Security-Policy, no directory
// listings, nothing outside the root. Usage: node scripts/serve.mjs [--root www] [--port 8080]
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8", ".webmanifest": "application/manifest+json",
};

/** The headers of www/_headers (the one place they are written, in the format Netlify and
 * Cloudflare Pages read): name → value, for the `/*` rule. */
export function siteHeaders(root = fileURLToPath(new URL("../www", import.meta.url))) {
  const out = {};
  let inRule = false;
  for (const line of readFileSync(join(root, "_headers"), "utf8").split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    if (!/^\s/.test(line)) { inRule = line.trim() === "/*"; continue; }
    const at = line.indexOf(":");
    if (inRule && at > 0) out[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return out;
}

export const CSP = siteHeaders()["content-security-policy"];

export function startServer({ root, port = 8080, host = "127.0.0.1", csp = true }) {
  const base = resolve(root);
  // A copy of the page may lack _headers: then the ones next to this script's www/.
  const headers = Object.entries(siteHeaders(existsSync(join(base, "_headers")) ? base : undefined))
    .filter(([k]) => csp || k !== "content-security-policy");
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) throw Object.assign(new Error("outside"), { status: 403 });
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, "index.html");
        info = await stat(path);
      }
      const body = await readFile(path);
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "content-length": body.length,
        "cache-control": "no-cache",
        ...Object.fromEntries(headers),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      const status = e.status ?? (e.code === "ENOENT" || e.code === "ENOTDIR" ? 404 : 500);
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(status === 404 ? "Not found\n" : "Error\n");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
  const root = opt("--root", "www");
  const port = Number(opt("--port", process.env.PORT ?? 8080));
  const host = opt("--host", "127.0.0.1");
  await startServer({ root, port, host });
  console.log(`Serving ${root}/ on http://localhost:${port}/  (Ctrl+C to stop)`);
}
