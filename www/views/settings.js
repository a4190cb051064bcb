// Your details (the sender on every notice), preferences, and the data itself: export, import,
// start empty, and the backups kept when saved data could not be read.
import { el, field, listed, plural, money } from "./format.js";
import { ageReceivables } from "../pkg/overdue.js";
import { update, replace, download, parseFile, emptyWorkspace, backups, backupText, store, homeCurrency } from "../store.js";
import { mergeWorkspaces } from "../merge.js";
import { CURRENCIES, typedAmount } from "./invoices.js";
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
  currency.value = homeCurrency(workspace);
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
  const scale = el("input", { id: "s-priority-scale", inputmode: "decimal", autocomplete: "off", value: workspace.settings?.priorityScale ?? "" });
  const scaleMsg = el("small", { class: "error", role: "alert", id: "s-priority-scale-msg" });
  scale.addEventListener("change", () => {
    const home = homeCurrency(workspace);
    try {
      const v = scale.value.trim() ? typedAmount(scale.value.trim(), home, "settings.priorityScale") : null;
      if (v !== null && (v.startsWith("-") || /^0(\.0*)?$/.test(v))) throw new Error("The amount must be more than zero.");
      scaleMsg.textContent = "";
      update((w) => { (w.settings ??= {}).priorityScale = v; }, v ? `set the amount that counts in full for priority to ${money(v, home)}` : "set the priority scale back to 10,000");
    } catch (e) {
      scaleMsg.textContent = e.message;
    }
  });
  form.append(field("Currency of new invoices", currency), field("Language of notices", language),
    field("Ageing groups, in days late", buckets, "Upper limits, e.g. 30, 60, 90, 120"), bucketMsg,
    field("A debt counts in full for priority from", scale, "In your home currency. Empty: 10,000 (in yen 1,000,000)."), scaleMsg);
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
  const choice = el("div", { id: "import-choice", hidden: true });
  const replaceWith = (ws, name) => {
    say(`Imported ${ws.invoices.length} invoices from ${name}. The data it replaced can be brought back with Undo at the top.`);
    replace(ws, `replaced your ${workspace.invoices.length} invoices with the ${ws.invoices.length} in ${name}`);
  };
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    let ws;
    try {
      ws = parseFile(await f.text());
    } catch (e) {
      say(`${f.name} could not be imported: ${e.message}${e.path ? ` (in ${e.path})` : ""} Nothing was changed.`);
      return;
    }
    // Nothing of the user's own to lose (the demo, or an empty list): no question to ask.
    const mine = store.workspace;
    if (mine.demo || !(mine.invoices.length || mine.documents?.length || mine.history?.length || mine.log?.length)) {
      replaceWith(ws, f.name);
      return;
    }
    const { workspace: merged, counts } = mergeWorkspaces(mine, ws);
    const add = el("button", { type: "button", id: "import-merge", text: `Add its ${plural(counts.added, ["new invoice", "new invoices"])} to mine` });
    const swap = el("button", { type: "button", id: "import-replace", class: "secondary", text: "Replace mine with it" });
    const cancel = el("button", { type: "button", id: "import-cancel", class: "secondary", text: "Cancel" });
    const both = counts.same + counts.differ;
    choice.replaceChildren(
      el("p", { id: "import-question", text: `${f.name} holds ${plural(ws.invoices.length, ["invoice", "invoices"])}; your list has ${mine.invoices.length.toLocaleString()}. `
        + (both ? `${both.toLocaleString()} ${both === 1 ? "is" : "are"} in both${counts.differ ? `, ${counts.differ.toLocaleString()} of them with differences (adding keeps yours)` : ""}. ` : "")
        + "Add what is new in it to your list, or replace your list with it?" }),
      el("div", { class: "actions" }, add, swap, cancel));
    choice.hidden = false;
    add.addEventListener("click", () => {
      const parts = [[counts.added, "invoice", "invoices"], [counts.creditNotes, "credit note", "credit notes"], [counts.paymentsOnAccount, "payment on account", "payments on account"],
        [counts.history, "sent notice", "sent notices"], [counts.log, "log entry", "log entries"], [counts.plans, "payment plan", "payment plans"], [counts.customers, "customer's details", "customers' details"]]
        .filter(([n], k) => n || k === 0).map(([n, one, many]) => plural(n, [one, many]));
      const differ = counts.differ ? `; ${plural(counts.differ, ["invoice differs", "invoices differ"])} from yours, and yours ${counts.differ === 1 ? "was" : "were"} kept` : "";
      say(`Added ${listed(parts)} from ${f.name}${differ}. Undo at the top takes it back.`);
      choice.hidden = true;
      file.value = "";
      replace(merged, `added ${plural(counts.added, ["invoice", "invoices"])} from ${f.name}`);
    });
    swap.addEventListener("click", () => { choice.hidden = true; file.value = ""; replaceWith(ws, f.name); });
    cancel.addEventListener("click", () => { choice.hidden = true; file.value = ""; say("Nothing was imported."); });
    add.focus();
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
    el("div", { class: "actions" }, exportBtn, empty), field("Import an exported file", file), choice, msg);

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
