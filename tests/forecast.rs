#![cfg(not(target_arch = "wasm32"))]
//! cashForecast and cashForecastBacktest: synthetic customers whose habits are known, each expected
//! date worked out by hand from the method in src/forecast.rs (Kaplan–Meier curves, blended
//! n / (n + priorWeight), conditional 20/50/80 % points), invariants, bad input.

mod common;
use common::*;
use overdue::forecast::{
    cash_forecast, cash_forecast_backtest, BacktestInput, Basis, Forecast, ForecastInput, InvoiceForecast,
};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

type D = chrono::NaiveDate;

fn day(s: &str) -> D {
    D::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn plus(s: &str, n: i64) -> String {
    (day(s) + chrono::Duration::days(n)).to_string()
}

fn forecast(v: Value) -> Result<Forecast, overdue::Error> {
    cash_forecast(&input::<ForecastInput>(v)?)
}

/// An invoice of `customer` due on `due` (issued 30 days before), paid in full `late` days after
/// the due date, or open when `late` is None.
fn invoice(id: &str, customer: &str, due: &str, late: Option<i64>) -> Value {
    let v = inv(id, customer, "GBP", "100.00", &plus(due, -30), due);
    match late {
        Some(n) => with(v, "payments", json!([pay(&plus(due, n), "100.00")])),
        None => v,
    }
}

fn row<'a>(f: &'a Forecast, id: &str) -> &'a InvoiceForecast {
    f.invoices.iter().find(|r| r.invoice_id.as_str() == id).unwrap()
}

fn dates(r: &InvoiceForecast) -> [Option<String>; 3] {
    [r.earliest_date, r.expected_date, r.latest_date].map(|d| d.map(|d| d.to_string()))
}

const AS_OF: &str = "2026-12-02";

#[test]
fn a_customer_always_ten_days_late_is_expected_ten_days_late() {
    // Six invoices, each paid exactly 10 days after its due date: every point of the curve is day 10.
    let paid: Vec<Value> = (1..=6)
        .map(|k| invoice(&format!("P{k}"), "c", &plus(AS_OF, -40 * k), Some(10)))
        .collect();
    let mut invoices = paid.clone();
    invoices.push(invoice("NOT-DUE", "c", "2026-12-07", None));
    invoices.push(invoice("LATE-3", "c", &plus(AS_OF, -3), None));
    let f = forecast(json!({ "asOf": AS_OF, "invoices": invoices })).unwrap();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        dates(row(&f, "NOT-DUE")),
        [s("2026-12-17"), s("2026-12-17"), s("2026-12-17")],
        "due 7 Dec + 10 days"
    );
    assert_eq!(
        dates(row(&f, "LATE-3")),
        [s("2026-12-09"), s("2026-12-09"), s("2026-12-09")],
        "due 29 Nov + 10 days"
    );
    assert_eq!(row(&f, "NOT-DUE").basis, Basis::Customer);
    assert_eq!(row(&f, "NOT-DUE").paid_on_record, 6);
    // 15 days past due: nobody in this ledger has ever paid that late.
    let mut invoices = paid;
    invoices.push(invoice("LATE-15", "c", &plus(AS_OF, -15), None));
    let f = forecast(json!({ "asOf": AS_OF, "invoices": invoices })).unwrap();
    let late = row(&f, "LATE-15");
    assert_eq!((late.basis, late.expected_date), (Basis::BeyondHistory, None));
    assert!(
        late.explanation
            .starts_with("15 days past due, later than almost every payment"),
        "{}",
        late.explanation
    );
    assert_eq!(f.currencies[0].unforecast.to_string(), "100.00");
    assert_eq!(f.currencies[0].open.to_string(), "100.00");
}

/// Customer A paid one invoice on its due date; B paid nine, 20 days late; all settled on asOf, so
/// every weight is 1. The ledger's curve: at day 0, 10 at risk and 1 paid, S = 0.9; at day 20, S = 0.
/// A's own curve: S = 0 from day 0. A's new invoice is due in 10 days (not due yet: a = −10).
fn blending_ledger() -> Vec<Value> {
    let mut v = vec![invoice("A-PAID", "a", AS_OF, Some(0))];
    v.extend((1..=9).map(|k| invoice(&format!("B{k}"), "b", &plus(AS_OF, -20), Some(20))));
    v.push(invoice("A-NEW", "a", &plus(AS_OF, 10), None));
    v
}

#[test]
fn a_customer_with_one_paid_invoice_leans_on_the_ledger() {
    // priorWeight 3: A weighs 1/(1+3) = 25 %. Blended S(t) for 0 ≤ t < 20 is 0.25·0 + 0.75·0.9 = 0.675;
    // S(20) = 0. Median (S ≤ 0.5): day 20. 20 % point (S ≤ 0.8): day 0. 80 % point (S ≤ 0.2): day 20.
    let f = forecast(json!({ "asOf": AS_OF, "invoices": blending_ledger() })).unwrap();
    let r = row(&f, "A-NEW");
    let due = plus(AS_OF, 10);
    assert_eq!(
        dates(r),
        [Some(due.clone()), Some(plus(&due, 20)), Some(plus(&due, 20))]
    );
    assert_eq!((r.basis, r.customer_weight, r.paid_on_record), (Basis::Customer, 25, 1));
    assert_eq!(f.paid_on_record, 10);

    // priorWeight 1: A weighs 50 %; S(0) = 0.5·0 + 0.5·0.9 = 0.45 ≤ 0.5, so the median is the due date.
    let f = forecast(json!({ "asOf": AS_OF, "invoices": blending_ledger(), "priorWeight": 1 })).unwrap();
    let r = row(&f, "A-NEW");
    assert_eq!(dates(r), [Some(due.clone()), Some(due.clone()), Some(plus(&due, 20))]);
    assert_eq!(r.customer_weight, 50);

    // priorWeight 0: A's own curve alone (S = 0 from day 0): every point is the due date.
    let f = forecast(json!({ "asOf": AS_OF, "invoices": blending_ledger(), "priorWeight": 0 })).unwrap();
    assert_eq!(
        dates(row(&f, "A-NEW")),
        [Some(due.clone()), Some(due.clone()), Some(due)]
    );
}

#[test]
fn a_new_customer_is_forecast_from_the_ledger_alone() {
    let mut v = blending_ledger();
    v.push(invoice("C-NEW", "c", &plus(AS_OF, 5), None));
    let f = forecast(json!({ "asOf": AS_OF, "invoices": v })).unwrap();
    let r = row(&f, "C-NEW");
    // The ledger alone: S(0) = 0.9, S(20) = 0. Even the 20 % point (S ≤ 0.8) is day 20.
    let due = plus(AS_OF, 5);
    assert_eq!(
        dates(r),
        [Some(plus(&due, 20)), Some(plus(&due, 20)), Some(plus(&due, 20))]
    );
    assert_eq!((r.basis, r.customer_weight, r.paid_on_record), (Basis::Ledger, 0, 0));
}

#[test]
fn recent_payments_weigh_more() {
    // One invoice paid on its due date 180 days ago (weight 0.5 at the default half-life), one paid
    // 30 days late today (weight 1). Own curve: S(0) = 1 − 0.5/1.5 = 2/3, S(30) = 0. priorWeight 0.
    // Median (S ≤ 0.5): day 30. Counted equally, S(0) would be 0.5 and the median the due date.
    let old_due = plus(AS_OF, -180);
    let v = vec![
        invoice("OLD", "c", &old_due, Some(0)),
        invoice("RECENT", "c", &plus(AS_OF, -30), Some(30)),
        invoice("NEW", "c", &plus(AS_OF, 7), None),
    ];
    let f = forecast(json!({ "asOf": AS_OF, "invoices": v, "priorWeight": 0 })).unwrap();
    let due = plus(AS_OF, 7);
    assert_eq!(
        dates(row(&f, "NEW")),
        [Some(due.clone()), Some(plus(&due, 30)), Some(plus(&due, 30))]
    );
}

#[test]
fn open_invoices_count_as_unpaid_so_far() {
    // Two invoices paid 5 days late (today, so each weighs 1); two still open 40 days past due.
    // Kaplan–Meier: at day 5, 4 at risk and 2 paid, S = 0.5; no payment after. A new invoice: median day 5 (S = 0.5), 20 % point
    // day 5, but the 80 % point (S ≤ 0.2) is never reached: the range is open-ended. Leaving the
    // open ones out would have claimed every invoice is paid by day 5.
    let v = vec![
        invoice("P1", "c", &plus(AS_OF, -5), Some(5)),
        invoice("P2", "c", &plus(AS_OF, -5), Some(5)),
        invoice("O1", "c", &plus(AS_OF, -40), None),
        invoice("O2", "c", &plus(AS_OF, -40), None),
        invoice("NEW", "c", &plus(AS_OF, 3), None),
    ];
    let f = forecast(json!({ "asOf": AS_OF, "invoices": v, "priorWeight": 0 })).unwrap();
    let due = plus(AS_OF, 3);
    assert_eq!(dates(row(&f, "NEW")), [Some(plus(&due, 5)), Some(plus(&due, 5)), None]);
    assert_eq!(row(&f, "O1").basis, Basis::BeyondHistory);
}

#[test]
fn promises_disputes_and_the_due_date_rule() {
    let base = |id: &str, due: &str| invoice(id, "c", due, None);
    let v = vec![
        with(base("PROMISED", &plus(AS_OF, -20)), "promisedDate", json!("2026-12-11")),
        with(base("BROKEN", &plus(AS_OF, -20)), "promisedDate", json!("2026-11-30")),
        with(base("DISPUTED", &plus(AS_OF, 4)), "disputed", json!(true)),
        base("PAST", &plus(AS_OF, -8)),
    ];
    // Nobody in this ledger has paid anything: expected on the due date, or tomorrow if it passed.
    let f = forecast(json!({ "asOf": AS_OF, "invoices": v })).unwrap();
    let p = row(&f, "PROMISED");
    assert_eq!(
        (p.basis, p.expected_date.unwrap().to_string()),
        (Basis::Promise, "2026-12-11".to_string())
    );
    assert_eq!(p.explanation, "Promised for 11 December 2026.");
    let b = row(&f, "BROKEN");
    assert!(b.broken_promise);
    assert_eq!(
        (b.basis, b.expected_date.unwrap().to_string()),
        (Basis::Terms, "2026-12-03".to_string())
    );
    assert!(
        b.explanation
            .starts_with("The promise to pay by 30 November 2026 was not kept."),
        "{}",
        b.explanation
    );
    let d = row(&f, "DISPUTED");
    // Due 6 Dec, pushed back the default 30 days: 5 January 2027.
    assert_eq!(
        (d.disputed, d.expected_date.unwrap().to_string()),
        (true, "2027-01-05".to_string())
    );
    assert!(
        d.explanation.ends_with("Disputed: pushed back 30 days."),
        "{}",
        d.explanation
    );
    assert_eq!(row(&f, "PAST").expected_date.unwrap().to_string(), "2026-12-03");
    assert_eq!(f.currencies[0].disputed.to_string(), "100.00");
    // Soonest first: 3 Dec (two, both 100.00, in input order), 11 Dec, 5 Jan.
    let ids: Vec<&str> = f.invoices.iter().map(|r| r.invoice_id.as_str()).collect();
    assert_eq!(ids, ["BROKEN", "PAST", "PROMISED", "DISPUTED"]);
    let f = forecast(json!({ "asOf": AS_OF, "invoices": [with(base("D", &plus(AS_OF, 4)), "disputed", json!(true))], "disputeDelayDays": 0 })).unwrap();
    assert_eq!(f.invoices[0].expected_date.unwrap().to_string(), "2026-12-06");
}

#[test]
fn weeks_and_months_add_up_by_hand() {
    // asOf Wednesday 2 Dec 2026, horizon 14 days: weeks Thu 3–Sun 6 Dec, Mon 7–Sun 13, Mon 14–Wed 16;
    // months 3–16 Dec. No history: each invoice expected on its due date (or 3 Dec if past).
    let amounts = [
        ("W1", "2026-12-05", "100.00"),
        ("W2", "2026-12-07", "250.50"),
        ("W3", "2026-12-16", "10.00"),
        ("LATER", "2026-12-20", "1.00"),
        ("PAST", "2026-11-20", "5.25"),
    ];
    let v: Vec<Value> = amounts
        .iter()
        .map(|(id, due, a)| inv(id, "c", "EUR", a, "2026-11-01", due))
        .collect();
    let f = forecast(json!({ "asOf": AS_OF, "invoices": v, "horizonDays": 14 })).unwrap();
    assert_eq!(f.horizon_end.to_string(), "2026-12-16");
    let c = &f.currencies[0];
    let spans: Vec<(String, String, String, String)> = c
        .weeks
        .iter()
        .map(|w| {
            (
                w.start.to_string(),
                w.end.to_string(),
                w.expected.to_string(),
                w.cumulative_expected.to_string(),
            )
        })
        .collect();
    let t = |a: &str, b: &str, c: &str, d: &str| (a.to_string(), b.to_string(), c.to_string(), d.to_string());
    assert_eq!(
        spans,
        [
            t("2026-12-03", "2026-12-06", "105.25", "105.25"), // W1 100.00 + PAST 5.25
            t("2026-12-07", "2026-12-13", "250.50", "355.75"),
            t("2026-12-14", "2026-12-16", "10.00", "365.75"),
        ]
    );
    assert_eq!(c.weeks.iter().map(|w| w.invoice_count).collect::<Vec<_>>(), [2, 1, 1]);
    let s = forecast(json!({ "asOf": AS_OF, "invoices": v, "horizonDays": 14, "detail": "summary" })).unwrap();
    assert!(s.invoices.is_empty());
    assert_eq!(
        serde_json::to_value(&s.currencies).unwrap(),
        serde_json::to_value(&f.currencies).unwrap()
    );
    assert_eq!(c.months.len(), 1);
    assert_eq!(
        (
            c.months[0].start.to_string(),
            c.months[0].end.to_string(),
            c.months[0].expected.to_string()
        ),
        ("2026-12-03".into(), "2026-12-16".into(), "365.75".into())
    );
    assert_eq!(
        (
            c.open.to_string(),
            c.expected_in_horizon.to_string(),
            c.later.to_string()
        ),
        ("366.75".into(), "365.75".into(), "1.00".into())
    );
    // Wire names, once.
    let w = serde_json::to_value(&f).unwrap();
    assert_eq!(w["currencies"][0]["weeks"][1]["cumulativeExpected"], "355.75");
    assert_eq!(w["invoices"][0]["basis"], "terms");
    assert_eq!(w["invoices"][0]["expectedDate"], "2026-12-03");
}

#[test]
fn the_range_columns_count_what_has_passed() {
    // A: ledger of a customer paying either on the due date or 20 days late, half each (weights 1).
    // New invoice due 4 Dec: S(0) = 0.5, S(20) = 0 → 20 %: 4 Dec, median: 4 Dec, 80 %: 24 Dec.
    let v = vec![
        invoice("P0", "c", AS_OF, Some(0)),
        invoice("P20", "c", &plus(AS_OF, -20), Some(20)),
        invoice("NEW", "c", "2026-12-04", None),
    ];
    let f = forecast(json!({ "asOf": AS_OF, "invoices": v, "horizonDays": 28, "priorWeight": 0 })).unwrap();
    assert_eq!(
        dates(row(&f, "NEW")),
        [
            Some("2026-12-04".into()),
            Some("2026-12-04".into()),
            Some("2026-12-24".into())
        ]
    );
    let w = &f.currencies[0].weeks;
    let cols: Vec<[String; 3]> = w
        .iter()
        .map(|p| {
            [
                p.cumulative_low.to_string(),
                p.cumulative_expected.to_string(),
                p.cumulative_high.to_string(),
            ]
        })
        .collect();
    let z = || "0.00".to_string();
    let h = || "100.00".to_string();
    // Weeks: 3–6 Dec, 7–13, 14–20, 21–27, 28–30.
    assert_eq!(
        cols,
        [
            [z(), h(), h()],
            [z(), h(), h()],
            [z(), h(), h()],
            [h(), h(), h()],
            [h(), h(), h()]
        ]
    );
}

#[test]
fn the_backtest_of_a_steady_payer_is_exact_and_beats_the_due_date_rule() {
    // Invoices due every 30 days from 2025-01-01, issued 30 days before, each paid 10 days late.
    // Forecast 5 days after each due date: open then are the invoice 5 days past due (it settles at
    // +10) and the next one, issued 25 days before. Both are forecast at +10, exactly right. The
    // due-date rule says tomorrow (cut + 1 = due + 6: 4 days off) and the next due date (10 days
    // off): a mean of 7.
    let first = day("2025-01-01");
    let v: Vec<Value> = (0..24)
        .map(|k| {
            let due = (first + chrono::Duration::days(30 * k)).to_string();
            invoice(&format!("I{k}"), "c", &due, Some(10))
        })
        .collect();
    let as_of = (first + chrono::Duration::days(30 * 23 + 20)).to_string();
    let from = (first + chrono::Duration::days(30 * 3 + 5)).to_string();
    let to = (first + chrono::Duration::days(30 * 20 + 5)).to_string();
    let bt = cash_forecast_backtest(
        &input::<BacktestInput>(json!({ "asOf": as_of, "invoices": v, "from": from, "to": to, "everyDays": 30 }))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(bt.cuts.len(), 18);
    assert_eq!(
        (bt.forecasts, bt.score.scored, bt.no_date, bt.unsettled),
        (36, 36, 0, 0)
    );
    let s = &bt.score;
    let txt = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string());
    assert_eq!(txt(s.mean_absolute_error_days), Some("0.00".into()));
    assert_eq!(txt(s.median_absolute_error_days), Some("0.00".into()));
    assert_eq!(txt(s.inside_range_percent), Some("100.00".into()));
    assert_eq!(txt(s.due_date_rule_mae_days), Some("7.00".into()));
}

#[test]
fn the_backtest_counts_misses_and_open_ends() {
    // One customer paid on the due date three times, then stopped paying: the invoices due after are
    // still open at asOf. Forecast from 2026-06-05 (after the third payment): the open invoice due
    // 2026-06-15 is expected on its due date, 15 June, before asOf, and never paid: a miss.
    let v = vec![
        invoice("I1", "c", "2026-03-15", Some(0)),
        invoice("I2", "c", "2026-04-15", Some(0)),
        invoice("I3", "c", "2026-05-15", Some(0)),
        invoice("I4", "c", "2026-06-15", None),
    ];
    let bt = cash_forecast_backtest(
        &input::<BacktestInput>(
            json!({ "asOf": "2026-12-01", "invoices": v, "from": "2026-06-05", "to": "2026-06-05" }),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (
            bt.forecasts,
            bt.unsettled,
            bt.unsettled_expected_by_as_of,
            bt.score.scored
        ),
        (1, 1, 1, 0)
    );
    assert_eq!(bt.score.mean_absolute_error_days, None);
}

#[test]
fn bad_input_is_refused_with_a_path() {
    let v = json!({ "asOf": AS_OF, "invoices": [] });
    for (key, value, code) in [
        ("horizonDays", json!(6), ErrorCode::InvalidValue),
        ("horizonDays", json!(731), ErrorCode::InvalidValue),
        ("halfLifeDays", json!(3), ErrorCode::InvalidValue),
        ("priorWeight", json!(101), ErrorCode::InvalidValue),
        ("disputeDelayDays", json!(-1), ErrorCode::InvalidValue),
    ] {
        let mut x = v.clone();
        x[key] = value;
        let e = forecast(x).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (code, key));
    }
    let bt = |x: Value| cash_forecast_backtest(&input::<BacktestInput>(x)?);
    let e = bt(json!({ "asOf": AS_OF, "invoices": [], "from": "2026-12-01", "to": "2026-11-01" })).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDateOrder, "from"));
    let e = bt(json!({ "asOf": AS_OF, "invoices": [], "from": "2020-01-01", "everyDays": 7 })).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "everyDays"));
    let e = bt(json!({ "asOf": AS_OF, "invoices": [], "from": "2026-01-01", "to": "2027-01-01" })).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidDateOrder, "to"));
}

fn ledger() -> impl Strategy<Value = (Vec<Value>, i64)> {
    // Up to 40 invoices of up to 4 customers, due within a year around asOf, paid or not, with
    // partial payments, promises and disputes.
    let one = (
        0usize..4,
        -300i64..60,
        prop::option::of(-10i64..90),
        1u32..5000,
        any::<bool>(),
        prop::option::of(-20i64..30),
        any::<bool>(),
    );
    (prop::collection::vec(one, 0..40), 0i64..2).prop_map(|(xs, shift)| {
        let v = xs
            .into_iter()
            .enumerate()
            .map(|(i, (c, due, late, cents, part, promise, disputed))| {
                let due_s = plus(AS_OF, due);
                let amount = format!("{}.{:02}", cents / 100 + 1, cents % 100);
                let mut x = inv(
                    &format!("I{i}"),
                    &format!("c{c}"),
                    "GBP",
                    &amount,
                    &plus(&due_s, -30),
                    &due_s,
                );
                if let Some(l) = late.filter(|l| due + l <= 0) {
                    let paid = if part { "1.00".to_string() } else { amount.clone() };
                    x = with(x, "payments", json!([pay(&plus(&due_s, l), &paid)]));
                }
                if let Some(p) = promise {
                    x = with(x, "promisedDate", json!(plus(AS_OF, p)));
                }
                with(x, "disputed", json!(disputed))
            })
            .collect();
        (v, shift)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn forecasts_are_after_as_of_ordered_and_add_up((v, _) in ledger()) {
        let f = forecast(json!({ "asOf": AS_OF, "invoices": v, "horizonDays": 60 })).unwrap();
        let as_of = day(AS_OF);
        for r in &f.invoices {
            if let Some(e) = r.expected_date {
                prop_assert!(e > as_of, "{} expected {e}", r.invoice_id);
                let lo = r.earliest_date.unwrap();
                prop_assert!(lo > as_of && lo <= e);
                if let Some(hi) = r.latest_date { prop_assert!(hi >= e); }
            } else {
                prop_assert!(r.earliest_date.is_none() && r.latest_date.is_none());
            }
        }
        for c in &f.currencies {
            prop_assert_eq!(c.open, c.expected_in_horizon + c.later + c.unforecast);
            let weeks: rust_decimal::Decimal = c.weeks.iter().map(|w| w.expected).sum();
            let months: rust_decimal::Decimal = c.months.iter().map(|w| w.expected).sum();
            prop_assert_eq!(weeks, c.expected_in_horizon);
            prop_assert_eq!(months, c.expected_in_horizon);
            for w in &c.weeks {
                prop_assert!(w.cumulative_low <= w.cumulative_high);
            }
        }
        let open: rust_decimal::Decimal = f.invoices.iter().map(|r| r.outstanding).sum();
        prop_assert_eq!(open, f.currencies.iter().map(|c| c.open).sum::<rust_decimal::Decimal>());
    }

    #[test]
    fn the_backtest_uses_nothing_from_after_each_date((v, _) in ledger()) {
        // A forecast as of a past date must not change when everything after that date is removed.
        let cut = plus(AS_OF, -120);
        let bt = cash_forecast_backtest(&input::<BacktestInput>(json!({ "asOf": AS_OF, "invoices": v.clone(), "from": cut, "to": cut })).unwrap()).unwrap();
        let trimmed: Vec<Value> = v.iter().filter(|x| x["issueDate"].as_str().unwrap() <= cut.as_str()).map(|x| {
            let mut x = x.clone();
            x.as_object_mut().unwrap().remove("promisedDate");
            x["disputed"] = json!(false);
            if let Some(p) = x["payments"].as_array().cloned() {
                x["payments"] = json!(p.into_iter().filter(|p| p["date"].as_str().unwrap() <= cut.as_str()).collect::<Vec<_>>());
            }
            x
        }).collect();
        let f = forecast(json!({ "asOf": cut, "invoices": trimmed })).unwrap();
        prop_assert_eq!(bt.cuts[0].open as usize, f.invoices.len());
        prop_assert_eq!(bt.cuts[0].no_date as usize, f.invoices.iter().filter(|r| r.expected_date.is_none()).count());
    }
}
