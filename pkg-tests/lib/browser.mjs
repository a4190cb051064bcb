// Headless Chromium through playwright-core, with the launch flags that work on this machine kind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export async function launch() {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "overdue-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
  const close = async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); };
  return { context, close };
}

/** Serves `dir`, opens `path`, waits for `ready` (an expression) and returns `fn` evaluated in the page. */
export async function runInChromium(dir, path, fn, ready, { csp = false } = {}) {
  const server = await startServer({ root: dir, port: 0, csp });
  const { port } = server.address();
  const { context, close } = await launch();
  const errors = [];
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}${path}`);
    await page.waitForFunction(ready, null, { timeout: 15000 }).catch((e) => { throw new Error(`${e.message}\npage errors: ${errors.join("\n")}`); });
    return await page.evaluate(fn);
  } finally {
    await close();
    server.close();
  }
}
