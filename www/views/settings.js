// Your details (the sender on every notice), preferences, and the data itself: export, import,
// start empty, and the backups kept when saved data could not be read.
import { el, field } from "./format.js";
import { ageReceivables } from "../pkg/overdue.js";
import { update, replace, download, parseFile, emptyWorkspace, backups, backupText, store } from "../store.js";
import { CURRENCIES } from "./invoices.js";
import { ladderSection } from "./ladder.js";

/** @type {[string, string, boolean?][]} */
const SENDER = [
  ["name", "Business name"], ["address", "Postal address", true], ["email", "Email"], ["phone", "Phone"], ["website", "Website"],
  ["bankDetails", "Bank details for payment", true], ["paymentLink", "Online payment link"], ["signatory", "Signed by"], ["logoText", "Letterhead line (instead of a logo)"],
];

// Survives the re-render that a replaced workspace causes.
let lastMessage = "";

export function render(root, { asOf, workspace }) {
  root.replaceChildren(el("h2", { text: "Your details & data" }));

  // The sender: saved as the user types.
  const form = el("form", { class: "calc", id: "sender-form" });
  for (const [key, label, long] of SENDER) {
    const input = long ? el("textarea", { id: `s-${key}`, name: key, rows: "3" }) : el("input", { id: `s-${key}`, name: key, autocomplete: "off" });
    input.value = workspace.sender?.[key] ?? "";
    input.addEventListener("change", () => update((w) => { (w.sender ??= {})[key] = input.value.trim() || null; }, `changed your ${label.toLowerCase()}`));
    form.append(field(label, input));
  }
  const currency = el("select", { id: "s-currency" }, ...CURRENCIES.map((c) => el("option", { value: c, text: c })));
  currency.value = workspace.settings?.currency ?? "GBP";
  currency.addEventListener("change", () => update((w) => { (w.settings ??= {}).currency = currency.value; }, `set the home currency to ${currency.value}`));
  const language = el("select", { id: "s-language" }, ...[["en", "English"], ["de", "Deutsch"], ["fr", "Français"], ["es", "Español"], ["nl", "Nederlands"]].map(([v, t]) => el("option", { value: v, text: t })));
  language.value = workspace.settings?.language ?? "en";
  language.addEventListener("change", () => update((w) => { (w.settings ??= {}).language = language.value; }, "changed the notice language"));
  const buckets = el("input", { id: "s-buckets", inputmode: "numeric", value: (workspace.settings?.buckets ?? [30, 60, 90, 120]).join(", ") });
  const bucketMsg = el("small", { class: "error", role: "alert" });
  buckets.addEventListener("change", () => {
    const days = buckets.value.split(/[,;\s]+/).filter(Boolean).map(Number);
    try {
      ageReceivables({ asOf, invoices: [], buckets: days });
      bucketMsg.textContent = "";
      update((w) => { (w.settings ??= {}).buckets = days; }, "changed the ageing groups");
    } catch (e) {
      bucketMsg.textContent = e.message;
    }
  });
  form.append(field("Currency of new invoices", currency), field("Language of notices", language),
    field("Ageing groups, in days late", buckets, "Upper limits, e.g. 30, 60, 90, 120"), bucketMsg);
  root.append(el("h3", { text: "Your details" }), el("p", { class: "hint", text: "They appear on your notices. Changes are saved as you leave each field." }), form);
  root.append(ladderSection(workspace, asOf));

  // The data.
  const msg = el("p", { role: "status", id: "data-msg", text: lastMessage });
  const say = (text) => { lastMessage = text; msg.textContent = text; };
  const exportBtn = el("button", { type: "button", id: "export", text: "Export everything (JSON file)" });
  exportBtn.addEventListener("click", () => {
    download(`overdue-workspace-${asOf}.json`, JSON.stringify(store.workspace, null, 2), "application/json");
    say("Exported. Keep the file somewhere safe: it is your only copy outside this browser.");
  });
  const file = el("input", { type: "file", id: "import-file", accept: ".json,application/json" });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const ws = parseFile(await f.text());
      say(`Imported ${ws.invoices.length} invoices from ${f.name}. The data it replaced can be brought back with Undo at the top.`);
      replace(ws, `replaced your ${workspace.invoices.length} invoices with the ${ws.invoices.length} in ${f.name}`);
    } catch (e) {
      say(`${f.name} could not be imported: ${e.message}${e.path ? ` (in ${e.path})` : ""} Nothing was changed.`);
    }
  });
  const empty = el("button", { type: "button", id: "start-empty", text: workspace.demo ? "Clear the demo and start empty" : "Start empty" });
  empty.addEventListener("click", () => {
    const sure = el("button", { type: "button", id: "start-empty-yes", text: `Yes, remove all ${workspace.invoices.length} invoices` });
    sure.addEventListener("click", () => replace(emptyWorkspace(workspace.demo ? null : workspace), `removed all ${workspace.invoices.length} invoices`));
    empty.replaceWith(el("span", { text: "Export first if you may want them back. " }), sure);
    sure.focus();
  });
  root.append(el("h3", { text: "Your data" }),
    el("p", { class: "hint", text: "Everything stays in this browser. Export it to move it to another computer or keep a copy." }),
    el("div", { class: "actions" }, exportBtn, empty), field("Import an exported file", file), msg);

  const kept = backups();
  if (kept.length) {
    root.append(el("h3", { text: "Backups" }), el("p", { class: "hint", text: "Data the page could not read, or kept before an update. Download it to recover what it holds." }));
    const list = el("ul", { id: "backups" });
    for (const b of kept) {
      const btn = el("button", { type: "button", class: "small", text: `Download ${b.key} (${b.bytes.toLocaleString()} bytes)` });
      btn.addEventListener("click", () => download(`${b.key}.json`, backupText(b.key) ?? "", "application/json"));
      list.append(el("li", {}, btn));
    }
    root.append(list);
  }
}
