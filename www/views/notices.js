// The notice generator: pick a customer, a stage, a channel and a language; the module writes the
// notice; preview it, copy it, download it as text or HTML, print a letter, and record it as sent so
// the ladder moves on.
import { renderNotice, nextActions, normalizeInvoices, lateCharges, paymentPlan } from "../pkg/overdue.js";
import { el, field, date, money } from "./format.js";
import { savedRegime } from "./charges.js";
import { keptPlan, planTerms } from "./plan.js";
import { update, download } from "../store.js";
import { WORDING } from "./ladder.js";

const STAGES = Object.entries(WORDING);
const MAILTO_LIMIT = 2000;
const CHANNELS = [["email", "Email"], ["letter", "Letter"], ["phone", "Phone-call script"], ["sms", "Text message"]];
const LANGUAGES = [["en", "English"], ["de", "Deutsch"], ["fr", "Français"], ["es", "Español"], ["nl", "Nederlands"]];

const choice = (id, options, value) => {
  const s = el("select", { id }, ...options.map(([v, t]) => el("option", { value: v, text: t })));
  s.value = value;
  return s;
};

export function render(root, { asOf, workspace }) {
  const open = normalizeInvoices({ asOf, invoices: workspace.invoices }).invoices.filter((i) => i.status === "overdue" || i.status === "current");
  const groups = new Map();
  for (const i of open) {
    const k = `${i.customer.id}\u0000${i.currency}`;
    if (!groups.has(k)) groups.set(k, { customer: i.customer, currency: i.currency, ids: [], due: [] });
    groups.get(k).ids.push(String(i.id));
    if (i.status === "overdue") groups.get(k).due.push(String(i.id));
  }
  root.replaceChildren(el("h2", { text: "Write a notice" }));
  if (groups.size === 0) {
    root.append(el("p", { class: "hint", text: "Nothing is owed, so there is nothing to write." }));
    return;
  }
  // Suggest what the ladder says is due today.
  let todo = [];
  try {
    todo = nextActions({ asOf, invoices: workspace.invoices, history: workspace.history ?? [], policy: workspace.settings?.policy ?? null }).actions;
  } catch {
    todo = [];
  }
  // The ladder's action for a customer's invoices in one currency, if one is due today.
  const actionFor = (g) => todo.find((a) => String(a.customerId) === String(g.customer.id) && a.currency === g.currency);
  const keys = [...groups.keys()];
  const customer = choice("n-customer", keys.map((k) => {
    const g = groups.get(k);
    const due = actionFor(g);
    return [k, `${g.customer.name} (${g.currency})${due ? ` — due today: ${due.stageName.toLowerCase()}` : ""}`];
  }), keys[0]);
  const stage = choice("n-stage", STAGES, "friendly");
  const channel = choice("n-channel", CHANNELS, "email");
  const language = choice("n-language", LANGUAGES, workspace.settings?.language ?? "en");
  const suggest = () => {
    const g = groups.get(customer.value);
    const due = actionFor(g);
    if (due) {
      stage.value = due.template;
      channel.value = due.channel;
    }
  };
  suggest();

  const subject = el("p", { class: "subject-line", id: "n-subject" });
  const text = el("pre", { class: "notice-text", id: "n-text", tabindex: "0", "aria-label": "The notice as plain text" });
  const frame = el("iframe", { id: "n-html", title: "The notice as it will look", sandbox: "allow-same-origin allow-modals" });
  const msg = el("p", { class: "error", role: "alert", hidden: "" });
  const recipient = el("p", { class: "hint", id: "n-to" });
  const mail = el("a", { id: "n-mailto", class: "button", href: "#", hidden: "" }, "Open in my email app");
  const warnings = el("ul", { class: "notice-warnings", id: "n-warnings", "aria-live": "polite" });
  // The late charges the user may claim from this customer, under the rules chosen in Late charges.
  const addCharges = el("input", { type: "checkbox", id: "n-charges" });
  const chargesNote = el("small", { id: "n-charges-note" });
  const chargesBox = el("div", { class: "field check" }, el("label", { for: "n-charges" }, addCharges, " Add the late charges you may claim"), chargesNote);
  // The statement of account goes with a letter before action by default (the UK Pre-Action
  // Protocol asks for one); any notice may carry it.
  const addStatement = el("input", { type: "checkbox", id: "n-statement" });
  const statementBox = el("div", { class: "field check" }, el("label", { for: "n-statement" }, addStatement, " Attach a statement of account"));
  addStatement.checked = stage.value === "legal";
  // A payment plan kept for this customer (in Payment plan) is set out by the payment-plan notice.
  const addPlan = el("input", { type: "checkbox", id: "n-plan" });
  const planNote = el("small", { id: "n-plan-note" });
  const planBox = el("div", { class: "field check" }, el("label", { for: "n-plan" }, addPlan, " Set out the payment plan kept for them"), planNote);
  const planOf = (g) => keptPlan(workspace, g.customer.id, g.currency);
  const planDefault = () => { addPlan.checked = stage.value === "plan" && planOf(groups.get(customer.value)) !== null; };
  planDefault();
  const done = el("p", { class: "ok", role: "status" });
  let notice = null;

  const draw = () => {
    const g = groups.get(customer.value);
    const details = (workspace.customers ?? []).find((c) => String(c.id) === String(g.customer.id)) ?? {};
    const sender = { ...workspace.sender, name: workspace.sender?.name || "Your business" };
    const due = actionFor(g);
    // What was sent to this customer, so the notice speaks only of contact that happened; when the
    // stage is the one the ladder suggests, each invoice keeps its own stage and the notice
    // announces the policy's next step.
    const ours = new Set(g.ids);
    const history = (workspace.history ?? []).filter((h) => String(h.customerId) === String(g.customer.id) || ours.has(String(h.invoiceId)));
    const ladder = due && due.template === stage.value
      ? { invoiceStages: due.invoices.map((i) => ({ id: i.id, template: i.template })), nextStage: due.nextStage }
      : {};
    // What may be claimed on these invoices today; offered, and put in the notice when ticked.
    const theirs = workspace.invoices.filter((i) => g.ids.includes(String(i.id)));
    const { regime, label } = savedRegime(workspace);
    let charges = null;
    try {
      const rep = lateCharges({ asOf, invoices: theirs, documents: workspace.documents ?? [], regime, scope: "open" });
      const c = rep.currencies.find((x) => x.currency === g.currency);
      const claimable = c ? Number(c.claimable) : 0;
      chargesNote.textContent = claimable > 0
        ? `${money(c.claimable, g.currency)} under ${label}. The rules are set in Late charges.`
        : `Nothing to claim under ${label}.`;
      addCharges.disabled = !(claimable > 0);
      if (addCharges.checked && claimable > 0) charges = rep;
    } catch (e) {
      chargesNote.textContent = `Late charges cannot be worked out: ${e.message}`;
      addCharges.disabled = true;
    }
    const kept = planOf(g);
    let plan = null;
    addPlan.disabled = !kept;
    if (kept) {
      try {
        const p = paymentPlan(planTerms(kept));
        planNote.textContent = `Kept on ${date(kept.savedOn)}: ${p.count} instalments of ${money(p.regularInstalment, p.currency)}, the first on ${date(p.schedule[0].dueDate)}.`;
        if (addPlan.checked) plan = p;
      } catch (e) {
        planNote.textContent = `The plan kept for them cannot be worked out: ${e.message}`;
        addPlan.disabled = true;
      }
    } else planNote.textContent = "None kept for them: make one in Payment plan.";
    try {
      notice = renderNotice({
        ...(charges ? { charges } : {}),
        ...(plan ? { plan } : {}),
        history, ...ladder,
        asOf, stage: stage.value, channel: channel.value, language: language.value,
        locale: workspace.settings?.locale && workspace.settings.locale.startsWith(language.value) ? workspace.settings.locale : null,
        sender, customer: { contactName: details.contactName ?? null, phone: details.phone ?? null, address: details.address ?? null },
        // Everything still open: the notice asks for what is due at this stage, lists what is not
        // yet due (or at an earlier stage), and holds what is disputed or promised.
        invoices: theirs,
        // Credit notes and payments on account: the notice asks only for what they leave owed.
        documents: workspace.documents ?? [],
        // The whole account of this customer, not only what this notice asks for.
        ...(addStatement.checked ? { statement: { invoices: workspace.invoices.filter((i) => String(i.customer.id) === String(g.customer.id)) } } : {}),
      });
      msg.hidden = true;
    } catch (e) {
      notice = null;
      msg.hidden = false;
      msg.textContent = e.message;
      return;
    }
    subject.textContent = `Subject: ${notice.subject}`;
    // Paragraphs wrap as a mail program shows them; the table's lines (columns padded with spaces,
    // rules of dashes) stay whole, scrolling sideways if the box is narrower.
    const lines = notice.text.split("\n");
    text.replaceChildren(...lines.map((line, i) => el("span", { class: /\S {2,}\S|^-{3,}$/.test(line) ? "keep" : "", text: i < lines.length - 1 ? `${line}\n` : line })));
    // Who it goes to, and what is missing from it, before it is sent or printed.
    const email = workspace.invoices.find((i) => g.ids.includes(String(i.id)) && i.customer?.email)?.customer.email ?? "";
    const letter = channel.value === "letter";
    recipient.textContent = channel.value === "email"
      ? (email ? `To: ${email}` : `No email address for ${g.customer.name}: add one to an invoice of theirs, or copy the text.`)
      : letter ? (details.address ? `To: ${details.address.replace(/\s*\n\s*/g, ", ")}` : "") : "";
    const missing = [
      !workspace.sender?.name && "Your business name is missing: the notice is signed “Your business”.",
      !workspace.sender?.bankDetails && !workspace.sender?.paymentLink && "No bank details or payment link: the customer is not told how to pay.",
      letter && !workspace.sender?.address && "Your address is missing from the letter.",
      letter && !details.address && `${g.customer.name}'s address is missing: add it under Customers before printing.`,
      letter && !workspace.sender?.signatory && "No one signs the letter: add a signatory under Your details.",
    ].filter(Boolean);
    warnings.replaceChildren(...missing.map((m) => el("li", { text: m })));
    // A mailto link carries the subject and body to the user's own email program. Mail programs
    // refuse long links (about 2,000 characters is the limit several keep), so a long notice says so.
    const href = `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(notice.subject)}&body=${encodeURIComponent(notice.text)}`;
    mail.hidden = channel.value !== "email";
    if (href.length > MAILTO_LIMIT) {
      mail.removeAttribute("href");
      mail.setAttribute("aria-disabled", "true");
      mail.textContent = "Too long to open in an email app: copy the text instead";
    } else {
      mail.href = href;
      mail.removeAttribute("aria-disabled");
      mail.textContent = "Open in my email app";
    }
    frame.srcdoc = notice.html;
    done.textContent = "";
  };
  for (const s of [customer, stage, channel, language, addCharges, addStatement, addPlan]) {
    s.addEventListener("change", () => {
      if (s === customer) suggest();
      if (s === customer || s === stage) { addStatement.checked = stage.value === "legal"; planDefault(); }
      draw();
    });
  }

  const button = (id, label, onClick) => {
    const b = el("button", { type: "button", id, text: label });
    b.addEventListener("click", onClick);
    return b;
  };
  const slug = () => `${groups.get(customer.value).customer.name}-${stage.value}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const tools = el("div", { class: "actions" },
    button("n-copy", "Copy text", async () => {
      if (!notice) return;
      try {
        await navigator.clipboard.writeText(`${notice.subject}\n\n${notice.text}`);
        done.textContent = "Copied. Paste it into your email.";
      } catch {
        done.textContent = "Your browser did not allow copying: select the text below and copy it.";
      }
    }),
    button("n-txt", "Download .txt", () => notice && download(`${slug()}.txt`, `Subject: ${notice.subject}\n\n${notice.text}\n`, "text/plain;charset=utf-8")),
    button("n-download-html", "Download .html", () => notice && download(`${slug()}.html`, notice.html, "text/html;charset=utf-8")),
    mail,
    button("n-print", "Print", () => frame.contentWindow?.print()),
    button("n-sent", "Record as sent today", () => {
      const g = groups.get(customer.value);
      update((w) => {
        (w.history ??= []).push({ customerId: g.customer.id, stageId: stage.value, date: asOf });
        (w.log ??= []).push({ customerId: g.customer.id, date: asOf, kind: channel.value === "phone" ? "call" : channel.value === "letter" ? "letter" : "email", text: `Sent: ${notice?.subject ?? stage.value}` });
      }, `recorded a notice to ${g.customer.name} as sent`);
    }));

  root.append(
    el("p", { class: "hint", text: `Your details (name, address, bank) come from “Your details & data”. Dates are as of ${date(asOf)}.` }),
    el("form", { class: "calc", id: "notice-form" },
      field("Customer", customer), field("Stage", stage), field("Sent as", channel), field("Language", language), chargesBox, statementBox, planBox),
    msg, recipient, warnings, tools, done,
    el("div", { class: "notice-preview" }, el("div", {}, el("h3", { text: "Text" }), subject, text), el("div", {}, el("h3", { text: "As it will look" }), frame)));
  draw();
}
