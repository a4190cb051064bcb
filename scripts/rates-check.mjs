// Checks the reference-rate tables in data/rates/: the "known complete through" line, dates in
// order and unique, each rate a number (or "unknown" where a half-year was not found), a source on
// every row, half-year tables with every half-year from the first to the last, the "complete
// through" date on or after the last row, and every file named in SOURCES.md present. Prints
// "rates-check: N passed, M failed" for scripts/test.sh. Usage: node scripts/rates-check.mjs
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const dir = new URL("../data/rates/", import.meta.url).pathname;
const HALF_YEARLY = new Set(["de_basiszins.csv", "us_prompt_payment.csv"]);
// One unit per table and one for SOURCES.md: a unit passes when every check on it does.
let checks = 0;
const failed = [];
const units = new Map();
let unit = "";
const check = (ok, what) => {
  checks++;
  if (!ok) { failed.push(what); units.set(unit, false); } else if (!units.has(unit)) units.set(unit, true);
};

/** Splits one CSV line into cells, with "quoted, cells". */
function cells(line) {
  const out = [];
  let cur = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { out.push(cur); cur = ""; } else cur += c;
  }
  out.push(cur);
  return out;
}

const files = readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();
for (const f of files) {
  unit = f;
  const lines = readFileSync(join(dir, f), "utf8").split(/\r?\n/);
  const through = /^# known complete through (\d{4}-\d{2}-\d{2})$/.exec(lines[0] ?? "");
  check(through, `${f}: the first line says through which date it is complete`);
  const header = lines.findIndex((l) => l.startsWith("effective_date,"));
  check(header > 0 && lines[header] === "effective_date,rate_percent,source", `${f}: the header is effective_date,rate_percent,source`);
  const rows = lines.slice(header + 1).filter((l) => l.trim() && !l.startsWith("#")).map(cells);
  check(rows.length > 0, `${f}: has rows`);
  let last = "";
  for (const [i, r] of rows.entries()) {
    const [date, rate, source] = r;
    check(/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)), `${f} row ${i + 1}: a date (${date})`);
    check(date > last, `${f} row ${i + 1}: dates ascend (${last} then ${date})`);
    check(rate === "unknown" || /^-?\d+(\.\d+)?$/.test(rate), `${f} row ${i + 1}: a rate (${rate})`);
    check(rate === "unknown" || (Number(rate) > -5 && Number(rate) < 30), `${f} row ${i + 1}: a plausible rate (${rate})`);
    check(typeof source === "string" && source.trim().length > 10, `${f} row ${i + 1}: a source`);
    check(r.length === 3, `${f} row ${i + 1}: three cells`);
    last = date;
  }
  if (through) check(through[1] >= last, `${f}: complete through ${through[1]}, on or after the last row ${last}`);
  if (HALF_YEARLY.has(f)) {
    const halves = rows.map((r) => r[0]);
    check(halves.every((d) => d.endsWith("-01-01") || d.endsWith("-07-01")), `${f}: every row starts a half-year`);
    for (let i = 1; i < halves.length; i++) {
      const [y, m] = halves[i - 1].split("-").map(Number);
      const next = m === 1 ? `${y}-07-01` : `${y + 1}-01-01`;
      check(halves[i] === next, `${f}: no half-year missing after ${halves[i - 1]} (next is ${halves[i]})`);
    }
    if (through) {
      const [y, m] = last.split("-").map(Number);
      const end = m === 1 ? `${y}-06-30` : `${y}-12-31`;
      check(through[1] <= end, `${f}: complete through ${through[1]}, within the last half-year listed (ends ${end})`);
    }
  }
}
unit = "SOURCES.md";
const sources = readFileSync(join(dir, "SOURCES.md"), "utf8");
for (const name of new Set(sources.match(/\b[a-z]+_[a-z_]+\.csv\b/g) ?? [])) check(existsSync(join(dir, name)), `SOURCES.md names ${name}, which exists`);
for (const f of files) check(sources.includes(f), `SOURCES.md describes ${f}`);
for (const f of failed) console.log(`not ok: ${f}`);
const good = [...units.values()].filter(Boolean).length;
console.log(`rates-check: ${checks} checks on ${units.size} files; ${good} passed, ${units.size - good} failed`);
process.exit(failed.length ? 1 : 0);
