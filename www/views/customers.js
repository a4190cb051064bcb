// One customer at a time: how they pay (score, trend and a chart of days late per month), what they
// owe, the notices sent, and a communication log of calls, emails and promises, with their contact
// details. Everything is saved in the workspace.
import { paymentRisk, normalizeInvoices, defaultPolicy, statementOfAccount, parseAmount, paymentPlan } from "../pkg/overdue.js";
import { el, field, money, date, month, svgEl, table, decimalSeparator, amountExample, plainMessage } from "./format.js";
import { update, download, homeCurrency } from "../store.js";
import { planTerms } from "./plan.js";

const TREND = { deteriorating: "Paying later and later", improving: "Paying sooner", stable: "Steady", unknown: "Not enough payments yet for a trend" };
const KINDS = [["call", "Phone call"], ["email", "Email"], ["letter", "Letter"], ["promise", "Promise to pay"], ["note", "Note"]];
let selected = null;

/** Days late per month as a line; the numbers are also in the table below it. */
function trendChart(r) {
  const pts = r.monthly.map((m, i) => ({ i, m: m.month, v: m.dbt }));
  const vals = pts.filter((p) => p.v !== null).map((p) => p.v);
  const w = 560, h = 160, pad = 30;
  const svg = svgEl("svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h + pad + 14}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Days paid after the due date, month by month: ${pts.map((p) => `${month(p.m)} ${p.v === null ? "no payments" : `${p.v} days`}`).join(", ")}`);
  if (vals.length === 0) return svg;
  const lo = Math.min(0, ...vals), hi = Math.max(1, ...vals);
  const x = (i) => pad + (i * (w - 2 * pad)) / Math.max(1, pts.length - 1);
  const y = (v) => h - ((v - lo) / (hi - lo)) * (h - 20);
  const zero = svgEl("line", { x1: pad, x2: w - pad, y1: y(0), y2: y(0), class: "zero" });
  svg.append(zero);
  const path = svgEl("polyline");
  path.setAttribute("points", pts.filter((p) => p.v !== null).map((p) => `${x(p.i)},${y(p.v)}`).join(" "));
  path.setAttribute("class", "trend-line");
  svg.append(path);
  for (const p of pts) {
    // "Nov" under each point, and on a line below it the year, under the first month and each January.
    const label = svgEl("text", { x: x(p.i), y: h + 18, "text-anchor": "middle", class: "axis" });
    label.textContent = month(p.m, true);
    svg.append(label);
    if (p.i === 0 || p.m.endsWith("-01")) {
      const year = svgEl("text", { x: x(p.i), y: h + 33, "text-anchor": "middle", class: "axis" });
      year.textContent = p.m.slice(0, 4);
      svg.append(year);
    }
    if (p.v === null) continue;
    const dot = svgEl("circle", { cx: x(p.i), cy: y(p.v), r: 4, class: "trend-dot" });
    svg.append(dot);
  }
  return svg;
}

const DOC_KINDS = [["paymentOnAccount", "Money received, not for one invoice"], ["creditNote", "Credit note"]];

/** Credit notes and money received without an invoice named: listed, added, removed (and undone). */
function documentsSection(asOf, workspace, person, theirs) {
  const box = el("section", { id: "c-documents", "aria-label": "Credit notes and money on account" }, el("h3", { text: "Credit notes and money on account" }));
  const mine = (workspace.documents ?? []).map((d, i) => [d, i]).filter(([d]) => String(d.customerId) === String(person.id));
  if (mine.length) {
    const list = el("ul", { class: "log", id: "c-doc-list" });
    for (const [d, i] of mine) {
      const remove = el("button", { type: "button", class: "small", text: "Remove" });
      remove.addEventListener("click", () => update((w) => { w.documents.splice(i, 1); }, `removed a ${d.kind === "creditNote" ? "credit note" : "payment on account"} of ${person.name}`));
      list.append(el("li", {}, `${date(d.date)} · ${DOC_KINDS.find((k) => k[0] === d.kind)?.[1] ?? d.kind}: ${money(d.amount, d.currency)}${d.reference ? ` (${d.reference})` : ""} `, remove));
    }
    box.append(list);
  } else {
    box.append(el("p", { class: "hint", text: "A payment that does not say which invoice it is for, or a credit note for the customer: it is set against their oldest invoices on the statement." }));
  }
  const currencies = [...new Set(theirs.map((i) => i.currency))];
  const kind = el("select", { id: "d-kind" }, ...DOC_KINDS.map(([v, t]) => el("option", { value: v, text: t })));
  const day = el("input", { id: "d-date", type: "date", value: asOf, max: asOf });
  const amount = el("input", { id: "d-amount", inputmode: "decimal", autocomplete: "off", placeholder: amountExample });
  const cur = el("select", { id: "d-currency" }, ...(currencies.length ? currencies : [homeCurrency(workspace)]).map((c) => el("option", { value: c, text: c })));
  const ref = el("input", { id: "d-reference", autocomplete: "off" });
  const problem = el("p", { class: "banner error", role: "alert", hidden: "" });
  const form = el("form", { class: "calc", id: "doc-form" }, field("What", kind), field("Date", day), field("Amount", amount), field("Currency", cur), field("Reference", ref, "Optional: the bank reference or the credit note's number."),
    el("div", { class: "actions" }, el("button", { type: "submit", text: "Add" })), problem);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    let parsed;
    try {
      parsed = parseAmount({ text: amount.value, currency: cur.value, decimalSeparator }).amount;
      if (Number(parsed) <= 0) throw new Error("The amount must be more than zero.");
    } catch (err) {
      problem.textContent = plainMessage(err);
      problem.hidden = false;
      amount.setAttribute("aria-invalid", "true");
      amount.focus();
      return;
    }
    const doc = { kind: kind.value, customerId: person.id, currency: cur.value, date: day.value || asOf, amount: parsed, ...(ref.value.trim() ? { reference: ref.value.trim() } : {}) };
    update((w) => { (w.documents ??= []).push(doc); }, `recorded a ${doc.kind === "creditNote" ? "credit note" : "payment on account"} of ${money(parsed, cur.value)} from ${person.name}`);
  });
  box.append(form);
  return box;
}

/** The customer's statement of account: the balance, then the document to look at, print or download. */
function statementSection(asOf, workspace, person, details, theirs) {
  const box = el("section", { id: "c-statement", "aria-label": "Statement of account" }, el("h3", { text: "Statement of account" }));
  const settings = workspace.settings ?? {};
  let s;
  try {
    s = statementOfAccount({ asOf, invoices: theirs, documents: workspace.documents ?? [], sender: workspace.sender ?? null, language: settings.language ?? "en", locale: settings.locale ?? null,
      customer: { id: person.id, name: person.name, accountNumber: person.accountNumber ?? null, address: details.address ?? null } });
  } catch (e) {
    box.append(el("p", { class: "banner error", role: "alert", text: String(e?.message ?? e) }));
    return box;
  }
  box.append(el("p", { id: "c-statement-balance", text: s.currencies.map((c) => `${money(c.closingBalance, c.currency)} owed on ${date(asOf)}`).join("; ") + ` (every invoice, payment and credit since ${date(s.from)}).` }));
  // The document goes into a frame only when asked for: an empty sandboxed frame is noise for
  // tools that script every frame, and most visits never open it.
  let frame = null;
  const slug = `statement-${String(person.id).replace(/[^\w-]+/g, "_")}-${asOf}`;
  const button = (id, text, fn) => { const b = el("button", { type: "button", id, class: "small", text }); b.addEventListener("click", fn); return b; };
  const showDoc = () => {
    if (frame) return false;
    frame = el("iframe", { id: "c-statement-doc", title: `Statement of account for ${person.name}`, sandbox: "allow-same-origin allow-modals", srcdoc: s.html });
    box.append(frame);
    show.remove();
    return true;
  };
  const show = button("c-statement-show", "Show the statement", showDoc);
  box.append(el("div", { class: "actions" }, show,
    button("c-statement-print", "Print", () => {
      if (showDoc()) frame.addEventListener("load", () => frame.contentWindow?.print(), { once: true });
      else frame.contentWindow?.print();
    }),
    button("c-statement-html", "Download .html", () => download(`${slug}.html`, s.html, "text/html;charset=utf-8")),
    button("c-statement-txt", "Download .txt", () => download(`${slug}.txt`, s.text, "text/plain;charset=utf-8"))));
  return box;
}

export function render(root, { asOf, workspace }) {
  const people = [...new Map(workspace.invoices.map((i) => [String(i.customer.id), i.customer])).values()].sort((a, b) => a.name.localeCompare(b.name));
  root.replaceChildren(el("h2", { text: "Customers" }));
  if (people.length === 0) {
    root.append(el("p", { class: "hint", text: "No customers yet: add an invoice first." }));
    return;
  }
  if (!people.some((p) => String(p.id) === selected)) selected = String(people[0].id);
  const pick = el("select", { id: "c-pick" }, ...people.map((p) => el("option", { value: String(p.id), text: p.name })));
  pick.value = selected;
  pick.addEventListener("change", () => { selected = pick.value; render(root, { asOf, workspace }); });
  root.append(el("div", { class: "calc" }, field("Customer", pick)));

  const person = people.find((p) => String(p.id) === selected);
  const theirs = workspace.invoices.filter((i) => String(i.customer.id) === selected);
  const risk = paymentRisk({ asOf, invoices: theirs });
  for (const r of risk.customers) {
    const head = r.score === null ? "Payment score: not enough paid invoices yet" : `Payment score ${r.score} (grade ${r.grade})`;
    root.append(el("h3", { text: `${head} · ${TREND[r.trend]}` }), el("p", { class: "risk", text: r.explanation }),
      el("figure", { class: "chart" }, trendChart(r)),
      table(`Days late per month, ${r.currency}`, [["Month"], ["Days after due date", "num"], ["Paid in the month", "num"]],
        r.monthly.filter((m) => m.dbt !== null).map((m) => [month(m.month), String(m.dbt), money(m.amountPaid, r.currency)])),
      // paymentRisk counts what is still unpaid past its due date as late up to today.
      el("p", { class: "hint", text: "An invoice still unpaid after its due date counts too, as late from its due date to today: a month can show days late with nothing paid in it." }));
  }

  const open = normalizeInvoices({ asOf, invoices: theirs }).invoices.filter((i) => i.status === "overdue" || i.status === "current");
  root.append(el("h3", { text: "Open invoices" }), open.length
    ? table(`Open invoices of ${person.name}`, [["Invoice"], ["Due date"], ["Still owed", "num"], ["Days late", "num"]],
      open.map((i) => [String(i.id), date(i.dueDate), money(i.outstanding, i.currency), i.daysPastDue > 0 ? String(i.daysPastDue) : "—"]))
    : el("p", { class: "hint", text: "Nothing owed." }));

  // A payment plan kept for them in Payment plan: what was agreed, and what it asks for next.
  const plans = (workspace.plans ?? []).filter((p) => String(p.customerId) === selected);
  if (plans.length) {
    const box = el("section", { id: "c-plans", "aria-label": "Payment plan" }, el("h3", { text: plans.length === 1 ? "Payment plan" : "Payment plans" }));
    for (const kept of plans) {
      const { savedOn } = kept;
      try {
        const p = paymentPlan(planTerms(kept));
        const last = p.schedule[p.schedule.length - 1];
        const next = p.schedule.find((r) => r.dueDate >= asOf);
        box.append(el("p", { class: "c-plan", text: `Kept on ${date(savedOn)}: ${p.count} instalments of ${money(p.regularInstalment, p.currency)}`
          + `${p.finalInstalment !== p.regularInstalment ? ` (the last ${money(p.finalInstalment, p.currency)})` : ""}, ${money(p.totals.paid, p.currency)} in all, from ${date(p.schedule[0].dueDate)} to ${date(last.dueDate)}.`
          + (next ? ` Next: ${money(next.payment, p.currency)} on ${date(next.dueDate)}.` : " Every instalment date has passed.") }));
      } catch (e) {
        box.append(el("p", { class: "error", text: `The plan kept on ${date(savedOn)} cannot be worked out: ${e.message}` }));
      }
    }
    box.append(el("p", { class: "hint", text: "Made and changed in Payment plan; the payment-plan notice sets it out." }));
    root.append(box);
  }

  // Contact details, used by the notices and the statement.
  const details = (workspace.customers ?? []).find((c) => String(c.id) === selected) ?? {};
  root.append(documentsSection(asOf, workspace, person, theirs), statementSection(asOf, workspace, person, details, theirs));
  const contact = el("form", { class: "calc", id: "c-contact" });
  /** @type {[string, string, boolean?][]} */
  const fields = [["contactName", "Contact person"], ["phone", "Phone"], ["address", "Postal address", true]];
  for (const [key, label, long] of fields) {
    const input = long ? el("textarea", { id: `c-${key}`, rows: "3" }) : el("input", { id: `c-${key}`, autocomplete: "off" });
    input.value = details[key] ?? "";
    input.addEventListener("change", () => update((w) => {
      w.customers ??= [];
      let c = w.customers.find((x) => String(x.id) === selected);
      if (!c) w.customers.push((c = { id: person.id }));
      c[key] = input.value.trim() || null;
    }, `changed the ${label.toLowerCase()} of ${person.name}`));
    contact.append(field(label, input));
  }
  root.append(el("h3", { text: "Contact details" }), contact);

  // What was sent and said, each stage by the name the ladder gives it.
  const stageNames = new Map((workspace.settings?.policy ?? defaultPolicy()).map((s) => [s.id, s.name]));
  const sent = (workspace.history ?? []).filter((h) => String(h.customerId) === selected || theirs.some((i) => String(i.id) === String(h.invoiceId)));
  root.append(el("h3", { text: "Notices sent" }), sent.length
    ? table(`Notices sent to ${person.name}`, [["Date"], ["Stage"]], sent.map((h) => [date(h.date), stageNames.get(h.stageId) ?? h.stageId]))
    : el("p", { class: "hint", text: "None recorded. “Record as sent” on the notice page adds them here." }));

  const log = (workspace.log ?? []).filter((e) => String(e.customerId) === selected).sort((a, b) => b.date.localeCompare(a.date));
  const kind = el("select", { id: "l-kind" }, ...KINDS.map(([v, t]) => el("option", { value: v, text: t })));
  const day = el("input", { id: "l-date", type: "date", value: asOf });
  const text = el("textarea", { id: "l-text", rows: "2", required: "" });
  const form = el("form", { class: "calc", id: "log-form" }, field("What", kind), field("Date", day), field("Note", text),
    el("div", { class: "actions" }, el("button", { type: "submit", text: "Add to the log" })));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!text.value.trim()) { text.setAttribute("aria-invalid", "true"); text.focus(); return; }
    update((w) => { (w.log ??= []).push({ customerId: person.id, date: day.value || asOf, kind: kind.value, text: text.value.trim() }); }, `added a note on ${person.name}`);
  });
  root.append(el("h3", { text: "Communication log" }), form, log.length
    ? el("ol", { class: "log", id: "c-log" }, ...log.map((e) => el("li", {}, el("strong", { text: `${date(e.date)} · ${KINDS.find((k) => k[0] === e.kind)?.[1] ?? e.kind}: ` }), e.text)))
    : el("p", { class: "hint", text: "Nothing yet. Keep notes of calls, emails and promises here." }));
}
