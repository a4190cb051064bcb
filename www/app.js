import init, { version } from "./pkg/overdue.js";
import { today } from "./views/format.js";
import { store, openStore, storedLength, load, subscribe, watchOtherTabs, backupText, download, replace, emptyWorkspace, dismiss, changes, undo } from "./store.js";
import { el } from "./views/format.js";
import { prime, share, warm, WORKER_FROM } from "./views/compute.js";
import * as worklist from "./views/worklist.js";
import * as aging from "./views/aging.js";
import * as cash from "./views/cash.js";
import * as invoicesView from "./views/invoices.js";
import * as charges from "./views/charges.js";
import * as plan from "./views/plan.js";
import * as notices from "./views/notices.js";
import * as settings from "./views/settings.js";
import * as customers from "./views/customers.js";

const $ = (id) => document.getElementById(id);
const VIEWS = { chase: worklist, aging, cash, invoices: invoicesView, customers, notice: notices, charges, plan, data: settings };
let asOf;
/** The newest drawing of the panel: a view whose answers come after another began draws nothing. */
let drawing = 0;

function banners() {
  const box = $("banners");
  box.replaceChildren();
  const ws = store.workspace;
  if (ws?.demo) {
    const clear = el("button", { type: "button", id: "demo-clear", class: "small", text: "Start empty" });
    clear.addEventListener("click", () => replace(emptyWorkspace(null), "cleared the demo"));
    box.append(el("p", { class: "demo-note", id: "demo-note" }, "You are looking at a ", el("strong", { text: "demo ledger" }), " of made-up invoices. ", clear));
  }
  for (const n of store.notices) {
    const p = el("p", { class: `banner ${n.kind}`, role: n.kind === "info" ? "status" : "alert" }, n.text, " ");
    if (n.backupKey) {
      const b = el("button", { type: "button", class: "small", text: "Download the saved data" });
      b.addEventListener("click", () => download(`${n.backupKey}.json`, backupText(n.backupKey) ?? "", "application/json"));
      p.append(b, " ");
    }
    if (n.kind === "info") {
      const x = el("button", { type: "button", class: "small", text: "OK", "aria-label": "Dismiss this message" });
      x.addEventListener("click", () => dismiss(n.text));
      p.append(x);
    }
    box.append(p);
  }
  // Every change can be taken back: the newest with one click, older ones from the list.
  const done = changes();
  if (done.length) {
    const back = el("button", { type: "button", id: "undo", class: "small", text: "Undo" });
    back.addEventListener("click", () => undo());
    const bar = el("div", { class: "banner undo", id: "undo-bar", role: "status" }, `Last change: ${done[0]}. `, back);
    if (done.length > 1) {
      const list = el("ol", { id: "undo-history" }, ...done.map((label, i) => {
        const b = el("button", { type: "button", class: "small", text: i === 0 ? "Undo" : `Undo back to here (${i + 1} changes)` });
        b.addEventListener("click", () => { for (let k = 0; k <= i; k++) undo(); });
        return el("li", {}, `${label[0].toUpperCase()}${label.slice(1)} `, b);
      }));
      bar.append(" ", el("details", {}, el("summary", { text: `All ${done.length} changes you can undo` }), list));
    }
    box.append(bar);
  }
}

function show(name) {
  const view = VIEWS[name] ? name : "chase";
  for (const tab of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[role=tab]"))) {
    const on = tab.dataset.view === view;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    // On a phone the tabs scroll sideways: keep the chosen one in sight, without moving the page.
    const bar = tab.parentElement;
    if (on && bar && bar.scrollWidth > bar.clientWidth) bar.scrollLeft = tab.offsetLeft - bar.offsetLeft - 16;
  }
  const panel = $("panel");
  panel.setAttribute("aria-labelledby", `tab-${view}`);
  banners();
  const mine = ++drawing;
  const current = () => mine === drawing;
  // Busy until the view is drawn: a view over a large ledger waits for the worker's answers.
  panel.setAttribute("aria-busy", "true");
  const done = (e) => {
    if (!current()) return;
    panel.setAttribute("aria-busy", "false");
    if (!e) return;
    $("error").hidden = false;
    $("error").textContent = `Something went wrong: ${e.message}`;
  };
  $("error").hidden = true;
  try {
    return Promise.resolve(VIEWS[view].render(panel, { asOf, workspace: store.workspace, invoices: store.workspace.invoices, current })).then(() => done(), done);
  } catch (e) {
    done(e);
    return Promise.resolve();
  }
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The module compiled once, for this page and its worker; undefined when that fails, and then
 *  `init()` fetches it itself and says in words what is wrong. */
async function compiled() {
  try {
    const response = await fetch(new URL("./pkg/overdue_bg.wasm", import.meta.url));
    if (!response.ok) return undefined;
    const type = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
    return await (type === "application/wasm" ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer()));
  } catch {
    return undefined;
  }
}

async function main() {
  try {
    const [module] = await Promise.all([compiled().then(async (m) => { await init(m ? { module_or_path: m } : undefined); return m; }), openStore()]);
    // The worker gets the module as compiled here, with what this page has already optimised.
    share(module);
    // A ledger for the worker (some 150 characters an invoice) starts it now, so that it is ready
    // by the time the first view asks.
    if (storedLength() >= WORKER_FROM * 150) warm();
    performance.mark("overdue:module-ready");
    $("version").textContent = version();
    asOf = today();
    load(asOf);
    performance.mark("overdue:workspace-loaded");
    // Reading 100,000 invoices is one long task and sending them to the worker another: apart,
    // so the page can take input and paint between them rather than freeze for both at once.
    const ledger = store.workspace?.invoices ?? [];
    if (ledger.length >= WORKER_FROM) {
      await nextTask();
      prime(ledger);
      await nextTask();
    }
    watchOtherTabs();
    subscribe(() => show(location.hash.slice(1)));
    const tabs = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[role=tab]"))];
    for (const tab of tabs) {
      tab.addEventListener("click", () => { location.hash = tab.dataset.view; });
      tab.addEventListener("keydown", (/** @type {KeyboardEvent} */ e) => {
        const i = tabs.indexOf(tab);
        const next = e.key === "ArrowRight" ? tabs[(i + 1) % tabs.length] : e.key === "ArrowLeft" ? tabs[(i + tabs.length - 1) % tabs.length] : null;
        if (next) { next.focus(); next.click(); }
      });
    }
    window.addEventListener("hashchange", () => show(location.hash.slice(1)));
    await show(location.hash.slice(1));
    performance.mark("overdue:first-view");
  } catch (e) {
    $("error").hidden = false;
    $("error").textContent = `Something went wrong: ${e.message}`;
  } finally {
    $("main").setAttribute("aria-busy", "false");
    document.body.dataset.ready = "true";
  }
}

main();

// Works offline once loaded: the service worker keeps the page and the module.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.register("./sw.js").catch(() => {});
}
