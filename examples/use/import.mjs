import { importInvoicesCsv } from "overdue";

// As a spreadsheet or an accounting program exports it; `bytes` (a file's Uint8Array) works too.
const text = `Invoice Number,Client Name,Invoice Date,Due Date,Currency,Total,Amount Paid,Status
INV-0042,Hartley's Bakery,03/09/2026,03/10/2026,GBP,"1,250.00",250.00,Sent
INV-0043,Orchard Dental,15/09/2026,15/10/2026,GBP,480.00,0.00,Draft
`;
const { invoices, skipped, dateFormat, errors } = importInvoicesCsv({ text });
for (const i of invoices) console.log(i.id, i.customer.name, i.amount, i.dueDate, i.payments.map((p) => p.amount));
console.log(dateFormat, skipped.map((s) => `${s.text} ${s.reason} ${s.amount}`), errors.length);
