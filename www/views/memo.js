// The module's answers for the ledger on screen. Views that ask the same question of the same
// ledger (the notices and invoices views both normalise it) get one answer, and a tab opened again
// draws without asking: with 100,000 invoices each question costs a quarter to half a second of
// crossing and work. Only the answers for the current ledger are kept; every change makes a new
// invoices array (store.js copies the workspace), so an answer can never be one for other data.
// Answers are shared: views copy before they sort or change them.

/** @type {{ ledger: unknown, answers: Map<string, unknown> }} */
const slot = { ledger: null, answers: new Map() };
/** Long lists stand in a key by identity, not by their text: a number each. */
const ids = new WeakMap();
let next = 0;
const LONG = 64;

/**
 * `fn(input)`, or the answer it gave for the same input over the same `input.invoices`.
 * @template {{ invoices: unknown[] }} I
 * @template O
 * @param {(input: I) => O} fn
 * @param {I} input
 * @returns {O}
 */
export function memo(fn, input) {
  if (slot.ledger !== input.invoices) {
    slot.ledger = input.invoices;
    slot.answers = new Map();
  }
  const key = fn.name + JSON.stringify(input, (_, v) => {
    if (!Array.isArray(v) || v.length < LONG) return v;
    if (!ids.has(v)) ids.set(v, next++);
    return `@${ids.get(v)}`;
  });
  if (!slot.answers.has(key)) slot.answers.set(key, fn(input));
  return /** @type {O} */ (slot.answers.get(key));
}
