// Putting an exported workspace file together with the one in this browser (two computers' lists,
// a colleague's export). Nothing of the user's own is overwritten: an invoice in both that differs
// keeps this browser's version and is counted, so the page can say so and offer Replace instead.

/** A document with a number is the same document again however much of it is left; one without
 *  is the same only when everything about it is. */
export const docKey = (d) => JSON.stringify(d.id != null ? [d.kind, d.customerId, d.currency, String(d.id)]
  : [d.kind, d.customerId, d.currency, d.date, d.amount]);

/** Entries of `theirs` whose key is not among `mine`'s, appended to a copy of `mine`. */
function union(mine, theirs, key) {
  const have = new Set(mine.map(key));
  const out = [...mine];
  for (const x of theirs) {
    const k = key(x);
    if (!have.has(k)) { have.add(k); out.push(x); }
  }
  return { list: out, added: out.length - mine.length };
}

/** `mine` with what `file` adds: its new invoices, documents, customers' details, sent notices and
 *  log entries; this browser's sender and settings, filled in where empty. */
export function mergeWorkspaces(mine, file) {
  const at = new Map(mine.invoices.map((inv) => [String(inv.id), JSON.stringify(inv)]));
  const invoices = [...mine.invoices];
  const counts = { added: 0, same: 0, differ: 0, creditNotes: 0, paymentsOnAccount: 0, customers: 0, history: 0, log: 0, plans: 0 };
  for (const inv of file.invoices) {
    const ours = at.get(String(inv.id));
    if (ours === undefined) {
      invoices.push(inv);
      at.set(String(inv.id), JSON.stringify(inv));
      counts.added++;
    } else if (ours === JSON.stringify(inv)) counts.same++;
    else counts.differ++;
  }
  const whole = (x) => JSON.stringify(x);
  const documents = union(mine.documents ?? [], file.documents ?? [], docKey);
  const history = union(mine.history ?? [], file.history ?? [], whole);
  const log = union(mine.log ?? [], file.log ?? [], whole);
  // One plan per customer and currency: ours where we kept one.
  const plans = union(mine.plans ?? [], file.plans ?? [], (p) => JSON.stringify([String(p.customerId), p.currency]));
  // A customer's details: ours where we have them, the file's where we have none.
  const customers = (mine.customers ?? []).map((c) => ({ ...c }));
  const byId = new Map(customers.map((c) => [String(c.id), c]));
  for (const c of file.customers ?? []) {
    const ours = byId.get(String(c.id));
    if (!ours) { customers.push(c); byId.set(String(c.id), c); counts.customers++; continue; }
    for (const [k, v] of Object.entries(c)) if (ours[k] == null || ours[k] === "") ours[k] = v;
  }
  const fill = (a = {}, b = {}) => Object.fromEntries([...Object.entries(b), ...Object.entries(a).filter(([, v]) => v != null && v !== "")]);
  const newDocs = documents.list.slice(documents.list.length - documents.added);
  Object.assign(counts, { creditNotes: newDocs.filter((d) => d.kind === "creditNote").length,
    paymentsOnAccount: newDocs.filter((d) => d.kind === "paymentOnAccount").length, history: history.added, log: log.added, plans: plans.added });
  return {
    workspace: { ...mine, demo: false, sender: fill(mine.sender, file.sender), settings: fill(mine.settings, file.settings),
      invoices, documents: documents.list, customers, history: history.list, log: log.list, plans: plans.list },
    counts,
  };
}
