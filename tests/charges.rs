#![cfg(not(target_arch = "wasm32"))]
//! lateCharges against published worked examples (GUIDE §5) and the statutes' rules, each case
//! saying where its expected figure comes from.

mod common;
use common::*;
use overdue::charges::{late_charges, ChargesInput, ChargesReport};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::json;

fn charges(
    as_of: &str,
    invoices: serde_json::Value,
    regime: serde_json::Value,
) -> Result<ChargesReport, overdue::Error> {
    late_charges(&input::<ChargesInput>(
        json!({ "asOf": as_of, "invoices": invoices, "regime": regime }),
    )?)
}

fn s(d: rust_decimal::Decimal) -> String {
    d.to_string()
}

#[test]
fn uk_published_example_and_compensation() {
    // GUIDE §5: £1,000 at 12 % for 30 days → £9.86 (1000 × 0.12 × 30 / 365 = 9.863).
    // 12 % = 8 + the Bank Rate of 4.00 in force on 30 June 2002, for interest starting in H2 2002.
    let r = charges(
        "2002-10-01",
        json!([inv("A", "c", "GBP", "1000.00", "2002-08-01", "2002-09-01")]),
        json!({ "kind": "uk" }),
    )
    .unwrap();
    let i = &r.invoices[0];
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest)),
        (30, "12".into(), "9.86".into())
    );
    assert_eq!(s(i.totals.compensation), "70.00", "£1,000–£9,999.99 → £70");
    assert_eq!(s(i.totals.total_claim), "1079.86");
    assert!(
        i.explanation.contains("4% in force on 30 June 2002"),
        "{}",
        i.explanation
    );
    // Compensation bands: under £1,000 → £40; £10,000 or more → £100.
    let r = charges(
        "2002-10-01",
        json!([
            inv("B", "c", "GBP", "999.99", "2002-08-01", "2002-09-01"),
            inv("C", "c", "GBP", "10000", "2002-08-01", "2002-09-01")
        ]),
        json!({ "kind": "uk" }),
    )
    .unwrap();
    let comp: Vec<String> = r
        .invoices
        .iter()
        .map(|i| format!("{}:{}", i.id, i.totals.compensation))
        .collect();
    assert!(
        comp.contains(&"B:40.00".to_string()) && comp.contains(&"C:100.00".to_string()),
        "{comp:?}"
    );
}

#[test]
fn uk_rate_is_fixed_for_the_life_of_the_debt() {
    // Interest starting 16 June 2024 takes the Bank Rate in force on 31 December 2023 (5.25) for its
    // whole life, although Bank Rate fell to 5.00 on 1 August 2024: 13.25 %.
    // £5,000 × 13.25 % × 60 / 365 = 108.904… → £108.90.
    let r = charges(
        "2024-08-14",
        json!([inv("A", "c", "GBP", "5000", "2024-05-16", "2024-06-15")]),
        json!({ "kind": "uk" }),
    )
    .unwrap();
    let i = &r.invoices[0];
    assert_eq!(
        (s(i.rate), i.days_late, s(i.totals.interest)),
        ("13.25".into(), 60, "108.90".into())
    );
    assert_eq!(i.periods.len(), 1);
}

#[test]
fn eu_published_example() {
    // GUIDE §5: €4,500 at 11 % for 30 days → €40.68 + €40 (4500 × 0.11 × 30 / 365 = 40.684).
    // 11 % = 8 + the ECB rate of 3.00 in force on 1 January 2000.
    let r = charges(
        "2000-03-02",
        json!([inv("A", "c", "EUR", "4500", "2000-01-02", "2000-02-01")]),
        json!({ "kind": "eu" }),
    )
    .unwrap();
    let i = &r.invoices[0];
    assert_eq!(
        (
            i.days_late,
            s(i.totals.interest),
            s(i.totals.compensation),
            s(i.totals.total_charges)
        ),
        (30, "40.68".into(), "40.00".into(), "80.68".into())
    );
}

#[test]
fn eu_fixed_or_per_half_year_across_a_rate_change() {
    // Interest starts 2 Dec 2024 (H2: ECB 4.25 on 1 July 2024 → 12.25 %); on 1 Jan 2025 the rate was
    // 3.15 (→ 11.15 %). €10,000, 30 days in each half-year.
    let invoices = json!([inv("A", "c", "EUR", "10000", "2024-11-01", "2024-12-01")]);
    let fixed = charges("2025-01-30", invoices.clone(), json!({ "kind": "eu" })).unwrap();
    // 10000 × 12.25 % × 60 / 365 = 201.369… → 201.37.
    assert_eq!(s(fixed.invoices[0].totals.interest), "201.37");
    let split = charges("2025-01-30", invoices, json!({ "kind": "eu", "perHalfYear": true })).unwrap();
    // 10000 × (12.25 % × 30 + 11.15 % × 30) / 365 = 192.328… → 192.33.
    assert_eq!(s(split.invoices[0].totals.interest), "192.33");
    assert_eq!(
        split.invoices[0].periods.iter().map(|p| s(p.rate)).collect::<Vec<_>>(),
        ["12.25", "11.15"]
    );
}

#[test]
fn de_splits_by_half_year() {
    // Basiszinssatz 2.27 (H1 2025) and 1.27 (H2 2025), + 9 points between businesses.
    // €10,000: 16–30 June at 11.27 % (15 days) and 1–15 July at 10.27 % (15 days):
    // 10000 × (0.1127 × 15 + 0.1027 × 15) / 365 = 88.5205… → 88.52, + €40.
    let r = charges(
        "2025-07-15",
        json!([inv("A", "c", "EUR", "10000", "2025-05-15", "2025-06-15")]),
        json!({ "kind": "de" }),
    )
    .unwrap();
    let i = &r.invoices[0];
    assert_eq!(
        (s(i.totals.interest), s(i.totals.compensation)),
        ("88.52".into(), "40.00".into())
    );
    assert_eq!(
        i.periods.iter().map(|p| (p.days, s(p.rate))).collect::<Vec<_>>(),
        [(15, "11.27".into()), (15, "10.27".into())]
    );
    // Consumers: + 5 points and no €40.
    let r = charges(
        "2025-07-15",
        json!([inv("A", "c", "EUR", "10000", "2025-05-15", "2025-06-15")]),
        json!({ "kind": "de", "consumer": true }),
    )
    .unwrap();
    assert_eq!(
        (s(r.invoices[0].rate), s(r.invoices[0].totals.compensation)),
        ("7.27".into(), "0.00".into())
    );
}

#[test]
fn partial_payments_reduce_the_balance_from_their_date() {
    // £1,200 due 1 March, £200 paid 11 March, £500 paid 31 March; asOf 10 April, 12 % act/365.
    // 2–10 Mar: 9 days on 1200; 11–30 Mar: 20 days on 1000; 31 Mar–10 Apr: 11 days on 500.
    // (1200×9 + 1000×20 + 500×11) × 0.12 / 365 = 36300 × 0.12 / 365 = 11.934… → 11.93.
    // The same whichever order the payments are listed in.
    let (first, second) = (pay("2026-03-11", "200"), pay("2026-03-31", "500"));
    for payments in [json!([first, second]), json!([second, first])] {
        let inv_ = with(
            inv("A", "c", "GBP", "1200", "2026-02-01", "2026-03-01"),
            "payments",
            payments,
        );
        let r = charges(
            "2026-04-10",
            json!([inv_]),
            json!({ "kind": "contract", "annualRate": "12" }),
        )
        .unwrap();
        let i = &r.invoices[0];
        assert_eq!(s(i.totals.interest), "11.93");
        let periods: Vec<(String, i64, String)> = i
            .periods
            .iter()
            .map(|p| (p.from.to_string(), p.days, s(p.balance)))
            .collect();
        assert_eq!(
            periods,
            [
                ("2026-03-02".into(), 9, "1200.00".into()),
                ("2026-03-11".into(), 20, "1000.00".into()),
                ("2026-03-31".into(), 11, "500.00".into())
            ]
        );
        assert_eq!(s(i.totals.outstanding), "500.00");
        assert_eq!(s(i.daily_interest), "0.16", "500 × 12 % / 365 = 0.164");
    }
}

#[test]
fn contract_and_prompt_payment_explanations_state_the_rule() {
    let one = || {
        json!([
            inv("A", "c", "USD", "10000", "2025-11-01", "2025-12-01"),
            inv("B", "c", "USD", "500", "2025-10-01", "2025-11-01")
        ])
    };
    let r = charges(
        "2026-01-31",
        one(),
        json!({ "kind": "contract", "annualRate": "10.50", "dayCount": "act/360", "graceDays": 10 }),
    )
    .unwrap();
    for i in &r.invoices {
        assert_eq!(
            i.explanation,
            "Contractual interest at 10.5% a year, simple, actual/360, from the end of a 10-day grace period."
        );
    }
    let r = charges("2026-01-31", one(), json!({ "kind": "contract", "annualRate": 8 })).unwrap();
    assert_eq!(
        r.invoices[0].explanation,
        "Contractual interest at 8% a year, simple, actual/365."
    );
    let r = charges(
        "2026-01-31",
        one(),
        json!({ "kind": "us-prompt-payment", "annualRate": "4.625" }),
    )
    .unwrap();
    assert_eq!(
        r.invoices[1].explanation,
        "Prompt Payment Act interest at 4.625% a year, simple, on a 360-day year."
    );
}

#[test]
fn each_invoice_is_charged_the_same_in_a_batch_as_alone() {
    // A call makes each half-year's rate plan once and reuses it for every invoice whose interest
    // starts in that half-year; each invoice must come out as it does on its own. Due dates every
    // 11 days over three years, some with a payment, under every statutory regime and a contract
    // with grace days; asOf within the reference-rate tables.
    let as_of = "2026-04-20";
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 3).unwrap();
    let list = |currency: &str| -> Vec<serde_json::Value> {
        (0..100)
            .map(|k| {
                let due = start + chrono::Duration::days(11 * k);
                let issue = due - chrono::Duration::days(30);
                let v = inv(
                    &format!("I-{k}"),
                    &format!("c{}", k % 7),
                    currency,
                    &format!("{}.{:02}", 200 + 37 * k, k % 100),
                    &issue.to_string(),
                    &due.to_string(),
                );
                if k % 3 == 0 {
                    with(
                        v,
                        "payments",
                        json!([pay(&(due + chrono::Duration::days(40)).to_string(), "50.00")]),
                    )
                } else {
                    v
                }
            })
            .collect()
    };
    let regimes = [
        ("GBP", json!({ "kind": "uk" })),
        ("EUR", json!({ "kind": "eu" })),
        ("EUR", json!({ "kind": "eu", "perHalfYear": true })),
        ("EUR", json!({ "kind": "de" })),
        (
            "USD",
            json!({ "kind": "contract", "annualRate": "9.5", "graceDays": 5, "dayCount": "act/act" }),
        ),
    ];
    for (currency, regime) in regimes {
        let all = list(currency);
        let batch = charges(as_of, json!(all), regime.clone()).unwrap();
        assert!(batch.invoices.len() > 80, "{regime}: most invoices are late");
        for one in &batch.invoices {
            let k: usize = one.id.as_str()[2..].parse().unwrap();
            let alone = charges(as_of, json!([all[k]]), regime.clone()).unwrap();
            let alone = &alone.invoices[0];
            let show = |x: &overdue::charges::InvoiceCharges| {
                let periods: Vec<String> = x
                    .periods
                    .iter()
                    .map(|p| format!("{}..{} {} {} {}", p.from, p.to, p.balance, p.rate, p.interest))
                    .collect();
                format!(
                    "{} {} {} {} | {} | {periods:?}",
                    x.rate, x.totals.interest, x.totals.total_claim, x.daily_interest, x.explanation
                )
            };
            assert_eq!(show(one), show(alone), "{regime}: invoice {}", one.id);
        }
        // Customer and summary reports skip the invoices' periods and sentences, not their totals.
        let at = |detail: &str| {
            late_charges(
                &input::<ChargesInput>(json!({ "asOf": as_of, "invoices": all, "regime": regime, "detail": detail }))
                    .unwrap(),
            )
            .unwrap()
        };
        let (customers, summary) = (at("customers"), at("summary"));
        assert_eq!(json(&customers.customers), json(&batch.customers), "{regime}");
        assert_eq!(json(&customers.currencies), json(&batch.currencies), "{regime}");
        assert_eq!(json(&summary.currencies), json(&batch.currencies), "{regime}");
        assert!(customers.invoices.is_empty() && summary.invoices.is_empty() && summary.customers.is_empty());
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn day_counts_grace_fees_and_cap() {
    let one = || json!([inv("A", "c", "USD", "10000", "2025-11-01", "2025-12-01")]);
    // act/360 over 61 days: 10000 × 0.10 × 61 / 360 = 169.444… → 169.44.
    let r = charges(
        "2026-01-31",
        one(),
        json!({ "kind": "contract", "annualRate": 10, "dayCount": "act/360" }),
    )
    .unwrap();
    assert_eq!(s(r.invoices[0].totals.interest), "169.44");
    // act/act across the year end: 30 days of 2025 / 365 + 31 days of 2026 / 365 (both 365-day years).
    let r = charges(
        "2026-01-31",
        one(),
        json!({ "kind": "contract", "annualRate": 10, "dayCount": "act/act" }),
    )
    .unwrap();
    assert_eq!(
        s(r.invoices[0].totals.interest),
        "167.12",
        "10000 × 0.1 × 61 / 365 = 167.123"
    );
    // 10-day grace: interest from 12 Dec, 51 days: 10000 × 0.1 × 51 / 365 = 139.726 → 139.73;
    // fees 25 + 1.5 % of 10,000 = 175.
    let r = charges(
        "2026-01-31",
        one(),
        json!({ "kind": "contract", "annualRate": 10, "graceDays": 10, "fixedFee": "25", "percentFee": "1.5" }),
    )
    .unwrap();
    let i = &r.invoices[0];
    assert_eq!(
        (s(i.totals.interest), s(i.totals.fees), s(i.totals.total_charges)),
        ("139.73".into(), "175.00".into(), "314.73".into())
    );
    let r = charges(
        "2025-12-10",
        one(),
        json!({ "kind": "contract", "annualRate": 10, "graceDays": 10, "fixedFee": "25" }),
    )
    .unwrap();
    assert!(
        r.invoices.is_empty(),
        "9 days late within a 10-day grace period: nothing charged"
    );
    // Cap at 200: fees are cut first (175 → 60.27), interest kept.
    let r = charges("2026-01-31", one(), json!({ "kind": "contract", "annualRate": 10, "graceDays": 10, "fixedFee": "25", "percentFee": "1.5", "cap": "200" })).unwrap();
    let i = &r.invoices[0];
    assert!(i.capped);
    assert_eq!(
        (s(i.totals.interest), s(i.totals.fees), s(i.totals.total_charges)),
        ("139.73".into(), "60.27".into(), "200.00".into())
    );
}

#[test]
fn not_late_means_no_charges() {
    let due_today = inv("A", "c", "GBP", "100", "2026-01-01", "2026-02-01");
    let paid_on_due = with(
        inv("B", "c", "GBP", "100", "2026-01-01", "2026-01-15"),
        "payments",
        json!([pay("2026-01-15", "100")]),
    );
    let r = charges(
        "2026-02-01",
        json!([due_today, paid_on_due]),
        json!({ "kind": "contract", "annualRate": 8, "fixedFee": 10 }),
    )
    .unwrap();
    assert!(r.invoices.is_empty());
    let r = charges(
        "2026-02-02",
        json!([inv("A", "c", "GBP", "100", "2026-01-01", "2026-02-01")]),
        json!({ "kind": "contract", "annualRate": 0 }),
    )
    .unwrap();
    assert_eq!(
        (r.invoices[0].days_late, s(r.invoices[0].totals.interest)),
        (1, "0.00".into()),
        "a zero rate charges nothing"
    );
}

#[test]
fn minor_units_and_totals() {
    let r = charges(
        "2026-03-02",
        json!([
            inv("J", "c1", "JPY", "1000000", "2026-01-01", "2026-01-31"),
            inv("K", "c1", "KWD", "1000.000", "2026-01-01", "2026-01-31"),
            inv("K2", "c2", "KWD", "500.500", "2026-01-01", "2026-01-31")
        ]),
        json!({ "kind": "contract", "annualRate": "7.5" }),
    )
    .unwrap();
    let by = |id: &str| r.invoices.iter().find(|i| i.id.as_str() == id).unwrap();
    // 30 days: 1,000,000 × 7.5 % × 30 / 365 = 6164.38 → ¥6,164; 1000 × … = 6.16438 → 6.164 KWD.
    assert_eq!(s(by("J").totals.interest), "6164");
    assert_eq!(s(by("K").totals.interest), "6.164");
    let kwd = r.currencies.iter().find(|c| c.currency.code() == "KWD").unwrap();
    assert_eq!(kwd.totals.interest, by("K").totals.interest + by("K2").totals.interest);
    assert_eq!(r.customers.len(), 3);
}

#[test]
fn tables_run_out_and_explicit_rates_override() {
    // Interest starting in H2 2026 needs the Bank Rate on 30 June 2026, past the table (complete
    // through 30 April 2026): the caller must give it.
    let one = || json!([inv("A", "c", "GBP", "1000", "2026-07-01", "2026-08-01")]);
    let e = charges("2026-11-23", one(), json!({ "kind": "uk" })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::RateUnknown, "regime.referenceRate")
    );
    let r = charges("2026-11-23", one(), json!({ "kind": "uk", "referenceRate": "3.75" })).unwrap();
    assert_eq!(s(r.invoices[0].rate), "11.75");
    assert!(r.invoices[0].explanation.contains("3.75% you gave"));
    let e = charges(
        "2026-11-23",
        json!([inv("A", "c", "EUR", "1000", "2026-07-01", "2026-08-01")]),
        json!({ "kind": "de" }),
    )
    .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::RateUnknown, "regime.baseRate"));
}

#[test]
fn bad_regimes_are_coded() {
    let gbp = || json!([inv("A", "c", "GBP", "1000", "2026-01-01", "2026-02-01")]);
    let cases = [
        (
            json!({ "kind": "contract", "annualRate": "-1" }),
            ErrorCode::InvalidValue,
            "regime.annualRate",
        ),
        (
            json!({ "kind": "contract", "annualRate": 101 }),
            ErrorCode::InvalidValue,
            "regime.annualRate",
        ),
        (
            json!({ "kind": "contract" }),
            ErrorCode::MissingField,
            "regime.annualRate",
        ),
        (
            json!({ "kind": "eu", "margin": 7 }),
            ErrorCode::InvalidValue,
            "regime.margin",
        ),
        (json!({ "kind": "eu" }), ErrorCode::InvalidValue, "invoices[0].currency"),
        (
            json!({ "kind": "contract", "annualRate": 5, "graceDays": -1 }),
            ErrorCode::InvalidValue,
            "regime.graceDays",
        ),
    ];
    for (regime, code, path) in cases {
        let e = charges("2026-03-01", gbp(), regime.clone()).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (code, path), "{regime}");
    }
    let e = input::<ChargesInput>(json!({ "asOf": "2026-03-01", "invoices": gbp(), "regime": { "kind": "french" } }))
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "regime.kind"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// With no payments, interest never decreases as asOf advances; and the totals are the sums of
    /// the invoice figures.
    #[test]
    fn interest_is_monotone_and_totals_add_up(
        amounts in prop::collection::vec(1i64..10_000_000, 1..6),
        due_offsets in prop::collection::vec(0i64..400, 6),
        rate_bp in 0i64..2500,
        day in 0i64..500,
        step in 1i64..60,
        regime in prop::sample::select(vec!["act/365", "act/360", "act/act"]),
    ) {
        let base = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let invoices: Vec<_> = amounts.iter().enumerate().map(|(i, a)| {
            let due = base + chrono::Duration::days(due_offsets[i]);
            inv(&format!("I{i}"), &format!("c{}", i % 2), "EUR", &rust_decimal::Decimal::new(*a, 2).to_string(), &base.to_string(), &due.to_string())
        }).collect();
        let regime = json!({ "kind": "contract", "annualRate": rust_decimal::Decimal::new(rate_bp, 2).to_string(), "dayCount": regime });
        let at = |d: i64| (base + chrono::Duration::days(d)).to_string();
        let earlier = charges(&at(day), json!(invoices), regime.clone()).unwrap();
        let later = charges(&at(day + step), json!(invoices), regime).unwrap();
        for i in &earlier.invoices {
            let j = later.invoices.iter().find(|x| x.id == i.id).unwrap();
            prop_assert!(j.totals.interest >= i.totals.interest);
        }
        for r in [&earlier, &later] {
            let sum: rust_decimal::Decimal = r.invoices.iter().map(|i| i.totals.total_charges).sum();
            let total: rust_decimal::Decimal = r.currencies.iter().map(|c| c.totals.total_charges).sum();
            prop_assert_eq!(sum, total);
            for i in &r.invoices {
                prop_assert_eq!(i.totals.total_charges, i.totals.interest + i.totals.compensation + i.totals.fees);
                prop_assert_eq!(i.totals.total_claim, i.totals.outstanding + i.totals.total_charges);
            }
        }
    }
}

#[test]
fn detail_levels_keep_the_totals() {
    let invoices = json!([
        inv("A", "c1", "USD", "100", "2026-01-01", "2026-01-31"),
        inv("B", "c2", "USD", "200", "2026-01-01", "2026-01-31")
    ]);
    let full = charges(
        "2026-03-02",
        invoices.clone(),
        json!({ "kind": "contract", "annualRate": 10 }),
    )
    .unwrap();
    let summary = late_charges(&input::<ChargesInput>(json!({ "asOf": "2026-03-02", "invoices": invoices, "regime": { "kind": "contract", "annualRate": 10 }, "detail": "summary" })).unwrap()).unwrap();
    assert!(summary.invoices.is_empty() && summary.customers.is_empty());
    assert_eq!(
        summary.currencies[0].totals.interest,
        full.currencies[0].totals.interest
    );
}

#[test]
fn leap_years() {
    // act/act: 31 days of 2023 at /365 and 31 days of 2024 at /366.
    // 10000 × 0.10 × (31/365 + 31/366) = 84.931… + 84.699… = 169.631… → 169.63.
    let one = || json!([inv("A", "c", "USD", "10000", "2023-11-01", "2023-11-30")]);
    let r = charges(
        "2024-01-31",
        one(),
        json!({ "kind": "contract", "annualRate": 10, "dayCount": "act/act" }),
    )
    .unwrap();
    assert_eq!(s(r.invoices[0].totals.interest), "169.63");
    assert_eq!(r.invoices[0].days_late, 62);
    // The UK Act divides by 365 in a leap year too: 29 Feb counts as a day.
    // £1,000 × 11.75 % × 29 / 365 (1–29 Feb 2004; Bank Rate 3.75 on 31 Dec 2003 → 11.75 %): 9.335… → 9.34.
    let r = charges(
        "2004-02-29",
        json!([inv("A", "c", "GBP", "1000", "2004-01-01", "2004-01-31")]),
        json!({ "kind": "uk" }),
    )
    .unwrap();
    assert_eq!(
        (
            s(r.invoices[0].rate),
            r.invoices[0].days_late,
            s(r.invoices[0].totals.interest)
        ),
        ("11.75".into(), 29, "9.34".into())
    );
}
