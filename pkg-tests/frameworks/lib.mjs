// The framework pkg-tests' project: the frameworks pinned in ./package-lock.json, installed once per
// lock into a cache outside the repository (a project of its own, as a developer's would be, so no
// framework mistakes overdue's repository for its workspace), with the packed overdue tarball
// unpacked into its node_modules afresh on every run.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
const lock = readFileSync(join(here, "package-lock.json"));
export const project = join(process.env.OVERDUE_FRAMEWORKS_CACHE ?? join(homedir(), ".cache/overdue-frameworks"),
  createHash("sha256").update(lock).digest("hex").slice(0, 12));
export const bin = (name) => join(project, "node_modules/.bin", name);

/** Installs the frameworks when this lock is new here, then puts the packed package in place. */
export function prepare() {
  if (!existsSync(join(project, "node_modules/.package-lock.json"))) {
    mkdirSync(project, { recursive: true });
    cpSync(join(here, "package.json"), join(project, "package.json"));
    cpSync(join(here, "package-lock.json"), join(project, "package-lock.json"));
    console.log(`installing the frameworks into ${project} (once per lock file)`);
    // `npm install` rather than `npm ci`: the lock holds only this platform's optional binaries (bun).
    execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: project, stdio: "inherit" });
  }
  const out = execFileSync("npm", ["pack", join(repo, "pkg"), "--pack-destination", project, "--json"], { encoding: "utf8" });
  const [{ filename }] = JSON.parse(out);
  const target = join(project, "node_modules/overdue");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target);
  // What `npm install overdue-x.tgz` does for a package without dependencies, minus npm's tree work.
  execFileSync("tar", ["xzf", join(project, filename), "-C", target, "--strip-components=1"]);
  return join(project, filename);
}

/** A fresh copy of apps/<name> (and apps/shared) in the project; returns its directory. */
export function app(name) {
  if (!existsSync(join(project, "node_modules/overdue/package.json"))) {
    throw new Error("the framework project is not prepared: run `node pkg-tests/frameworks/run.mjs`");
  }
  for (const n of [name, "shared"]) {
    rmSync(join(project, "apps", n), { recursive: true, force: true });
    cpSync(join(here, "apps", n), join(project, "apps", n), { recursive: true });
  }
  return join(project, "apps", name);
}

/** Runs a command to completion; throws with its output when it fails. */
export function sh(cwd, cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, timeout: 300_000 });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}) in ${cwd}:\n${output.slice(-4000)}`);
  return output;
}

export async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    }).on("error", fail);
  });
}

/** Starts a server process and waits until `url` answers; returns a stop function. */
export async function serve(cwd, cmd, args, url, env = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  const stop = () => { try { process.kill(-child.pid, "SIGTERM"); } catch {} };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return { stop, log: () => log };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  stop();
  throw new Error(`${cmd} ${args.join(" ")} did not answer at ${url}:\n${log.slice(-3000)}`);
}

/** Opens `url` in headless Chromium and returns the JSON the page puts in `document.body.dataset.result`. */
export async function resultInChromium(url) {
  const { launch } = await import("../lib/browser.mjs");
  const { context, close } = await launch();
  const errors = [];
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(url);
    await page.waitForFunction(() => document.body?.dataset.result, null, { timeout: 20000 })
      .catch((e) => { throw new Error(`${e.message}\npage errors: ${errors.join("\n")}`); });
    return JSON.parse(await page.evaluate(() => document.body.dataset.result));
  } finally {
    await close();
  }
}
