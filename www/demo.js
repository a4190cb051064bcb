// The demo ledger shown on a first visit: made-up customers, realistic amounts and dates relative to
// today, so the page always shows a mix of current, late and very late invoices, and a year of
// settled ones (each customer with its own habit, one bad debt written off) from which the cash
// forecast and the expected bad debts learn.
function shift(today, days) {
  const d = new Date(Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10) + days));
  return d.toISOString().slice(0, 10);
}

export function demoInvoices(today) {
  const at = (d) => shift(today, d);
  const c = {
    bakery: { id: "C-001", name: "Hartley's Bakery", email: "accounts@hartleys.example", accountNumber: "HB-1043" },
    studio: { id: "C-002", name: "Northwind Design Studio", email: "finance@northwind.example", accountNumber: "NW-2210" },
    garage: { id: "C-003", name: "Patel & Sons Garage", email: "office@patelgarage.example", accountNumber: "PS-0087" },
    cafe: { id: "C-004", name: "Café Lumière", email: "bonjour@lumiere.example", accountNumber: "CL-5531" },
  };
  // Settled: the bakery pays within a week of the due date (once a month late), the studio five or
  // six weeks late, the garage about three weeks late (one invoice nearly six months late, one
  // written off), the café on time or about three weeks late.
  const paid = (id, customer, amount, issued, late, reference = "Bank transfer") => ({ id, customer, currency: customer === c.cafe ? "EUR" : "GBP", amount,
    issueDate: at(issued), dueDate: at(issued + 30), payments: [{ date: at(issued + 30 + late), amount, reference }] });
  const history = [
    { id: "INV-1961", customer: c.garage, currency: "GBP", amount: "480.00", issueDate: at(-330), dueDate: at(-300),
      credits: [{ date: at(-120), amount: "480.00", writeOff: true }], notes: "Written off: the customer disputed the parts and could not be reached." },
    paid("INV-1968", c.studio, "3600.00", -300, 38),
    paid("INV-1970", c.garage, "2300.00", -290, 170),
    paid("INV-1979", c.bakery, "920.00", -250, 6),
    paid("INV-1982", c.studio, "2880.00", -240, 42),
    paid("INV-1990", c.bakery, "1045.20", -200, 31),
    paid("INV-1993", c.studio, "4150.00", -190, 36),
    paid("INV-1996", c.garage, "640.00", -180, 22, "Cheque"),
    paid("INV-2008", c.bakery, "788.40", -150, 7),
    paid("INV-2011", c.studio, "3310.00", -140, 40),
    paid("INV-2016", c.bakery, "1102.75", -110, 5),
    paid("INV-2022", c.garage, "415.60", -100, 18, "Cheque"),
    paid("INV-2024", c.bakery, "965.00", -80, 4),
    paid("F-0549", c.cafe, "740.00", -170, 19),
    paid("F-0560", c.cafe, "1220.00", -140, -1),
    paid("F-0577", c.cafe, "860.00", -110, 24),
  ];
  return [
    ...history,
    { id: "INV-2041", customer: c.bakery, currency: "GBP", amount: "840.00", issueDate: at(-20), dueDate: at(10) },
    { id: "INV-2033", customer: c.bakery, currency: "GBP", amount: "1260.50", issueDate: at(-52), dueDate: at(-22),
      payments: [{ date: at(-10), amount: "500.00", reference: "Bank transfer" }] },
    { id: "INV-2019", customer: c.studio, currency: "GBP", amount: "4200.00", issueDate: at(-104), dueDate: at(-74) },
    { id: "INV-2027", customer: c.studio, currency: "GBP", amount: "1875.00", issueDate: at(-70), dueDate: at(-40), disputed: true,
      notes: "Disputes the second design round." },
    { id: "INV-2038", customer: c.garage, currency: "GBP", amount: "312.40", issueDate: at(-35), dueDate: at(-5), promisedDate: at(3) },
    { id: "INV-2002", customer: c.garage, currency: "GBP", amount: "2950.00", issueDate: at(-160), dueDate: at(-130) },
    { id: "F-0611", customer: c.cafe, currency: "EUR", amount: "1480.00", issueDate: at(-45), dueDate: at(-15),
      payments: [{ date: at(-3), amount: "480.00" }] },
    { id: "F-0598", customer: c.cafe, currency: "EUR", amount: "96.80", issueDate: at(-80), dueDate: at(-50),
      payments: [{ date: at(-48), amount: "96.80" }] },
  ];
}

/** The demo workspace: the ledger above, a sender, and a little history, clearly marked as a demo. */
export function demoWorkspace(today) {
  const at = (d) => shift(today, d);
  return {
    version: 1,
    demo: true,
    sender: {
      name: "Your Business Ltd", address: "1 High Street\nBristol BS1 1AA", email: "accounts@yourbusiness.example",
      phone: "0117 496 0000", bankDetails: "Sort code 20-00-00\nAccount 55555555", signatory: "Sam Taylor",
    },
    settings: { currency: "GBP", language: "en", locale: "en-GB" },
    invoices: demoInvoices(today),
    customers: [{ id: "C-002", contactName: "Alex Rivera", phone: "020 7946 0000" }],
    history: [{ customerId: "C-002", stageId: "friendly", date: at(-70) }],
    log: [{ customerId: "C-003", date: at(-4), kind: "promise", text: "Mr Patel promised to pay INV-2038 by the end of next week." }],
  };
}
