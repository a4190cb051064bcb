// The import fixtures of tests/fixtures/import/: each file is a comment naming its source, a line of
// three dashes, then the export byte for byte (tests/import_exports.rs reads them the same way).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./app.mjs";

export function importFixture(name) {
  const all = readFileSync(join(root, "tests/fixtures/import", name));
  return all.subarray(all.indexOf("\n---\n") + 5);
}
