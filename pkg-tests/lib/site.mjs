// The page as `make serve` serves it, built from www/ and the installed package, for browser tests.
import { cpSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { app, requireApp, root, work } from "./app.mjs";
import { startServer } from "../../scripts/serve.mjs";

/** Copies the page and the packed package (plus axe-core, for the accessibility check) and serves
 *  them with the real Content-Security-Policy; returns `{ origin, close }`. */
export async function serveSite(name = "www", { headers = true } = {}) {
  requireApp();
  const site = join(work, name);
  cpSync(join(root, "www"), site, { recursive: true, filter: (src) => !src.includes(`${join(root, "www", "pkg")}`) });
  mkdirSync(join(site, "pkg"), { recursive: true });
  const pkgDir = join(app, "node_modules/overdue");
  // As `make www` lays it out: the whole package, the entry points' folders included.
  for (const f of readdirSync(pkgDir)) cpSync(join(pkgDir, f), join(site, "pkg", f), { recursive: true });
  cpSync(join(root, "node_modules/axe-core/axe.min.js"), join(site, "axe.min.js"));
  // Without headers: a host such as GitHub Pages, where only the page's own <meta> protects it.
  const server = await startServer({ root: site, port: 0, csp: headers });
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
