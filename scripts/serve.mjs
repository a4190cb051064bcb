// A static file server for the calculator page and the browser tests: correct MIME types (wasm needs
// application/wasm for streaming compilation), the page's Content-Security-Policy, no directory
// listings, nothing outside the root. Usage: node scripts/serve.mjs [--root www] [--port 8080]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8", ".webmanifest": "application/manifest+json",
};

// Scripts only from this origin; wasm compilation allowed; no inline script, no eval. Inline styles
// are allowed for the notice preview: a notice is a whole HTML document with its own <style>, shown
// in a sandboxed frame that inherits this policy (it never runs script).
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "frame-src 'self'",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join("; ");

export function startServer({ root, port = 8080, host = "127.0.0.1", csp = true }) {
  const base = resolve(root);
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
        ...(csp ? { "content-security-policy": CSP } : {}),
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
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
