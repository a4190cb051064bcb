// Batch: the escalation ladder for a CSV ledger, written to files.
//   node batch.mjs [ledger.csv] [out-dir] [asOf]
// For each customer: today's notice (what nextActions says to send), and the whole ladder — every
// stage's notice as it would read on the day it falls due — to review the wording in advance.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { importInvoicesCsv, nextActions, previewLadder, renderNotice } from "overdue";

const here = (f) => new URL(f, import.meta.url).pathname;
const [ledgerPath = here("ledger.csv"), outDir = "notices", asOf = new Date().toISOString().slice(0, 10)] = process.argv.slice(2);

const sender = {
  name: "Harbour Lane Design Ltd", address: "12 Harbour Lane\nBristol BS1 4RN", email: "accounts@harbourlane.example",
  phone: "+44 117 496 0000", bankDetails: "Sort code 20-00-00\nAccount 55555555", signatory: "Priya Shah",
};
// Who to write to at each customer: your own address book, not the accounting export.
const contacts = JSON.parse(readFileSync(here("contacts.json"), "utf8"));

// The ledger as the accounting program exports it; the importer reads quoting, separators and
// dates, and says which rows it could not read.
const imported = importInvoicesCsv({
  text: readFileSync(ledgerPath, "utf8"),
  mapping: { id: "invoice", customerId: "customer_id", customerName: "customer", currency: "currency", amount: "amount", issueDate: "issued", dueDate: "due", paid: "paid" },
  dateFormat: "YYYY-MM-DD",
});
if (!imported.ready || imported.errorCount) throw new Error(`the ledger did not import: ${JSON.stringify(imported.errors.slice(0, 3))}`);
const invoices = imported.invoices;
// A real run keeps the notices it has sent and passes them here and to renderNotice, so the ladder
// moves on and the letters speak only of contact that happened. This example starts from none.
const history = [];

const customerOf = (id, currency) => invoices.filter((i) => i.customer.id === id && i.currency === currency);
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const write = (dir, name, notice) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.txt`), `Subject: ${notice.subject}\n\n${notice.text}\n`);
  writeFileSync(join(dir, `${name}.html`), notice.html);
};

// Today's notices: all of the customer's invoices go in; each keeps its own stage (invoiceStages),
// so one never reminded is listed rather than demanded, and the notice announces the next stage.
const today = nextActions({ asOf, invoices, history });
for (const action of today.actions) {
  const notice = renderNotice({
    asOf, stage: action.template, channel: action.channel, sender, invoices: customerOf(action.customerId, action.currency),
    history, invoiceStages: action.invoices, nextStage: action.nextStage, fees: action.fees,
    customer: { contactName: contacts[action.customerId] ?? null },
  });
  write(join(outDir, "today"), `${slug(action.name)}-${action.stageId}`, notice);
  console.log(`${asOf}  ${action.stageName.padEnd(34)} ${action.channel.padEnd(7)} ${action.name}`);
}

// The whole ladder per customer, each stage rendered on its own date, with the earlier stages in
// its history as they would have been sent.
const customers = [...new Set(invoices.map((i) => i.customer.id))];
let written = 0;
for (const id of customers) {
  const mine = invoices.filter((i) => i.customer.id === id);
  const oldest = mine.reduce((a, b) => (a.dueDate <= b.dueDate ? a : b));
  const steps = previewLadder({ asOf, invoice: oldest });
  for (const [n, step] of steps.entries()) {
    const sent = steps.slice(0, n).map((s) => ({ customerId: id, stageId: s.stageId, date: s.date, channel: s.channel }));
    const issued = mine.filter((i) => i.issueDate <= step.date);
    const notice = renderNotice({
      asOf: step.date, stage: step.stageId, channel: step.channel, sender, invoices: issued, history: sent,
      customer: { contactName: contacts[id] ?? null },
    });
    write(join(outDir, "ladder", slug(oldest.customer.name)), `${n + 1}-${step.stageId}`, notice);
    written++;
  }
}
console.log(`${today.actions.length} notices for ${asOf} in ${join(outDir, "today")}; ${written} ladder notices in ${join(outDir, "ladder")}`);
