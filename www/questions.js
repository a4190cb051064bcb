// Questions of the page that take more than one call of the module, worked out where the module
// works (in the Web Worker for a large ledger, see views/compute.js), so that only what a view draws
// comes back to the page: at 100,000 invoices the whole payment-risk report (a year of months for
// each customer) took the page's main thread 180 ms to receive, and as long to send back.
import { collectionWorklist, paymentRisk, saveWorkspace } from "./pkg/overdue.js";

/**
 * Who to chase: the collection worklist, its priorities counting each customer's payment risk, and
 * of the risk report what a card says about each customer on the list.
 * @param {import("./pkg/overdue.js").CollectionWorklistInput} input
 */
export function chaseList(input) {
  const { amountScale, ...ledger } = input;
  const risk = paymentRisk(ledger);
  // Only what the worklist reads of the risk report.
  const slim = risk.customers.map((c) => ({ customerId: c.customerId, score: c.score, trend: c.trend }));
  const work = collectionWorklist({ ...input, risk: { customers: slim } });
  const listed = new Set(work.items.map((i) => `${i.currency} ${i.customerId}`));
  const cards = risk.customers
    .filter((c) => listed.has(`${c.currency} ${c.customerId}`))
    .map(({ customerId, currency, score, grade, trend, explanation }) => ({ customerId, currency, score, grade, trend, explanation }));
  return { work, risk: cards };
}

/**
 * The workspace as the module saves it (checked, in canonical form), as text, without saving it:
 * the page writes the text to its storage. Worked out in the worker for a large ledger, so that a
 * change at 100,000 invoices is not followed by a quarter-second freeze while it is saved.
 * @param {import("./pkg/overdue.js").Workspace} workspace
 * @returns {string}
 */
export function savedText(workspace) {
  let text = "";
  // Only what saveWorkspace uses of a storage: it writes the one item.
  const capture = { length: 0, key: () => null, getItem: () => null, setItem: (/** @type {string} */ _key, /** @type {string} */ value) => { text = value; } };
  saveWorkspace({ workspace, storage: capture });
  return text;
}
