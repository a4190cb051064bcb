// Notices: overdue's renderNotice against what a JavaScript developer would write with handlebars —
// a template compiled once, decimal.js for the balances, Intl for money and dates, the invoice table
// padded by hand — producing the same subject and text, checked character for character.
import Handlebars from "handlebars";
import Decimal from "decimal.js";
import { rng } from "./data.mjs";

const AS_OF = "2026-11-23";
const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** `n` consolidated notices, each to one customer with five overdue GBP invoices, some partly paid. */
export function noticeInputs(n) {
  const r = rng(7);
  const sender = {
    name: "Harbour Lane Design Ltd", email: "accounts@harbourlane.example", signatory: "Priya Shah",
    paymentLink: "https://pay.harbourlane.example/", bankDetails: "Sort code 20-00-00\nAccount 55555555",
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    const customer = { id: `C${i}`, name: `Customer ${i} Ltd` };
    const invoices = [];
    for (let k = 0; k < 5; k++) {
      const due = Date.UTC(2026, 9, 1) + Math.floor(r() * 45) * DAY;
      const amount = (Math.round(Math.exp(4 + r() * 5)) + Math.floor(r() * 100) / 100).toFixed(2);
      const payments = r() < 0.3 ? [{ date: iso(due - 5 * DAY), amount: (Number(amount) / 4).toFixed(2) }] : [];
      invoices.push({ id: `INV-${i}-${k}`, customer, currency: "GBP", amount, issueDate: iso(due - 30 * DAY), dueDate: iso(due), payments });
    }
    out.push({ asOf: AS_OF, stage: "friendly", channel: "email", language: "en", output: "text", sender, customer: { contactName: `Contact ${i}` }, invoices });
  }
  return out;
}

const SUBJECT = Handlebars.compile("Payment reminder: {{#if several}}invoices{{else}}invoice{{/if}} {{numbers}}", { noEscape: true });
const TEXT = Handlebars.compile(
  `Dear {{contact}},

We have not yet received payment of {{#if several}}the invoices below, which total {{total}}{{else}}the {{total}} outstanding on invoice {{numbers}}, which was due on {{oldestDue}}{{/if}}. It may simply have been overlooked, so this is a friendly reminder.

{{table}}

Please arrange payment by {{replyBy}}. If you have already paid, thank you: please let us know the date of payment so that we can match it to your account.

You can pay online at {{link}}, or by bank transfer to:
{{#each bank}}{{this}}
{{/each}}Please quote {{#if several}}the invoice numbers{{else}}invoice number {{numbers}}{{/if}} as the payment reference.

Kind regards,
{{signatory}}
{{sender}}
{{email}}`,
  { noEscape: true },
);

const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const fmtDate = (s) => longDate.format(new Date(s));
const fmtMoney = (d) => money.format(d.toNumber());

function table(rows, total) {
  const cells = [["Invoice", "Due date", "Amount", "Outstanding", "Days overdue"], ...rows];
  const totalRow = ["Total", "", "", total, ""];
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...[...cells, totalRow].map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd();
  return [...cells.map(line), "-".repeat(widths.reduce((a, b) => a + b, 0) + 8), line(totalRow)].join("\n");
}

/** The peer: one notice's subject and text. */
export function handlebarsNotice(input) {
  const asOf = Date.parse(input.asOf);
  const rows = [];
  let total = new Decimal(0);
  let oldest = null;
  const open = [];
  for (const inv of input.invoices) {
    let outstanding = new Decimal(inv.amount);
    for (const p of inv.payments) if (Date.parse(p.date) <= asOf) outstanding = outstanding.minus(p.amount);
    if (outstanding.lte(0)) continue;
    open.push({ inv, outstanding });
  }
  open.sort((a, b) => a.inv.dueDate.localeCompare(b.inv.dueDate) || a.inv.id.localeCompare(b.inv.id));
  for (const { inv, outstanding } of open) {
    const days = Math.max(0, Math.round((asOf - Date.parse(inv.dueDate)) / DAY));
    rows.push([inv.id, fmtDate(inv.dueDate), fmtMoney(new Decimal(inv.amount)), fmtMoney(outstanding), days > 0 ? String(days) : ""]);
    total = total.plus(outstanding);
    oldest ??= inv.dueDate;
  }
  const ids = open.map((o) => o.inv.id);
  const numbers = ids.length > 1 ? `${ids.slice(0, -1).join(", ")} and ${ids.at(-1)}` : ids[0];
  const view = {
    several: ids.length > 1, numbers, total: fmtMoney(total), oldestDue: fmtDate(oldest), table: table(rows, fmtMoney(total)),
    replyBy: fmtDate(iso(asOf + 7 * DAY)), contact: input.customer.contactName, link: input.sender.paymentLink,
    bank: input.sender.bankDetails.split("\n"), signatory: input.sender.signatory, sender: input.sender.name, email: input.sender.email,
  };
  return { subject: SUBJECT(view), text: TEXT(view) };
}
