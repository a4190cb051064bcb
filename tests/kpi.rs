#![cfg(not(target_arch = "wasm32"))]
//! receivablesKpis against the published worked examples in GUIDE §5, from summary figures and
//! from a ledger built to match them.

mod common;
use common::*;
use overdue::kpi::{receivables_kpis, KpiInput};
use overdue::ErrorCode;
use serde_json::json;

fn kpis(v: serde_json::Value) -> overdue::kpi::KpiReport {
    receivables_kpis(&input::<KpiInput>(v).unwrap()).unwrap()
}

#[test]
fn dso_published_example_one() {
    // GUIDE §5: AR 18,000, credit sales 20,000, 30 days → DSO 27.
    let r = kpis(
        json!({ "currency": "USD", "beginningReceivables": "0", "creditSales": "20000", "endingReceivables": "18000", "endingCurrent": "0", "days": 30 }),
    );
    assert_eq!(r.currencies[0].dso.unwrap().to_string(), "27.00");
}

#[test]
fn dso_bpdso_add_published_example_two() {
    // GUIDE §5: AR 15,000, current 4,000, credit sales 10,000, 30 days → DSO 45, BPDSO 12, ADD 33.
    let r = kpis(
        json!({ "currency": "USD", "beginningReceivables": "12000", "creditSales": "10000", "endingReceivables": "15000", "endingCurrent": "4000", "days": 30 }),
    );
    let k = &r.currencies[0];
    assert_eq!(
        (
            k.dso.unwrap().to_string(),
            k.best_possible_dso.unwrap().to_string(),
            k.average_days_delinquent.unwrap().to_string()
        ),
        ("45.00".into(), "12.00".into(), "33.00".into())
    );
    // CEI by the formula in GUIDE §5: (12,000 + 10,000 − 15,000) / (12,000 + 10,000 − 4,000) × 100 = 38.888…%.
    assert_eq!(k.cei.unwrap().to_string(), "38.89");
    // Monthly-sales variant, recomputed independently in floating point.
    let months = 30.0 * 12.0 / 365.25;
    let m = 10000.0 / months;
    let expect = (12000.0 + m - 15000.0) / (12000.0 + m - 4000.0) * 100.0;
    let got: f64 = k.cei_monthly_sales.unwrap().to_string().parse().unwrap();
    assert!((got - expect).abs() < 0.006, "{got} vs {expect}");
    assert!(k.countback_dso.is_none(), "no ledger, no countback");
}

#[test]
fn the_monthly_sales_cei_is_left_out_where_it_means_nothing() {
    // A quarter (91 days) that opened with nothing owed: sales 30,000, ending 20,000 of which 5,000
    // current. Period CEI = (0 + 30,000 − 20,000) / (0 + 30,000 − 5,000) = 40 %. With a month's sales
    // (30,000 / (91 × 12 / 365.25) = 10,037.09) the share is (10,037.09 − 20,000) / (10,037.09 − 5,000)
    // = −197.8 %, which no collection effort can be: null.
    let r = kpis(
        json!({ "currency": "EUR", "beginningReceivables": "0", "creditSales": "30000", "endingReceivables": "20000", "endingCurrent": "5000", "days": 91 }),
    );
    let k = &r.currencies[0];
    assert_eq!(k.cei.unwrap().to_string(), "40.00");
    assert!(k.cei_monthly_sales.is_none(), "{:?}", k.cei_monthly_sales);
}

/// A November ledger whose figures are example two: beginning 12,000; sales 10,000; ending 15,000
/// of which 4,000 current.
fn november_ledger() -> serde_json::Value {
    json!([
        with(
            inv("A", "c1", "USD", "12000", "2026-10-01", "2026-10-31"),
            "payments",
            json!([pay("2026-11-10", "7000")])
        ),
        inv("B", "c2", "USD", "6000", "2026-11-05", "2026-11-20"),
        inv("C", "c3", "USD", "4000", "2026-11-25", "2026-12-25"),
    ])
}

#[test]
fn the_ledger_gives_the_same_figures() {
    let r = kpis(json!({ "periodStart": "2026-11-01", "periodEnd": "2026-11-30", "invoices": november_ledger() }));
    assert_eq!(r.source.word(), "ledger");
    let k = &r.currencies[0];
    assert_eq!(k.days, 30);
    let figures = [
        &k.beginning_receivables,
        &k.credit_sales,
        &k.ending_receivables,
        &k.ending_current,
    ]
    .map(|d| d.to_string());
    assert_eq!(figures, ["12000.00", "10000.00", "15000.00", "4000.00"]);
    assert_eq!(k.dso.unwrap().to_string(), "45.00");
    assert_eq!(k.best_possible_dso.unwrap().to_string(), "12.00");
    assert_eq!(k.cei.unwrap().to_string(), "38.89");
    // Countback: November's 10,000 of sales uses 30 days and leaves 5,000; October's 12,000 covers it
    // with 5,000 / 12,000 × 31 = 12.9166… days → 42.92.
    assert_eq!(k.countback_dso.unwrap().to_string(), "42.92");
    assert_eq!(
        k.countback
            .iter()
            .map(|m| (m.month.as_str(), m.days_counted.to_string()))
            .collect::<Vec<_>>(),
        [("2026-11", "30.00".to_string()), ("2026-10", "12.92".to_string())]
    );
}

#[test]
fn documents_net_the_receivables_and_credit_notes_the_sales() {
    // The November ledger with three documents:
    // - c1's £500 on account of 20 October goes to A (12,000, due 31 Oct);
    // - c2's 1,000 credit note of 15 November goes to B (6,000, due 20 Nov), and is a sale undone;
    // - c3's 2,000 on account of 28 November goes to C (4,000, due 25 Dec), still current.
    // Beginning (31 Oct): A 12,000 − 500 = 11,500. Net credit sales: 10,000 − 1,000 = 9,000.
    // Ending: A 5,000 − 500 = 4,500; B 5,000; C 2,000 → 11,500, of which 2,000 current.
    // DSO 11,500 / 9,000 × 30 = 38.33; BPDSO 2,000 / 9,000 × 30 = 6.67; ADD 31.67;
    // CEI (11,500 + 9,000 − 11,500) / (11,500 + 9,000 − 2,000) = 9,000 / 18,500 = 48.65 %.
    // Countback: November's 9,000 uses 30 days and leaves 2,500; October's 12,000 covers it with
    // 2,500 / 12,000 × 31 = 6.4583 days → 36.46.
    let doc = |kind: &str, customer: &str, date: &str, amount: &str| json!({ "kind": kind, "customerId": customer, "currency": "USD", "date": date, "amount": amount });
    let r = kpis(
        json!({ "periodStart": "2026-11-01", "periodEnd": "2026-11-30", "invoices": november_ledger(),
        "documents": [
            doc("paymentOnAccount", "c1", "2026-10-20", "500"),
            doc("creditNote", "c2", "2026-11-15", "1000"),
            doc("paymentOnAccount", "c3", "2026-11-28", "2000"),
        ] }),
    );
    let k = &r.currencies[0];
    let figures = [
        &k.beginning_receivables,
        &k.credit_sales,
        &k.ending_receivables,
        &k.ending_current,
    ]
    .map(|d| d.to_string());
    assert_eq!(figures, ["11500.00", "9000.00", "11500.00", "2000.00"]);
    let ratios = [
        k.dso,
        k.best_possible_dso,
        k.average_days_delinquent,
        k.cei,
        k.countback_dso,
    ]
    .map(|v| v.unwrap().to_string());
    assert_eq!(ratios, ["38.33", "6.67", "31.67", "48.65", "36.46"]);
    // A credit note on the invoice itself is a sale undone too; a write-off is not.
    let mut ledger = november_ledger();
    ledger[1]["credits"] = json!([{ "date": "2026-11-15", "amount": "1000" }]);
    ledger[2]["credits"] = json!([{ "date": "2026-11-29", "amount": "500", "writeOff": true }]);
    let r = kpis(json!({ "periodStart": "2026-11-01", "periodEnd": "2026-11-30", "invoices": ledger }));
    let k = &r.currencies[0];
    assert_eq!(
        [&k.credit_sales, &k.ending_receivables].map(|d| d.to_string()),
        ["9000.00", "13500.00"]
    );
}

#[test]
fn zero_sales_give_null_ratios_not_errors() {
    let r = kpis(
        json!({ "currency": "EUR", "beginningReceivables": "100", "creditSales": "0", "endingReceivables": "100", "endingCurrent": "0", "days": 30 }),
    );
    assert!(r.currencies[0].dso.is_none());
    assert_eq!(r.currencies[0].cei.unwrap().to_string(), "0.00");
}

#[test]
fn bad_input_is_coded() {
    let e = receivables_kpis(
        &input::<KpiInput>(json!({ "periodStart": "2026-11-30", "periodEnd": "2026-11-01", "invoices": [] })).unwrap(),
    )
    .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDateOrder, "periodEnd"));
    let e = receivables_kpis(&input::<KpiInput>(json!({ "periodStart": "2026-11-01", "invoices": [] })).unwrap())
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "periodEnd"));
    let e =
        receivables_kpis(&input::<KpiInput>(json!({ "currency": "USD", "creditSales": "1" })).unwrap()).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::MissingField, "beginningReceivables")
    );
    let e = receivables_kpis(&input::<KpiInput>(json!({ "currency": "USD", "beginningReceivables": "1", "creditSales": "1.001", "endingReceivables": "1", "endingCurrent": "0", "days": 30 })).unwrap()).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooManyDecimals, "creditSales"));
    let e = receivables_kpis(&input::<KpiInput>(json!({ "currency": "USD", "beginningReceivables": "1", "creditSales": "1", "endingReceivables": "1", "endingCurrent": "0", "days": 0 })).unwrap()).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "days"));
}
