// The escalation ladder as the user wants it: when each stage comes, how it is sent, and which may
// never be skipped. Checked by the module (order, gaps, ids) before it is kept.
import { defaultPolicy, nextActions } from "../pkg/overdue.js";
import { el, plainMessage } from "./format.js";
import { update } from "../store.js";

/** The built-in wordings, by the stage they were written for. */
export const WORDING = {
  courtesy: "Courtesy reminder (before the due date)", friendly: "Friendly reminder", followup: "Second reminder", final: "Final notice",
  plan: "Payment-plan offer", agency: "Referral to a collection agency", legal: "Letter before legal action",
};
const TEMPLATES = Object.keys(WORDING);
const CHANNELS = [["email", "Email"], ["letter", "Letter"], ["phone", "Phone call"], ["sms", "Text message"]];

export function ladderSection(workspace, asOf) {
  const policy = structuredClone(workspace.settings?.policy ?? defaultPolicy());
  const msg = el("p", { class: "error", role: "alert" });
  const keep = () => {
    try {
      nextActions({ asOf, invoices: [], policy });
    } catch (e) {
      msg.textContent = plainMessage(e, { offsetDays: "days from the due date", minGapDays: "days since the last notice", id: "name", name: "name", channel: "sent as", template: "wording" }, "Stage");
      return;
    }
    msg.textContent = "";
    update((w) => { (w.settings ??= {}).policy = policy; }, "changed the reminder ladder");
  };
  const body = el("tbody");
  policy.forEach((stage, i) => {
    const label = (what) => `${what} of stage ${i + 1}, ${stage.name}`;
    const name = el("input", { value: stage.name, "aria-label": label("Name"), size: "22" });
    const days = el("input", { type: "number", value: String(stage.offsetDays), "aria-label": label("Days after the due date"), min: "-365", max: "3650", class: "num" });
    const channel = el("select", { "aria-label": label("Sent as") }, ...CHANNELS.map(([v, t]) => el("option", { value: v, text: t })));
    channel.value = stage.channel;
    const template = el("select", { "aria-label": label("Wording") }, ...TEMPLATES.map((t) => el("option", { value: t, text: WORDING[t] })));
    template.value = TEMPLATES.includes(stage.template) ? stage.template : "friendly";
    const required = el("input", { type: "checkbox", "aria-label": label("Never skipped") });
    required.checked = Boolean(stage.required);
    name.addEventListener("change", () => { stage.name = name.value.trim(); keep(); });
    days.addEventListener("change", () => { stage.offsetDays = Number(days.value); keep(); });
    channel.addEventListener("change", () => { stage.channel = channel.value; keep(); });
    template.addEventListener("change", () => { stage.template = template.value; keep(); });
    required.addEventListener("change", () => { stage.required = required.checked; keep(); });
    const tr = el("tr");
    for (const c of [name, days, channel, template, required]) tr.append(el("td", {}, c));
    body.append(tr);
  });
  const head = el("tr", {}, ...["Stage", "Days after due date", "Sent as", "Wording", "Never skipped"].map((h) => el("th", { scope: "col", text: h })));
  const reset = el("button", { type: "button", id: "ladder-reset", class: "small", text: "Back to the usual ladder" });
  reset.addEventListener("click", () => update((w) => { (w.settings ??= {}).policy = null; }, "put back the standard reminder ladder"));
  return el("section", { id: "ladder" }, el("h3", { text: "Your reminder ladder" }),
    el("p", { class: "hint", text: "When each reminder is due, counted from the invoice's due date (a minus sign means before it). “Who to chase” and “Write a notice” follow it." }),
    el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Reminder ladder" }, el("table", {}, el("thead", {}, head), body)),
    msg, el("div", { class: "actions" }, reset));
}
