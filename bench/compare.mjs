// Compares builds of the package on the scenarios where the build profile matters, interleaving
// the builds so that a busy machine slows them alike. Usage:
//   node bench/compare.mjs DIR [DIR ...]      (each DIR a built package, e.g. pkg)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { invoices, csv, AS_OF } from "./data.mjs";
import { noticeInputs } from "./notices.mjs";
import { median } from "./stats.mjs";

const dirs = process.argv.slice(2).map((d) => resolve(d));
const apis = await Promise.all(dirs.map((d) => import(join(d, "node.mjs"))));

const ledger = invoices(100000, 1);
const importText = csv(invoices(100000, 9));
const notices = noticeInputs(10000);
const plans = Array.from({ length: 1000 }, (_, i) => ({ principal: (500 + i * 37.5).toFixed(2), currency: "USD", annualRate: (i % 24).toFixed(2), frequency: "monthly", firstDueDate: "2026-01-31", count: 60 }));
const scenarios = {
  "ageing 100k objects (summary)": (api) => api.ageReceivables({ asOf: AS_OF, invoices: ledger, detail: "summary" }),
  "late charges 100k": (api) => api.lateCharges({ asOf: AS_OF, invoices: ledger, regime: { kind: "contract", annualRate: "8" } }),
  "1,000 plans × 60": (api) => plans.map((p) => api.paymentPlan(p)),
  "10,000 notices": (api) => { for (const n of notices) api.renderNotice(n); },
  "CSV import 100k rows": (api) => api.importInvoicesCsv({ text: importText, dateFormat: "YYYY-MM-DD" }),
};
const start = (dir) => {
  const probe = `const t=performance.now();const m=await import(${JSON.stringify(join(dir, "node.mjs"))});` +
    `m.ageReceivables({asOf:"2026-11-23",invoices:[]});console.log(performance.now()-t);`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" }));
};

const rows = [];
const starts = dirs.map(() => []);
for (let i = 0; i < 11; i++) dirs.forEach((d, k) => starts[k].push(start(d)));
rows.push(["module start (ms)", ...starts.map((s) => median(s).toFixed(1))]);
rows.push(["wasm gzip (B)", ...dirs.map((d) => String(gzipSync(readFileSync(join(d, "overdue_bg.wasm")), { level: 9 }).length))]);
for (const [name, run] of Object.entries(scenarios)) {
  apis.forEach((api) => run(api));
  const ms = dirs.map(() => []);
  for (let i = 0; i < 5; i++) {
    apis.forEach((api, k) => {
      const t = performance.now();
      run(api);
      ms[k].push(performance.now() - t);
    });
  }
  rows.push([name + " (ms)", ...ms.map((m) => median(m).toFixed(0))]);
}
console.log(`| | ${dirs.map((d) => d.split("/").slice(-1)[0]).join(" | ")} |`);
console.log(`|---|${dirs.map(() => "---:").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
