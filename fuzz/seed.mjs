// Writes the fuzzing seed corpora from the pkg-test cases and the bench generator.
import { writeFileSync, mkdirSync } from "node:fs";
import { CALLS, BAD, BAD_OTHER, GOOD } from "../pkg-tests/cases.mjs";
import { invoices, csv } from "../bench/data.mjs";

const SELECT = { normalizeInvoices: 0, ageReceivables: 1, ageReceivablesCsv: 2, receivablesKpis: 3, collectionWorklist: 4, paymentPlan: 5, lateCharges: 6, paymentRisk: 7, earlyPaymentDiscount: 8, nextActions: 9, previewLadder: 10, renderNotice: 11, validateTemplate: 12, noticeTemplate: 13, importInvoicesCsv: 14 };
const dir = new URL("./corpus/", import.meta.url).pathname;
let n = 0;
const seed = (fn, input) => {
  if (!(fn in SELECT) || input === undefined) return;
  const text = JSON.stringify(input);
  if (text === undefined) return;
  writeFileSync(`${dir}inputs/seed-${String(n++).padStart(3, "0")}`, Buffer.concat([Buffer.from([SELECT[fn]]), Buffer.from(text)]));
};
for (const [, fn, input] of CALLS) seed(fn, input);
for (const [, input] of BAD) seed("normalizeInvoices", input);
for (const [, fn, input] of BAD_OTHER) seed(fn, input);
for (const fn of Object.keys(SELECT)) seed(fn, { asOf: "2026-11-23", invoices: GOOD.invoices });
writeFileSync(`${dir}csv/seed-bench`, csv(invoices(50, 3)));
writeFileSync(`${dir}csv/seed-quoted`, 'Invoice Number;Customer;Customer Name;Currency;Total;Due Date;Amount Paid\r\n"A;1";c1;"x ""q""";GBP;1200.00;2026-10-31;200\r\n');
["net 30", "2/10 net 30", "1/15 n45", "due on receipt", "EOM", "net 30 EOM", "2% 10, Net 30", "1.5/10 net 60"].forEach((t, i) => writeFileSync(`${dir}terms/seed-${i}`, t));
// Workspaces: the demo and an empty one, selector 15 (the text is the file itself).
const { demoWorkspace } = await import("../www/demo.js");
for (const [i, ws] of [demoWorkspace("2026-11-23"), { version: 1, invoices: [] }].entries()) {
  writeFileSync(`${dir}inputs/seed-ws-${i}`, Buffer.concat([Buffer.from([15]), Buffer.from(JSON.stringify(ws))]));
}

// Templates: the built-in sources (the richest templates there are) and the test cases' custom ones.
mkdirSync(`${dir}template`, { recursive: true });
const api = await import("../pkg/node.mjs");
let t = 0;
for (const stage of ["friendly", "final", "plan", "legal"]) for (const channel of ["email", "letter", "phone", "sms"]) {
  const src = api.noticeTemplate({ stage, channel, language: ["en", "de", "fr"][t % 3] });
  writeFileSync(`${dir}template/seed-${String(t++).padStart(2, "0")}`, `${src.subject}\u0001${src.html ?? src.text}`);
}
for (const text of ["{{ customer.nmae }}", "{% for a in invoices %}{% for b in invoices %}{{ a.number }}{% endfor %}{% endfor %}", "{% if %}", "{{ invoices.9.number }}", "{% with customer as c %}{{ c.name | upper }}{% endwith %}", "{{ \"x\" }}{# c #}{{- total -}}"]) {
  writeFileSync(`${dir}template/seed-${String(t++).padStart(2, "0")}`, text);
}
// The render target reads a notice size from the first byte; the sanitiser takes the HTML alone.
for (const d of ["render", "sanitize"]) mkdirSync(`${dir}${d}`, { recursive: true });
let r = 0;
for (const stage of ["friendly", "final", "legal"]) for (const channel of ["email", "letter"]) {
  const src = api.noticeTemplate({ stage, channel, language: ["en", "de", "nl"][r % 3] });
  writeFileSync(`${dir}render/seed-${r}`, Buffer.concat([Buffer.from([r % 4]), Buffer.from(`${src.subject}\u0001${src.html}`)]));
  writeFileSync(`${dir}sanitize/seed-${r++}`, src.html);
}
writeFileSync(`${dir}render/seed-with`, "\u0003{% with invoices as x %}{% for a in x %}{% for b in x %}{{ b.number }}{% endfor %}{% endfor %}{% endwith %}");
writeFileSync(`${dir}sanitize/seed-attacks`, `<a href="jav&#x61;script:x" onclick=y title=a b=c>z</a><script>x</script><style>p{}</style><img src=data:x><p style="color:red;background:url(x)">`);
console.log(`wrote ${n} input seeds, ${t} template seeds and ${r} render and sanitiser seeds`);
