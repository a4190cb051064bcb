import init, { version } from "./pkg/overdue.js";
import { demoInvoices } from "./demo.js";
import { today } from "./views/format.js";
import * as worklist from "./views/worklist.js";
import * as aging from "./views/aging.js";
import * as invoicesView from "./views/invoices.js";
import * as charges from "./views/charges.js";
import * as plan from "./views/plan.js";

const $ = (id) => document.getElementById(id);
const VIEWS = { chase: worklist, aging, invoices: invoicesView, charges, plan };

function show(name, state) {
  const view = VIEWS[name] ? name : "chase";
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.view === view;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  const panel = $("panel");
  panel.setAttribute("aria-labelledby", `tab-${view}`);
  try {
    VIEWS[view].render(panel, state);
  } catch (e) {
    $("error").hidden = false;
    $("error").textContent = `Something went wrong: ${e.message}`;
  }
}

async function main() {
  try {
    await init();
    $("version").textContent = version();
    const asOf = today();
    const state = { asOf, invoices: demoInvoices(asOf) };
    $("demo-note").hidden = false;
    const tabs = [...document.querySelectorAll("[role=tab]")];
    for (const tab of tabs) {
      tab.addEventListener("click", () => { location.hash = tab.dataset.view; });
      tab.addEventListener("keydown", (e) => {
        const i = tabs.indexOf(tab);
        const next = e.key === "ArrowRight" ? tabs[(i + 1) % tabs.length] : e.key === "ArrowLeft" ? tabs[(i + tabs.length - 1) % tabs.length] : null;
        if (next) { next.focus(); next.click(); }
      });
    }
    window.addEventListener("hashchange", () => show(location.hash.slice(1), state));
    show(location.hash.slice(1), state);
  } catch (e) {
    $("error").hidden = false;
    $("error").textContent = `Something went wrong: ${e.message}`;
  } finally {
    $("main").setAttribute("aria-busy", "false");
    document.body.dataset.ready = "true";
  }
}

main();
