// The fresh project the packed tarball is installed into, shared by every pkg-test in one run.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const root = resolve(here, "..");
export const work = join(here, ".work");
export const app = join(work, "app");
export const bin = (name) => join(root, "node_modules/.bin", name);

/** npm-packs pkg/ and installs the tarball into a new project at .work/app. */
export function prepareApp() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const out = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", work, "--json"], { encoding: "utf8" });
  const [{ filename, files }] = JSON.parse(out);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "overdue-pkg-test-app", private: true, type: "module" }, null, 2));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, filename)], { cwd: app, stdio: "ignore" });
  cpSync(join(here, "cases.mjs"), join(app, "cases.mjs"));
  for (const f of readdirSync(join(here, "probes"))) cpSync(join(here, "probes", f), join(app, f));
  return { tarball: join(work, filename), files: files.map((f) => f.path) };
}

export function requireApp() {
  if (!existsSync(join(app, "node_modules/overdue/package.json"))) {
    throw new Error("pkg-tests/.work/app is missing: run the pkg-tests through `node pkg-tests/run.mjs`");
  }
  return app;
}
