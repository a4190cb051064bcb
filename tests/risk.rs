#![cfg(not(target_arch = "wasm32"))]
//! paymentRisk: D&B's PAYDEX key (GUIDE §5), synthetic payment histories, invariants, bad input.

mod common;
use common::*;
use overdue::risk::{payment_risk, score_for_dbt, RiskInput, RiskReport, Trend};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::json;

fn risk(v: serde_json::Value) -> Result<RiskReport, overdue::Error> {
    payment_risk(&input::<RiskInput>(v)?)
}

/// One invoice a month for `dbts.len()` months ending before `as_of`, each paid `dbt` days after its
/// due date (the 1st of the month), for `amount`.
fn history(customer: &str, first_due: &str, dbts: &[i64], amount: &str) -> Vec<serde_json::Value> {
    let first = chrono::NaiveDate::parse_from_str(first_due, "%Y-%m-%d").unwrap();
    dbts.iter()
        .enumerate()
        .map(|(i, d)| {
            let due = first.checked_add_months(chrono::Months::new(i as u32)).unwrap();
            let issue = due - chrono::Duration::days(30);
            let paid = due + chrono::Duration::days(*d);
            with(
                inv(
                    &format!("{customer}-{i}"),
                    customer,
                    "GBP",
                    amount,
                    &issue.to_string(),
                    &due.to_string(),
                ),
                "payments",
                json!([pay(&paid.to_string(), amount)]),
            )
        })
        .collect()
}

#[test]
fn paydex_key_points_map_exactly() {
    // GUIDE §5: 100 anticipates (~30 days early), 90 discounts (~20 early), 80 prompt, 70 = 15 days
    // beyond terms, 60 = 22, 50 = 30, 40 = 60, 30 = 90, 20 = 120.
    for (dbt, score) in [
        (-30.0, 100.0),
        (-20.0, 90.0),
        (0.0, 80.0),
        (15.0, 70.0),
        (22.0, 60.0),
        (30.0, 50.0),
        (60.0, 40.0),
        (90.0, 30.0),
        (120.0, 20.0),
    ] {
        assert_eq!(score_for_dbt(dbt), score, "DBT {dbt}");
    }
    assert_eq!(score_for_dbt(7.5), 75.0, "halfway between prompt and 15 days");
    assert_eq!(score_for_dbt(45.0), 45.0);
    assert_eq!(score_for_dbt(-45.0), 100.0);
    assert_eq!(score_for_dbt(150.0), 10.5);
    assert_eq!(score_for_dbt(400.0), 1.0);
}

#[test]
fn steady_prompt_payer_is_stable_around_80() {
    let r = risk(json!({ "asOf": "2026-11-23", "invoices": history("p", "2025-12-01", &[0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 0], "500.00") })).unwrap();
    let c = &r.customers[0];
    assert_eq!(c.trend, Trend::Stable);
    assert!((78..=80).contains(&c.score.unwrap()), "{:?}", c.score);
    assert_eq!(c.grade, Some("A"));
    assert_eq!(c.explanation, "Pays on average on time; no clear change.");
}

#[test]
fn payments_without_a_date_say_nothing_about_habits() {
    // Four invoices paid 20 days late, and four more whose export gave only "paid" with no date.
    // Taking those as paid on their issue date (as the importer once did) would have read as "30
    // days early"; left out, the customer's days beyond terms are the dated ones': 20.
    let mut all = history("p", "2026-01-01", &[20, 20, 20, 20], "500.00");
    let undated: Vec<serde_json::Value> = history("p", "2026-05-01", &[0, 0, 0, 0], "500.00")
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            with(
                with(v, "id", json!(format!("u-{i}"))),
                "payments",
                json!([{ "amount": "500.00" }]),
            )
        })
        .collect();
    all.extend(undated);
    let r = risk(json!({ "asOf": "2026-11-23", "invoices": all })).unwrap();
    assert_eq!(r.customers[0].dbt, Some(20.0));
}

#[test]
fn drifting_payer_is_flagged_with_its_slope() {
    // From prompt to 30 days late over six months: 0, 5, 10, … 30 days beyond terms, monthly.
    let r = risk(
        json!({ "asOf": "2026-11-23", "invoices": history("d", "2026-04-01", &[0, 5, 10, 15, 20, 25, 30], "1000.00") }),
    )
    .unwrap();
    let c = &r.customers[0];
    assert_eq!(c.trend, Trend::Deteriorating);
    let slope = c.slope_days_per_month.unwrap();
    assert!((4.0..=6.0).contains(&slope), "slope {slope}");
    // The slope is against payment dates, which spread out as the lateness grows (the last payment,
    // 30 days late, falls on 31 October): 30 days over ~7 months ≈ 4.3 days a month.
    assert_eq!(c.explanation, "Paid on average 10 days late in Apr–Aug 2026 and 28 days late in Sep–Oct 2026: getting later by about 4 days a month.");
    assert_eq!(
        r.currencies[0].deteriorating_share.to_string(),
        "0.00",
        "paid up: nothing owed"
    );
}

#[test]
fn improving_payer() {
    let r = risk(
        json!({ "asOf": "2026-11-23", "invoices": history("i", "2026-04-01", &[40, 34, 28, 20, 12, 6, 0], "1000.00") }),
    )
    .unwrap();
    assert_eq!(r.customers[0].trend, Trend::Improving);
    assert!(r.customers[0].explanation.contains("getting earlier"));
}

#[test]
fn early_payer_takes_discounts() {
    let r = risk(
        json!({ "asOf": "2026-11-23", "invoices": history("e", "2026-02-01", &[-20, -21, -19, -20, -20], "800.00") }),
    )
    .unwrap();
    let c = &r.customers[0];
    assert_eq!((c.score, c.grade), (Some(90), Some("A")));
    assert!(c.explanation.contains("20 days early"), "{}", c.explanation);
}

#[test]
fn one_giant_late_payment_outweighs_many_small_prompt_ones() {
    let mut invoices = history("g", "2026-01-01", &[0; 10], "100.00");
    invoices.extend(
        history("g2", "2026-05-01", &[60], "100000.00")
            .into_iter()
            .map(|mut v| {
                v["customer"]["id"] = json!("g");
                v
            }),
    );
    let r = risk(json!({ "asOf": "2026-11-23", "invoices": invoices })).unwrap();
    let c = &r.customers[0];
    // (10 × 100 × 0 + 100,000 × 60) / 101,000 = 59.4 days → score 40.2 → 40.
    assert_eq!(c.dbt, Some(59.4));
    assert_eq!(c.score, Some(40));
}

#[test]
fn few_experiences_give_no_score_and_open_invoices_count() {
    let r = risk(json!({ "asOf": "2026-11-23", "invoices": history("f", "2026-09-01", &[3, 4], "100.00") })).unwrap();
    assert_eq!((r.customers[0].score, r.customers[0].trend), (None, Trend::Unknown));
    assert!(r.customers[0]
        .explanation
        .starts_with("Only 2 payments or overdue invoices on record"));
    // An open invoice 40 days past due is at least 40 days beyond terms today.
    let mut invoices = history("o", "2026-08-01", &[0, 0], "100.00");
    invoices.push(inv("o-open", "o", "GBP", "300.00", "2026-09-14", "2026-10-14"));
    let r = risk(json!({ "asOf": "2026-11-23", "invoices": invoices })).unwrap();
    let c = &r.customers[0];
    assert_eq!((c.experiences, c.outstanding.to_string()), (3, "300.00".to_string()));
    assert_eq!(c.dbt, Some(24.0), "(100×0 + 100×0 + 300×40) / 500");
}

#[test]
fn riskiest_first_and_share_owed_by_deteriorating_customers() {
    let mut invoices = history("d", "2026-04-01", &[0, 5, 10, 15, 20, 25, 30], "1000.00");
    invoices.push(inv("d-open", "d", "GBP", "750.00", "2026-11-01", "2026-12-01"));
    invoices.extend(history("p", "2026-04-01", &[0, 0, 0, 0, 0, 0, 0], "1000.00"));
    invoices.push(inv("p-open", "p", "GBP", "250.00", "2026-11-01", "2026-12-01"));
    let r = risk(json!({ "asOf": "2026-11-23", "invoices": invoices })).unwrap();
    assert_eq!(r.customers[0].customer_id.as_str(), "d");
    assert_eq!(r.currencies[0].deteriorating_share.to_string(), "75.00");
}

#[test]
fn bad_input_is_coded() {
    let invoices = history("x", "2026-04-01", &[0, 1, 2], "10.00");
    let e = risk(json!({ "asOf": "2026-11-23", "invoices": invoices, "windowMonths": 0 })).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "windowMonths"));
    let e = risk(json!({ "asOf": "2026-11-23", "invoices": invoices, "thresholds": { "slopeDaysPerMonth": 0 } }))
        .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "thresholds.slopeDaysPerMonth")
    );
    let e =
        risk(json!({ "asOf": "2026-11-23", "invoices": invoices, "thresholds": { "minExperiences": 0 } })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "thresholds.minExperiences")
    );
    let early = with(
        inv("z", "c", "GBP", "10", "2026-05-01", "2026-06-01"),
        "payments",
        json!([pay("2026-04-01", "10")]),
    );
    let e = risk(json!({ "asOf": "2026-11-23", "invoices": [early] })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidDateOrder, "invoices[0].payments[0].date")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn score_is_bounded_and_monotone(a in -400.0f64..400.0, b in -400.0f64..400.0) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let (s_lo, s_hi) = (score_for_dbt(lo), score_for_dbt(hi));
        prop_assert!((1.0..=100.0).contains(&s_lo) && (1.0..=100.0).contains(&s_hi));
        prop_assert!(s_hi <= s_lo, "later payment, lower score");
    }

    /// Permuting the invoices (and each invoice's payments) changes nothing.
    #[test]
    fn input_order_does_not_matter(dbts in prop::collection::vec(-25i64..90, 3..12), seed in any::<u64>()) {
        let invoices = history("c", "2026-01-01", &dbts[..dbts.len().min(10)], "250.00");
        let mut shuffled = invoices.clone();
        let n = shuffled.len();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let a = risk(json!({ "asOf": "2026-11-23", "invoices": invoices })).unwrap();
        let b = risk(json!({ "asOf": "2026-11-23", "invoices": shuffled })).unwrap();
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}
