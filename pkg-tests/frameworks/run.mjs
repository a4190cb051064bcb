// The framework layer of the pkg-tests: real projects built with each bundler and framework from the
// packed tarball, then run (in Node, Bun or Chromium) and checked against hand-worked answers.
// Usage: node pkg-tests/frameworks/run.mjs [file filter]
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { here, prepare } from "./lib.mjs";

console.log(`packed ${prepare()}`);
const filter = process.argv[2] ?? "";
const tests = readdirSync(here).filter((f) => f.endsWith(".test.mjs") && f.includes(filter)).map((f) => join(here, f));
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...tests], { stdio: "inherit" });
process.exit(r.status ?? 1);
