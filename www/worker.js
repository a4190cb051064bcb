// The page's questions over the whole ledger, worked out off its main thread (views/compute.js).
// Messages come in order: a ledger ({ ledger, invoices }, or a change to one it holds:
// { ledger, base, start, remove, items }) before the questions about it ({ id, fn, input, ledger });
// each question gets { id, value } or { id, error }.
import init, * as overdue from "./pkg/overdue.js";
import * as questions from "./questions.js";

// Only the ledger-wide reports (and the page's questions made of them, questions.js): nothing that
// reads storage or has a side effect.
const ASKABLE = new Set(["ageReceivables", "cashForecast", "cashForecastBacktest", "collectionWorklist", "lateCharges", "nextActions", "normalizeInvoices", "paymentRisk", "provisionMatrix"]);
/** The last two ledgers sent: a question may still be about the one before the newest. */
const ledgers = new Map();
const queue = [];
let ready = false;

function answer(data) {
  if ("invoices" in data || "base" in data) {
    let invoices = data.invoices;
    if (!invoices) {
      // The page sends a change only against the newest ledger held here; were it missing, the
      // questions about this ledger would say so rather than be answered for other invoices.
      const base = ledgers.get(data.base);
      if (!base) return;
      invoices = base.slice();
      invoices.splice(data.start, data.remove, ...data.items);
    }
    ledgers.set(data.ledger, invoices);
    for (const k of ledgers.keys()) if (ledgers.size > 2) ledgers.delete(k);
    return;
  }
  const { id, fn, input, ledger } = data;
  try {
    const f = ASKABLE.has(fn) ? overdue[fn] : Object.hasOwn(questions, fn) ? questions[fn] : null;
    if (!f || !ledgers.has(ledger)) throw new Error(`The page asked the worker for ${fn} on a ledger it does not hold.`);
    postMessage({ id, value: f({ ...input, invoices: ledgers.get(ledger) }) });
  } catch (e) {
    postMessage({ id, error: { name: e?.name ?? "Error", message: String(e?.message ?? e), ...(e?.code ? { code: e.code } : {}), ...(e?.path !== undefined ? { path: e.path } : {}) } });
  }
}

// The first message is the page's compiled module (or null: fetch it here), so the module is not
// compiled twice and starts with what the page has optimised already.
onmessage = ({ data }) => {
  if ("module" in data) {
    init(data.module ? { module_or_path: data.module } : undefined).then(() => {
      ready = true;
      for (const queued of queue.splice(0)) answer(queued);
    }, () => postMessage({ failed: true }));
  } else if (ready) answer(data);
  else queue.push(data);
};
