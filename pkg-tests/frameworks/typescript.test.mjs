// TypeScript 5.9 and the current major (7) on the packed package, --strict: the program in apps/ts
// compiled as CommonJS (node16) and ESM (nodenext) and run, checked under bundler resolution, and
// the declarations alone under lib es2022 with neither DOM nor @types/node.
import assert from "node:assert/strict";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { EXPECTED } from "./expected.mjs";
import { app, project, sh } from "./lib.mjs";

const COMPILERS = [["5.9", join(project, "node_modules/typescript/bin/tsc")], ["7", join(project, "node_modules/typescript-7/bin/tsc")]];
// By hand: the £1,000 of apps/ts/main.ts is 59 days late on 31 Mar 2026, its interest as in expected.mjs.
const PRINTED = { interest: EXPECTED.interest, total: "1000.00", code: "invalid_date", path: "asOf", caught: true };

for (const [version, tsc] of COMPILERS) {
  test(`TypeScript ${version}: CommonJS (node16) and ESM (nodenext) builds run; bundler and bare es2022 type-check`, () => {
    const dir = app("ts");
    assert.match(sh(dir, process.execPath, [tsc, "--version"]), new RegExp(`Version ${version.replace(".", "\\.")}`));
    for (const [type, resolution] of [["commonjs", "node16"], ["module", "nodenext"]]) {
      writeFileSync(join(dir, "package.json"), JSON.stringify({ type }));
      rmSync(join(dir, "dist"), { recursive: true, force: true });
      sh(dir, process.execPath, [tsc, "-p", ".", "--module", resolution, "--moduleResolution", resolution]);
      const out = sh(dir, process.execPath, ["dist/main.js"]).trim();
      assert.deepEqual(JSON.parse(out), PRINTED, `${type} build (${resolution})`);
    }
    sh(dir, process.execPath, [tsc, "-p", ".", "--module", "esnext", "--moduleResolution", "bundler", "--noEmit"]);
    sh(dir, process.execPath, [tsc, "-p", "tsconfig.bare.json"]);
  });
}

test("arethetypeswrong finds no problem in the tarball, for every entry and resolution", () => {
  const tarball = readdirSync(project).find((f) => /^overdue-.*\.tgz$/.test(f));
  // attw exits non-zero on any problem; its table goes into the failure message.
  const out = sh(project, join(project, "node_modules/.bin/attw"), [tarball, "--format", "table-flipped"]);
  assert.match(out, /No problems found/);
});
