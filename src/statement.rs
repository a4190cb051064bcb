//! `statementOfAccount`: one customer's account as a dated list, as data and as a document to send
//! (plain text and an A4 HTML page) in five languages.
//!
//! Per currency: the opening balance on `from` (everything dated before it), then every invoice
//! (on its issue date), payment, credit, credit note, payment on account and late-payment charge
//! dated from `from` to `asOf` in date order with the running balance, the closing balance, and an
//! ageing footer: what is owed per invoice after credit notes and payments on account are set
//! against it (`documents::allocate`), by days past due, less the customer's unallocated credit,
//! plus the charges. The footer's total is the closing balance. A payment whose date is not known
//! is shown on its invoice's issue date and says so. Charges (a `lateCharges` result, the part
//! still claimable) are dated `asOf`.
//!
//! `from` defaults to the issue date of the customer's oldest invoice still open on `asOf` (so every
//! open invoice is listed with what was paid on it), or, with nothing open, the first day of the
//! month three months before `asOf`.

use crate::aging::{bucket_index, Basis};
use crate::currency::Currency;
use crate::documents::{allocate, validate_documents, DocKind, Document};
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{validate_invoices, Id, Invoice};
use crate::locale::{Language, Locale};
use crate::money::{round_to_minor, ser_decimal};
use crate::notice::{ChargesIn, Output, Sender};
use crate::order::{by_currency, SmallMap};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// The customer the statement is for; invoices and documents of other customers are left out.
#[derive(Debug, Clone)]
pub struct StatementCustomer {
    pub id: Id,
    pub name: Option<String>,
    pub contact_name: Option<String>,
    pub account_number: Option<String>,
    pub address: Option<String>,
}
crate::decode_struct!(StatementCustomer {
    id: "id",
    name: "name" = default,
    contact_name: "contactName" = default,
    account_number: "accountNumber" = default,
    address: "address" = default,
});

/// Input of [`statement_of_account`].
#[derive(Debug, Clone)]
pub struct StatementInput {
    pub as_of: NaiveDate,
    /// Whose statement; name, address and account number for the heading (by default the name on
    /// their invoices).
    pub customer: StatementCustomer,
    /// The ledger; other customers' invoices are left out.
    pub invoices: Vec<Invoice>,
    pub documents: Vec<Document>,
    /// Default: the issue date of the customer's oldest open invoice (or the first of the month
    /// three months back).
    pub from: Option<NaiveDate>,
    pub language: Option<String>,
    pub locale: Option<String>,
    /// Who the statement is from: name and address head it.
    pub sender: Option<Sender>,
    /// A lateCharges result: each of this customer's invoices' claimable charges, dated asOf.
    pub charges: Option<ChargesIn>,
    pub output: Option<Output>,
}
crate::decode_struct!(StatementInput {
    as_of: "asOf",
    customer: "customer",
    invoices: "invoices",
    documents: "documents" = default,
    from: "from" = default,
    language: "language" = default,
    locale: "locale" = default,
    sender: "sender" = default,
    charges: "charges" = default,
    output: "output" = default,
});

/// What a line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Invoice,
    Payment,
    Credit,
    CreditNote,
    PaymentOnAccount,
    Charges,
}
crate::decode_enum!(LineKind {
    Invoice = "invoice",
    Payment = "payment",
    Credit = "credit",
    CreditNote = "creditNote",
    PaymentOnAccount = "paymentOnAccount",
    Charges = "charges",
});

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    pub kind: LineKind,
    /// The invoice it belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_id: Option<Id>,
    /// A payment's reference or a document's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// In the statement's language.
    pub description: String,
    #[serde(serialize_with = "ser_decimal")]
    pub debit: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub credit: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub balance: Decimal,
    /// A payment recorded without its date, shown on the invoice's issue date.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub date_unknown: bool,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgeBucket {
    pub label: String,
    #[serde(serialize_with = "ser_decimal")]
    pub amount: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ageing {
    /// Not yet due, 1–30, 31–60, 61–90, over 90 days past due.
    pub buckets: Vec<AgeBucket>,
    #[serde(serialize_with = "ser_decimal")]
    pub unallocated_credit: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub charges: Decimal,
    /// Buckets − unallocated credit + charges: the closing balance.
    #[serde(serialize_with = "ser_decimal")]
    pub total: Decimal,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyStatement {
    pub currency: Currency,
    #[serde(serialize_with = "ser_decimal")]
    pub opening_balance: Decimal,
    pub lines: Vec<Line>,
    #[serde(serialize_with = "ser_decimal")]
    pub total_debits: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub total_credits: Decimal,
    #[serde(serialize_with = "ser_decimal")]
    pub closing_balance: Decimal,
    /// What is owed by days past due after documents are allocated; `total` is the closing balance.
    pub ageing: Ageing,
}

/// Output of [`statement_of_account`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    #[serde(with = "crate::date::ymd")]
    pub as_of: NaiveDate,
    #[serde(with = "crate::date::ymd")]
    pub from: NaiveDate,
    pub customer_id: Id,
    pub customer_name: String,
    pub language: &'static str,
    pub locale: &'static str,
    /// One per currency the customer has dealings in, by code.
    pub currencies: Vec<CurrencyStatement>,
    pub title: String,
    /// Empty with `output: "html"`.
    pub text: String,
    /// A whole document, A4 in print; empty with `output: "text"`.
    pub html: String,
}

/// Most lines one statement holds: the notice limit on invoices, each with its payments.
pub const MAX_LINES: usize = 100_000;

struct Words {
    title: &'static str,
    account: &'static str,
    statement_date: &'static str,
    period: &'static str,
    date: &'static str,
    details: &'static str,
    debit: &'static str,
    credit: &'static str,
    balance: &'static str,
    opening: &'static str,
    closing: &'static str,
    invoice: &'static str,
    due: &'static str,
    payment: &'static str,
    credit_on: &'static str,
    credit_note: &'static str,
    on_account: &'static str,
    charges_on: &'static str,
    date_unknown: &'static str,
    ageing: &'static str,
    buckets: [&'static str; 5],
    unallocated: &'static str,
    charges: &'static str,
    total: &'static str,
}

const EN: Words = Words {
    title: "Statement of account",
    account: "Account no.",
    statement_date: "Statement date",
    period: "Period",
    date: "Date",
    details: "Details",
    debit: "Debit",
    credit: "Credit",
    balance: "Balance",
    opening: "Opening balance",
    closing: "Closing balance",
    invoice: "Invoice",
    due: "due",
    payment: "Payment against invoice",
    credit_on: "Credit against invoice",
    credit_note: "Credit note",
    on_account: "Payment on account",
    charges_on: "Late-payment charges, invoice",
    date_unknown: "date not recorded",
    ageing: "Aged balance (days overdue)",
    buckets: ["Not yet due", "1–30 days", "31–60 days", "61–90 days", "Over 90 days"],
    unallocated: "Unallocated credit",
    charges: "Late-payment charges",
    total: "Total due",
};

const DE: Words = Words {
    title: "Kontoauszug",
    account: "Kundennummer",
    statement_date: "Stand",
    period: "Zeitraum",
    date: "Datum",
    details: "Buchungstext",
    debit: "Soll",
    credit: "Haben",
    balance: "Saldo",
    opening: "Anfangssaldo",
    closing: "Endsaldo",
    invoice: "Rechnung",
    due: "fällig am",
    payment: "Zahlung zu Rechnung",
    credit_on: "Gutschrift zu Rechnung",
    credit_note: "Gutschrift",
    on_account: "Zahlung ohne Rechnungsbezug",
    charges_on: "Verzugszinsen und -kosten zu Rechnung",
    date_unknown: "Datum nicht erfasst",
    ageing: "Offene Beträge nach Überfälligkeit in Tagen",
    buckets: [
        "Noch nicht fällig",
        "1–30 Tage",
        "31–60 Tage",
        "61–90 Tage",
        "Über 90 Tage",
    ],
    unallocated: "Nicht zugeordnetes Guthaben",
    charges: "Verzugszinsen und -kosten",
    total: "Gesamt offen",
};

const FR: Words = Words {
    title: "Relevé de compte",
    account: "Compte client",
    statement_date: "Date du relevé",
    period: "Période",
    date: "Date",
    details: "Libellé",
    debit: "Débit",
    credit: "Crédit",
    balance: "Solde",
    opening: "Solde initial",
    closing: "Solde final",
    invoice: "Facture",
    due: "échéance le",
    payment: "Règlement, facture",
    credit_on: "Avoir sur facture",
    credit_note: "Avoir",
    on_account: "Règlement non affecté",
    charges_on: "Pénalités de retard et indemnité de recouvrement, facture",
    date_unknown: "date non enregistrée",
    ageing: "Montants dus par tranche de retard",
    buckets: [
        "Non échu",
        "1 à 30 jours",
        "31 à 60 jours",
        "61 à 90 jours",
        "Plus de 90 jours",
    ],
    unallocated: "Crédit non affecté",
    charges: "Pénalités de retard et indemnité de recouvrement",
    total: "Total dû",
};

const ES: Words = Words {
    title: "Extracto de cuenta",
    account: "N.º de cliente",
    statement_date: "Fecha del extracto",
    period: "Periodo",
    date: "Fecha",
    details: "Concepto",
    debit: "Debe",
    credit: "Haber",
    balance: "Saldo",
    opening: "Saldo inicial",
    closing: "Saldo final",
    invoice: "Factura",
    due: "con vencimiento el",
    payment: "Pago de la factura",
    credit_on: "Abono sobre la factura",
    credit_note: "Abono",
    on_account: "Pago a cuenta",
    charges_on: "Intereses de demora y costes de cobro, factura",
    date_unknown: "fecha no registrada",
    ageing: "Importes pendientes según días de retraso",
    buckets: ["No vencido", "1–30 días", "31–60 días", "61–90 días", "Más de 90 días"],
    unallocated: "Saldo a favor sin aplicar",
    charges: "Intereses de demora y costes de cobro",
    total: "Total pendiente",
};

const NL: Words = Words {
    title: "Rekeningoverzicht",
    account: "Klantnummer",
    statement_date: "Datum overzicht",
    period: "Periode",
    date: "Datum",
    details: "Omschrijving",
    debit: "Debet",
    credit: "Credit",
    balance: "Saldo",
    opening: "Beginsaldo",
    closing: "Eindsaldo",
    invoice: "Factuur",
    due: "vervaldatum",
    payment: "Betaling, factuur",
    credit_on: "Creditering, factuur",
    credit_note: "Creditnota",
    on_account: "Betaling zonder factuurverwijzing",
    charges_on: "Rente en incassokosten, factuur",
    date_unknown: "datum niet vastgelegd",
    ageing: "Openstaande bedragen per aantal dagen na vervaldatum",
    buckets: [
        "Nog niet vervallen",
        "1–30 dagen",
        "31–60 dagen",
        "61–90 dagen",
        "Meer dan 90 dagen",
    ],
    unallocated: "Niet-toegewezen tegoed",
    charges: "Rente en incassokosten",
    total: "Totaal openstaand",
};

fn words(l: Language) -> &'static Words {
    match l {
        Language::En => &EN,
        Language::De => &DE,
        Language::Fr => &FR,
        Language::Es => &ES,
        Language::Nl => &NL,
    }
}

/// The footer's buckets: not yet due, 1–30, 31–60, 61–90, over 90 days past due.
const LIMITS: [i64; 3] = [30, 60, 90];

struct Entry {
    date: NaiveDate,
    /// Invoices before the money set against them on the same day.
    order: u8,
    line: Line,
}

/// The statement as of `asOf`.
///
/// # Errors
/// Invalid invoices or documents; `invalid_date_order` when `from` is after `asOf`; `invalid_value`
/// for an unknown language or locale; `too_many` past [`MAX_LINES`].
pub fn statement_of_account(input: &StatementInput) -> Result<Statement> {
    let (mut st, w, locale) = build(input)?;
    let output = input.output.unwrap_or(Output::Both);
    if output != Output::Html {
        st.text = text(&st, input, w, locale);
    }
    if output != Output::Text {
        st.html = html(&st, input, w, locale);
    }
    Ok(st)
}

/// The statement's figures and lines, with the words and locale it is written in; `text` and
/// `html` left empty for the caller to fill as it needs.
fn build(input: &StatementInput) -> Result<(Statement, &'static Words, Locale)> {
    validate_invoices(&input.invoices, "invoices")?;
    validate_documents(&input.documents, "documents")?;
    let as_of = input.as_of;
    let (language, locale) = crate::locale::resolve(input.language.as_deref(), input.locale.as_deref())?;
    if let Some(s) = &input.sender {
        s.check_lengths("sender")?;
    }
    let w = words(language);
    let who = &input.customer.id;
    let theirs: Vec<&Invoice> = input
        .invoices
        .iter()
        .filter(|i| &i.customer.id == who && i.issue_date <= as_of)
        .collect();
    let docs: Vec<&Document> = input
        .documents
        .iter()
        .filter(|d| &d.customer_id == who && d.date <= as_of)
        .collect();
    let from = match input.from {
        Some(f) if f > as_of => {
            return Err(Error::new(
                ErrorCode::InvalidDateOrder,
                "from",
                format!("The statement cannot start on {f}, after its date {as_of}."),
            ))
        }
        Some(f) => f,
        None => theirs
            .iter()
            .filter(|i| i.outstanding_as_of(as_of) > Decimal::ZERO)
            .map(|i| i.issue_date)
            .min()
            .unwrap_or_else(|| {
                as_of
                    .with_day(1)
                    .and_then(|d| d.checked_sub_months(Months::new(3)))
                    .unwrap_or(as_of)
            }),
    };
    let customer_name = input
        .customer
        .name
        .clone()
        .or_else(|| theirs.first().map(|i| i.customer.name.clone()))
        .unwrap_or_else(|| who.to_string());
    crate::invoice::check_len(&customer_name, crate::invoice::MAX_SHORT_TEXT).map_err(|e| e.within("customer.name"))?;

    let mut by_cur: SmallMap<Currency, (Vec<&Invoice>, Vec<&Document>)> = SmallMap::new();
    for &i in &theirs {
        by_cur.entry(i.currency, Default::default).0.push(i);
    }
    for &d in &docs {
        by_cur.entry(d.currency, Default::default).1.push(d);
    }

    let mut sections = Vec::new();
    let mut total_lines = 0usize;
    for (c, (invs, ds)) in by_currency(by_cur) {
        let mut entries: Vec<Entry> = Vec::new();
        let mut opening = Decimal::ZERO;
        let mut push = |date: NaiveDate, order: u8, line: Line, entries: &mut Vec<Entry>| {
            let effect = line.debit - line.credit;
            if date < from {
                opening += effect;
            } else {
                entries.push(Entry { date, order, line });
            }
        };
        let line =
            |date, kind, invoice_id: Option<&Id>, reference: Option<String>, description: String, debit, credit| Line {
                date,
                kind,
                invoice_id: invoice_id.cloned(),
                reference,
                description,
                debit,
                credit,
                balance: Decimal::ZERO,
                date_unknown: false,
            };
        for inv in &invs {
            let desc = format!("{} {}, {} {}", w.invoice, inv.id, w.due, locale.date(inv.due_date));
            push(
                inv.issue_date,
                0,
                line(
                    inv.issue_date,
                    LineKind::Invoice,
                    Some(&inv.id),
                    None,
                    desc,
                    inv.amount.0,
                    Decimal::ZERO,
                ),
                &mut entries,
            );
            for p in inv.payments.iter().filter(|p| p.date.map_or(true, |d| d <= as_of)) {
                let date = p.date.unwrap_or(inv.issue_date);
                let mut desc = format!("{} {}", w.payment, inv.id);
                if let Some(r) = &p.reference {
                    desc.push_str(&format!(" ({r})"));
                }
                if p.date.is_none() {
                    desc.push_str(&format!(" ({})", w.date_unknown));
                }
                let mut l = line(
                    date,
                    LineKind::Payment,
                    Some(&inv.id),
                    p.reference.clone(),
                    desc,
                    Decimal::ZERO,
                    p.amount.0,
                );
                l.date_unknown = p.date.is_none();
                push(date, 1, l, &mut entries);
            }
            for cr in inv.credits.iter().filter(|c| c.date <= as_of) {
                let desc = format!("{} {}", w.credit_on, inv.id);
                push(
                    cr.date,
                    1,
                    line(
                        cr.date,
                        LineKind::Credit,
                        Some(&inv.id),
                        None,
                        desc,
                        Decimal::ZERO,
                        cr.amount.0,
                    ),
                    &mut entries,
                );
            }
        }
        for d in &ds {
            let (kind, word) = match d.kind {
                DocKind::CreditNote => (LineKind::CreditNote, w.credit_note),
                DocKind::PaymentOnAccount => (LineKind::PaymentOnAccount, w.on_account),
            };
            let mut desc = word.to_string();
            if let Some(id) = &d.id {
                desc.push(' ');
                desc.push_str(id.as_str());
            }
            if let Some(r) = &d.reference {
                desc.push_str(&format!(" ({r})"));
            }
            let reference = d.reference.clone().or_else(|| d.id.as_ref().map(|i| i.to_string()));
            push(
                d.date,
                2,
                line(d.date, kind, None, reference, desc, Decimal::ZERO, d.amount.0),
                &mut entries,
            );
        }
        let mut charges = Decimal::ZERO;
        if let Some(ch) = &input.charges {
            for cl in &ch.invoices {
                let Some(inv) = invs.iter().find(|i| i.id == cl.id) else {
                    continue;
                };
                let amount = cl
                    .claimable
                    .map_or(cl.interest.0 + cl.compensation.0 + cl.fees.0, |a| a.0);
                let amount = round_to_minor(amount, c);
                if amount <= Decimal::ZERO {
                    continue;
                }
                charges += amount;
                let desc = format!("{} {}", w.charges_on, inv.id);
                push(
                    as_of,
                    3,
                    line(
                        as_of,
                        LineKind::Charges,
                        Some(&inv.id),
                        None,
                        desc,
                        amount,
                        Decimal::ZERO,
                    ),
                    &mut entries,
                );
            }
        }
        total_lines += entries.len();
        if total_lines > MAX_LINES {
            return Err(Error::new(
                ErrorCode::TooMany,
                "invoices",
                format!("A statement holds at most {MAX_LINES} lines; give a later `from`."),
            ));
        }
        // Date first; on one day invoices, then money against them, documents, charges.
        let keys = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    0,
                    i128::from(e.date.num_days_from_ce()) * 4 + i128::from(e.order),
                    i as u32,
                )
            })
            .collect();
        let entries = crate::order::arrange(entries, &crate::order::order(keys));
        let mut balance = opening;
        let (mut debits, mut credits) = (Decimal::ZERO, Decimal::ZERO);
        let lines: Vec<Line> = entries
            .into_iter()
            .map(|e| {
                let mut l = e.line;
                balance += l.debit - l.credit;
                debits += l.debit;
                credits += l.credit;
                l.debit = round_to_minor(l.debit, c);
                l.credit = round_to_minor(l.credit, c);
                l.balance = round_to_minor(balance, c);
                l
            })
            .collect();
        let alloc = allocate(&invs, &ds, as_of);
        let mut amounts = [Decimal::ZERO; 5];
        for (inv, owed) in invs.iter().zip(&alloc.owed) {
            amounts[bucket_index(inv.days_from_due(as_of), &LIMITS, Basis::DueDate)] += *owed;
        }
        let owed: Decimal = amounts.iter().copied().sum();
        let ageing = Ageing {
            buckets: w
                .buckets
                .iter()
                .zip(amounts)
                .map(|(label, amount)| AgeBucket {
                    label: label.to_string(),
                    amount: round_to_minor(amount, c),
                })
                .collect(),
            unallocated_credit: round_to_minor(alloc.credit, c),
            charges: round_to_minor(charges, c),
            total: round_to_minor(owed - alloc.credit + charges, c),
        };
        sections.push(CurrencyStatement {
            currency: c,
            opening_balance: round_to_minor(opening, c),
            lines,
            total_debits: round_to_minor(debits, c),
            total_credits: round_to_minor(credits, c),
            closing_balance: round_to_minor(balance, c),
            ageing,
        });
    }
    let st = Statement {
        as_of,
        from,
        customer_id: who.clone(),
        customer_name,
        language: language.code(),
        locale: locale.tag(),
        currencies: sections,
        title: w.title.to_string(),
        text: String::new(),
        html: String::new(),
    };
    Ok((st, w, locale))
}

/// "label: value", with French's no-break space before the colon.
fn labelled(locale: Locale, label: &str, value: &str) -> String {
    let colon = if locale.language() == Language::Fr {
        "\u{a0}:"
    } else {
        ":"
    };
    format!("{label}{colon} {value}")
}

fn heading(st: &Statement, input: &StatementInput, w: &Words, locale: Locale) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(s) = input.sender.as_ref().filter(|s| !s.name.trim().is_empty()) {
        out.push(s.name.clone());
        out.extend(s.address.iter().flat_map(|a| a.lines().map(str::to_string)));
        out.push(String::new());
    }
    out.push(st.customer_name.clone());
    out.extend(
        input
            .customer
            .address
            .iter()
            .flat_map(|a| a.lines().map(str::to_string)),
    );
    if let Some(a) = &input.customer.account_number {
        out.push(labelled(locale, w.account, a));
    }
    out.push(String::new());
    out.push(labelled(locale, w.statement_date, &locale.date(st.as_of)));
    let (from, to) = (locale.date(st.from), locale.date(st.as_of));
    // French and Spanish name a period "du … au …", "del … al …"; the others with a dash.
    let period = match locale.language() {
        Language::Fr => format!("du {from} au {to}"),
        Language::Es => format!("del {from} al {to}"),
        _ => format!("{from} – {to}"),
    };
    out.push(labelled(locale, w.period, &period));
    out
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Rows of cells as lines: left-aligned text columns, right-aligned amounts (`right[i]`).
fn grid(rows: &[Vec<String>], right: &[bool]) -> Vec<String> {
    let n = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..n)
        .map(|i| rows.iter().map(|r| width(&r[i])).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|r| {
            let mut line = String::new();
            for (i, cell) in r.iter().enumerate() {
                let pad = widths[i] - width(cell);
                if i > 0 {
                    line.push_str("  ");
                }
                if right[i] {
                    line.extend(std::iter::repeat(' ').take(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < n {
                        line.extend(std::iter::repeat(' ').take(pad));
                    }
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

fn rows(cs: &CurrencyStatement, st: &Statement, w: &Words, locale: Locale) -> Vec<Vec<String>> {
    let m = |d: Decimal| {
        if d.is_zero() {
            String::new()
        } else {
            locale.money(d, cs.currency)
        }
    };
    let mut rows = vec![vec![
        w.date.to_string(),
        w.details.to_string(),
        w.debit.to_string(),
        w.credit.to_string(),
        w.balance.to_string(),
    ]];
    rows.push(vec![
        locale.date(st.from),
        w.opening.to_string(),
        String::new(),
        String::new(),
        locale.money(cs.opening_balance, cs.currency),
    ]);
    for l in &cs.lines {
        rows.push(vec![
            locale.date(l.date),
            l.description.clone(),
            m(l.debit),
            m(l.credit),
            locale.money(l.balance, cs.currency),
        ]);
    }
    rows.push(vec![
        locale.date(st.as_of),
        w.closing.to_string(),
        String::new(),
        String::new(),
        locale.money(cs.closing_balance, cs.currency),
    ]);
    rows
}

fn ageing_rows(cs: &CurrencyStatement, w: &Words, locale: Locale) -> Vec<(String, String)> {
    let c = cs.currency;
    let mut out: Vec<(String, String)> = cs
        .ageing
        .buckets
        .iter()
        .map(|b| (b.label.clone(), locale.money(b.amount, c)))
        .collect();
    if !cs.ageing.unallocated_credit.is_zero() {
        out.push((
            w.unallocated.to_string(),
            locale.money(-cs.ageing.unallocated_credit, c),
        ));
    }
    if !cs.ageing.charges.is_zero() {
        out.push((w.charges.to_string(), locale.money(cs.ageing.charges, c)));
    }
    out.push((w.total.to_string(), locale.money(cs.ageing.total, c)));
    out
}

fn text(st: &Statement, input: &StatementInput, w: &Words, locale: Locale) -> String {
    // The notices' own capitals: `to_uppercase` brings Unicode's case tables (about 10 KB).
    let mut out = vec![crate::notice::engine::upper(w.title), String::new()];
    out.extend(heading(st, input, w, locale));
    for cs in &st.currencies {
        out.push(String::new());
        out.push(cs.currency.code().to_string());
        out.extend(grid(&rows(cs, st, w, locale), &[false, false, true, true, true]));
        out.push(String::new());
        out.push(labelled(locale, w.ageing, "").trim_end().to_string());
        let pairs: Vec<Vec<String>> = ageing_rows(cs, w, locale)
            .into_iter()
            .map(|(a, b)| vec![a, b])
            .collect();
        out.extend(grid(&pairs, &[false, true]));
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

fn html(st: &Statement, input: &StatementInput, w: &Words, locale: Locale) -> String {
    crate::notice::engine::document(
        locale.language(),
        &format!("{} – {}", w.title, st.customer_name),
        &html_body(st, input, w, locale),
        true,
    )
}

/// The statement as a notice's attachment: its text, and its HTML body as a section that starts
/// a new page in print.
pub(crate) fn attachment(input: &StatementInput) -> Result<(String, String)> {
    let (st, w, locale) = build(input)?;
    let body = html_body(&st, input, w, locale);
    Ok((
        text(&st, input, w, locale),
        format!(
            "<section class=\"statement\" style=\"break-before:page;page-break-before:always\">\n{body}</section>\n"
        ),
    ))
}

fn html_body(st: &Statement, input: &StatementInput, w: &Words, locale: Locale) -> String {
    use crate::notice::engine::escape_html as e;
    let mut b = String::new();
    let head = heading(st, input, w, locale);
    b.push_str(&format!("<h1>{}</h1>\n<p class=\"parties\">", e(w.title)));
    b.push_str(&head.iter().map(|l| e(l)).collect::<Vec<_>>().join("<br>\n"));
    b.push_str("</p>\n");
    for cs in &st.currencies {
        b.push_str(&format!("<h2>{}</h2>\n<table>\n<thead><tr>", e(cs.currency.code())));
        let rs = rows(cs, st, w, locale);
        for (i, h) in rs[0].iter().enumerate() {
            b.push_str(&format!(
                "<th{}>{}</th>",
                if i >= 2 { " class=\"n\"" } else { "" },
                e(h)
            ));
        }
        b.push_str("</tr></thead>\n<tbody>\n");
        let last = rs.len() - 1;
        for (k, r) in rs.iter().enumerate().skip(1) {
            b.push_str(if k == last { "</tbody>\n<tfoot><tr>" } else { "<tr>" });
            for (i, cell) in r.iter().enumerate() {
                // Dates stay on one line; amounts are right-aligned and never wrap (the notices' `n`).
                let attr = match i {
                    0 => " style=\"white-space:nowrap\"",
                    1 => "",
                    _ => " class=\"n\"",
                };
                b.push_str(&format!("<td{attr}>{}</td>", e(cell)));
            }
            b.push_str(if k == last { "</tr></tfoot>\n" } else { "</tr>\n" });
        }
        b.push_str(&format!(
            "</table>\n<table class=\"ageing\">\n<caption>{}</caption>\n",
            e(w.ageing)
        ));
        let ar = ageing_rows(cs, w, locale);
        let n = ar.len();
        for (k, (label, amount)) in ar.into_iter().enumerate() {
            let tag = if k + 1 == n { "th" } else { "td" };
            b.push_str(&format!(
                "<tr><{tag}>{}</{tag}><{tag} class=\"n\">{}</{tag}></tr>\n",
                e(&label),
                e(&amount)
            ));
        }
        b.push_str("</table>\n");
    }
    b
}
