// Bun (the npm package `bun`) running the shared jobs from the packed tarball, by `import` and by
// `require`, next to the Node and Deno runs of the other pkg-tests.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { EXPECTED } from "./expected.mjs";
import { app, bin, sh } from "./lib.mjs";

test("Bun: import and require", () => {
  const dir = app("web");
  writeFileSync(join(dir, "bun-esm.mjs"),
    'import * as overdue from "overdue";\nimport * as plan from "overdue/plan";\nimport { runJobs } from "../shared/jobs.js";\nconsole.log(JSON.stringify(runJobs(overdue, plan)));\n');
  writeFileSync(join(dir, "bun-cjs.cjs"),
    'const overdue = require("overdue");\nconst plan = require("overdue/plan");\nimport("../shared/jobs.js").then(({ runJobs }) => console.log(JSON.stringify(runJobs(overdue, plan))));\n');
  for (const file of ["bun-esm.mjs", "bun-cjs.cjs"]) {
    const out = sh(dir, bin("bun"), [file]).trim().split("\n").at(-1);
    assert.deepEqual(JSON.parse(out), EXPECTED, file);
  }
});
