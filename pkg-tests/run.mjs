// Runs the pkg-tests: packs pkg/ into a tarball, installs it into a fresh project, then runs every
// *.test.mjs here with node's test runner. Usage: node pkg-tests/run.mjs [file filter]
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { here, prepareApp } from "./lib/app.mjs";

const { tarball, files } = prepareApp();
console.log(`packed ${tarball} (${files.length} files: ${files.join(", ")})`);
const filter = process.argv[2] ?? "";
const tests = readdirSync(here).filter((f) => f.endsWith(".test.mjs") && f.includes(filter)).map((f) => join(here, f));
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...tests], { stdio: "inherit" });
process.exit(r.status ?? 1);
