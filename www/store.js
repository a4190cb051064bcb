// The workspace: loaded from and saved to this browser's storage through the overdue module (which
// validates, migrates and backs up), kept in memory when storage is unavailable or full, and
// re-read when another tab changes it. Views call `update(change)`; every listener re-renders.
// The storage is localStorage, and IndexedDB for a workspace too large for it (storage.js).
import { loadWorkspace, saveWorkspace, readStored, listBackups, parseWorkspace } from "./pkg/overdue.js";
import { demoWorkspace } from "./demo.js";
import { openStorage } from "./storage.js";
import { ask, WORKER_FROM } from "./views/compute.js";
import { savedText } from "./questions.js";

const KEY = "overdue.workspace";
const listeners = new Set();
export const store = {
  workspace: null,
  /** "ok" | "memory" (storage unavailable) | "readonly" (saved by a newer page) */
  mode: "ok",
  /** Messages for the banner: { kind: "info" | "warn" | "error", text, backupKey? } */
  notices: [],
};

/** The home currency: GBP until one is chosen (the Rust side's `Settings::home`). */
export const homeCurrency = (ws) => ws?.settings?.currency ?? "GBP";

/** A report's per-currency parts with the home currency's first, the others in the module's order
 *  as it gave them: a business in pounds reads its pounds before its euros.
 *  @template {{ currency: string }} T @param {T[]} list @param {unknown} ws @returns {T[]} */
export function homeFirst(list, ws) {
  const home = homeCurrency(ws);
  return [...list].sort((a, b) => Number(b.currency === home) - Number(a.currency === home));
}

export function subscribe(fn) {
  listeners.add(fn);
}

function emit() {
  for (const fn of listeners) fn(store);
}

function note(kind, text, extra = {}) {
  store.notices = [...store.notices.filter((n) => n.text !== text), { kind, text, ...extra }];
}

export function dismiss(text) {
  store.notices = store.notices.filter((n) => n.text !== text);
  emit();
}

/** @type {import("./storage.js").PageStorage | null} */
let storage = null;
const FULL = "The browser's storage for this page is full, so the last change was not saved. What was saved before is unchanged. Export your workspace to keep a copy.";

/** The banner's words for a write the browser refused (full, or anything else). */
function refused(e) {
  const name = e instanceof DOMException ? e.name : "";
  note("save", name === "QuotaExceededError" ? FULL : `Not saved: the browser refused to store the workspace (${name || "unknown error"}).`);
}

/** Opens the page's storage (before `load`); a write that fails later is reported in the banner. */
export async function openStore() {
  storage = await openStorage({
    onError(e) {
      refused(e);
      emit();
    },
    onChange(key) {
      if (key === KEY) takeOtherTab();
    },
  });
}

/** How many characters the saved workspace has (0 when none): a large one is worked on in the
 *  worker, which can then be started while it loads. */
export const storedLength = () => storage?.getItem(KEY)?.length ?? 0;

/** Where the workspace is kept: "indexedDB", "localStorage" or null. */
export const keptIn = () => storage?.where(KEY) ?? null;

const at = (key) => (storage ? { key, storage } : { key });

export function load(asOf) {
  let loaded;
  try {
    loaded = loadWorkspace(at(KEY));
  } catch (e) {
    store.mode = "memory";
    store.workspace = demoWorkspace(asOf);
    note("warn", `${e.message} Your changes last until you close this tab: use “Export” under Your details & data to keep them.`);
    return;
  }
  switch (loaded.status) {
    case "new":
      store.workspace = demoWorkspace(asOf);
      break;
    case "ok":
      store.workspace = loaded.workspace;
      break;
    case "migrated":
      store.workspace = loaded.workspace;
      note("info", `Your saved data was updated to this version of the page. The original is kept as a backup.`, { backupKey: loaded.backupKey });
      save();
      break;
    case "repaired":
      store.workspace = loaded.workspace;
      note("warn", `${loaded.message} The data as it was stored is kept as a backup: download it below if something looks wrong.`, { backupKey: loaded.backupKey });
      save();
      break;
    case "newer":
      store.mode = "readonly";
      store.workspace = demoWorkspace(asOf);
      note("error", `${loaded.message} Until then, nothing you do here is saved, so your data stays as it is.`);
      break;
    case "damaged":
      store.workspace = demoWorkspace(asOf);
      note("error", `The data saved in this browser could not be read (${loaded.message.replace(/\.$/, "")}). It has not been deleted: download it below, and you are looking at the demo for now.`, { backupKey: loaded.backupKey });
      break;
  }
}

/** Saves; on failure says why and keeps everything in memory. Returns whether it was saved. */
export function save() {
  if (store.mode !== "ok") return false;
  try {
    saveWorkspace({ workspace: store.workspace, ...at(KEY) });
    store.notices = store.notices.filter((n) => n.kind !== "save");
    return true;
  } catch (e) {
    if (e.code === "storage_full" || e.code === "storage_unavailable") note("save", e.message);
    else note("save", `Not saved: ${e.message}`);
    return false;
  }
}

/** A save waiting for the frame after a change (see `saveSoon`). */
let waiting = false;

/**
 * Saves a large ledger after the change is on screen: at 100,000 invoices a save is half a second,
 * which a click must not wait for. A smaller one is saved at once, as before. A save still waiting
 * when the page is hidden or left is done then. A failed save shows in the banner when it happens.
 */
function saveSoon() {
  if ((store.workspace?.invoices?.length ?? 0) < WORKER_FROM) {
    save();
    return;
  }
  if (waiting) return;
  waiting = true;
  // The frame's callback runs before it is painted; the timeout set there, after.
  requestAnimationFrame(() => setTimeout(saveNow, 0));
}

/** The newest save asked of the worker, and whether its text is still to come. */
let asked = 0;
let pending = false;

/** Asks the worker for the saved text (the module's check and canonical form, a quarter of a
 *  second at 100,000 invoices) and writes it when it comes, unless the workspace changed meanwhile
 *  (its own save is then on its way). If the worker cannot, the save is done here. */
function saveNow() {
  if (!waiting) return;
  waiting = false;
  if (store.mode !== "ok") return;
  const ws = store.workspace;
  const mine = ++asked;
  pending = true;
  ask(savedText, ws).then((text) => {
    if (mine !== asked) return;
    pending = false;
    if (store.workspace === ws) write(text);
  }, () => {
    if (mine !== asked) return;
    pending = false;
    if (store.workspace === ws) saveHere();
  });
}

/** Writes the module's saved text, as `save` would; a refusal shows in the banner. */
function write(text) {
  const shown = store.notices.length;
  try {
    (storage ?? localStorage).setItem(KEY, text);
    store.notices = store.notices.filter((n) => n.kind !== "save");
  } catch (e) {
    refused(e);
  }
  if (store.notices.length !== shown) emit();
}

function saveHere() {
  const shown = store.notices.length;
  save();
  if (store.notices.length !== shown) emit();
}

/** Leaving the page, a save still waiting (for its frame or for the worker) is done here, now. */
function saveBeforeLeaving() {
  if (!waiting && !pending) return;
  waiting = false;
  pending = false;
  asked++;
  saveHere();
}

addEventListener("pagehide", saveBeforeLeaving);
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") saveBeforeLeaving(); });

// What each change replaced, newest last, so any of the last 50 can be taken back. Each entry is
// the workspace as it was (the copy `update` makes anyway), so a large ledger keeps fewer: at most
// 100,000 invoices’ worth in all (ten changes of a 10,000-invoice ledger), and always the last change.
const undoable = [];
const UNDO_CHANGES = 50;
const UNDO_INVOICES = 100_000;

function keep(label, before) {
  undoable.push({ label, before });
  let held = undoable.reduce((n, u) => n + (u.before?.invoices?.length ?? 0), 0);
  while (undoable.length > UNDO_CHANGES || (undoable.length > 1 && held > UNDO_INVOICES)) held -= undoable.shift().before?.invoices?.length ?? 0;
}

/** The changes that can be undone, newest first: their labels ("Marked INV-7 as paid"). */
export function changes() {
  return undoable.map((u) => u.label).reverse();
}

/** Takes back the newest change: the workspace as it was before it, saved. */
export function undo() {
  const last = undoable.pop();
  if (!last) return;
  store.workspace = last.before;
  saveSoon();
  note("info", `Undone: ${last.label}.`);
  emit();
}

/** Applies `change(workspace)` to a copy; saves and re-renders; `label` names it for Undo. A change
 * that throws changes nothing. `only.invoice` says the change touches that invoice alone (and may
 * remove it from the list): the other invoices are then shared with the copy, not copied, which at
 * 100,000 invoices is a fifth of a second a click does not wait for. */
export function update(change, label = "the last change", only = {}) {
  const before = store.workspace;
  const next = copyOf(before, only.invoice);
  change(next);
  keep(label, before);
  store.workspace = next;
  saveSoon();
  emit();
}

/** A copy of the workspace to change, sharing every invoice but the one with id `invoice` (all are
 * copied when no id is given or none has it). The keys stay in their order, as saved. */
function copyOf(workspace, invoice) {
  const list = workspace?.invoices;
  const at = invoice === undefined || !Array.isArray(list) ? -1 : list.findIndex((x) => String(x.id) === String(invoice));
  if (at < 0) return structuredClone(workspace);
  const next = {};
  for (const [key, value] of Object.entries(workspace)) next[key] = key === "invoices" ? list.slice() : structuredClone(value);
  next.invoices[at] = structuredClone(list[at]);
  return next;
}

/** A change that needs no re-render (a preference chosen in a form): applied and saved quietly. */
export function remember(change) {
  const next = structuredClone(store.workspace);
  change(next);
  store.workspace = next;
  saveSoon();
}

/** Replaces the whole workspace (import, start empty); the one replaced can be undone. */
export function replace(workspace, label = "replaced your data") {
  keep(label, store.workspace);
  store.workspace = workspace;
  saveSoon();
  emit();
}

/** Another tab saved: take its version. */
function takeOtherTab() {
  if (store.mode !== "ok") return;
  try {
    const loaded = loadWorkspace(at(KEY));
    if (loaded.status === "ok" || loaded.status === "migrated" || loaded.status === "repaired") {
      // What this tab could undo was before the other tab's change: taking it back would undo that too.
      undoable.length = 0;
      store.workspace = loaded.workspace;
      note("info", "Updated with the changes made in another tab.");
      emit();
    }
  } catch {
    // Nothing to take: keep what this tab shows.
  }
}

/** Other tabs' saves: localStorage tells by the storage event, IndexedDB through storage.js. */
export function watchOtherTabs() {
  window.addEventListener("storage", (e) => {
    if (e.key === KEY) takeOtherTab();
  });
}

export function backups() {
  try {
    return listBackups(at(KEY));
  } catch {
    return [];
  }
}

export function backupText(key) {
  return readStored(at(key));
}

/** Reads an exported file: the same validation and migrations as storage. Throws a coded error. */
export function parseFile(text) {
  return parseWorkspace({ text }).workspace;
}

export function emptyWorkspace(from) {
  return { version: 1, demo: false, sender: from?.sender ?? {}, settings: from?.settings ?? {}, invoices: [], customers: [], history: [], log: [] };
}

/** A file the browser downloads. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
