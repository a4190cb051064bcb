// Limits: how much wasm memory a call leaves behind at 100k and 1M invoices (each in a fresh Node
// process, since a wasm memory only grows: its size after the call is the call's peak), and how the
// template check scales with the template's length.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { median } from "./stats.mjs";

/** Peak wasm memory of `fn` on `n` generated invoices, in a process of its own. */
function peak(root, pkgDir, fn, detail, n) {
  const script = `
    import { readFileSync } from "node:fs";
    const { invoices, AS_OF } = await import(${JSON.stringify(join(root, "bench/data.mjs"))});
    const g = await import(${JSON.stringify(join(pkgDir, "overdue.js"))});
    const w = g.initSync({ module: new WebAssembly.Module(readFileSync(${JSON.stringify(join(pkgDir, "overdue_bg.wasm"))})) });
    const ledger = invoices(${n}, 3);
    const before = w.memory.buffer.byteLength;
    const input = ${JSON.stringify(fn)} === "lateCharges"
      ? { asOf: AS_OF, invoices: ledger, regime: { kind: "contract", annualRate: "8" }, detail: ${JSON.stringify(detail)} }
      : { asOf: AS_OF, invoices: ledger };
    const t = performance.now();
    let outcome = "ok";
    try { g[${JSON.stringify(fn)}](input); } catch (e) { outcome = e.code ?? String(e); }
    const ms = performance.now() - t;
    console.log(JSON.stringify({ before, after: w.memory.buffer.byteLength, ms, outcome, jsonBytes: JSON.stringify(ledger).length }));`;
  return JSON.parse(execFileSync(process.execPath, ["--max-old-space-size=12000", "--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 1 << 20 }));
}

export function memoryPeaks(root, pkgDir, sizes) {
  const out = [];
  // The full late-charges report of a million invoices would be over 500 MB of JSON (refused as
  // too_large); at that size a caller asks for the customer totals.
  const cases = [["normalizeInvoices", null], ["lateCharges", "invoices"], ["lateCharges", "customers"]];
  for (const [fn, detail] of cases) {
    for (const n of sizes) {
      const r = peak(root, pkgDir, fn, detail, n);
      out.push({ fn, detail, n, ...r });
      console.log(`memory: ${fn} ${detail ?? ""} ${n}: wasm ${(r.after / 2 ** 20).toFixed(0)} MiB after (${(r.before / 2 ** 20).toFixed(1)} before), input JSON ${(r.jsonBytes / 1e6).toFixed(0)} MB, ${r.ms.toFixed(0)} ms, ${r.outcome}`);
    }
  }
  return out;
}

/** A template of about `chars` characters (whole repetitions of one paragraph): variables and
 * conditions, and with `loops` a loop over the invoices in each paragraph. */
function template(chars, loops = true) {
  const unit = "Dear {{ customer.name }}, {% if several %}invoices {{ invoiceNumbers }}{% else %}invoice{% endif %} total {{ total }}.\n"
    + (loops ? "{% for i in invoices %}{{ i.number }} {{ i.outstanding }}\n{% endfor %}" : "");
  return unit.repeat(Math.max(1, Math.floor(chars / unit.length)));
}

/** validateTemplate on one part of 10k and 100k characters, three parts of 100k, and a 1M part
 * (refused as too long: what the refusal costs). */
export function templateChecks(api, runs) {
  const cases = [
    ["one part, 10,000 characters, no loops", { text: template(10_000, false) }],
    ["one part, 100,000 characters (the limit), no loops", { text: template(100_000, false) }],
    ["one part, 10,000 characters, a loop per paragraph", { text: template(10_000) }],
    ["one part, 100,000 characters, a loop per paragraph", { text: template(100_000) }],
    ["three parts of 100,000 characters", { subject: template(100_000).replace(/\n/g, " "), text: template(100_000), html: template(100_000) }],
    ["one part, 1,000,000 characters", { text: template(1_000_000) }],
  ];
  const out = [];
  for (const [name, t] of cases) {
    const chars = Object.values(t).reduce((n, s) => n + s.length, 0);
    const ms = [];
    let result;
    for (let i = 0; i <= runs; i++) {
      const s = performance.now();
      try {
        result = api.validateTemplate({ template: t });
      } catch (e) {
        result = { code: e.code };
      }
      if (i > 0) ms.push(performance.now() - s);
    }
    const m = median(ms);
    out.push({ name, chars, ms: m, perK: (m * 1000) / chars, outcome: result.code ?? (result.ok ? "ok" : result.problems.map((p) => p.kind).join(", ")) });
    console.log(`validateTemplate ${name}: ${m.toFixed(1)} ms (${out.at(-1).outcome})`);
  }
  return out;
}

const MiB = 2 ** 20;

/** The BENCHMARKS.md section, between markers so that `node bench/limits.mjs` can refresh it alone. */
export function limitsSection(memory, checks) {
  const mem = memory
    .map((r) => `| \`${r.fn}\`${r.detail ? ` (detail "${r.detail}")` : ""} | ${r.n.toLocaleString("en")} | ${(r.jsonBytes / 1e6).toFixed(0)} MB | ${(r.after / MiB).toFixed(0)} MiB | ${r.ms.toFixed(0)} ms | ${r.outcome} |`)
    .join("\n");
  const chk = checks
    .map((c) => `| ${c.name} | ${c.chars.toLocaleString("en")} | ${c.ms.toFixed(1)} ms | ${c.perK.toFixed(3)} ms | ${c.outcome} |`)
    .join("\n");
  return `<!-- limits -->
## Limits: memory and template checks

Peak wasm memory of one call, each in a fresh Node process (a wasm memory never shrinks, so its size after
the call is the call's peak; it starts at ${(memory[0].before / MiB).toFixed(1)} MiB). Input and result both cross as JSON text:

| call | invoices | input JSON | wasm memory after | time | answer |
|---|---:|---:|---:|---:|---|
${mem}

\`validateTemplate\` (syntax, names, and a trial render against the largest notice, 1,000 invoices, within
the step budget of 2,000,000 steps a part), median of 5. Without loops the check grows with the
template's length; with loops the trial render is what costs, and the step budget bounds it (a template
whose loops cannot fit the largest notice is answered \`too_complex\`):

| template | characters | time | per 1,000 characters | answer |
|---|---:|---:|---:|---|
${chk}
<!-- /limits -->`;
}

// `node bench/limits.mjs [--pkg DIR]`: measures only these and replaces the section in BENCHMARKS.md.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const { resolve, dirname } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const args = process.argv.slice(2);
  const pkgDir = resolve(root, args.includes("--pkg") ? args[args.indexOf("--pkg") + 1] : "pkg");
  const api = await import(join(pkgDir, "node.mjs"));
  const section = limitsSection(memoryPeaks(root, pkgDir, [100_000, 1_000_000]), templateChecks(api, 5));
  const file = join(root, "BENCHMARKS.md");
  const md = readFileSync(file, "utf8");
  const at = md.indexOf("<!-- limits -->");
  const end = md.indexOf("<!-- /limits -->");
  const next = at >= 0 ? md.slice(0, at) + section + md.slice(end + "<!-- /limits -->".length) : md.replace("## Reading these numbers", `${section}\n\n## Reading these numbers`);
  writeFileSync(file, next);
  console.log("wrote the limits section of BENCHMARKS.md");
}
