//! Customer-level documents: credit notes and payments on account (cash received without an
//! invoice named), and how they are set against a customer's open invoices.
//!
//! Allocation: documents in date order (then as given); each goes first to the invoices it names
//! (`appliesTo`, in that order), then to the customer's other open invoices in the same currency,
//! oldest due date first (then oldest issue date, then as given), each up to what is still owed on
//! it. What is left is customer credit, never a negative amount owed on an invoice.

use crate::currency::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::invoice::{check_len, check_text, Id, Invoice, MAX_INVOICES, MAX_SHORT_TEXT};
use crate::money::{check_for_currency, Amount};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    CreditNote,
    PaymentOnAccount,
}
crate::decode_enum!(DocKind {
    CreditNote = "creditNote",
    PaymentOnAccount = "paymentOnAccount",
});

/// A credit note or a payment on account: `{ kind, id?, customerId, currency, date, amount,
/// reference?, appliesTo? }`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub kind: DocKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    pub customer_id: Id,
    pub currency: Currency,
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    #[serde(serialize_with = "crate::money::ser_amount")]
    pub amount: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Invoices it is for, by id: allocated to these first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<Id>,
}
crate::decode_struct!(Document {
    kind: "kind",
    id: "id" = default,
    customer_id: "customerId",
    currency: "currency",
    date: "date",
    amount: "amount",
    reference: "reference" = default,
    applies_to: "appliesTo" = default,
});

/// Most invoices one document may name.
pub const MAX_APPLIES_TO: usize = 1_000;

/// Validates documents found at `path`: positive amounts in their currency's decimals, texts
/// within their limits.
///
/// # Errors
/// The first problem, with its path (`documents[2].amount`).
pub fn validate_documents(docs: &[Document], path: &str) -> Result<()> {
    if docs.len() > MAX_INVOICES {
        return Err(Error::new(
            ErrorCode::TooMany,
            path,
            format!("At most {MAX_INVOICES} documents can be handled in one call."),
        ));
    }
    for (i, d) in docs.iter().enumerate() {
        let at = |e: Error, f: &str| e.within(f).within(&format!("{path}[{i}]"));
        let v = check_for_currency(d.amount.0, d.currency).map_err(|e| at(e, "amount"))?;
        if v <= Decimal::ZERO {
            return Err(at(
                Error::new(
                    ErrorCode::InvalidAmount,
                    "",
                    format!("A document's amount must be greater than zero (got {v})."),
                ),
                "amount",
            ));
        }
        check_text(d.customer_id.as_str(), MAX_SHORT_TEXT).map_err(|e| at(e, "customerId"))?;
        if let Some(id) = &d.id {
            check_text(id.as_str(), MAX_SHORT_TEXT).map_err(|e| at(e, "id"))?;
        }
        if let Some(r) = &d.reference {
            check_len(r, MAX_SHORT_TEXT).map_err(|e| at(e, "reference"))?;
        }
        if d.applies_to.len() > MAX_APPLIES_TO {
            return Err(at(
                Error::new(
                    ErrorCode::TooMany,
                    "",
                    format!("A document may name at most {MAX_APPLIES_TO} invoices."),
                ),
                "appliesTo",
            ));
        }
    }
    Ok(())
}

/// What allocation left: per invoice (as given) what is still owed, and the customer's credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub owed: Vec<Decimal>,
    /// Documents not used up, plus what invoices were overpaid by.
    pub credit: Decimal,
    /// What each document paid of each invoice, in the order allocated.
    pub pieces: Vec<Piece>,
}

/// One document's share of one invoice: positions in the slices given to [`allocate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub invoice: usize,
    pub document: usize,
    pub amount: Decimal,
}

/// Sets `docs` dated on or before `as_of` against `invoices` (one customer, one currency, issued
/// by `as_of`), as the module docs say.
pub fn allocate(invoices: &[&Invoice], docs: &[&Document], as_of: NaiveDate) -> Allocation {
    let mut owed: Vec<Decimal> = invoices.iter().map(|i| i.outstanding_as_of(as_of)).collect();
    let mut credit = Decimal::ZERO;
    for o in owed.iter_mut().filter(|o| o.is_sign_negative()) {
        credit -= *o;
        *o = Decimal::ZERO;
    }
    // Due date as the group, issue date as the value, position last: no packed key.
    let oldest = crate::order::order(
        invoices
            .iter()
            .enumerate()
            .map(|(i, inv)| {
                let due = u64::try_from(inv.due_date.num_days_from_ce()).unwrap_or(0);
                (due, i128::from(inv.issue_date.num_days_from_ce()), i as u32)
            })
            .collect(),
    );
    let mut dated: Vec<usize> = (0..docs.len()).filter(|&k| docs[k].date <= as_of).collect();
    crate::order::sort_by_key(&mut dated, &|&k| i128::from(docs[k].date.num_days_from_ce()));
    let mut pieces = Vec::new();
    for k in dated {
        let d = docs[k];
        let mut left = d.amount.0;
        let named = d
            .applies_to
            .iter()
            .filter_map(|id| invoices.iter().position(|inv| inv.id == *id));
        let rest = oldest.iter().map(|&i| i as usize);
        for i in named.chain(rest) {
            if left.is_zero() {
                break;
            }
            let take = left.min(owed[i]);
            if take.is_zero() {
                continue;
            }
            owed[i] -= take;
            left -= take;
            pieces.push(Piece {
                invoice: i,
                document: k,
                amount: take,
            });
        }
        credit += left;
    }
    Allocation { owed, credit, pieces }
}

/// One customer's invoices and documents in one currency, allocated.
#[derive(Debug, Clone)]
pub struct Account<'a> {
    /// Positions in the ledger of the customer's invoices issued by asOf.
    pub invoices: Vec<usize>,
    pub documents: Vec<&'a Document>,
    /// Over `invoices` and `documents` as listed here.
    pub allocation: Allocation,
}

/// Every customer's documents dated by `as_of`, allocated over its invoices in their currency;
/// customers without documents are left out.
pub fn accounts<'d>(invoices: &[Invoice], docs: &'d [Document], as_of: NaiveDate) -> Vec<Account<'d>> {
    if docs.is_empty() {
        return Vec::new();
    }
    let mut groups: crate::order::Groups<'d, (Vec<usize>, Vec<&'d Document>)> = crate::order::Groups::new();
    for d in docs.iter().filter(|d| d.date <= as_of) {
        groups
            .slot(d.currency, d.customer_id.as_str(), Default::default)
            .1
            .push(d);
    }
    // Only customers with documents get a slot: the rest of a large ledger is not grouped.
    for (i, inv) in invoices.iter().enumerate().filter(|(_, i)| i.issue_date <= as_of) {
        if let Some(g) = groups.get_mut(inv.currency, inv.customer.id.as_str()) {
            g.0.push(i);
        }
    }
    groups
        .items
        .into_iter()
        .map(|(idx, ds)| {
            let invs: Vec<&Invoice> = idx.iter().map(|&i| &invoices[i]).collect();
            let allocation = allocate(&invs, &ds, as_of);
            Account {
                invoices: idx,
                documents: ds,
                allocation,
            }
        })
        .collect()
}

/// The ledger with what each document paid written onto the invoices it was allocated to (as of
/// `as_of`): a payment on account as a payment, a credit note as a credit, on the document's date
/// (or the invoice's issue date, when the money came before the invoice). Interest and KPIs then
/// see each part on the day it came in, and a payment on account is applied to costs and interest
/// first where the regime says so. Borrowed unchanged without documents. The shares come with it,
/// ordered by invoice, for words that name the document.
pub fn net_into<'a, 'd>(
    invoices: &'a [Invoice],
    docs: &'d [Document],
    as_of: NaiveDate,
) -> (std::borrow::Cow<'a, [Invoice]>, Vec<Share<'d>>) {
    let accounts = accounts(invoices, docs, as_of);
    let mut shares: Vec<Share<'d>> = accounts
        .iter()
        .flat_map(|a| {
            a.allocation.pieces.iter().map(|p| Share {
                invoice: a.invoices[p.invoice],
                document: a.documents[p.document],
                amount: p.amount,
            })
        })
        .collect();
    if shares.is_empty() {
        return (std::borrow::Cow::Borrowed(invoices), shares);
    }
    crate::order::sort_by_key(&mut shares, &|s| s.invoice as i128);
    let mut out = invoices.to_vec();
    for s in &shares {
        let inv = &mut out[s.invoice];
        let d = s.document;
        let date = d.date.max(inv.issue_date);
        match d.kind {
            DocKind::PaymentOnAccount => inv.payments.push(crate::invoice::Payment {
                date: Some(date),
                amount: crate::money::Amount(s.amount),
                reference: Some(describe(d)),
            }),
            DocKind::CreditNote => inv.credits.push(crate::invoice::Credit {
                date,
                amount: crate::money::Amount(s.amount),
                write_off: false,
            }),
        }
    }
    (std::borrow::Cow::Owned(out), shares)
}

/// What one document paid of one invoice, by the invoice's position in the ledger.
#[derive(Debug, Clone, Copy)]
pub struct Share<'d> {
    pub invoice: usize,
    pub document: &'d Document,
    pub amount: Decimal,
}

/// The shares of the invoice at `position`, from shares ordered by invoice.
pub fn shares_of<'s, 'd>(shares: &'s [Share<'d>], position: usize) -> &'s [Share<'d>] {
    let from = shares.partition_point(|s| s.invoice < position);
    let to = shares.partition_point(|s| s.invoice <= position);
    &shares[from..to]
}

/// How a document is named to a reader: its number, else its reference, else what it is.
pub fn describe(d: &Document) -> String {
    let what = match d.kind {
        DocKind::PaymentOnAccount => "payment on account",
        DocKind::CreditNote => "credit note",
    };
    match d.id.as_ref().map(Id::as_str).or(d.reference.as_deref()) {
        Some(name) => format!("{what} {name}"),
        None => what.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode_json;

    fn inv(id: &str, amount: &str, due: &str) -> Invoice {
        decode_json(&format!(
            r#"{{"id":"{id}","customer":{{"id":"c","name":"C"}},"currency":"GBP","amount":"{amount}","issueDate":"2026-01-01","dueDate":"{due}"}}"#
        ))
        .unwrap()
    }

    fn doc(amount: &str, date: &str, applies: &[&str]) -> Document {
        let list: Vec<String> = applies.iter().map(|a| format!("\"{a}\"")).collect();
        decode_json(&format!(
            r#"{{"kind":"paymentOnAccount","customerId":"c","currency":"GBP","date":"{date}","amount":"{amount}","appliesTo":[{}]}}"#,
            list.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn oldest_first_named_first_and_the_rest_is_credit() {
        let a = inv("A", "100.00", "2026-03-01");
        let b = inv("B", "50.00", "2026-02-01");
        let c = inv("C", "30.00", "2026-04-01");
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        // 120 on account: B (due first) 50, then A 70 of its 100. C untouched.
        let d1 = doc("120.00", "2026-05-01", &[]);
        let got = allocate(&[&a, &b, &c], &[&d1], as_of);
        assert_eq!(got.owed, [Decimal::new(3000, 2), Decimal::ZERO, Decimal::new(3000, 2)]);
        // Naming C takes C's 30 first; 90 left: B 50, A 40; A owes 60.
        let d2 = doc("120.00", "2026-05-01", &["C"]);
        let got = allocate(&[&a, &b, &c], &[&d2], as_of);
        assert_eq!(got.owed, [Decimal::new(6000, 2), Decimal::ZERO, Decimal::ZERO]);
        // 200 against 180 owed: 20 is credit. A document after as_of counts for nothing.
        let d3 = doc("200.00", "2026-05-01", &[]);
        let late = doc("5.00", "2026-07-01", &[]);
        let got = allocate(&[&a, &b, &c], &[&d3, &late], as_of);
        assert_eq!((got.owed, got.credit), (vec![Decimal::ZERO; 3], Decimal::new(2000, 2)));
    }
}
