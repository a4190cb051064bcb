#![cfg(not(target_arch = "wasm32"))]
//! lateCharges against the statutes' published worked examples and official guidance, each case
//! naming its source, and against hand computations written out in the test. The sources were read
//! in stored copies of the pages named; where a source rounds the daily amount before multiplying,
//! the case says so and uses `roundDaily`.

mod common;
use common::*;
use overdue::charges::{late_charges, ChargesInput, ChargesReport, InvoiceCharges, Status};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn charges(as_of: &str, invoices: Value, regime: Value) -> Result<ChargesReport, overdue::Error> {
    late_charges(&input::<ChargesInput>(
        json!({ "asOf": as_of, "invoices": invoices, "regime": regime }),
    )?)
}

/// The one invoice of a report.
fn one(as_of: &str, invoice: Value, regime: Value) -> InvoiceCharges {
    let r = charges(as_of, json!([invoice]), regime).unwrap();
    assert_eq!(r.invoices.len(), 1, "{r:?}");
    r.invoices.into_iter().next().unwrap()
}

fn s(d: rust_decimal::Decimal) -> String {
    d.to_string()
}

fn paid(v: Value, payments: &[(&str, &str)]) -> Value {
    with(
        v,
        "payments",
        json!(payments.iter().map(|(d, a)| pay(d, a)).collect::<Vec<_>>()),
    )
}

// ---- United Kingdom: Late Payment of Commercial Debts (Interest) Act 1998, SI 2002/1675 ----

#[test]
fn uk_daniels_silverman_1000_at_12_percent_for_30_days() {
    // danielssilverman.co.uk/interest.php: "£1,000 x 12% = £120 … ÷ 365 … x 30 days = £9.86";
    // 12 % = 4 % base rate + 8. Bank Rate was 4.00 on 30 June 2002, for interest starting in H2 2002.
    let i = one(
        "2002-10-01",
        inv("A", "c", "GBP", "1000.00", "2002-08-10", "2002-09-01"),
        json!({ "kind": "uk" }),
    );
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest)),
        (30, "12".into(), "9.86".into())
    );
    // s.5A(2)(b): a debt of £1,000 or more but less than £10,000 → £70.
    assert_eq!(s(i.totals.compensation), "70.00");
    assert_eq!(s(i.totals.total_claim), "1079.86");
    assert!(
        i.explanation.contains("Bank Rate of 4% in force on 30 June 2002"),
        "{}",
        i.explanation
    );
}

#[test]
fn uk_payontime_calculator_262_25_for_139_days() {
    // payontime.co.uk forum, "8 1/2 % statutory interest": "£262.25 times by 8.5% = 22.29125 /
    // divided by 365 = 0.06107192 / times 139 days = £8.48899658 rounded up to £8.49",
    // "Compensation = £40.00 / Total owed = £310.74". 8.5 % = Bank Rate 0.5 (on 31 Dec 2009) + 8.
    let i = one(
        "2010-06-19",
        inv("A", "c", "GBP", "262.25", "2010-01-01", "2010-01-31"),
        json!({ "kind": "uk" }),
    );
    assert_eq!((i.days_late, s(i.rate)), (139, "8.5".into()));
    assert_eq!(
        (s(i.totals.interest), s(i.totals.compensation), s(i.totals.total_claim)),
        ("8.49".into(), "40.00".into(), "310.74".into())
    );
}

#[test]
fn uk_theukrules_8_25_percent_for_60_days() {
    // theukrules.co.uk, "Late Commercial Payments Interest": at 8.25 % (base 0.25 + 8), 60 days late
    // on £1,000, "£13.56" (the figure; its worked steps are inconsistent). Bank Rate on 31 Dec 2016: 0.25.
    let i = one(
        "2017-04-02",
        inv("A", "c", "GBP", "1000.00", "2017-01-01", "2017-02-01"),
        json!({ "kind": "uk" }),
    );
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest)),
        (60, "8.25".into(), "13.56".into())
    );
}

#[test]
fn uk_invoices_paid_late_are_still_charged() {
    // The example: £5,000 due 31 Jan 2025, paid 15 Mar 2025: interest starts 1 Feb 2025, so
    // the Bank Rate of 31 Dec 2024 (4.75) + 8 = 12.75 %; 5000 × 0.1275 × 43 / 365 = 75.1027 → £75.10,
    // and £70 for a debt of £5,000. Claimable on any later asOf (payontime.co.uk thread "Late invoice
    // paid but refusal so far to pay interest and compensation": "you can also claim interest and
    // compensation on all the past invoices that were paid late").
    let i = one(
        "2025-11-30",
        paid(
            inv("A", "c", "GBP", "5000.00", "2025-01-01", "2025-01-31"),
            &[("2025-03-15", "5000.00")],
        ),
        json!({ "kind": "uk" }),
    );
    assert_eq!(i.status, Status::PaidLate);
    assert_eq!(i.days_late, 43);
    assert_eq!(
        (s(i.totals.outstanding), s(i.totals.interest), s(i.totals.compensation)),
        ("0.00".into(), "75.10".into(), "70.00".into())
    );
    assert_eq!(
        (s(i.totals.claimable), s(i.totals.total_claim)),
        ("145.10".into(), "145.10".into())
    );
    assert_eq!(s(i.daily_interest), "0.00", "nothing more accrues once paid");
    // payontime, same thread: "£1,000 x 8.5% … 23.29 pence x 30 days = £6.99", an invoice paid 30 days late.
    let i = one(
        "2012-06-01",
        paid(
            inv("B", "c", "GBP", "1000.00", "2012-01-15", "2012-03-01"),
            &[("2012-03-31", "1000.00")],
        ),
        json!({ "kind": "uk" }),
    );
    assert_eq!(
        (i.status, i.days_late, s(i.totals.interest), s(i.totals.claimable)),
        (Status::PaidLate, 30, "6.99".into(), "76.99".into())
    );
    // With `scope: "open"` the report leaves them out.
    let r = late_charges(&input::<ChargesInput>(json!({ "asOf": "2012-06-01", "scope": "open", "regime": { "kind": "uk" },
        "invoices": [paid(inv("B", "c", "GBP", "1000.00", "2012-01-15", "2012-03-01"), &[("2012-03-31", "1000.00")])] })).unwrap()).unwrap();
    assert!(r.invoices.is_empty() && r.currencies.is_empty());
    // An invoice paid on its due date was never late.
    assert!(charges(
        "2012-06-01",
        json!([paid(
            inv("C", "c", "GBP", "1000.00", "2012-01-15", "2012-03-01"),
            &[("2012-03-01", "1000.00")]
        )]),
        json!({ "kind": "uk" })
    )
    .unwrap()
    .invoices
    .is_empty());
}

#[test]
fn uk_gov_uk_and_elderflower_examples_round_the_daily_figure() {
    // GOV.UK, "Late commercial payments: charging interest and debt recovery" (as quoted in a public
    // note, and word for word by elderflowerlegal.co.uk): £1,000 at 0.5 % + 8 %: "£85 … divide £85
    // by 365 … 23p a day … after 50 days this would be £11.50 (50 x 0.23 = 11.50)". Exact: £11.64.
    let a = inv("A", "c", "GBP", "1000.00", "2010-01-01", "2010-01-31");
    let exact = one("2010-03-22", a.clone(), json!({ "kind": "uk" }));
    let daily = one("2010-03-22", a, json!({ "kind": "uk", "roundDaily": true }));
    assert_eq!(
        (exact.days_late, s(exact.totals.interest), s(daily.totals.interest)),
        (50, "11.64".into(), "11.50".into())
    );
    // Elderflower Legal: "60 days after the due date, 60 x £0.23 = £13.80 / You can still claim the
    // interest, even if the payment has since been made" (paid late, daily figure rounded).
    let b = paid(
        inv("B", "c", "GBP", "1000.00", "2010-01-01", "2010-01-31"),
        &[("2010-04-01", "1000.00")],
    );
    let i = one("2010-09-01", b, json!({ "kind": "uk", "roundDaily": true }));
    assert_eq!(
        (i.status, i.days_late, s(i.totals.interest)),
        (Status::PaidLate, 60, "13.80".into())
    );
}

#[test]
fn uk_daily_interest_and_the_rate_of_the_second_half_of_2026() {
    // usewolfx.com glossary: "a £10,000 invoice at 11.75% accrues about £3.22 a day". Bank Rate on
    // 31 Dec 2025 and 30 Jun 2026 was 3.75 (held on 18 June 2026): 11.75 % for interest starting in
    // either half of 2026.
    for due in ["2026-03-31", "2026-08-31"] {
        let i = one(
            "2026-11-30",
            inv("A", "c", "GBP", "10000.00", "2026-01-15", due),
            json!({ "kind": "uk" }),
        );
        assert_eq!(
            (s(i.rate), s(i.daily_interest)),
            ("11.75".into(), "3.22".into()),
            "{due}"
        );
        assert_eq!(s(i.totals.compensation), "100.00", "£10,000 or more → £100");
    }
}

#[test]
fn uk_rate_is_fixed_for_the_life_of_the_debt() {
    // Interest starting 16 June 2024 takes the Bank Rate in force on 31 December 2023 (5.25) for its
    // whole life, although Bank Rate fell to 5.00 on 1 August 2024: 13.25 %.
    // £5,000 × 13.25 % × 60 / 365 = 108.904… → £108.90.
    let i = one(
        "2024-08-14",
        inv("A", "c", "GBP", "5000", "2024-05-16", "2024-06-15"),
        json!({ "kind": "uk" }),
    );
    assert_eq!(
        (s(i.rate), s(i.totals.interest), i.periods.len()),
        ("13.25".into(), "108.90".into(), 1)
    );
}

#[test]
fn uk_fixed_sum_is_set_by_the_debt_after_credits() {
    // s.5A(2): the sum is set by "the debt"; a £1,200 invoice with a £300 credit note before its due
    // date is a £900 debt → £40, not £70. A credit after the due date does not change the tier.
    let credit = |date: &str| {
        with(
            inv("A", "c", "GBP", "1200.00", "2026-01-05", "2026-02-05"),
            "credits",
            json!([{ "date": date, "amount": "300.00" }]),
        )
    };
    assert_eq!(
        s(one("2026-03-01", credit("2026-01-20"), json!({ "kind": "uk" }))
            .totals
            .compensation),
        "40.00"
    );
    assert_eq!(
        s(one("2026-03-01", credit("2026-02-20"), json!({ "kind": "uk" }))
            .totals
            .compensation),
        "70.00"
    );
    // The tiers' edges (gov.uk table: up to £999.99 → £40, £1,000 to £9,999.99 → £70, £10,000 or more → £100).
    for (amount, sum) in [
        ("999.99", "40.00"),
        ("1000.00", "70.00"),
        ("9999.99", "70.00"),
        ("10000.00", "100.00"),
    ] {
        assert_eq!(
            s(one(
                "2026-03-01",
                inv("A", "c", "GBP", amount, "2026-01-05", "2026-02-05"),
                json!({ "kind": "uk" })
            )
            .totals
            .compensation),
            sum,
            "{amount}"
        );
    }
    // The fixed sums came in on 7 August 2002: none for a contract before that date.
    assert_eq!(
        s(one(
            "2002-10-01",
            inv("A", "c", "GBP", "1000.00", "2002-08-06", "2002-09-01"),
            json!({ "kind": "uk" })
        )
        .totals
        .compensation),
        "0.00"
    );
}

#[test]
fn uk_applies_to_debts_in_any_currency() {
    // The Act is not limited to sterling debts; its fixed sums are in pounds, set by the debt's value.
    // $1,500 at 0.80 GBP per USD is £1,200 → £70 in GBP, reported apart from the dollar totals.
    let usd = inv("A", "c", "USD", "1500.00", "2026-01-05", "2026-02-05");
    let r = charges(
        "2026-03-07",
        json!([usd.clone()]),
        json!({ "kind": "uk", "exchangeRates": [{ "currency": "USD", "rate": "0.80" }] }),
    )
    .unwrap();
    let i = &r.invoices[0];
    // 1500 × 11.75 % × 30 / 365 = 14.4863 → $14.49.
    assert_eq!(
        (i.currency.code(), s(i.totals.interest), s(i.totals.compensation)),
        ("USD", "14.49".into(), "0.00".into())
    );
    let f = i.fixed_sum.as_ref().unwrap();
    assert_eq!((s(f.amount), f.currency.code()), ("70.00".into(), "GBP"));
    assert_eq!(s(r.currencies[0].fixed_sums[0].amount), "70.00");
    // Without the exchange rate the interest is still charged and the sum is asked for.
    let i = one("2026-03-07", usd, json!({ "kind": "uk" }));
    assert_eq!(
        (s(i.totals.interest), i.problem.as_ref().map(|p| p.code)),
        ("14.49".into(), Some("exchange_rate_needed"))
    );
}

// ---- The day-count rule and part payments ----

#[test]
fn rows_named_for_another_table_are_passed_over() {
    // A workspace keeps the rates typed in for every table in one list. The UK regime reads only the
    // Bank Rate rows: £1,000 at 12 % (Bank Rate 4.00 on 30 June 2002 + 8) for 30 days = 9.86, as in
    // danielssilverman.co.uk's example, whatever an ECB row says.
    let invoice = inv("A", "c", "GBP", "1000.00", "2002-08-10", "2002-09-01");
    let rows = json!([
        { "table": "boeBankRate", "from": "2002-06-01", "rate": "4.00" },
        { "table": "ecbMainRefinancing", "from": "2002-06-15", "rate": "50" },
    ]);
    let i = one(
        "2002-10-01",
        invoice.clone(),
        json!({ "kind": "uk", "referenceRates": rows }),
    );
    assert_eq!((s(i.rate), s(i.totals.interest)), ("12".into(), "9.86".into()));
    // Out of order within one table is still refused; across tables it is not an order.
    let e = charges(
        "2002-10-01",
        json!([invoice]),
        json!({ "kind": "uk", "referenceRates": [
            { "table": "boeBankRate", "from": "2002-06-01", "rate": "4" },
            { "table": "ecbMainRefinancing", "from": "2002-01-01", "rate": "3" },
            { "table": "boeBankRate", "from": "2002-05-01", "rate": "4" },
        ] }),
    )
    .unwrap_err();
    assert_eq!(e.path, "regime.referenceRates[2].from");
}

#[test]
fn a_payment_counts_its_own_day_at_the_balance_before_it() {
    // 1,000 due 1 January, 500 paid 31 January: 30 days at 1,000 (2–31 January, as if unpaid with
    // asOf 31 January), then 500 from 1 February. At 10 % a year on act/365 to 2 March:
    // 1000 × 0.10 × 30 / 365 = 8.2192 and 500 × 0.10 × 30 / 365 = 4.1096 → 12.33.
    let a = paid(
        inv("A", "c", "EUR", "1000.00", "2026-01-01", "2026-01-01"),
        &[("2026-01-31", "500.00")],
    );
    let i = one("2026-03-02", a, json!({ "kind": "contract", "annualRate": 10 }));
    let p: Vec<(String, String, i64, String)> = i
        .periods
        .iter()
        .map(|p| (p.from.to_string(), p.to.to_string(), p.days, s(p.balance)))
        .collect();
    assert_eq!(
        p,
        [
            ("2026-01-02".into(), "2026-01-31".into(), 30, "1000.00".into()),
            ("2026-02-01".into(), "2026-03-02".into(), 30, "500.00".into())
        ]
    );
    assert_eq!(s(i.totals.interest), "12.33");
    // The same count as the unpaid invoice with asOf on the payment day.
    let u = one(
        "2026-01-31",
        inv("A", "c", "EUR", "1000.00", "2026-01-01", "2026-01-01"),
        json!({ "kind": "contract", "annualRate": 10 }),
    );
    assert_eq!((u.days_late, s(u.totals.interest)), (30, s(i.periods[0].interest)));
}

#[test]
fn a_payment_without_a_date_is_taken_as_paid_by_the_due_date() {
    // An export gave only "amount paid 400" on a 1,000 invoice due 1 January. Nothing says when it
    // came, so no interest is claimed on it: 600 × 0.10 × 60 / 365 = 9.8630 → 9.86 to 2 March, where
    // a payment dated on the issue date (what the importer used to write) would give the same but
    // claim it on a day that never happened, and one dated the day of the export would claim 16.44.
    let a = with(
        inv("A", "c", "EUR", "1000.00", "2025-12-01", "2026-01-01"),
        "payments",
        json!([{ "amount": "400.00" }]),
    );
    let i = one("2026-03-02", a.clone(), json!({ "kind": "contract", "annualRate": 10 }));
    assert_eq!((i.days_late, s(i.totals.interest)), (60, "9.86".into()));
    assert!(
        i.explanation
            .contains("€400.00 was paid on a date the records do not give: it is taken as paid by the due date"),
        "{}",
        i.explanation
    );
    // Paid in full on an unknown day: nothing is known to be late, nothing is charged.
    let full = with(a, "payments", json!([{ "amount": "1000.00" }]));
    let r = charges(
        "2026-03-02",
        json!([full]),
        json!({ "kind": "contract", "annualRate": 10 }),
    )
    .unwrap();
    assert!(r.invoices.is_empty(), "{:?}", r.invoices);
}

#[test]
fn german_part_payments_go_to_costs_then_interest_then_the_invoice() {
    // The example under § 367(1) BGB: €5,000 due Friday 31 Jan 2025, €1,000 paid 12 May
    // 2025, as of 31 Aug 2025. Interest 1 Feb–12 May (101 days) at 2.27 + 9 = 11.27 %:
    // 5000 × 0.1127 × 101 / 365 = 155.9274 → 155.93. The €1,000 pays the €40 lump sum, the 155.93
    // interest, and 804.07 of the invoice: 4,195.93 left. Then 13 May–30 Jun (49 days) at 11.27 %
    // and 1 Jul–31 Aug (62 days) at 1.27 + 9 = 10.27 %: 4195.93 × (0.1127 × 49 + 0.1027 × 62) / 365
    // = 136.6804 → the claim is 4,195.93 + 136.68 = 4,332.61.
    let a = paid(
        inv("A", "c", "EUR", "5000.00", "2025-01-02", "2025-01-31"),
        &[("2025-05-12", "1000.00")],
    );
    let i = one("2025-08-31", a, json!({ "kind": "de" }));
    assert_eq!(i.status, Status::Open);
    let p = &i.payments[0];
    assert_eq!(
        (s(p.costs), s(p.interest), s(p.principal)),
        ("40.00".into(), "155.93".into(), "804.07".into())
    );
    assert_eq!(
        (s(i.totals.outstanding), s(i.totals.interest), s(i.totals.compensation)),
        ("4195.93".into(), "292.61".into(), "40.00".into())
    );
    assert_eq!(
        (s(i.totals.charges_paid), s(i.totals.claimable), s(i.totals.total_claim)),
        ("195.93".into(), "136.68".into(), "4332.61".into())
    );
    assert!(i.explanation.contains("§ 367(1) BGB"), "{}", i.explanation);
    // The same ledger principal first: 4,000 left from 13 May, and the lump sum still owed.
    let j = one(
        "2025-08-31",
        paid(
            inv("A", "c", "EUR", "5000.00", "2025-01-02", "2025-01-31"),
            &[("2025-05-12", "1000.00")],
        ),
        json!({ "kind": "de", "allocation": "principalFirst" }),
    );
    assert_eq!(s(j.totals.outstanding), "4000.00");
}

#[test]
fn splitting_a_payment_in_two_on_the_same_day_changes_nothing() {
    for kind in ["de", "uk", "nl", "us-prompt-payment"] {
        let base = inv("A", "c", "EUR", "5000.00", "2025-01-02", "2025-01-31");
        let one_payment = one(
            "2025-08-31",
            paid(base.clone(), &[("2025-05-12", "1000.00")]),
            json!({ "kind": kind, "annualRate": if kind == "us-prompt-payment" { json!(6) } else { Value::Null } }),
        );
        let two = one(
            "2025-08-31",
            paid(base, &[("2025-05-12", "400.00"), ("2025-05-12", "600.00")]),
            json!({ "kind": kind, "annualRate": if kind == "us-prompt-payment" { json!(6) } else { Value::Null } }),
        );
        assert_eq!(
            format!("{:?}", one_payment.totals),
            format!("{:?}", two.totals),
            "{kind}"
        );
    }
}

// ---- The Directive and the member states ----

#[test]
fn eu_guide_example_and_compensation() {
    // GUIDE §5 (the Directive's own arithmetic): €4,500 at 11 % for 30 days → €40.68 + €40.
    let i = one(
        "2026-03-03",
        inv("A", "c", "EUR", "4500.00", "2026-01-01", "2026-02-01"),
        json!({ "kind": "eu", "referenceRate": 3 }),
    );
    assert_eq!(
        (s(i.rate), s(i.totals.interest), s(i.totals.compensation)),
        ("11".into(), "40.68".into(), "40.00".into())
    );
}

#[test]
fn eu_applies_each_half_years_rate_by_default() {
    // Directive 2011/7/EU art. 3(2): the reference rate of each half-year applies to its days. €10,000
    // from 1 Jul 2024 to 30 Jun 2025: 184 days at 4.25 + 8 (ECB on 1 July 2024; enterprise.gov.ie
    // "12.25% … based on the ECB rate as at 1 July 2024 of 4.25%") = 617.53, and 181 days at 3.15 + 8
    // (ECB on 1 Jan 2025; MEF, GU n.63 of 17 Mar 2025: "3,15%") = 552.92: €1,170.45.
    let a = inv("A", "c", "EUR", "10000.00", "2024-06-01", "2024-06-30");
    let i = one("2025-06-30", a.clone(), json!({ "kind": "eu" }));
    assert_eq!(
        i.periods.iter().map(|p| (s(p.rate), s(p.interest))).collect::<Vec<_>>(),
        [("12.25".into(), "617.53".into()), ("11.15".into(), "552.92".into())]
    );
    assert_eq!(s(i.totals.interest), "1170.45");
    assert!(i.explanation.contains("each half-year"), "{}", i.explanation);
    // The first half-year's rate fixed for the debt is an option, named as such: 12.25 % × 365 days = 1,225.00.
    let f = one("2025-06-30", a, json!({ "kind": "eu", "perHalfYear": false }));
    assert_eq!(s(f.totals.interest), "1225.00");
    assert!(f.explanation.contains("an option chosen here"), "{}", f.explanation);
}

#[test]
fn eu_second_half_of_2026_takes_the_june_2026_rate() {
    // The ECB raised the MRO to 2.40 % with effect from 17 June 2026 (press release of 11 June 2026),
    // so the 1 July 2026 reference is 2.40: 10.40 % under the Directive, 12.40 % in France, 10.52 %
    // for German businesses (Basiszinssatz 1.52 from 1 July 2026).
    let a = inv("A", "c", "EUR", "1000.00", "2026-07-01", "2026-08-01");
    for (kind, rate) in [
        ("eu", "10.4"),
        ("fr", "12.4"),
        ("es", "10.4"),
        ("it", "10.4"),
        ("ie", "10.4"),
        ("nl", "10.4"),
        ("de", "10.52"),
    ] {
        assert_eq!(
            s(one("2026-11-30", a.clone(), json!({ "kind": kind })).rate),
            rate,
            "{kind}"
        );
    }
}

#[test]
fn france_heropay_and_bpifrance() {
    // heropay.eu, "Comment facturer des pénalités sans erreur ?": "1 000 € en retard de 30 jours à
    // 14,5 % = 11,92 €" — 14.5 % is the 2024 H1 rate (ECB 4.50 on 1 January 2024 + 10 points, C. com.
    // L441-10 II); the €40 of D441-5 per invoice.
    let i = one(
        "2024-03-02",
        inv("A", "c", "EUR", "1000.00", "2024-01-02", "2024-02-01"),
        json!({ "kind": "fr" }),
    );
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest), s(i.totals.compensation)),
        (30, "14.5".into(), "11.92".into(), "40.00".into())
    );
    // bpifrance-creation.fr: "Depuis le mois de juin 2024, ce taux est évalué à 4,25 soit au total 14,25 %".
    assert_eq!(
        s(one(
            "2024-10-01",
            inv("A", "c", "EUR", "1000.00", "2024-07-01", "2024-08-01"),
            json!({ "kind": "fr" })
        )
        .rate),
        "14.25"
    );
    // documentation.opteos.fr/wiki/Indemnités_de_retard: "Exemple pour une facture de 1 000 € TTC à
    // payer avec 10 jours de retard : Intérêts = (1 000 x 14.5%) x (10/365) + 40€ d'indemnité
    // forfaitaire = 43,97 €". 14.5 % holds for a delay in 2024 H1 (the page takes the ECB rate of its
    // last change; L441-10 II takes the rate of the half-year's first day): 1000 × 0.145 × 10 / 365 =
    // 3.9726 → 3.97, + 40 = 43.97.
    let o = one(
        "2024-03-11",
        inv("A", "c", "EUR", "1000.00", "2024-01-31", "2024-03-01"),
        json!({ "kind": "fr" }),
    );
    assert_eq!(
        (o.days_late, s(o.totals.interest), s(o.totals.total_claim)),
        (10, "3.97".into(), "1043.97".into())
    );
    assert_eq!(s(o.totals.interest + o.totals.compensation), "43.97");
    // agenceipro.com (a contractual 15 %, same formula): "30 jours sur une facture de 15 000 € TTC avec
    // un taux de 15 % entraînerait des pénalités de 184,93 €".
    assert_eq!(
        s(one(
            "2024-03-02",
            inv("A", "c", "EUR", "15000.00", "2024-01-02", "2024-02-01"),
            json!({ "kind": "contract", "annualRate": 15 })
        )
        .totals
        .interest),
        "184.93"
    );
}

#[test]
fn spain_rates_and_examples() {
    // Ley 3/2004: ECB + 8 per half-year. srbasesores.com: "per al primer semestre natural de 2024 és
    // del 12,50%"; orientelegal.es on the Resolución of 30 Dec 2024: "el 11,15%" for 2025 H1.
    assert_eq!(
        s(one(
            "2024-03-01",
            inv("A", "c", "EUR", "1000.00", "2024-01-02", "2024-02-01"),
            json!({ "kind": "es" })
        )
        .rate),
        "12.5"
    );
    assert_eq!(
        s(one(
            "2025-03-01",
            inv("A", "c", "EUR", "1000.00", "2025-01-02", "2025-02-01"),
            json!({ "kind": "es" })
        )
        .rate),
        "11.15"
    );
    // art. 8: €40 per invoice paid late (the Tribunal Supremo reads it per invoice), each of two invoices.
    let r = charges(
        "2025-03-01",
        json!([
            inv("A", "c", "EUR", "100.00", "2025-01-02", "2025-02-01"),
            inv("B", "c", "EUR", "100.00", "2025-01-02", "2025-02-01")
        ]),
        json!({ "kind": "es" }),
    )
    .unwrap();
    assert_eq!(s(r.currencies[0].totals.compensation), "80.00");
    // covline.es (the formula, at 5 %): "Interés de demora = 2300 x (30/365) x 5 % = 9,45 euros".
    assert_eq!(
        s(one(
            "2025-03-03",
            inv("A", "c", "EUR", "2300.00", "2025-01-02", "2025-02-01"),
            json!({ "kind": "contract", "annualRate": 5 })
        )
        .totals
        .interest),
        "9.45"
    );
}

#[test]
fn netherlands_compounds_yearly_and_scales_consumer_costs() {
    // go-figure.nl ("Wanbetalers!", tag "rente"): "De wettelijke rente is 8% voor transacties tussen
    // ondernemers … 11 dagen te laat en de hoofdsom is € 1000,00 … 11/365 * 8% * € 1000 = € 2,41" —
    // 8 % is the handelsrente while the ECB rate was 0 (here the second half of 2020).
    let i = one(
        "2020-09-12",
        inv("A", "c", "EUR", "1000.00", "2020-08-01", "2020-09-01"),
        json!({ "kind": "nl" }),
    );
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest)),
        (11, "8".into(), "2.41".into())
    );
    // Rates: 12.50 % for 2024 H1 (nl.wikipedia: "12,5% voor handelstransacties" from 1 Jan 2024),
    // 12.25 % from 1 Jul 2024 (metaalunie.nl), 11.15 % from 1 Jan 2025 (vvoadvocatuur.nl).
    // BW 6:119(2): "Telkens na afloop van een jaar wordt het bedrag waarover de wettelijke rente wordt
    // berekend, vermeerderd met de over dat jaar verschuldigde rente." By hand: €10,000 from
    // 1 Jan 2024: 182 days at 12.50 % = 623.2877 and 184 days at 12.25 % = 617.5342, 1,240.8219 for the
    // year, added on 1 Jan 2025; then 181 days at 11.15 % on 11,240.8219 = 621.5251. Interest to
    // 30 Jun 2025: 1,862.35; the claim 11,862.35 (with the €40 of 6:96(4), 11,902.35).
    let i = one(
        "2025-06-30",
        inv("A", "c", "EUR", "10000.00", "2023-12-01", "2023-12-31"),
        json!({ "kind": "nl" }),
    );
    assert_eq!(
        i.periods.iter().map(|p| s(p.rate)).collect::<Vec<_>>(),
        ["12.5", "12.25", "11.15"]
    );
    assert_eq!(s(i.periods[2].balance), "11240.82");
    assert_eq!(
        (s(i.totals.interest), s(i.totals.compensation), s(i.totals.total_claim)),
        ("1862.35".into(), "40.00".into(), "11902.35".into())
    );
    assert_eq!(
        s(i.totals.outstanding),
        "10000.00",
        "the invoice itself; the capitalised interest is in the charges"
    );
    // Consumers: the statutory rate (art. 6:119, given) and the collection-cost scale once the 14-day
    // letter has run out. Exact Globe support blog: a principal of €6,000 → 375 + 250 + 50 = €675.
    let c = one(
        "2026-03-01",
        inv("A", "c", "EUR", "6000.00", "2025-12-01", "2026-01-01"),
        json!({ "kind": "nl", "consumer": true, "annualRate": 6, "letterReceived": "2026-02-01" }),
    );
    assert_eq!(s(c.totals.compensation), "675.00");
    let early = one(
        "2026-02-10",
        inv("A", "c", "EUR", "6000.00", "2025-12-01", "2026-01-01"),
        json!({ "kind": "nl", "consumer": true, "annualRate": 6, "letterReceived": "2026-02-01" }),
    );
    assert_eq!(
        s(early.totals.compensation),
        "0.00",
        "not before the 14 days have passed"
    );
    assert_eq!(
        late_charges(
            &input::<ChargesInput>(
                json!({ "asOf": "2026-03-01", "invoices": [], "regime": { "kind": "nl", "consumer": true } })
            )
            .unwrap()
        )
        .unwrap_err()
        .code,
        ErrorCode::MissingField
    );
}

#[test]
fn ireland_examples_and_tiers() {
    // payrequest.io late-payment calculator: "invoice amount €1000.00 … 30 days overdue … Interest at
    // 10.5% per annum: €8.63 • Fixed collection costs: €40.00 … Daily Interest Accruing €0.29".
    let i = one(
        "2026-02-22",
        inv("A", "c", "EUR", "1000.00", "2025-12-24", "2026-01-23"),
        json!({ "kind": "ie", "referenceRate": 2.5 }),
    );
    assert_eq!(
        (
            i.days_late,
            s(i.totals.interest),
            s(i.totals.compensation),
            s(i.daily_interest)
        ),
        (30, "8.63".into(), "40.00".into(), "0.29".into())
    );
    // crowe.ie: €100,000 at 8 % (ECB 0 + 8), 90 days: "Equivalent daily interest charge … €21.92 /
    // Late interest penalty (E * 90 days) €1,972.80" — the daily figure rounded first; exact €1,972.60.
    let a = inv("A", "c", "EUR", "100000.00", "2018-12-01", "2019-01-31");
    assert_eq!(
        s(one("2019-05-01", a.clone(), json!({ "kind": "ie" })).totals.interest),
        "1972.60"
    );
    assert_eq!(
        s(one("2019-05-01", a, json!({ "kind": "ie", "roundDaily": true }))
            .totals
            .interest),
        "1972.80"
    );
    // enterprise.gov.ie: "Not exceeding €1000 €40 / Exceeding €1000 but not exceeding €10,000 €70 /
    // Exceeding €10,000 €100" — unlike the UK, €1,000.00 is €40 and €10,000.00 is €70.
    for (amount, sum) in [
        ("1000.00", "40.00"),
        ("1000.01", "70.00"),
        ("10000.00", "70.00"),
        ("10000.01", "100.00"),
    ] {
        assert_eq!(
            s(one(
                "2026-03-01",
                inv("A", "c", "EUR", amount, "2026-01-01", "2026-02-01"),
                json!({ "kind": "ie" })
            )
            .totals
            .compensation),
            sum,
            "{amount}"
        );
    }
    // Department of Enterprise FAQ "How do I calculate late payment interest?" (the text as mirrored
    // at cryptoguiding.com/article/how-do-i-calculate-late-payment-interest/926): "Amount of debt:
    // €1000 / Number of days late: 25 days / … interest rate … 12% / 1000 x 25 x (12% / 365) = … 8.22".
    // 12 % is the rate from 1 July 2023 (ECB 4.00 + 8), taken from the built-in table.
    let i = one(
        "2023-08-04",
        inv("A", "c", "EUR", "1000.00", "2023-06-10", "2023-07-10"),
        json!({ "kind": "ie" }),
    );
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest), s(i.totals.compensation)),
        (25, "12".into(), "8.22".into(), "40.00".into())
    );
    // taylorryan.ie: "10.15% per annum (applicable from 1 January 2026 to 30 June 2026)".
    assert_eq!(
        s(one(
            "2026-03-01",
            inv("A", "c", "EUR", "1.00", "2026-01-01", "2026-02-01"),
            json!({ "kind": "ie" })
        )
        .rate),
        "10.15"
    );
}

#[test]
fn italy_knowunity_and_the_mef_rates() {
    // knowunity.it: "una fattura di 8.200 euro pagata con 22 giorni di ritardo al tasso 8,05% genera
    // una mora di 39,79 euro" (365 days, as the Agenzia delle Entrate's risoluzione 296/E says even in
    // leap years). 8.05 % = ECB 0.05 on 1 January 2015 + 8 (D.Lgs. 231/2002 art. 5); €40 (art. 6).
    let i = one(
        "2015-02-23",
        paid(
            inv("A", "c", "EUR", "8200.00", "2015-01-02", "2015-02-01"),
            &[("2015-02-23", "8200.00")],
        ),
        json!({ "kind": "it" }),
    );
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest), s(i.totals.compensation)),
        (22, "8.05".into(), "39.79".into(), "40.00".into())
    );
    // Codice civile art. 1194: the payment goes to interest and costs before the capital, so 79.79 of
    // the invoice stays owed and earns interest after the payment day: by 30 June 2015 (127 more days)
    // 79.79 × 0.0805 × 127 / 365 = 2.2349 → 2.23 more, 42.02 in all.
    let j = one(
        "2015-06-30",
        paid(
            inv("A", "c", "EUR", "8200.00", "2015-01-02", "2015-02-01"),
            &[("2015-02-23", "8200.00")],
        ),
        json!({ "kind": "it" }),
    );
    assert_eq!(
        (s(j.totals.outstanding), s(j.totals.interest)),
        ("79.79".into(), "42.02".into())
    );
    // MEF: 4,25 % for 1 July–31 December 2024 (GU n.176 of 29 Jul 2024), 2,15 % for 2025 H2 and 2026 H1.
    for (due, rate) in [
        ("2024-08-01", "12.25"),
        ("2025-08-01", "10.15"),
        ("2026-02-01", "10.15"),
    ] {
        assert_eq!(
            s(one(
                "2026-06-30",
                inv("A", "c", "EUR", "1.00", "2024-07-01", due),
                json!({ "kind": "it" })
            )
            .rate),
            rate,
            "{due}"
        );
    }
}

// ---- Germany: § 288, § 193, Art. 229 § 34 EGBGB ----

#[test]
fn germany_consumer_example_and_old_debts() {
    // anleiter.de: "für eine Forderung von 1000,00 € aus einem Verbrauchergeschäft, welche seit 25
    // Tagen fällig ist, bei einem Verzugszinssatz von 5,12% Verzugszinsen i. H. v. 3.51 €" — 5.12 % =
    // Basiszinssatz 0.12 (2011 H1) + 5; no lump sum for consumers.
    let i = one(
        "2011-02-26",
        inv("A", "c", "EUR", "1000.00", "2011-01-01", "2011-02-01"),
        json!({ "kind": "de", "consumer": true }),
    );
    assert_eq!(
        (i.days_late, s(i.rate), s(i.totals.interest), s(i.totals.compensation)),
        (25, "5.12".into(), "3.51".into(), "0.00".into())
    );
    // lawblog.de (Udo Vetter, "Nicht unter 5 Prozent", 25 January 2016, via jurablogs.com): "3.000
    // Euro nebst Zinsen in Höhe von 5-Prozentpunkten über dem jeweiligen Basiszinssatz seit dem
    // 19.11.2013 … Zinsen bis 25.01.2016 279,56 €". Six half-years (Basiszinssatz −0.38, −0.63, −0.73,
    // −0.83, −0.83, −0.83), counted as the calculator does, on each calendar year's days (366 in
    // 2016): act/act. On 365 days throughout the same debt comes to €279.58.
    let debt = inv("A", "c", "EUR", "3000.00", "2013-10-18", "2013-11-18");
    let i = one(
        "2016-01-25",
        debt.clone(),
        json!({ "kind": "de", "consumer": true, "dayCount": "act/act" }),
    );
    assert_eq!(
        (i.interest_from.to_string(), s(i.totals.interest)),
        ("2013-11-19".into(), "279.56".into())
    );
    let i = one("2016-01-25", debt, json!({ "kind": "de", "consumer": true }));
    assert_eq!(s(i.totals.interest), "279.58");
    // A debt that arose before 29 July 2014 keeps 8 points and no €40 (Art. 229 § 34 EGBGB):
    // Basiszinssatz −0.73 from 1 July 2014 → 7.27 %.
    let old = one(
        "2014-09-01",
        inv("A", "c", "EUR", "1000.00", "2014-06-02", "2014-08-01"),
        json!({ "kind": "de" }),
    );
    assert_eq!(
        (s(old.rate), s(old.totals.compensation)),
        ("7.27".into(), "0.00".into())
    );
    let new = one(
        "2014-09-01",
        inv("A", "c", "EUR", "1000.00", "2014-07-29", "2014-08-01"),
        json!({ "kind": "de" }),
    );
    assert_eq!(
        (s(new.rate), s(new.totals.compensation)),
        ("8.27".into(), "40.00".into())
    );
}

#[test]
fn germany_moves_a_due_date_off_weekends_and_holidays() {
    // § 193 BGB: due Saturday 3 October 2026 (also German Unity Day) → Monday 5 October: interest from
    // 6 October. Due Good Friday 3 April 2026 → Tuesday 7 April (Easter Monday is a holiday too).
    let i = one(
        "2026-10-31",
        inv("A", "c", "EUR", "1000.00", "2026-09-01", "2026-10-03"),
        json!({ "kind": "de" }),
    );
    assert_eq!((i.interest_from.to_string(), i.days_late), ("2026-10-06".into(), 26));
    let i = one(
        "2026-04-30",
        inv("A", "c", "EUR", "1000.00", "2026-03-01", "2026-04-03"),
        json!({ "kind": "de" }),
    );
    assert_eq!(i.interest_from.to_string(), "2026-04-08");
    // A Land's holiday given by the caller: Corpus Christi, Thursday 4 June 2026 → Friday 5 June.
    let i = one(
        "2026-06-30",
        inv("A", "c", "EUR", "1000.00", "2026-05-01", "2026-06-04"),
        json!({ "kind": "de", "holidays": ["2026-06-04"] }),
    );
    assert_eq!(i.interest_from.to_string(), "2026-06-06");
    // § 286(3): with only the 30-day rule, default starts 30 days after the invoice (a Sunday here,
    // 15 March 2026, so Monday 16 March).
    let i = one(
        "2026-04-30",
        inv("A", "c", "EUR", "1000.00", "2026-02-13", "2026-02-27"),
        json!({ "kind": "de", "defaultStarts": "30DaysAfterInvoice" }),
    );
    assert_eq!(i.interest_from.to_string(), "2026-03-17");
}

// ---- United States: the Prompt Payment Act ----

#[test]
fn prompt_payment_treasury_examples() {
    // fiscal.treasury.gov/prompt-payment/monthly-interest.html and 5 CFR 1315.17: "$1,500 … due April 1,
    // … does not pay until June 15, … 6%: $1,500(1+.06/12) 2 * (1+(0.06/360*15))-$1,500 = $18.83".
    let a = paid(
        inv("A", "c", "USD", "1500.00", "2026-03-01", "2026-04-01"),
        &[("2026-06-15", "1500.00")],
    );
    let i = one("2026-07-01", a, json!({ "kind": "us-prompt-payment", "annualRate": 6 }));
    assert_eq!((i.days_late, s(i.totals.interest)), (75, "18.83".into()));
    // 5 CFR 1315.17, simple daily interest: "$1,500 paid 10 days late and at an interest rate of 6.5%
    // … $1,500 (.065/360*10) = $2.71".
    let b = paid(
        inv("B", "c", "USD", "1500.00", "2026-03-01", "2026-04-01"),
        &[("2026-04-11", "1500.00")],
    );
    assert_eq!(
        s(one(
            "2026-07-01",
            b,
            json!({ "kind": "us-prompt-payment", "annualRate": 6.5 })
        )
        .totals
        .interest),
        "2.71"
    );
}

#[test]
fn prompt_payment_one_year_limit_minimum_and_treasury_rate() {
    // 5 CFR 1315.10(a)(3) and (5): compounding every 30 days for up to a year, and no interest after a
    // year. By hand: $10,000 at 6 %, twelve 30-day periods and 5 more days:
    // 10000 × 1.005^12 × (1 + 0.06 × 5 / 360) − 10000 = 625.6254 → $625.63, however late.
    let a = inv("A", "c", "USD", "10000.00", "2025-01-01", "2025-01-31");
    let i = one("2026-11-30", a, json!({ "kind": "us-prompt-payment", "annualRate": 6 }));
    assert_eq!(s(i.totals.interest), "625.63");
    assert!(i.explanation.contains("stopped after a year"), "{}", i.explanation);
    // (a)(7): interest under $1 need not be paid. $100 at 4.75 % for 10 days is 0.13.
    let small = paid(
        inv("B", "c", "USD", "100.00", "2026-07-01", "2026-07-31"),
        &[("2026-08-10", "100.00")],
    );
    let i = one("2026-11-30", small, json!({ "kind": "us-prompt-payment" }));
    assert_eq!(
        (s(i.totals.interest), s(i.totals.claimable)),
        ("0.00".into(), "0.00".into())
    );
    // The Treasury rate in force on the day after the due date: 4.75 % for July–December 2026.
    let i = one(
        "2026-11-30",
        inv("C", "c", "USD", "1000.00", "2026-07-01", "2026-07-31"),
        json!({ "kind": "us-prompt-payment" }),
    );
    assert_eq!(s(i.rate), "4.75");
}

// ---- Rates the tables lack ----

#[test]
fn an_unknown_rate_marks_its_invoice_and_charges_the_others() {
    // The Basiszinssatz for 2027 H1 is not known yet (published at the end of December 2026).
    let r = charges(
        "2027-02-15",
        json!([
            inv("A", "c", "EUR", "1000.00", "2026-11-01", "2026-12-01"),
            inv("B", "d", "EUR", "1000.00", "2026-05-01", "2026-06-01")
        ]),
        json!({ "kind": "de" }),
    )
    .unwrap();
    let a = r.invoices.iter().find(|i| i.id.as_str() == "A").unwrap();
    let b = r.invoices.iter().find(|i| i.id.as_str() == "B").unwrap();
    let p = a.problem.as_ref().unwrap();
    assert_eq!(
        (p.code, p.table, p.reference_date.map(|d| d.to_string())),
        ("rate_unknown", Some("deBasiszinssatz"), Some("2027-01-01".into()))
    );
    assert_eq!(s(a.totals.interest), "0.00");
    assert!(b.problem.is_some(), "B also runs into 2027");
    assert_eq!((r.unknown_rates.len(), r.unknown_rates[0].invoices), (1, 2));
    assert_eq!(r.currencies[0].unpriced, 2);
    // Given the rate from 1 January 2027, both are charged.
    let r = charges(
        "2027-02-15",
        json!([inv("A", "c", "EUR", "1000.00", "2026-11-01", "2026-12-01")]),
        json!({ "kind": "de", "referenceRates": [{ "from": "2027-01-01", "rate": "1.77" }] }),
    )
    .unwrap();
    let i = &r.invoices[0];
    assert!(i.problem.is_none() && r.unknown_rates.is_empty());
    // Due Tuesday 1 Dec 2026: 2–31 Dec at 10.52 % (30 days) and 1 Jan–15 Feb at 10.77 % (46 days)
    // on €1,000: 1000 × (0.1052 × 30 + 0.1077 × 46) / 365 = 22.2219 → €22.22.
    assert_eq!(
        i.periods.iter().map(|p| s(p.rate)).collect::<Vec<_>>(),
        ["10.52", "10.77"]
    );
    assert_eq!(s(i.totals.interest), "22.22");
    // An invoice paid in full before the unknown half-year is charged without it (principal first:
    // nothing earns interest after the payment): 20 days at 10.40 % on €1,000 = 5.6986 → 5.70.
    let paid_before = paid(
        inv("C", "c", "EUR", "1000.00", "2026-11-01", "2026-12-01"),
        &[("2026-12-21", "1000.00")],
    );
    let i = one("2027-02-15", paid_before, json!({ "kind": "eu" }));
    assert!(i.problem.is_none(), "{:?}", i.problem);
    assert_eq!((i.status, s(i.totals.interest)), (Status::PaidLate, "5.70".into()));
}

// ---- Contracts, fees, caps and bad input ----

#[test]
fn contract_day_counts_grace_fees_and_cap() {
    // 1,000 at 12 % for 30 days: act/365 → 9.86 (GUIDE §5); act/360 → 10.00; act/act in a leap
    // year (2024): 1000 × 0.12 × 30 / 366 = 9.836 → 9.84.
    let a = inv("A", "c", "EUR", "1000.00", "2024-01-01", "2024-02-01");
    for (dc, want) in [("act/365", "9.86"), ("act/360", "10.00"), ("act/act", "9.84")] {
        assert_eq!(
            s(one(
                "2024-03-02",
                a.clone(),
                json!({ "kind": "contract", "annualRate": 12, "dayCount": dc })
            )
            .totals
            .interest),
            want,
            "{dc}"
        );
    }
    // A 10-day grace period: interest from 12 February (20 days): 1000 × 0.12 × 20 / 365 = 6.575 → 6.58.
    assert_eq!(
        s(one(
            "2024-03-02",
            a.clone(),
            json!({ "kind": "contract", "annualRate": 12, "graceDays": 10 })
        )
        .totals
        .interest),
        "6.58"
    );
    // Fees: 25 fixed + 2 % of the balance = 45; capped at 30: fees cut first to 20.14, interest kept.
    let i = one(
        "2024-03-02",
        a.clone(),
        json!({ "kind": "contract", "annualRate": 12, "fixedFee": 25, "percentFee": 2, "cap": 30 }),
    );
    assert_eq!(
        (
            i.capped,
            s(i.totals.interest),
            s(i.totals.fees),
            s(i.totals.total_charges)
        ),
        (true, "9.86".into(), "20.14".into(), "30.00".into())
    );
    // Negative fees and caps are refused.
    for (field, code) in [
        ("fixedFee", ErrorCode::InvalidAmount),
        ("cap", ErrorCode::InvalidAmount),
        ("percentFee", ErrorCode::InvalidValue),
    ] {
        let e = charges(
            "2024-03-02",
            json!([a.clone()]),
            json!({ "kind": "contract", "annualRate": 12, field: -5 }),
        )
        .unwrap_err();
        assert_eq!((e.code, e.path), (code, format!("regime.{field}")), "{field}");
    }
}

#[test]
fn bad_regimes_are_coded() {
    let a = json!([inv("A", "c", "EUR", "1000.00", "2024-01-01", "2024-02-01")]);
    for (regime, code, path) in [
        (
            json!({ "kind": "contract" }),
            ErrorCode::MissingField,
            "regime.annualRate",
        ),
        (
            json!({ "kind": "contract", "annualRate": 101 }),
            ErrorCode::InvalidValue,
            "regime.annualRate",
        ),
        (
            json!({ "kind": "eu", "margin": 7 }),
            ErrorCode::InvalidValue,
            "regime.margin",
        ),
        (
            json!({ "kind": "de", "margin": 10 }),
            ErrorCode::InvalidValue,
            "regime.margin",
        ),
        (json!({ "kind": "french" }), ErrorCode::InvalidValue, "regime.kind"),
        (
            json!({ "kind": "uk", "referenceRates": [{ "from": "2026-02-01", "rate": 4 }, { "from": "2026-01-01", "rate": 4 }] }),
            ErrorCode::InvalidDateOrder,
            "regime.referenceRates[1].from",
        ),
        (
            json!({ "kind": "uk", "exchangeRates": [{ "currency": "USD", "rate": 0 }] }),
            ErrorCode::InvalidAmount,
            "regime.exchangeRates[0].rate",
        ),
        (
            json!({ "kind": "de", "allocation": "sideways" }),
            ErrorCode::InvalidValue,
            "regime.allocation",
        ),
    ] {
        let e = charges("2024-03-02", a.clone(), regime.clone()).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (code, path), "{regime}");
    }
}

#[test]
fn customer_and_currency_totals_split_open_and_paid_late() {
    let ledger = json!([
        inv("A", "c", "GBP", "1000.00", "2026-01-05", "2026-02-05"),
        paid(
            inv("B", "c", "GBP", "500.00", "2026-01-05", "2026-02-05"),
            &[("2026-02-20", "500.00")]
        ),
        inv("C", "d", "GBP", "200.00", "2026-01-05", "2026-12-31"),
    ]);
    let r = charges("2026-03-07", ledger, json!({ "kind": "uk" })).unwrap();
    let c = r.customers.iter().find(|c| c.customer_id.as_str() == "c").unwrap();
    assert_eq!((c.open.invoices, c.paid_late.invoices), (1, 1));
    // A: 1000 × 11.75 % × 30 / 365 = 9.6575 → 9.66, + £70; B: 500 × 11.75 % × 15 / 365 = 2.4144 → 2.41, + £40.
    assert_eq!(
        (s(c.open.claimable), s(c.paid_late.claimable), s(c.totals.claimable)),
        ("79.66".into(), "42.41".into(), "122.07".into())
    );
    assert_eq!(s(r.currencies[0].totals.total_claim), "1122.07");
    assert!(r.customers.iter().all(|c| c.customer_id.as_str() != "d"), "not yet due");
}

/// An invoice: (due day offset, amount in cents, payments as (day offset, cents)).
type Row = (u32, i64, Vec<(u32, i64)>);

fn ledger_strategy() -> impl Strategy<Value = Vec<Row>> {
    // Invoices: (due day offset, amount in cents, payments (day offset, cents)).
    prop::collection::vec(
        (
            0u32..400,
            100i64..5_000_000,
            prop::collection::vec((0u32..500, 1i64..3_000_000), 0..3),
        ),
        1..12,
    )
}

fn ledger_json(rows: &[Row]) -> Value {
    let day = |o: u32| {
        (chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(i64::from(o))).to_string()
    };
    json!(rows
        .iter()
        .enumerate()
        .map(|(i, (due, cents, pays))| {
            let amount = format!("{}.{:02}", cents / 100, cents % 100);
            let v = inv(
                &format!("I{i}"),
                &format!("c{}", i % 3),
                "EUR",
                &amount,
                &day(0),
                &day(*due),
            );
            let pays: Vec<Value> = pays
                .iter()
                .map(|(d, c)| pay(&day(*d), &format!("{}.{:02}", c / 100, c % 100)))
                .collect();
            with(v, "payments", json!(pays))
        })
        .collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn charging_invoice_by_invoice_equals_the_batch(rows in ledger_strategy(), kind in prop::sample::select(vec!["uk", "eu", "de", "fr", "nl", "ie", "us-prompt-payment"])) {
        let ledger = ledger_json(&rows);
        let regime = if kind == "us-prompt-payment" { json!({ "kind": kind, "annualRate": 5 }) } else { json!({ "kind": kind }) };
        let batch = charges("2025-06-30", ledger.clone(), regime.clone()).unwrap();
        for inv in ledger.as_array().unwrap() {
            let alone = charges("2025-06-30", json!([inv]), regime.clone()).unwrap();
            let id = inv["id"].as_str().unwrap();
            let b = batch.invoices.iter().find(|i| i.id.as_str() == id).map(|i| format!("{:?}{:?}", i.totals, i.periods));
            let a = alone.invoices.first().map(|i| format!("{:?}{:?}", i.totals, i.periods));
            prop_assert_eq!(a, b, "{}", id);
        }
    }

    #[test]
    fn splitting_any_payment_keeps_every_figure(rows in ledger_strategy(), kind in prop::sample::select(vec!["uk", "de", "nl", "es"])) {
        let ledger = ledger_json(&rows);
        let mut split = ledger.clone();
        for inv in split.as_array_mut().unwrap() {
            let pays = inv["payments"].as_array().cloned().unwrap_or_default();
            let mut out = Vec::new();
            for p in pays {
                let cents: i64 = p["amount"].as_str().unwrap().replace('.', "").parse().unwrap();
                let (a, b) = (cents / 3, cents - cents / 3);
                for c in [a, b].into_iter().filter(|c| *c > 0) {
                    out.push(pay(p["date"].as_str().unwrap(), &format!("{}.{:02}", c / 100, c % 100)));
                }
            }
            inv["payments"] = json!(out);
        }
        let r1 = charges("2025-06-30", ledger, json!({ "kind": kind })).unwrap();
        let r2 = charges("2025-06-30", split, json!({ "kind": kind })).unwrap();
        prop_assert_eq!(format!("{:?}", r1.currencies), format!("{:?}", r2.currencies));
    }
}

#[test]
fn a_day_count_applies_to_every_regime_but_the_prompt_payment_act() {
    // dayCount was read for contracts only and silently ignored elsewhere. On 1 February to 1 March
    // 2024 (29 days, a leap year) at the UK's 8 % + Bank Rate: act/act is 29/366, act/360 29/360.
    let debt = inv("A", "c", "GBP", "10000.00", "2024-01-01", "2024-02-01");
    let on = |dc: Option<&str>| {
        let mut regime = json!({ "kind": "uk", "referenceRate": "4" });
        if let Some(d) = dc {
            regime["dayCount"] = json!(d);
        }
        s(one("2024-03-01", debt.clone(), regime).totals.interest)
    };
    // 10,000 × 12 % × 29 / 365 = 95.34; / 366 = 95.08; / 360 = 96.67 (by hand).
    assert_eq!(
        (on(None), on(Some("act/act")), on(Some("act/360"))),
        ("95.34".into(), "95.08".into(), "96.67".into())
    );
    // The Prompt Payment Act's year is 360 days (5 CFR 1315.10): another count is refused, not ignored.
    let e = charges(
        "2024-03-01",
        json!([inv("A", "c", "USD", "100.00", "2024-01-01", "2024-02-01")]),
        json!({ "kind": "us-prompt-payment", "dayCount": "act/365" }),
    )
    .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "regime.dayCount"));
}

/// An option a regime does not read is refused, naming it, rather than ignored (#23: a uk claim
/// with `graceDays` had been charged from the day after the due date without a word). Each row:
/// the regime, and whether the Act or contract it models has such a thing.
#[test]
fn options_a_regime_does_not_use_are_refused_not_ignored() {
    let invoice = json!([inv("A", "c", "GBP", "1000.00", "2025-01-01", "2025-01-31")]);
    let refused = |regime: Value| charges("2025-03-02", invoice.clone(), regime).unwrap_err();
    for (regime, path) in [
        // The UK Act has no grace period (interest runs from the day after the due date, s.4).
        (json!({ "kind": "uk", "graceDays": 10 }), "regime.graceDays"),
        // A contract rate is the rate itself: there is no reference rate to replace.
        (
            json!({ "kind": "contract", "annualRate": 8, "referenceRate": 4 }),
            "regime.referenceRate",
        ),
        // The Basiszinssatz is German law's (§ 247 BGB).
        (json!({ "kind": "eu", "baseRate": 2 }), "regime.baseRate"),
        // The UK rate is fixed for the life of the debt (s.6 and SI 2002/1675), never per half-year.
        (json!({ "kind": "uk", "perHalfYear": true }), "regime.perHalfYear"),
        (json!({ "kind": "fr", "consumer": true }), "regime.consumer"),
        (json!({ "kind": "eu", "holidays": ["2025-05-01"] }), "regime.holidays"),
        (
            json!({ "kind": "nl", "letterReceived": "2025-02-10" }),
            "regime.letterReceived",
        ),
        (json!({ "kind": "uk", "annualRate": 12 }), "regime.annualRate"),
        (
            json!({ "kind": "de", "exchangeRates": [{ "currency": "GBP", "rate": "1.2" }] }),
            "regime.exchangeRates",
        ),
    ] {
        let e = refused(regime.clone());
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, path), "{regime}");
        assert!(e.message.contains("Leave it out"), "{}", e.message);
    }
    // What applies is accepted, and `consumer: false`, every regime's assumption, anywhere.
    for regime in [
        json!({ "kind": "uk", "consumer": false, "exchangeRates": [{ "currency": "EUR", "rate": "0.85" }] }),
        json!({ "kind": "contract", "annualRate": 8, "graceDays": 10, "fixedFee": 25 }),
        json!({ "kind": "de", "consumer": true, "holidays": ["2025-01-06"], "baseRate": 2.27 }),
        json!({ "kind": "nl", "consumer": true, "annualRate": 6, "letterReceived": "2025-02-10" }),
    ] {
        assert!(
            charges("2025-03-02", invoice.clone(), regime.clone()).is_ok(),
            "{regime}"
        );
    }
}

// ---- Customer documents: payments on account and credit notes, charged from their own dates ----

fn with_documents(as_of: &str, invoices: Value, regime: Value, documents: Value) -> ChargesReport {
    late_charges(
        &input::<ChargesInput>(
            json!({ "asOf": as_of, "invoices": invoices, "regime": regime, "documents": documents }),
        )
        .unwrap(),
    )
    .unwrap()
}

fn row<'a>(r: &'a ChargesReport, id: &str) -> &'a InvoiceCharges {
    r.invoices.iter().find(|i| i.id.as_str() == id).unwrap()
}

#[test]
fn uk_payment_on_account_reduces_interest_from_the_day_it_came_in() {
    // £5,500 received on account on 3 March 2025, no invoice named: the oldest due first. A (£5,000,
    // due 31 Jan) is settled that day, B (£800, due 28 Feb) gets the other £500.
    // Bank Rate on 31 December 2024 was 4.75 % (cut from 5.00 on 7 November 2024), so interest
    // starting in the first half of 2025 is 12.75 %.
    // A: 1 Feb–3 Mar, 31 days at 5,000: 5000 × 0.1275 × 31 / 365 = 54.1438… → 54.14, paid late;
    //    s.5A(2)(b) £70.
    // B: 1–3 Mar, 3 days at 800, then 4 Mar–30 Apr, 58 days at 300:
    //    (800 × 3 + 300 × 58) × 0.1275 / 365 = 19,800 × 0.1275 / 365 = 6.9164… → 6.92; £40
    //    (a debt under £1,000); 300.00 still owed.
    let r = with_documents(
        "2025-04-30",
        json!([
            inv("A", "c", "GBP", "5000.00", "2025-01-01", "2025-01-31"),
            inv("B", "c", "GBP", "800.00", "2025-01-29", "2025-02-28"),
        ]),
        json!({ "kind": "uk" }),
        json!([{ "kind": "paymentOnAccount", "id": "POA-7", "customerId": "c", "currency": "GBP", "date": "2025-03-03", "amount": "5500.00" }]),
    );
    let a = row(&r, "A");
    assert_eq!((a.status, a.days_late), (Status::PaidLate, 31));
    assert_eq!(
        (
            s(a.rate),
            s(a.totals.interest),
            s(a.totals.compensation),
            s(a.totals.outstanding)
        ),
        ("12.75".into(), "54.14".into(), "70.00".into(), "0.00".into())
    );
    assert!(
        a.explanation
            .contains("Payment on account POA-7, received 3 March 2025, paid £5,000.00 of this invoice."),
        "{}",
        a.explanation
    );
    let b = row(&r, "B");
    assert_eq!(b.status, Status::Open);
    assert_eq!(
        (s(b.totals.interest), s(b.totals.compensation), s(b.totals.outstanding)),
        ("6.92".into(), "40.00".into(), "300.00".into())
    );
    assert_eq!(
        b.periods.iter().map(|p| (p.days, s(p.balance))).collect::<Vec<_>>(),
        [(3, "800.00".into()), (58, "300.00".into())]
    );
    assert!(
        b.explanation.contains("paid £500.00 of this invoice."),
        "{}",
        b.explanation
    );
}

#[test]
fn german_payment_on_account_goes_to_costs_then_interest_then_the_invoice() {
    // The § 367(1) BGB example above (german_part_payments_go_to_costs_then_interest_then_the_invoice),
    // with the €1,000 received on account instead of against the invoice: the same 40.00 lump sum,
    // 155.93 interest and 804.07 of the invoice paid, the same claim of 4,332.61.
    let r = with_documents(
        "2025-08-31",
        json!([inv("A", "c", "EUR", "5000.00", "2025-01-02", "2025-01-31")]),
        json!({ "kind": "de" }),
        json!([{ "kind": "paymentOnAccount", "customerId": "c", "currency": "EUR", "date": "2025-05-12", "amount": "1000.00" }]),
    );
    let i = row(&r, "A");
    let p = &i.payments[0];
    assert_eq!(
        (s(p.costs), s(p.interest), s(p.principal)),
        ("40.00".into(), "155.93".into(), "804.07".into())
    );
    assert_eq!(
        (s(i.totals.outstanding), s(i.totals.claimable), s(i.totals.total_claim)),
        ("4195.93".into(), "136.68".into(), "4332.61".into())
    );
}

#[test]
fn a_credit_note_reduces_the_invoice_from_the_day_after_its_date() {
    // £1,000 due 31 Jan 2026 at 10 % a year, actual/365; a £400 credit note of 10 Feb names it.
    // 1–10 Feb, 10 days at 1,000; 11 Feb–2 Mar, 20 days at 600:
    // (1000 × 10 + 600 × 20) × 0.10 / 365 = 2,200 / 365 = 6.0274 → 6.03. Another customer's
    // credit note changes nothing here.
    let r = with_documents(
        "2026-03-02",
        json!([inv("A", "c", "GBP", "1000.00", "2026-01-01", "2026-01-31")]),
        json!({ "kind": "contract", "annualRate": 10 }),
        json!([
            { "kind": "creditNote", "id": "CN-3", "customerId": "c", "currency": "GBP", "date": "2026-02-10", "amount": "400.00", "appliesTo": ["A"] },
            { "kind": "creditNote", "id": "CN-4", "customerId": "other", "currency": "GBP", "date": "2026-02-01", "amount": "900.00" }
        ]),
    );
    let i = row(&r, "A");
    assert_eq!(
        (s(i.totals.interest), s(i.totals.outstanding)),
        ("6.03".into(), "600.00".into())
    );
    assert!(
        i.explanation
            .contains("Credit note CN-3, dated 10 February 2026, took £400.00 off this invoice."),
        "{}",
        i.explanation
    );
    // A bad document is an error with its path, like a bad invoice.
    let e = late_charges(
        &input::<ChargesInput>(json!({ "asOf": "2026-03-02", "regime": { "kind": "uk" },
            "invoices": [inv("A", "c", "GBP", "1000.00", "2026-01-01", "2026-01-31")],
            "documents": [{ "kind": "creditNote", "customerId": "c", "currency": "GBP", "date": "2026-02-10", "amount": "-4" }] }))
        .unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidAmount, "documents[0].amount")
    );
}

#[test]
fn a_limit_keeps_the_largest_rows_and_every_total() {
    // Three invoices due 1 January, 60 days late on 2 March at 10 % a year on act/365:
    // 1,000 → 16.44, 3,650 → 60.00, 500 → 8.22, and a GBP one of 730 → 12.00. The rows come most
    // charges first in each currency (EUR before GBP here, as the report orders currencies), so a
    // limit of 2 keeps B (60.00) and A (16.44); the EUR total still counts all three, 84.66.
    let invoices = json!([
        inv("A", "c1", "EUR", "1000.00", "2025-12-01", "2026-01-01"),
        inv("B", "c2", "EUR", "3650.00", "2025-12-01", "2026-01-01"),
        inv("C", "c3", "EUR", "500.00", "2025-12-01", "2026-01-01"),
        inv("D", "c4", "GBP", "730.00", "2025-12-01", "2026-01-01"),
    ]);
    let run = |limit: Value| {
        late_charges(
            &input::<ChargesInput>(json!({ "asOf": "2026-03-02", "invoices": invoices, "regime": { "kind": "contract", "annualRate": 10 }, "limit": limit })).unwrap(),
        )
        .unwrap()
    };
    let all = run(Value::Null);
    let rows = |r: &ChargesReport| {
        r.invoices
            .iter()
            .map(|i| (i.id.to_string(), s(i.totals.interest)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows(&all),
        [
            ("B".into(), "60.00".into()),
            ("A".into(), "16.44".into()),
            ("C".into(), "8.22".into()),
            ("D".into(), "12.00".into())
        ]
    );
    let two = run(json!(2));
    assert_eq!(rows(&two), [("B".into(), "60.00".into()), ("A".into(), "16.44".into())]);
    let eur = two.currencies.iter().find(|c| c.currency.code() == "EUR").unwrap();
    assert_eq!((eur.open.invoices, s(eur.totals.interest)), (3, "84.66".into()));
    assert_eq!(two.customers.len(), 4, "every customer still listed");
    assert!(run(json!(0)).invoices.is_empty());
    let err = input::<ChargesInput>(
        json!({ "asOf": "2026-03-02", "invoices": [], "regime": { "kind": "contract" }, "limit": 2.5 }),
    )
    .unwrap_err();
    assert_eq!(err.path, "limit");
}
