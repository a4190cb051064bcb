// Where the page keeps its data: localStorage while it fits, IndexedDB once it does not.
// localStorage holds about 5 million characters per site, a workspace of some 30,000 invoices;
// IndexedDB holds as much as the disk allows. The object has localStorage's methods, so the module's
// storage functions (loadWorkspace, saveWorkspace, listBackups, readStored) work through it with
// their checks, migrations and backups unchanged.
//
// A key that has moved stays in IndexedDB, and what it holds there is also kept in memory: reads
// stay synchronous, as the module needs, and writes go out in order (one transaction each, which
// IndexedDB runs in the order they were made). The localStorage copy is removed only once the
// IndexedDB one is written, so a tab closed meanwhile loses at most that last change.

const DB = "overdue";
const STORE = "items";
const PREFIX = "overdue.";

/** @param {unknown} e */
const isQuota = (e) => e instanceof DOMException && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED");

/** localStorage, or null where the browser blocks it (reading the property can throw). */
function localOrNull() {
  try {
    const s = window.localStorage;
    s.getItem(PREFIX);
    return s;
  } catch {
    return null;
  }
}

/** The page's database, or null where there is none (some private modes) or it does not open. */
function openDb() {
  return new Promise((resolve) => {
    /** @type {IDBOpenDBRequest} */
    let req;
    try {
      req = indexedDB.open(DB, 1);
    } catch {
      resolve(null);
      return;
    }
    // Blocked or stuck (another tab mid-upgrade): go on without it rather than never start.
    const late = setTimeout(() => resolve(null), 5000);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => { clearTimeout(late); resolve(req.result); };
    req.onerror = () => { clearTimeout(late); resolve(null); };
  });
}

/** Every `overdue.*` entry of the database. @param {IDBDatabase} db @returns {Promise<Map<string, string>>} */
function readAll(db) {
  return new Promise((resolve) => {
    const held = new Map();
    const req = db.transaction(STORE).objectStore(STORE).openCursor();
    req.onsuccess = () => {
      const c = req.result;
      if (!c) return resolve(held);
      if (typeof c.key === "string" && c.key.startsWith(PREFIX) && typeof c.value === "string") held.set(c.key, c.value);
      c.continue();
    };
    req.onerror = () => resolve(held);
  });
}

export class PageStorage {
  /** @type {Storage | null} */ #local;
  /** @type {IDBDatabase | null} */ #db;
  /** @type {Map<string, string>} */ #held;
  /** @type {BroadcastChannel | null} */ #channel = null;
  /** @type {(error: unknown) => void} */ #onError;

  /**
   * @param {Storage | null} local
   * @param {IDBDatabase | null} db
   * @param {Map<string, string>} held
   * @param {{ onError: (error: unknown) => void, onChange: (key: string) => void }} on
   */
  constructor(local, db, held, { onError, onChange }) {
    this.#local = local;
    this.#db = db;
    this.#held = held;
    this.#onError = onError;
    // Another tab wrote to IndexedDB (localStorage tells other tabs itself, by the storage event).
    if (db && typeof BroadcastChannel === "function") {
      this.#channel = new BroadcastChannel(DB);
      this.#channel.onmessage = (e) => { if (typeof e.data === "string") this.#reread(e.data).then(() => onChange(e.data)); };
    }
  }

  /** Where `key` is kept: "indexedDB", "localStorage" or null (nowhere). @param {string} key */
  where(key) {
    if (this.#held.has(key)) return "indexedDB";
    return this.#local?.getItem(key) != null ? "localStorage" : null;
  }

  get length() {
    return this.#keys().length;
  }

  /** @param {number} i */
  key(i) {
    return this.#keys()[i] ?? null;
  }

  /** @param {string} key */
  getItem(key) {
    return this.#held.has(key) ? /** @type {string} */ (this.#held.get(key)) : (this.#local?.getItem(key) ?? null);
  }

  /** @param {string} key @param {string} value */
  setItem(key, value) {
    const text = String(value);
    if (!this.#held.has(key)) {
      try {
        if (!this.#local) throw new DOMException("No localStorage here.", "QuotaExceededError");
        this.#local.setItem(key, text);
        return;
      } catch (e) {
        // Too large for localStorage: IndexedDB takes it. Anything else (or no IndexedDB) is the
        // module's to report, as it would be without this object.
        if (!this.#db || !isQuota(e)) throw e;
      }
    }
    this.#held.set(key, text);
    this.#put(key, text);
  }

  /** @param {string} key @param {string} text */
  #put(key, text) {
    const db = /** @type {IDBDatabase} */ (this.#db);
    let tx;
    try {
      tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).put(text, key);
    } catch (e) {
      this.#onError(e);
      return;
    }
    tx.oncomplete = () => {
      try {
        this.#local?.removeItem(key);
      } catch {
        // The IndexedDB copy is the one read from now on; a stale localStorage copy does no harm.
      }
      this.#channel?.postMessage(key);
    };
    tx.onabort = () => this.#onError(tx.error);
  }

  /** @param {string} key */
  #reread(key) {
    return new Promise((resolve) => {
      const db = /** @type {IDBDatabase} */ (this.#db);
      const req = db.transaction(STORE).objectStore(STORE).get(key);
      req.onsuccess = () => {
        if (typeof req.result === "string") this.#held.set(key, req.result);
        resolve(undefined);
      };
      req.onerror = () => resolve(undefined);
    });
  }

  #keys() {
    const keys = [];
    const local = this.#local;
    if (local) {
      for (let i = 0; i < local.length; i++) {
        const k = local.key(i);
        if (k !== null && !this.#held.has(k)) keys.push(k);
      }
    }
    return [...keys, ...this.#held.keys()];
  }
}

/**
 * The page's storage, or null when the browser lets the page keep nothing (then the module's own
 * `storage_unavailable` applies).
 * @param {{ onError: (error: unknown) => void, onChange: (key: string) => void }} on
 */
export async function openStorage(on) {
  const local = localOrNull();
  const db = await openDb();
  if (!local && !db) return null;
  return new PageStorage(local, db, db ? await readAll(db) : new Map(), on);
}
