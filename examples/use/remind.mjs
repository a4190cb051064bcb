import { nextActions, renderNotice } from "overdue";

const invoices = [{ id: "INV-204", customer: { id: "C-4", name: "Café Lumière", email: "compta@lumiere.example" },
  currency: "EUR", amount: "1480.00", issueDate: "2026-10-09", dueDate: "2026-11-08" }];
const asOf = "2026-11-10";

// What the ladder says is due today (nothing was sent before), then that notice, in French.
const [action] = nextActions({ asOf, invoices }).actions;
const notice = renderNotice({
  asOf, stage: action.template, nextStage: action.nextStage, language: "fr", invoices,
  sender: { name: "Atelier Nord", email: "factures@ateliernord.example", signatory: "Claire Martin" },
});
console.log(action.stageId, action.template);
console.log(notice.subject);
