#![cfg(not(target_arch = "wasm32"))]
//! paymentPlan against published values (GUIDE §5, numpy-financial conventions) and its invariants.

mod common;
use common::*;
use overdue::plan::{payment_plan, Plan, PlanInput};
use overdue::ErrorCode;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;

fn plan(v: serde_json::Value) -> Result<Plan, overdue::Error> {
    payment_plan(&input::<PlanInput>(v)?)
}

fn s(d: Decimal) -> String {
    d.to_string()
}

#[test]
fn pmt_15000_at_8_percent_over_60_months() {
    // numpy-financial: pmt(0.08/12, 60, 15000) = -304.145914… → 304.15 a month; the final instalment
    // absorbs the rounding (303.84, as the worked figure says).
    let p = plan(json!({ "principal": "15000", "currency": "USD", "annualRate": "8", "frequency": "monthly", "firstDueDate": "2026-01-15", "count": 60 })).unwrap();
    assert_eq!(s(p.regular_instalment), "304.15");
    assert_eq!(s(p.final_instalment), "303.84");
    assert_eq!(s(p.schedule[0].interest), "100.00", "15000 × 0.08/12");
    assert_eq!(s(p.totals.principal), "15000.00");
    assert_eq!(
        p.totals.interest,
        p.schedule.iter().map(|r| r.interest).sum::<Decimal>()
    );
    assert_eq!(s(p.apr), "8.00", "no fee: APR is the contract rate");
}

#[test]
fn first_four_rows_of_2000_at_10_percent_over_24() {
    // GUIDE §5: interest 16.67, 16.04, 15.40, 14.76; principal 75.62, 76.25, 76.89, 77.53.
    let p = plan(json!({ "principal": "2000", "currency": "USD", "annualRate": 10, "frequency": "monthly", "firstDueDate": "2026-02-01", "count": 24 })).unwrap();
    let interest: Vec<String> = p.schedule[..4].iter().map(|r| s(r.interest)).collect();
    let principal: Vec<String> = p.schedule[..4].iter().map(|r| s(r.principal)).collect();
    assert_eq!(interest, ["16.67", "16.04", "15.40", "14.76"]);
    assert_eq!(principal, ["75.62", "76.25", "76.89", "77.53"]);
    assert_eq!(s(p.regular_instalment), "92.29");
}

#[test]
fn an_exact_midpoint_rounds_up() {
    // Found by the benchmark's decimal.js cross-check: on row 59 the balance is 1,516.20 and the
    // interest 1,516.20 × 10 % / 12 = 12.635 exactly, which rounds half away from zero to 12.64.
    // Dividing the rate first (0.008333…) gave 12.63499… and 12.63.
    let p = plan(json!({ "principal": "36136.56", "currency": "USD", "annualRate": "10", "frequency": "monthly", "firstDueDate": "2026-01-31", "count": 60 })).unwrap();
    assert_eq!(s(p.schedule[57].balance), "1516.20");
    assert_eq!(s(p.schedule[58].interest), "12.64");
}

#[test]
fn interest_free_splits_and_minor_units() {
    let p = plan(json!({ "principal": "100.00", "currency": "EUR", "annualRate": 0, "frequency": "monthly", "firstDueDate": "2026-01-31", "count": 3 })).unwrap();
    assert_eq!(
        p.schedule.iter().map(|r| s(r.payment)).collect::<Vec<_>>(),
        ["33.33", "33.33", "33.34"]
    );
    assert_eq!(s(p.totals.interest), "0.00");
    let jpy = plan(json!({ "principal": 100000, "currency": "JPY", "annualRate": "12", "frequency": "monthly", "firstDueDate": "2026-01-31", "count": 7 })).unwrap();
    assert!(
        jpy.schedule.iter().all(|r| r.payment.scale() == 0),
        "JPY has no minor unit"
    );
    assert_eq!(jpy.totals.principal, Decimal::from(100000));
    let kwd = plan(json!({ "principal": "1500.500", "currency": "KWD", "annualRate": "5", "frequency": "quarterly", "firstDueDate": "2026-03-31", "count": 4 })).unwrap();
    assert!(kwd.schedule.iter().all(|r| r.payment.scale() == 3));
    assert_eq!(s(kwd.totals.principal), "1500.500");
}

#[test]
fn dates_keep_the_anchor_day() {
    let dates = |freq: &str, first: &str, n: u32| -> Vec<String> {
        plan(json!({ "principal": "1000", "currency": "GBP", "annualRate": "5", "frequency": freq, "firstDueDate": first, "count": n })).unwrap()
            .schedule.iter().map(|r| r.due_date.to_string()).collect()
    };
    assert_eq!(
        dates("monthly", "2024-01-31", 4),
        ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]
    );
    assert_eq!(
        dates("monthly", "2025-01-31", 3),
        ["2025-01-31", "2025-02-28", "2025-03-31"]
    );
    assert_eq!(
        dates("quarterly", "2025-11-30", 3),
        ["2025-11-30", "2026-02-28", "2026-05-30"]
    );
    assert_eq!(
        dates("semimonthly", "2026-01-05", 4),
        ["2026-01-05", "2026-01-20", "2026-02-05", "2026-02-20"]
    );
    assert_eq!(
        dates("semimonthly", "2026-01-31", 4),
        ["2026-01-31", "2026-02-16", "2026-02-28", "2026-03-16"]
    );
    assert_eq!(
        dates("semimonthly", "2026-01-20", 3),
        ["2026-01-20", "2026-02-05", "2026-02-20"]
    );
    assert_eq!(dates("weekly", "2026-12-28", 2), ["2026-12-28", "2027-01-04"]);
    assert_eq!(dates("biweekly", "2026-12-28", 2), ["2026-12-28", "2027-01-11"]);
}

#[test]
fn down_payment_setup_fee_and_apr() {
    let p = plan(json!({ "principal": "1200", "currency": "GBP", "annualRate": "0", "frequency": "monthly", "firstDueDate": "2026-02-01",
        "count": 10, "downPayment": { "amount": "200" }, "setupFee": "25" })).unwrap();
    assert_eq!(s(p.financed), "1000.00");
    let dp = p.down_payment.as_ref().unwrap();
    assert_eq!(
        (s(dp.amount), dp.date.to_string()),
        ("200.00".into(), "2026-01-01".into()),
        "defaults to the start date, one period before"
    );
    assert_eq!(
        s(p.schedule[0].payment),
        "125.00",
        "the fee rides on the first instalment"
    );
    assert_eq!(s(p.schedule[0].fee), "25.00");
    assert_eq!(s(p.totals.paid), "1225.00");
    // 25 on 1,000 repaid over 10 months: a positive APR despite 0 % interest.
    assert!(p.apr > Decimal::from(4) && p.apr < Decimal::from(6), "{}", p.apr);
    assert!(p.effective_annual_rate > p.apr);
}

#[test]
fn equal_principal_declines() {
    let p = plan(json!({ "principal": "1200", "currency": "USD", "annualRate": "12", "frequency": "monthly", "firstDueDate": "2026-02-01", "count": 12, "method": "equalPrincipal" })).unwrap();
    assert_eq!(s(p.schedule[0].payment), "112.00", "100 principal + 12 interest");
    assert_eq!(s(p.schedule[11].payment), "101.00");
    assert!(p.schedule.windows(2).all(|w| w[1].payment <= w[0].payment));
}

#[test]
fn count_from_max_instalment() {
    let p = plan(json!({ "principal": "15000", "currency": "USD", "annualRate": "8", "frequency": "monthly", "firstDueDate": "2026-01-15", "maxInstalment": "304.15" })).unwrap();
    assert_eq!(p.count, 60, "304.15 is exactly the 60-month instalment");
    let p = plan(json!({ "principal": "15000", "currency": "USD", "annualRate": "8", "frequency": "monthly", "firstDueDate": "2026-01-15", "maxInstalment": "304.14" })).unwrap();
    assert_eq!(p.count, 61);
    assert!(p.schedule.iter().all(|r| r.payment <= Decimal::new(30414, 2)));
    let e = plan(json!({ "principal": "15000", "currency": "USD", "annualRate": "8", "frequency": "monthly", "firstDueDate": "2026-01-15", "maxInstalment": "100" })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InstalmentTooSmall, "maxInstalment"),
        "100.00 is exactly the first month's interest"
    );
}

#[test]
fn bad_input_is_coded() {
    let base = json!({ "principal": "1000", "currency": "USD", "annualRate": "5", "frequency": "monthly", "firstDueDate": "2026-01-15", "count": 12 });
    let with_field = |k: &str, v: serde_json::Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    let cases = [
        (with_field("count", json!(0)), ErrorCode::InvalidValue, "count"),
        (with_field("count", json!(601)), ErrorCode::InvalidValue, "count"),
        (
            with_field("annualRate", json!("-1")),
            ErrorCode::InvalidValue,
            "annualRate",
        ),
        (
            with_field("annualRate", json!(100.5)),
            ErrorCode::InvalidValue,
            "annualRate",
        ),
        (
            with_field("downPayment", json!({ "amount": "1000" })),
            ErrorCode::InvalidAmount,
            "downPayment.amount",
        ),
        (
            with_field("principal", json!("0")),
            ErrorCode::InvalidAmount,
            "principal",
        ),
        (
            with_field("principal", json!("10.001")),
            ErrorCode::TooManyDecimals,
            "principal",
        ),
        (
            with_field("maxInstalment", json!("50")),
            ErrorCode::InvalidValue,
            "maxInstalment",
        ),
        (
            with_field("startDate", json!("2026-02-01")),
            ErrorCode::InvalidDateOrder,
            "firstDueDate",
        ),
        (with_field("principal", json!("0.05")), ErrorCode::InvalidValue, "count"),
    ];
    for (v, code, path) in cases {
        let e = plan(v.clone()).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (code, path), "{v}");
    }
    let e = input::<PlanInput>(with_field("frequency", json!("daily"))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "frequency"));
    let mut none = base.clone();
    none.as_object_mut().unwrap().remove("count");
    let e = plan(none).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "count"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Over random principals, rates, counts, frequencies and methods: the payments add up exactly to
    /// principal + interest + fee, the balance ends at zero and never rises, and a level plan's final
    /// instalment is within the accumulated rounding of the regular one.
    #[test]
    fn schedules_add_up_and_end_at_zero(
        cents in 100i64..100_000_000,
        rate_bp in 0i64..3000,
        count in 1i64..120,
        freq in prop::sample::select(vec!["weekly", "biweekly", "semimonthly", "monthly", "quarterly"]),
        method in prop::sample::select(vec!["level", "equalPrincipal"]),
        fee_cents in 0i64..5000,
    ) {
        let principal = Decimal::new(cents, 2);
        prop_assume!(principal >= Decimal::new(count, 2));
        let p = plan(json!({ "principal": principal.to_string(), "currency": "EUR", "annualRate": Decimal::new(rate_bp, 2).to_string(),
            "frequency": freq, "firstDueDate": "2026-01-31", "count": count, "method": method, "setupFee": Decimal::new(fee_cents, 2).to_string() })).unwrap();
        let paid: Decimal = p.schedule.iter().map(|r| r.payment).sum();
        prop_assert_eq!(paid, p.financed + p.totals.interest + p.setup_fee);
        prop_assert_eq!(p.schedule.iter().map(|r| r.principal).sum::<Decimal>(), p.financed);
        prop_assert!(p.schedule.last().unwrap().balance.is_zero());
        let mut prev = p.financed;
        for r in &p.schedule {
            prop_assert!(r.balance <= prev);
            prop_assert!(r.principal >= Decimal::ZERO && r.interest >= Decimal::ZERO);
            prop_assert_eq!(r.payment, r.principal + r.interest + r.fee);
            prev = r.balance;
        }
        if method == "level" && count > 1 {
            let r: f64 = rate_bp as f64 / 10000.0 / f64::from(p.periods_per_year);
            let bound = 0.01 * count as f64 * (1.0 + r).powi(count as i32);
            let diff: f64 = (p.final_instalment - p.regular_instalment).abs().to_string().parse().unwrap();
            prop_assert!(diff <= bound + 1e-9, "final {} regular {} bound {}", p.final_instalment, p.regular_instalment, bound);
        }
    }
}
