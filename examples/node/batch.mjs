// Batch: the escalation ladder for a small CSV ledger, written to files.
//   node batch.mjs [ledger.csv] [out-dir] [asOf]
// For each customer: today's notice (what nextActions says to send), and the whole ladder — every
// stage's notice as it would read on the day it falls due — to review the wording in advance.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { nextActions, previewLadder, renderNotice } from "overdue";

const [ledgerPath = new URL("ledger.csv", import.meta.url).pathname, outDir = "notices", asOf = new Date().toISOString().slice(0, 10)] =
  process.argv.slice(2);

const sender = {
  name: "Harbour Lane Design Ltd", address: "12 Harbour Lane\nBristol BS1 4RN", email: "accounts@harbourlane.example",
  phone: "+44 117 496 0000", bankDetails: "Sort code 20-00-00\nAccount 55555555", signatory: "Priya Shah",
};

// The ledger has no quoted fields, so a split is enough here; use a CSV library for real exports.
const [header, ...lines] = readFileSync(ledgerPath, "utf8").trim().split(/\r?\n/);
const cols = header.split(",");
const invoices = lines.map((line) => {
  const r = Object.fromEntries(line.split(",").map((v, i) => [cols[i], v]));
  return {
    id: r.invoice, customer: { id: r.customer_id, name: r.customer }, currency: r.currency, amount: r.amount,
    issueDate: r.issued, dueDate: r.due, payments: r.paid ? [{ date: r.issued, amount: r.paid }] : [],
    contact: r.contact,
  };
});
const contactOf = (id) => invoices.find((i) => i.customer.id === id)?.contact || null;
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const write = (dir, name, notice) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.txt`), `Subject: ${notice.subject}\n\n${notice.text}\n`);
  writeFileSync(join(dir, `${name}.html`), notice.html);
};

// Today's notices.
const today = nextActions({ asOf, invoices });
for (const action of today.actions) {
  const mine = invoices.filter((i) => action.invoices.some((a) => a.id === i.id));
  const notice = renderNotice({
    asOf, stage: action.template, channel: action.channel, sender, invoices: mine, fees: action.fees,
    customer: { contactName: contactOf(action.customerId) },
  });
  write(join(outDir, "today"), `${slug(action.name)}-${action.stageId}`, notice);
  console.log(`${asOf}  ${action.stageName.padEnd(34)} ${action.channel.padEnd(7)} ${action.name}`);
}

// The whole ladder per customer, each stage rendered on its own date.
const customers = [...new Set(invoices.map((i) => i.customer.id))];
let written = 0;
for (const id of customers) {
  const mine = invoices.filter((i) => i.customer.id === id);
  const oldest = mine.reduce((a, b) => (a.dueDate <= b.dueDate ? a : b));
  for (const [n, step] of previewLadder({ asOf, invoice: oldest }).entries()) {
    const open = mine.filter((i) => i.issueDate <= step.date && (i.dueDate <= step.date || step.stageId === "courtesy"));
    const notice = renderNotice({ asOf: step.date, stage: step.stageId, channel: step.channel, sender, invoices: open, customer: { contactName: contactOf(id) } });
    write(join(outDir, "ladder", slug(oldest.customer.name)), `${n + 1}-${step.stageId}`, notice);
    written++;
  }
}
console.log(`${today.actions.length} notices for ${asOf} in ${join(outDir, "today")}; ${written} ladder notices in ${join(outDir, "ladder")}`);
