//! Every date a result holds lies in 1900-01-01…9999-12-31, so any result can be given back as an
//! input: a call whose result would leave that range is refused, naming the input it came from
//! (hardening round 2, finding 7: a plan from 9999-12-31 had returned 10000-01-31, which
//! renderNotice then refused; a semimonthly plan from 1900-01-01 had reported a start in 1899).

mod common;
use common::*;
use overdue::ErrorCode;
use serde_json::json;

fn code_and_path(e: overdue::Error) -> (ErrorCode, String) {
    (e.code, e.path)
}

#[test]
fn plans_stay_within_the_years_overdue_reads() {
    let plan = |first: &str, frequency: &str, count: u32| {
        overdue::plan::payment_plan(
            &input(json!({ "principal": "100", "currency": "EUR", "annualRate": 5,
            "frequency": frequency, "firstDueDate": first, "count": count }))
            .unwrap(),
        )
    };
    for (first, frequency, count) in [
        ("9999-12-31", "monthly", 2),
        ("9999-12-01", "weekly", 6),
        ("1900-01-01", "semimonthly", 2),
        ("1900-01-06", "weekly", 1),
    ] {
        assert_eq!(
            code_and_path(plan(first, frequency, count).unwrap_err()),
            (ErrorCode::InvalidDate, "firstDueDate".into()),
            "{first} {frequency}"
        );
    }
    // The edges themselves are fine: five weekly instalments from 1 December end on the 29th.
    assert_eq!(
        plan("9999-12-01", "weekly", 5).unwrap().schedule[4]
            .due_date
            .to_string(),
        "9999-12-29"
    );
    let p = plan("9999-11-30", "monthly", 2).unwrap();
    assert_eq!(p.schedule[1].due_date.to_string(), "9999-12-30");
    let p = plan("1900-02-01", "monthly", 1).unwrap();
    assert_eq!(p.start_date.to_string(), "1900-01-01");
}

#[test]
fn ladder_dates_stay_within_the_years_overdue_reads() {
    let invoice = inv("A", "c", "GBP", "100.00", "9999-09-01", "9999-12-01");
    let e = overdue::ladder::preview_ladder(&input(json!({ "asOf": "9999-12-01", "invoice": invoice })).unwrap())
        .unwrap_err();
    assert_eq!(code_and_path(e), (ErrorCode::InvalidDate, "invoice.dueDate".into()));
    // A promise to pay on the last day leaves nothing after it to wait until.
    let promised = with(
        inv("A", "c", "GBP", "100.00", "9999-09-01", "9999-10-01"),
        "promisedDate",
        json!("9999-12-31"),
    );
    let e = overdue::ladder::next_actions(&input(json!({ "asOf": "9999-12-20", "invoices": [promised] })).unwrap())
        .unwrap_err();
    assert_eq!(
        code_and_path(e),
        (ErrorCode::InvalidDate, "invoices[0].promisedDate".into())
    );
}

#[test]
fn terms_and_notices_stay_within_the_years_overdue_reads() {
    let e = overdue::terms::early_payment_discount(
        &input(json!({ "terms": "net 30", "issueDate": "9999-12-15",
        "amount": "10", "currency": "USD", "asOf": "9999-12-15" }))
        .unwrap(),
    )
    .unwrap_err();
    assert_eq!(code_and_path(e), (ErrorCode::InvalidDate, "issueDate".into()));
    // The final notice asks for a reply ten days after asOf.
    let n = json!({ "asOf": "9999-12-25", "stage": "final", "sender": { "name": "S" },
        "invoices": [inv("A", "c", "GBP", "100.00", "9999-09-01", "9999-10-01")] });
    let e = overdue::notice::render_notice(&input(n.clone()).unwrap()).unwrap_err();
    assert_eq!(code_and_path(e), (ErrorCode::InvalidDate, "asOf".into()));
    // With a reply-by date given, the notice is written.
    let mut n = n;
    n["replyBy"] = json!("9999-12-31");
    assert!(overdue::notice::render_notice(&input(n).unwrap()).is_ok());
}

/// A JavaScript `Date` crosses as `JSON.stringify` writes it (ECMA-262 Date.prototype.toISOString:
/// `YYYY-MM-DDTHH:mm:ss.sssZ`, always UTC). At midnight UTC it names that day; at any other time it
/// is refused, because the day would depend on a time zone (#23).
#[test]
fn a_javascript_date_at_midnight_utc_is_its_day_and_any_other_instant_is_refused() {
    let aged = |as_of: &str| {
        input(
            json!({ "asOf": as_of, "invoices": [{ "id": "1", "customer": { "id": "c", "name": "C" },
            "currency": "GBP", "amount": "10.00", "issueDate": "2026-01-01", "dueDate": "2026-01-31" }] }),
        )
        .and_then(|i| overdue::normalize::normalize_invoices(&i))
    };
    // new Date("2026-03-31").toJSON() — 28 + 31 = 59 days after 31 January.
    assert_eq!(aged("2026-03-31T00:00:00.000Z").unwrap().invoices[0].days_past_due, 59);
    // new Date(2026, 2, 31) in a zone east of UTC, e.g. Europe/Berlin in summer: 22:00 the day before.
    let e = aged("2026-03-30T22:00:00.000Z").unwrap_err();
    assert_eq!(code_and_path(e.clone()), (ErrorCode::InvalidDate, "asOf".into()));
    assert!(
        e.message.contains("22:00:00 UTC") && e.message.contains("\"2026-03-30\""),
        "{}",
        e.message
    );
    // The day part is still checked, and other layouts with a time stay refused as before.
    assert_eq!(
        code_and_path(aged("2026-02-30T00:00:00.000Z").unwrap_err()).0,
        ErrorCode::InvalidDate
    );
    assert_eq!(
        code_and_path(aged("2026-03-31T00:00:00Z").unwrap_err()).0,
        ErrorCode::InvalidDate
    );
    assert_eq!(
        code_and_path(aged("2026-03-31 00:00:00.000Z").unwrap_err()).0,
        ErrorCode::InvalidDate
    );
}
