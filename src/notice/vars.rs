//! The variables a notice template can use: the one list that documents them
//! (`listTemplateVariables`) and that the template checker resolves names against.
//!
//! `invoices[]` is a list; `invoices[].number` is a field of each of its items. Money and dates are
//! already written for the notice's locale. An optional value that is absent is empty, so
//! `{% if sender.phone %}` works without further ado.

use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Variable {
    /// `invoices[].number` is a field of each item of the list `invoices`.
    pub name: &'static str,
    /// `text`, `money`, `date`, `number`, `yes/no`, `list` or `group`.
    pub kind: &'static str,
    pub description: &'static str,
}

const fn v(name: &'static str, kind: &'static str, description: &'static str) -> Variable {
    Variable {
        name,
        kind,
        description,
    }
}

pub const VARIABLES: &[Variable] = &[
    v("asOf", "date", "The date of the notice."),
    v("replyBy", "date", "The date by which payment or a reply is asked for."),
    v("stage", "group", "The escalation stage."),
    v(
        "stage.id",
        "text",
        "courtesy, friendly, followup, final, plan, agency or legal.",
    ),
    v("stage.name", "text", "The stage's name in the notice's language."),
    v("channel", "text", "email, letter, phone or sms."),
    v("byLetter", "yes/no", "The notice goes by letter (an email or a call has no \"address above\")."),
    v("sender", "group", "Who is owed."),
    v("sender.name", "text", "The sender's business name."),
    v(
        "sender.address",
        "text",
        "The sender's postal address, possibly on several lines.",
    ),
    v(
        "sender.addressLines",
        "list",
        "The sender's address, one line per item.",
    ),
    v("sender.addressLines[]", "text", "One line of the sender's address."),
    v("sender.email", "text", "The sender's email address."),
    v("sender.phone", "text", "The sender's telephone number."),
    v("sender.website", "text", "The sender's website."),
    v(
        "sender.bankDetails",
        "text",
        "Bank details for payment, possibly on several lines.",
    ),
    v("sender.bankLines", "list", "The bank details, one line per item."),
    v("sender.bankLines[]", "text", "One line of the bank details."),
    v("sender.signatory", "text", "The person who signs."),
    v("sender.logoText", "text", "A line of text standing in for a logo."),
    v("customer", "group", "Who owes."),
    v("customer.name", "text", "The customer's name."),
    v("customer.contactName", "text", "The person to address, when known."),
    v(
        "customer.accountNumber",
        "text",
        "The customer's account number with the sender.",
    ),
    v("customer.email", "text", "The customer's email address."),
    v("customer.phone", "text", "The customer's telephone number."),
    v(
        "customer.address",
        "text",
        "The customer's postal address, possibly on several lines.",
    ),
    v(
        "customer.addressLines",
        "list",
        "The customer's address, one line per item.",
    ),
    v("customer.addressLines[]", "text", "One line of the customer's address."),
    v(
        "salutation",
        "text",
        "The opening line: \"Dear Ms Rivera,\" or the language's equivalent.",
    ),
    v(
        "paymentLink",
        "text",
        "Where to pay online (the input's paymentLink, else the sender's).",
    ),
    v(
        "invoices",
        "list",
        "The invoices this notice asks to be paid, oldest due date first: those overdue (for a courtesy reminder, those falling due), not disputed, not under a promise to pay, and not at an earlier stage of their own (see alsoOutstanding).",
    ),
    v("invoices[].number", "text", "The invoice number."),
    v("invoices[].issueDate", "date", "The issue date."),
    v("invoices[].dueDate", "date", "The due date."),
    v("invoices[].amount", "money", "The invoice amount."),
    v("invoices[].paid", "money", "Paid and credited so far."),
    v("invoices[].outstanding", "money", "Still owed."),
    v(
        "invoices[].daysOverdue",
        "number",
        "Days past the due date (0 when not yet due).",
    ),
    v("invoices[].overdue", "yes/no", "Whether the due date has passed."),
    v("invoiceCount", "number", "How many invoices are listed."),
    v(
        "several",
        "yes/no",
        "Whether more than one invoice is listed: {% if several %}invoices{% else %}invoice{% endif %}.",
    ),
    v(
        "invoiceNumbers",
        "text",
        "The invoice numbers in a phrase: \"A-1, A-2 and A-3\".",
    ),
    v(
        "invoiceTable",
        "text",
        "The invoices as an aligned plain-text table with headings and a total.",
    ),
    v("oldestDueDate", "date", "The earliest due date among the invoices."),
    v("mostDaysOverdue", "number", "Days past due of the oldest invoice."),
    v(
        "oneDayOverdue",
        "yes/no",
        "Whether mostDaysOverdue takes the singular in the notice's language (CLDR: 1, and in French also 0).",
    ),
    v("currency", "text", "The ISO 4217 code of the amounts."),
    v("total", "money", "Total outstanding on the invoices asked for."),
    v("fees", "money", "Fees this stage adds (empty when none)."),
    v(
        "charges",
        "group",
        "Late-payment charges, when a lateCharges result is given (empty otherwise).",
    ),
    v("charges.interest", "money", "Late-payment interest."),
    v(
        "charges.compensation",
        "money",
        "Fixed compensation for recovery costs.",
    ),
    v("charges.fees", "money", "Fees among the charges."),
    v("charges.total", "money", "All charges together."),
    v("charges.paid", "money", "What payments have already paid of the charges (empty when nothing)."),
    v("charges.claimable", "money", "The charges still owed."),
    v("charges.daily", "money", "Interest for one more day on the invoices asked for (empty when none accrues)."),
    v("charges.law", "text", "The law behind the charges, named in the notice's language."),
    v("charges.statement", "text", "What the regime's law has the notice say, in its own language (the German Verzug of § 286 BGB); empty when nothing."),
    v("charges.basis", "list", "For each invoice with interest: its rate, first day and law, in the notice's language."),
    v("charges.basis[]", "text", "One invoice's line."),
    v(
        "charges.lines",
        "list",
        "The charges that apply, each with a label in the notice's language.",
    ),
    v(
        "charges.lines[].label",
        "text",
        "\"Late-payment interest\", \"Compensation for recovery costs\" or \"Fees\".",
    ),
    v("charges.lines[].amount", "money", "The amount of that charge."),
    v(
        "charges.explanation",
        "list",
        "How each invoice's charges were worked out (in English).",
    ),
    v("charges.explanation[]", "text", "One invoice's explanation."),
    v("totalDue", "money", "Total outstanding plus charges and fees."),
    v(
        "plan",
        "group",
        "A payment plan, when a paymentPlan result is given (empty otherwise).",
    ),
    v("plan.count", "number", "Number of instalments."),
    v("plan.instalment", "money", "The first instalment."),
    v("plan.single", "yes/no", "The plan has one instalment."),
    v("plan.lastInstalment", "money", "The last instalment, when it differs from the first (empty otherwise)."),
    v(
        "plan.total",
        "money",
        "Everything paid under the plan, down payment included.",
    ),
    v("plan.firstDate", "date", "The first instalment's date."),
    v("plan.lastDate", "date", "The last instalment's date."),
    v("plan.downPayment", "money", "The down payment (empty when none)."),
    v(
        "plan.downPaymentDate",
        "date",
        "When the down payment is due (empty when none).",
    ),
    v(
        "plan.apr",
        "text",
        "The annual percentage rate, e.g. \"5.12%\" (empty when none).",
    ),
    v("plan.instalments", "list", "The schedule."),
    v(
        "planTable",
        "text",
        "The schedule as an aligned plain-text table (empty without a plan).",
    ),
    v("plan.instalments[].number", "number", "1, 2, 3, …"),
    v("plan.instalments[].date", "date", "When the instalment is due."),
    v("plan.instalments[].amount", "money", "The instalment."),
    v(
        "consequence",
        "text",
        "What happens if the deadline passes: the caller's words, else the built-in sentence for the next stage (nextStage).",
    ),
    v(
        "nextStage",
        "text",
        "The built-in stage that follows this one on the ladder in use (plan, agency, legal, …), or empty when none does.",
    ),
    v(
        "alsoOutstanding",
        "list",
        "Invoices listed for information, not asked for at this stage: not yet due, or overdue at an earlier stage of their own.",
    ),
    v("alsoOutstanding[].number", "text", "The invoice number."),
    v("alsoOutstanding[].dueDate", "date", "The due date."),
    v("alsoOutstanding[].outstanding", "money", "Still owed."),
    v("alsoOutstanding[].overdue", "yes/no", "Whether the due date has passed."),
    v("alsoOutstanding[].daysOverdue", "number", "Days past the due date (0 when not yet due)."),
    v("alsoOutstandingTable", "text", "alsoOutstanding as an aligned plain-text table."),
    v("alsoOutstandingTotal", "money", "Total still owed on alsoOutstanding."),
    v(
        "onHold",
        "list",
        "Disputed invoices and invoices under a promise to pay: never asked for; listed unless showOnHold is false.",
    ),
    v("onHold[].number", "text", "The invoice number."),
    v("onHold[].outstanding", "money", "Still owed."),
    v("onHold[].disputed", "yes/no", "Whether it is disputed (else it is under a promise to pay)."),
    v("onHold[].promisedDate", "date", "The date payment was promised for (empty when disputed)."),
    v("previousNotices", "number", "How many notices were sent before this one (the input's history)."),
    v("firstContact", "yes/no", "Whether no notice was sent before this one."),
    v("lastNotice", "group", "The last notice sent before this one (empty when none)."),
    v("lastNotice.date", "date", "When it was sent."),
    v("lastNotice.stage", "text", "Its stage's name in the notice's language."),
    v("lastNotice.channel", "text", "email, letter, phone or sms (empty when not recorded)."),
    v("sent", "group", "Which built-in stages were sent before: sent.final and so on, each yes/no."),
    v("sent.courtesy", "yes/no", "A courtesy reminder was sent."),
    v("sent.friendly", "yes/no", "A friendly reminder was sent."),
    v("sent.followup", "yes/no", "A second reminder was sent."),
    v("sent.final", "yes/no", "A final notice was sent."),
    v("sent.plan", "yes/no", "A payment-plan offer was sent."),
    v("sent.agency", "yes/no", "A notice of referral to an agency was sent."),
    v("sent.legal", "yes/no", "A letter before legal action was sent."),
    v("lapsedPromise", "date", "The date a payment was promised for that has passed unpaid (empty when none)."),
    v(
        "collectionCosts",
        "money",
        "The Dutch statutory collection costs on total (Besluit vergoeding voor buitengerechtelijke incassokosten: 15 % of the first €2,500 …, at least €40), for the 14-day letter of art. 6:96(6) BW; empty outside euro notices.",
    ),
];

/// Formatters a template may apply: `{{ customer.name | upper }}` (capitals, for headings).
pub const FORMATTERS: &[&str] = &["upper"];

/// Variables that exist only inside a loop: `{% for x in … %}` gives `loop.index`, `loop.first`,
/// `loop.last`.
pub const LOOP_FIELDS: &[&str] = &["index", "first", "last"];

/// The top-level variables, in the order of [`Needs`]' bits (a test checks they match
/// [`VARIABLES`]).
pub const TOP_LEVEL: &[&str] = &[
    "asOf",
    "replyBy",
    "stage",
    "channel",
    "byLetter",
    "sender",
    "customer",
    "salutation",
    "paymentLink",
    "invoices",
    "invoiceCount",
    "several",
    "invoiceNumbers",
    "invoiceTable",
    "oldestDueDate",
    "mostDaysOverdue",
    "oneDayOverdue",
    "currency",
    "total",
    "fees",
    "charges",
    "totalDue",
    "plan",
    "planTable",
    "consequence",
    "nextStage",
    "alsoOutstanding",
    "alsoOutstandingTable",
    "alsoOutstandingTotal",
    "onHold",
    "previousNotices",
    "firstContact",
    "lastNotice",
    "sent",
    "lapsedPromise",
    "collectionCosts",
];

/// Which top-level variables a template uses, so that only those are built; and for the two groups
/// with many fields, `sender` and `customer`, which of their fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    top: u64,
    fields: u32,
}

/// The fields of `sender` and `customer` that [`Needs`] tracks one by one, in the order of its bits.
pub const GROUP_FIELDS: &[&str] = &[
    "sender.name",
    "sender.address",
    "sender.addressLines",
    "sender.email",
    "sender.phone",
    "sender.website",
    "sender.bankDetails",
    "sender.bankLines",
    "sender.signatory",
    "sender.logoText",
    "customer.name",
    "customer.contactName",
    "customer.accountNumber",
    "customer.email",
    "customer.phone",
    "customer.address",
    "customer.addressLines",
];

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn bit_of(names: &[&str], name: &str) -> u64 {
    let mut i = 0;
    while i < names.len() {
        if same(names[i], name) {
            return 1 << i;
        }
        i += 1;
    }
    panic!("not a variable overdue tracks")
}

/// The [`Needs`] bit of a top-level variable. Meant for constants, so that a name not in
/// [`TOP_LEVEL`] fails the build and a notice pays no lookup per value.
pub const fn top_bit(name: &str) -> u64 {
    bit_of(TOP_LEVEL, name)
}

/// The [`Needs`] bit of a field in [`GROUP_FIELDS`] (`"sender.email"`), as [`top_bit`].
pub const fn field_bit(name: &str) -> u32 {
    bit_of(GROUP_FIELDS, name) as u32
}

impl Needs {
    pub const ALL: Needs = Needs {
        top: u64::MAX,
        fields: u32::MAX,
    };

    /// Whether the top-level variable of [`top_bit`] is read.
    pub fn has_top(self, bit: u64) -> bool {
        self.top & bit != 0
    }

    /// Whether the group field of [`field_bit`] is read.
    pub fn has_field_bit(self, bit: u32) -> bool {
        self.fields & bit != 0
    }

    /// A top-level variable is read.
    pub fn add(&mut self, name: &str) {
        if let Some(i) = TOP_LEVEL.iter().position(|t| *t == name) {
            self.top |= 1 << i;
        }
    }

    /// `group.field` is read; with no field the group is read whole (`{% if sender %}`), so every
    /// field of it is needed.
    pub fn add_field(&mut self, group: &str, field: Option<&str>) {
        for (i, f) in GROUP_FIELDS.iter().enumerate() {
            let Some(name) = f.strip_prefix(group).and_then(|r| r.strip_prefix('.')) else {
                continue;
            };
            if field.map_or(true, |f| f == name) {
                self.fields |= 1 << i;
            }
        }
    }

    pub fn union(self, other: Needs) -> Needs {
        Needs {
            top: self.top | other.top,
            fields: self.fields | other.fields,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_matches_the_variables() {
        let mut roots: Vec<&str> = Vec::new();
        for v in VARIABLES {
            let root = v.name.split(['.', '[']).next().unwrap();
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
        assert_eq!(roots, TOP_LEVEL);
        assert!(TOP_LEVEL.len() <= 64);
        // Every field of the two groups is tracked, and nothing else.
        let fields: Vec<&str> = VARIABLES
            .iter()
            .map(|v| v.name)
            .filter(|n| (n.starts_with("sender.") || n.starts_with("customer.")) && !n.ends_with("[]"))
            .collect();
        assert_eq!(fields, GROUP_FIELDS);
        assert!(GROUP_FIELDS.len() <= 32);
    }
}
