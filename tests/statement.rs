#![cfg(not(target_arch = "wasm32"))]
//! statementOfAccount: a customer's account worked by hand (lines, running balance, the ageing
//! footer after a payment on account and a credit note are allocated), the same in five languages,
//! and properties: the closing balance is the footer's total, and does not depend on `from`.

mod common;
use common::*;
use overdue::statement::{statement_of_account, LineKind, Statement, StatementInput};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn statement(v: Value) -> Result<Statement, overdue::Error> {
    statement_of_account(&input::<StatementInput>(v)?)
}

fn ledger() -> Value {
    let mut one = with(
        inv("INV-1", "c1", "GBP", "1200.00", "2026-09-01", "2026-10-01"),
        "payments",
        json!([{ "date": "2026-10-10", "amount": "200.00", "reference": "BACS 1142" }]),
    );
    one = with(one, "credits", json!([{ "date": "2026-10-15", "amount": "50.00" }]));
    json!({
        "asOf": "2026-12-02",
        "customer": { "id": "c1", "name": "Acme Ltd", "accountNumber": "AC-77", "address": "4 Mill Lane\nLeeds LS1 4AB" },
        "sender": { "name": "Harbour Lane Design", "address": "1 Quay Street\nBristol BS1 4DJ" },
        "invoices": [
            with(inv("INV-0", "c1", "GBP", "500.00", "2026-06-01", "2026-07-01"), "payments", json!([pay("2026-07-20", "500.00")])),
            one,
            inv("INV-2", "c1", "GBP", "300.00", "2026-10-05", "2026-11-04"),
            inv("X-9", "someone-else", "GBP", "999.00", "2026-10-05", "2026-11-04"),
        ],
        "documents": [
            { "kind": "paymentOnAccount", "customerId": "c1", "currency": "GBP", "date": "2026-11-20", "amount": "100.00", "reference": "Transfer 88" },
            { "kind": "creditNote", "id": "CN-4", "customerId": "c1", "currency": "GBP", "date": "2026-11-25", "amount": "40.00", "appliesTo": ["INV-2"] },
            { "kind": "creditNote", "id": "CN-5", "customerId": "someone-else", "currency": "GBP", "date": "2026-11-25", "amount": "40.00" },
        ],
    })
}

#[test]
fn a_statement_worked_by_hand() {
    let s = statement(ledger()).unwrap();
    // From the issue date of the oldest invoice still open (INV-1, 950.00 owed): INV-0 was issued and
    // paid in full before it, so the opening balance is 0.00.
    assert_eq!(s.from.to_string(), "2026-09-01");
    assert_eq!(s.currencies.len(), 1);
    let c = &s.currencies[0];
    assert_eq!(c.opening_balance.to_string(), "0.00");
    let got: Vec<(String, LineKind, String, String, String)> = c
        .lines
        .iter()
        .map(|l| {
            (
                l.date.to_string(),
                l.kind,
                l.debit.to_string(),
                l.credit.to_string(),
                l.balance.to_string(),
            )
        })
        .collect();
    let row =
        |d: &str, k, dr: &str, cr: &str, b: &str| (d.to_string(), k, dr.to_string(), cr.to_string(), b.to_string());
    assert_eq!(
        got,
        [
            row("2026-09-01", LineKind::Invoice, "1200.00", "0.00", "1200.00"),
            row("2026-10-05", LineKind::Invoice, "300.00", "0.00", "1500.00"),
            row("2026-10-10", LineKind::Payment, "0.00", "200.00", "1300.00"),
            row("2026-10-15", LineKind::Credit, "0.00", "50.00", "1250.00"),
            row("2026-11-20", LineKind::PaymentOnAccount, "0.00", "100.00", "1150.00"),
            row("2026-11-25", LineKind::CreditNote, "0.00", "40.00", "1110.00"),
        ]
    );
    assert_eq!(
        (
            c.total_debits.to_string(),
            c.total_credits.to_string(),
            c.closing_balance.to_string()
        ),
        ("1500.00".into(), "390.00".into(), "1110.00".into())
    );
    // The 100.00 on account goes to the oldest due first, INV-1 (950.00 → 850.00, 62 days past due
    // on 2 December: 61–90); CN-4 names INV-2 (300.00 → 260.00, 28 days: 1–30).
    let buckets: Vec<String> = c.ageing.buckets.iter().map(|b| b.amount.to_string()).collect();
    assert_eq!(buckets, ["0.00", "260.00", "0.00", "850.00", "0.00"]);
    assert_eq!(
        (c.ageing.unallocated_credit.to_string(), c.ageing.total.to_string()),
        ("0.00".into(), "1110.00".into())
    );
    assert_eq!(c.lines[2].description, "Payment against invoice INV-1 (BACS 1142)");
    assert_eq!(c.lines[0].description, "Invoice INV-1, due 1 October 2026");
    assert_eq!(c.lines[4].description, "Payment on account (Transfer 88)");
    assert_eq!(c.lines[5].description, "Credit note CN-4");
}

#[test]
fn the_text_reads_as_a_statement() {
    let s = statement(ledger()).unwrap();
    let lines: Vec<&str> = s.text.lines().collect();
    assert_eq!(
        &lines[..12],
        [
            "STATEMENT OF ACCOUNT",
            "",
            "Harbour Lane Design",
            "1 Quay Street",
            "Bristol BS1 4DJ",
            "",
            "Acme Ltd",
            "4 Mill Lane",
            "Leeds LS1 4AB",
            "Account no.: AC-77",
            "",
            "Statement date: 2 December 2026",
        ]
    );
    assert_eq!(lines[12], "Period: 1 September 2026 – 2 December 2026");
    // The table: every balance ends in the same column, amounts as the locale writes them.
    let table: Vec<&str> = lines
        .iter()
        .copied()
        .skip_while(|l| *l != "GBP")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(table.len(), 9, "heading, opening, six lines, closing");
    let end = table[1].chars().count();
    assert!(table.iter().all(|l| l.chars().count() == end), "{table:#?}");
    assert!(table[1].starts_with("1 September 2026  Opening balance") && table[1].ends_with("£0.00"));
    assert!(
        table[4].starts_with("10 October 2026   Payment against invoice INV-1 (BACS 1142)"),
        "{}",
        table[4]
    );
    assert!(
        table[8].starts_with("2 December 2026   Closing balance") && table[8].ends_with("  £1,110.00"),
        "{}",
        table[8]
    );
    // Labels padded to the longest ("Over 90 days", 12), amounts right-aligned to "£1,110.00" (9).
    assert!(
        s.text
            .contains("61–90 days      £850.00\nOver 90 days      £0.00\nTotal due     £1,110.00\n"),
        "{}",
        s.text
    );
    // The HTML is a whole document that prints on A4, with the values escaped.
    assert!(s.html.starts_with("<!DOCTYPE html>") && s.html.contains("@page{size:A4"));
    assert!(s.html.contains("<td style=\"white-space:nowrap\">10 October 2026</td><td>Payment against invoice INV-1 (BACS 1142)</td><td class=\"n\"></td><td class=\"n\">£200.00</td><td class=\"n\">£1,300.00</td>"));
}

#[test]
fn five_languages_with_the_locale_s_amounts_and_dates() {
    for (lang, title, opening, amount, date) in [
        (
            "en",
            "Statement of account",
            "Opening balance",
            "£1,110.00",
            "1 October 2026",
        ),
        (
            "de",
            "Kontoauszug",
            "Anfangssaldo",
            "1.110,00\u{a0}£",
            "1. Oktober 2026",
        ),
        (
            "fr",
            "Relevé de compte",
            "Solde initial",
            "1\u{202f}110,00\u{a0}£GB",
            "1er octobre 2026",
        ),
        (
            "es",
            "Extracto de cuenta",
            "Saldo inicial",
            "1110,00\u{a0}GBP",
            "1 de octubre de 2026",
        ),
        (
            "nl",
            "Rekeningoverzicht",
            "Beginsaldo",
            "£\u{a0}1.110,00",
            "1 oktober 2026",
        ),
    ] {
        let mut v = ledger();
        v["language"] = json!(lang);
        let s = statement(v).unwrap();
        assert_eq!(s.title, title);
        assert!(s.text.contains(opening), "{lang}: {}", s.text);
        assert!(s.text.contains(amount), "{lang}: no {amount:?} in {}", s.text);
        assert!(
            s.currencies[0].lines[0].description.ends_with(date),
            "{lang}: {}",
            s.currencies[0].lines[0].description
        );
        assert!(s.html.contains(&format!("<html lang=\"{lang}\">")));
    }
}

#[test]
fn charges_credit_and_a_later_start() {
    let mut v = ledger();
    v["charges"] = json!({ "invoices": [{ "id": "INV-1", "interest": "12.34", "compensation": "70.00" }, { "id": "X-9", "interest": "5.00" }] });
    let s = statement(v.clone()).unwrap();
    let c = &s.currencies[0];
    let last = c.lines.last().unwrap();
    // 12.34 + 70.00 on asOf; X-9 is another customer's.
    assert_eq!(
        (last.kind, last.date.to_string(), last.debit.to_string()),
        (LineKind::Charges, "2026-12-02".into(), "82.34".into())
    );
    assert_eq!(
        (
            c.closing_balance.to_string(),
            c.ageing.charges.to_string(),
            c.ageing.total.to_string()
        ),
        ("1192.34".into(), "82.34".into(), "1192.34".into())
    );
    // From 6 October: both invoices are in the opening balance (1,500.00); the closing balance is the same.
    v["from"] = json!("2026-10-06");
    let s = statement(v.clone()).unwrap();
    let c = &s.currencies[0];
    assert_eq!(
        (
            c.opening_balance.to_string(),
            c.lines.len(),
            c.closing_balance.to_string()
        ),
        ("1500.00".into(), 5, "1192.34".into())
    );
    // 1,200.00 more on account than is owed: 1,110.00 allocated, 1,200 − (850 + 260) = 90.00 left as credit.
    v["documents"][0]["amount"] = json!("1300.00");
    v.as_object_mut().unwrap().remove("charges");
    let c = statement(v).unwrap().currencies.remove(0);
    assert_eq!(
        (
            c.ageing.unallocated_credit.to_string(),
            c.ageing.total.to_string(),
            c.closing_balance.to_string()
        ),
        ("90.00".into(), "-90.00".into(), "-90.00".into())
    );
    assert!(
        c.ageing.buckets.iter().all(|b| b.amount.is_zero()),
        "never a negative bucket"
    );
}

#[test]
fn bad_input() {
    let mut v = ledger();
    v["from"] = json!("2026-12-03");
    let e = statement(v).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDateOrder, "from"));
    let mut v = ledger();
    v["documents"][1]["amount"] = json!("-40");
    let e = statement(v).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidAmount, "documents[1].amount")
    );
    let mut v = ledger();
    v["documents"][0]["kind"] = json!("refund");
    let e = statement(v).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "documents[0].kind")
    );
    let mut v = ledger();
    v["language"] = json!("it");
    assert_eq!(statement(v).unwrap_err().path, "language");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_closing_balance_is_the_footer_total_whatever_the_start(
        xs in prop::collection::vec((1u32..100_000, -200i64..0, prop::option::of(0i64..120), any::<bool>()), 0..12),
        docs in prop::collection::vec((1u32..50_000, -150i64..0, any::<bool>()), 0..4),
        from in -400i64..0,
    ) {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let d = |n: i64| (as_of + chrono::Duration::days(n)).to_string();
        let money = |c: u32| format!("{}.{:02}", c / 100, c % 100);
        let invoices: Vec<Value> = xs.iter().enumerate().map(|(i, &(cents, issue, paid_after, part))| {
            let mut x = inv(&format!("I{i}"), "c", "EUR", &money(cents + 100), &d(issue), &d(issue + 30));
            if let Some(p) = paid_after.filter(|p| issue + p <= 0) {
                let amount = if part { money(cents / 2 + 1) } else { money(cents + 100) };
                x = with(x, "payments", json!([pay(&d(issue + p), &amount)]));
            }
            x
        }).collect();
        let documents: Vec<Value> = docs.iter().map(|&(cents, day, credit)| json!({
            "kind": if credit { "creditNote" } else { "paymentOnAccount" }, "customerId": "c", "currency": "EUR", "date": d(day), "amount": money(cents + 1),
        })).collect();
        let base = json!({ "asOf": d(0), "customer": { "id": "c" }, "invoices": invoices, "documents": documents, "output": "text" });
        let s = statement(base.clone()).unwrap();
        // The ageing report nets the same documents the same way: what is owed less the credit.
        let aged = overdue::aging::age_receivables(&input(json!({ "asOf": d(0), "invoices": base["invoices"], "documents": base["documents"] })).unwrap()).unwrap();
        for (a, c) in s.currencies.iter().zip(&aged.currencies) {
            prop_assert_eq!(a.closing_balance, c.total_outstanding - c.customer_credit);
        }
        let mut later = base;
        later["from"] = json!(d(from));
        let t = statement(later).unwrap();
        for (a, b) in s.currencies.iter().zip(&t.currencies) {
            prop_assert_eq!(a.closing_balance, a.ageing.total);
            prop_assert_eq!(a.closing_balance, b.closing_balance);
            prop_assert_eq!(b.opening_balance + b.total_debits - b.total_credits, b.closing_balance);
            prop_assert!(a.ageing.buckets.iter().all(|x| !x.amount.is_sign_negative()));
        }
    }
}

#[test]
fn a_letter_before_action_carries_the_statement() {
    // The notice asks for INV-1 and INV-2; the statement attached covers the whole account given,
    // INV-0 and the documents included: the same closing balance as the statement alone, 1,110.00.
    let l = ledger();
    let notice = |language: &str| {
        json!({ "asOf": "2026-12-02", "stage": "legal", "channel": "letter", "language": language,
            "sender": l["sender"], "customer": { "name": "Acme Ltd", "address": "4 Mill Lane\nLeeds LS1 4AB", "accountNumber": "AC-77" },
            "invoices": [l["invoices"][1], l["invoices"][2]],
            "documents": l["documents"], "statement": { "invoices": l["invoices"] } })
    };
    let n = overdue::notice::render_notice(&input(notice("en")).unwrap()).unwrap();
    // The letter asks for what the statement shows, invoice by invoice: INV-1 (62 days late, the one
    // the letter demands) 950.00 less the 100.00 on account = 850.00; INV-2, listed, 300.00 less
    // CN-4's 40.00 = 260.00. Without the documents it would demand 950.00.
    assert!(n.subject.contains("£850.00"), "{}", n.subject);
    assert!(n.text.contains("£850.00") && n.text.contains("£260.00"), "{}", n.text);
    let (letter, attached) = n
        .text
        .split_once("\n\nSTATEMENT OF ACCOUNT\n")
        .expect("the statement follows the letter");
    assert!(letter.contains("INV-1") && !letter.contains("STATEMENT"));
    assert!(attached.contains("Account no.: AC-77") && attached.contains("Payment on account (Transfer 88)"));
    assert!(
        attached
            .lines()
            .any(|l| l.starts_with("2 December 2026   Closing balance") && l.ends_with("£1,110.00")),
        "{attached}"
    );
    let at = n
        .html
        .find("<section class=\"statement\"")
        .expect("a section of its own");
    assert!(at < n.html.rfind("</body>").unwrap() && n.html.matches("<section class=\"statement\"").count() == 1);
    assert!(n.html[at..].contains("break-before:page"));
    let de = overdue::notice::render_notice(&input(notice("de")).unwrap()).unwrap();
    assert!(de.text.contains("\n\nKONTOAUSZUG\n") && de.text.contains("Endsaldo"));
    // A bad document is an error with its path.
    let mut bad = notice("en");
    bad["documents"][0]["amount"] = json!("0");
    let e = overdue::notice::render_notice(&input(bad).unwrap()).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidAmount, "documents[0].amount")
    );
}
