// The module's questions over the whole ledger. From WORKER_FROM invoices they are asked of a Web
// Worker (../worker.js), so the page's main thread only draws: with 100,000 invoices one question
// is a quarter to over a second of work, and the page would freeze for it. Below that the answer is
// worked out here at once, quicker than the round trip and without a "Working…" flash on every
// click. If the worker cannot start (a file:// page, a browser without module workers), every
// question is answered here.
//
// Answers are kept for the ledger on screen: a tab opened again, and two views asking the same
// thing (the invoices and notices views both normalise), get the one answer. Every change makes a
// new invoices array (store.js copies the workspace), so an answer is never one for other data.
// Answers are shared: views copy before they sort or change them.
/** From this many invoices, questions go to the worker. */
export const WORKER_FROM = 2000;

/** @type {{ ledger: unknown, answers: Map<string, Promise<unknown>> }} */
const slot = { ledger: null, answers: new Map() };
/** Long lists stand in a key by identity, not by their text: a number each. */
const ids = new WeakMap();
let nextId = 0;
const LONG = 64;

/**
 * `fn(input)`, or the answer it gave for the same input over the same `input.invoices`.
 * @template {{ invoices: unknown[] }} I
 * @template O
 * @param {(input: I) => O} fn a function of the module, called by its name in the worker
 * @param {I} input
 * @returns {Promise<O>}
 */
export function ask(fn, input) {
  if (slot.ledger !== input.invoices) {
    slot.ledger = input.invoices;
    slot.answers = new Map();
  }
  const key = fn.name + JSON.stringify(input, (_, v) => {
    if (!Array.isArray(v) || v.length < LONG) return v;
    if (!ids.has(v)) ids.set(v, nextId++);
    return `@${ids.get(v)}`;
  });
  if (!slot.answers.has(key)) slot.answers.set(key, input.invoices.length >= WORKER_FROM ? remote(fn, input) : here(fn, input));
  return /** @type {Promise<O>} */ (slot.answers.get(key));
}

/** Worked out on this thread, at once: the promise is settled before `ask` returns. */
function here(fn, input) {
  try {
    return Promise.resolve(fn(input));
  } catch (e) {
    return Promise.reject(e);
  }
}

/** @type {Worker | null | false} null: not started; false: cannot be used */
let worker = null;
/** @type {Map<number, { fn: Function, input: any, resolve: (v: unknown) => void, reject: (e: unknown) => void }>} */
const waiting = new Map();
let nextCall = 0;
/** The ledgers the worker holds (it keeps the last two sent), so a ledger crosses once per version. */
const held = [];

function start() {
  if (worker !== null) return worker;
  try {
    worker = new Worker(new URL("../worker.js", import.meta.url), { type: "module" });
    worker.postMessage({ module: shared ?? null });
  } catch {
    worker = false;
    return worker;
  }
  worker.addEventListener("message", ({ data }) => {
    if (data.failed) return giveUp();
    const call = waiting.get(data.id);
    if (!call) return;
    waiting.delete(data.id);
    if (data.error) call.reject(Object.assign(new Error(data.error.message), data.error));
    else call.resolve(data.value);
  });
  // The script did not load or start: what it was asked is answered here instead.
  worker.addEventListener("error", (e) => { e.preventDefault(); giveUp(); });
  return worker;
}

function giveUp() {
  if (worker) worker.terminate();
  worker = false;
  for (const call of waiting.values()) here(call.fn, call.input).then(call.resolve, call.reject);
  waiting.clear();
}

/** @type {WebAssembly.Module | undefined} the page's compiled module, for the worker */
let shared;

/** Gives the worker the page's compiled module when it starts (none: the worker fetches its own). */
export function share(/** @type {WebAssembly.Module | undefined} */ module) {
  shared = module;
}

/** Starts the worker ahead of the first question (a large ledger is being loaded), so that its
 *  module is ready by the time the first view asks. */
export function warm() {
  start();
}

/** The most invoices sent as a change to a ledger the worker holds; more, and the ledger is sent. */
const PATCH_MOST = 1000;

/**
 * What to send for `invoices`: the changed stretch against the newest ledger the worker holds,
 * `{ base, start, remove, items }`, when that is small, else the whole list. A change copies only
 * the invoice it touches (store.js update), so the invoices before and after it are the very same
 * objects: a paid invoice among 100,000 crosses as one invoice, not a 17 MB ledger.
 * @param {unknown[]} invoices
 */
function delta(invoices) {
  const last = held[held.length - 1];
  if (!last) return { invoices };
  const old = last.invoices;
  let head = 0;
  while (head < old.length && head < invoices.length && old[head] === invoices[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < invoices.length - head && old[old.length - 1 - tail] === invoices[invoices.length - 1 - tail]) tail++;
  const items = invoices.slice(head, invoices.length - tail);
  if (items.length > PATCH_MOST || head + tail === 0) return { invoices };
  return { base: last.id, start: head, remove: old.length - head - tail, items };
}

/** The worker's id for `invoices`, sent to it first if it does not hold them. */
function ledgerFor(/** @type {Worker} */ w, /** @type {unknown[]} */ invoices) {
  let ledger = held.find((h) => h.invoices === invoices)?.id;
  if (ledger === undefined) {
    ledger = nextCall++;
    w.postMessage({ ledger, ...delta(invoices) });
    held.push({ id: ledger, invoices });
    if (held.length > 2) held.shift();
  }
  return ledger;
}

/** Sends a large ledger to the worker as soon as it is loaded, before any view asks about it. */
export function prime(/** @type {unknown[]} */ invoices) {
  const w = invoices.length >= WORKER_FROM && start();
  if (w) ledgerFor(w, invoices);
}

function remote(fn, input) {
  const w = start();
  if (!w) return here(fn, input);
  const ledger = ledgerFor(w, input.invoices);
  const id = nextCall++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { fn, input, resolve, reject });
    w.postMessage({ id, fn: fn.name, input: { ...input, invoices: undefined }, ledger });
  });
}
