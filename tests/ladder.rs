#![cfg(not(target_arch = "wasm32"))]
//! nextActions and previewLadder: the default ladder step by step, catch-up after a gap, required
//! stages, gaps, holds, consolidation, and properties over simulated runs.

mod common;
use common::*;
use overdue::ladder::{next_actions, preview_ladder, NextActions, NextActionsInput, PreviewInput};
use overdue::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn run(as_of: &str, invoices: Value, history: Value) -> NextActions {
    next_actions(
        &input::<NextActionsInput>(json!({ "asOf": as_of, "invoices": invoices, "history": history })).unwrap(),
    )
    .unwrap()
}

fn day(offset: i64) -> String {
    (chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() + chrono::Duration::days(offset)).to_string()
}

/// One invoice due on 2026-10-01 (day 0).
fn one() -> Value {
    json!([inv("A", "c", "GBP", "500.00", "2026-09-01", "2026-10-01")])
}

fn stages(r: &NextActions) -> Vec<String> {
    r.actions.iter().map(|a| a.stage_id.clone()).collect()
}

#[test]
fn the_default_ladder_step_by_step() {
    assert!(
        run(&day(-4), one(), json!([])).actions.is_empty(),
        "nothing before the courtesy reminder"
    );
    assert_eq!(stages(&run(&day(-3), one(), json!([]))), ["courtesy"]);
    let h = json!([{ "invoiceId": "A", "stageId": "courtesy", "date": day(-3) }]);
    assert!(run(&day(-3), one(), h.clone()).actions.is_empty(), "never twice");
    let up = run(&day(0), one(), h.clone());
    assert_eq!(
        (up.upcoming[0].stage_id.as_str(), up.upcoming[0].date.to_string()),
        ("friendly", day(1))
    );
    assert_eq!(stages(&run(&day(1), one(), h)), ["friendly"]);
}

#[test]
fn catch_up_stops_at_the_required_final_notice() {
    // Nothing sent, 75 days late: friendly, follow-up, final, plan and agency are all due; the
    // customer gets the final notice first (required), not the agency letter.
    let r = run(&day(75), one(), json!([]));
    assert_eq!(stages(&r), ["final"]);
    // The final notice said what comes next (the default policy's next stage, the plan offer: "we
    // will write to you to agree how the debt is to be settled"), so a catch-up after it does not
    // jump to the agency letter although the agency's day (60) has passed.
    let h = json!([{ "customerId": "c", "stageId": "final", "date": day(31) }]);
    let r = run(&day(75), one(), h.clone());
    assert_eq!(stages(&r), ["plan"]);
    assert_eq!(r.actions[0].next_stage, "agency", "what the plan offer announces");
    // The plan offer announced the agency: after it, 110 days late, the agency letter, not the
    // letter before action (due at 90).
    let mut h2 = h.as_array().unwrap().clone();
    h2.push(json!({ "customerId": "c", "stageId": "plan", "date": day(75) }));
    let r = run(&day(110), one(), json!(h2));
    assert_eq!(stages(&r), ["agency"]);
    assert_eq!(r.actions[0].channel, overdue::ladder::Channel::Letter);
    assert_eq!(r.actions[0].next_stage, "legal");
    // The agency letter announces only itself; after it the ladder goes on to the legal stage.
    h2.push(json!({ "customerId": "c", "stageId": "agency", "date": day(110) }));
    let r = run(&day(130), one(), json!(h2));
    assert_eq!(stages(&r), ["legal"]);
    assert_eq!(r.actions[0].next_stage, "none", "the default ladder ends there");
}

#[test]
fn actions_carry_the_history_the_notice_may_speak_of() {
    // First contact 40 days late: the ladder says so, and the notice built from the action must not
    // speak of earlier reminders.
    let r = run(&day(40), one(), json!([]));
    let a = &r.actions[0];
    assert_eq!(
        (a.stage_id.as_str(), a.previous_notices, a.first_contact),
        ("final", 0, true)
    );
    assert!(a.last_notice.is_none());
    // Two notices recorded (one per invoice, one customer-wide): two, the later one last.
    let h = json!([{ "invoiceId": "A", "stageId": "friendly", "date": day(1) },
                   { "customerId": "c", "stageId": "followup", "date": day(14), "channel": "sms" }]);
    let r = run(&day(40), one(), h);
    let a = &r.actions[0];
    assert_eq!((a.previous_notices, a.first_contact), (2, false));
    let last = a.last_notice.as_ref().unwrap();
    assert_eq!(
        (last.stage_id.as_str(), last.date.to_string(), last.channel),
        ("followup", day(14), Some(overdue::ladder::Channel::Sms))
    );
    assert_eq!(a.invoices[0].template, "final");
}

#[test]
fn gaps_are_respected() {
    // Follow-up sent on day 28; the final notice (day 30) needs 7 days since the last notice.
    let h = json!([{ "invoiceId": "A", "stageId": "followup", "date": day(28) }]);
    let r = run(&day(30), one(), h.clone());
    assert!(r.actions.is_empty());
    assert_eq!(
        (r.deferred[0].reason.word(), r.deferred[0].until.unwrap().to_string()),
        ("minGap", day(35))
    );
    assert_eq!(stages(&run(&day(35), one(), h)), ["final"]);
}

#[test]
fn disputes_hold_and_promises_pause() {
    let disputed = json!([with(
        inv("A", "c", "GBP", "500.00", "2026-09-01", "2026-10-01"),
        "disputed",
        json!(true)
    )]);
    let r = run(&day(40), disputed, json!([]));
    assert!(r.actions.is_empty());
    assert_eq!(r.deferred[0].reason.word(), "disputed");
    let promised = json!([with(
        inv("A", "c", "GBP", "500.00", "2026-09-01", "2026-10-01"),
        "promisedDate",
        json!(day(20))
    )]);
    let r = run(&day(20), promised.clone(), json!([]));
    assert_eq!(
        (r.deferred[0].reason.word(), r.deferred[0].until.unwrap().to_string()),
        ("promised", day(21))
    );
    assert_eq!(
        stages(&run(&day(21), promised, json!([]))),
        ["followup"],
        "the day after the promise"
    );
}

#[test]
fn one_notice_per_customer_in_the_tone_of_the_latest_stage() {
    let invoices = json!([
        inv("A", "c", "GBP", "500.00", "2026-08-01", "2026-09-01"),
        inv("B", "c", "GBP", "120.00", "2026-09-20", "2026-10-20"),
        inv("C", "d", "GBP", "80.00", "2026-09-20", "2026-10-20")
    ]);
    let r = run(&day(31), invoices, json!([]));
    assert_eq!(r.actions.len(), 2);
    let c = r.actions.iter().find(|a| a.customer_id.as_str() == "c").unwrap();
    assert_eq!(
        c.stage_id, "final",
        "A is 60 days late: catching up stops at the final notice"
    );
    assert_eq!(
        c.invoices
            .iter()
            .map(|i| (i.id.as_str(), i.stage_id.as_str()))
            .collect::<Vec<_>>(),
        [("A", "final"), ("B", "friendly")]
    );
    assert_eq!(c.outstanding.to_string(), "620.00");
    // B rides along at its own stage, whose template tells the notice to list it, not demand it.
    assert_eq!(
        c.invoices.iter().map(|i| i.template.as_str()).collect::<Vec<_>>(),
        ["final", "friendly"]
    );
    assert_eq!(r.actions[0].customer_id.as_str(), "c", "the most advanced stage first");
}

#[test]
fn the_most_advanced_stage_comes_first_whatever_the_amounts() {
    // Three KWD invoices at the largest amount accepted, each a friendly reminder, against one small
    // final notice: the final notice first. Packed into one key with a 10^18 multiplier, the KWD
    // amounts (3 x 999,999,999,999,999.000, 3 x 10^18 in fils) outweighed the stage.
    let big = "999999999999999.000";
    let invoices = json!([
        inv("K1", "k", "KWD", big, "2026-08-20", "2026-09-20"),
        inv("K2", "k", "KWD", big, "2026-08-20", "2026-09-20"),
        inv("K3", "k", "KWD", big, "2026-08-20", "2026-09-20"),
        inv("S1", "s", "GBP", "50.00", "2026-07-01", "2026-08-01")
    ]);
    let r = run("2026-09-23", invoices, json!([]));
    assert_eq!(stages(&r), ["final", "friendly"]);
}

#[test]
fn custom_policies_fees_and_bad_input() {
    let policy = json!([
        { "id": "r1", "name": "Reminder", "offsetDays": 7, "channel": "email", "template": "friendly", "fee": { "fixed": "5" } },
        { "id": "r2", "name": "Second", "offsetDays": 21, "channel": "sms", "template": "followup", "fee": { "percent": "2" }, "required": true }]);
    let r = next_actions(
        &input::<NextActionsInput>(json!({ "asOf": day(30), "invoices": one(), "policy": policy })).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (r.actions[0].stage_id.as_str(), r.actions[0].fees.to_string()),
        ("r2", "10.00".to_string()),
        "2 % of 500"
    );
    // A fee charged once per notice (as ERPNext's dunning fee): one £7.50 for two invoices at the
    // stage; a per-invoice fee is charged only on invoices the notice asks for, not on one listed at
    // an earlier stage of its own.
    let two = json!([
        inv("A", "c", "GBP", "500.00", "2026-09-01", "2026-10-01"),
        inv("B", "c", "GBP", "300.00", "2026-09-05", "2026-10-05"),
        inv("L", "c", "GBP", "100.00", "2026-09-25", "2026-10-25")
    ]);
    let per_notice = json!([
        { "id": "r1", "name": "Reminder", "offsetDays": 7, "channel": "email", "template": "friendly", "fee": { "fixed": "2" } },
        { "id": "r2", "name": "Second", "offsetDays": 21, "channel": "email", "template": "followup", "fee": { "fixed": "7.5", "per": "notice" } }]);
    let r = next_actions(
        &input::<NextActionsInput>(json!({ "asOf": day(30), "invoices": two, "policy": per_notice })).unwrap(),
    )
    .unwrap();
    let a = &r.actions[0];
    assert_eq!((a.stage_id.as_str(), a.fees.to_string()), ("r2", "7.50".to_string()));
    assert!(a.invoices.iter().all(|i| i.fee.is_zero()));
    let mut per_invoice = per_notice.clone();
    per_invoice[1]["fee"] = json!({ "fixed": "7.5" });
    let r = next_actions(
        &input::<NextActionsInput>(json!({ "asOf": day(30), "invoices": two, "policy": per_invoice })).unwrap(),
    )
    .unwrap();
    let a = &r.actions[0];
    // A (day 30) and B (day 25) are at r2: 2 × £7.50; L (day 5) is not yet at r1 and is not here.
    assert_eq!(a.fees.to_string(), "15.00");
    let r = next_actions(
        &input::<NextActionsInput>(json!({ "asOf": day(33), "invoices": two, "policy": per_invoice })).unwrap(),
    )
    .unwrap();
    let a = &r.actions[0];
    // L reached r1 (day 8): listed at its own stage, its £2.00 fee not charged in the r2 notice.
    assert_eq!(
        a.invoices
            .iter()
            .map(|i| (i.id.as_str(), i.fee.to_string()))
            .collect::<Vec<_>>(),
        [
            ("A", "7.50".to_string()),
            ("B", "7.50".to_string()),
            ("L", "0.00".to_string())
        ]
    );
    assert_eq!(a.fees.to_string(), "15.00");
    let err = |v: Value| next_actions(&input::<NextActionsInput>(v).unwrap()).unwrap_err();
    let e = err(
        json!({ "asOf": day(30), "invoices": one(), "history": [{ "invoiceId": "A", "stageId": "nope", "date": day(1) }] }),
    );
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "history[0].stageId")
    );
    let e = err(json!({ "asOf": day(30), "invoices": one(), "policy": [policy[1].clone(), policy[0].clone()] }));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "policy[1].offsetDays")
    );
    let e = err(json!({ "asOf": day(30), "invoices": one(), "policy": [policy[0].clone(), policy[0].clone()] }));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::DuplicateId, "policy[1].id"));
    let e = err(json!({ "asOf": day(30), "invoices": one(), "policy": [] }));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooMany, "policy"));
    let e = input::<NextActionsInput>(json!({ "asOf": day(30), "invoices": one(), "policy": [{ "id": "x", "name": "X", "offsetDays": 1, "channel": "fax", "template": "t" }] })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "policy[0].channel")
    );
    // Hardening round 2, finding 10: a stage naming a template that does not exist was accepted,
    // a negative fee charged, and a notice dated after asOf moved the ladder on.
    let mut bad = policy.clone();
    bad[1]["template"] = json!("nope");
    let e = err(json!({ "asOf": day(30), "invoices": one(), "policy": bad }));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "policy[1].template")
    );
    let mut bad = policy.clone();
    bad[0]["fee"] = json!({ "fixed": "-5.00" });
    let e = err(json!({ "asOf": day(30), "invoices": one(), "policy": bad }));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidAmount, "policy[0].fee.fixed")
    );
    let e = err(
        json!({ "asOf": day(30), "invoices": one(), "history": [{ "invoiceId": "A", "stageId": "final", "date": "9999-01-01" }] }),
    );
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidDateOrder, "history[0].date")
    );
}

#[test]
fn preview_dates_every_stage() {
    let p = preview_ladder(&input::<PreviewInput>(json!({ "asOf": day(10), "invoice": one()[0].clone() })).unwrap())
        .unwrap();
    let got: Vec<(String, String, &str)> = p
        .iter()
        .map(|s| (s.stage_id.clone(), s.date.to_string(), s.status.word()))
        .collect();
    assert_eq!(got[0], ("courtesy".to_string(), day(-3), "past"));
    assert_eq!(got[3], ("final".to_string(), day(30), "planned"));
    assert_eq!(got[6], ("legal".to_string(), day(90), "planned"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]
    /// Run the ladder on random days, "sending" what it says each time: no stage is sent twice for
    /// an invoice, stages never go down, nothing reaches the agency or legal stages before the final
    /// notice, and a second run on the same day with the same history says the same.
    #[test]
    fn idempotent_monotone_and_never_skipping_the_final_notice(
        dues in prop::collection::vec(0i64..40, 1..5),
        steps in prop::collection::vec(1i64..25, 1..15),
    ) {
        let invoices: Vec<Value> = dues.iter().enumerate().map(|(i, d)| inv(&format!("I{i}"), if i % 2 == 0 { "c" } else { "d" }, "GBP", "100.00", &day(*d - 30), &day(*d))).collect();
        let order = ["courtesy", "friendly", "followup", "final", "plan", "agency", "legal"];
        let rank = |s: &str| order.iter().position(|x| *x == s).unwrap();
        let mut history: Vec<Value> = Vec::new();
        let mut reached: std::collections::HashMap<String, usize> = Default::default();
        let mut today = -10i64;
        for step in steps {
            today += step;
            let a = run(&day(today), json!(invoices), json!(history));
            let b = run(&day(today), json!(invoices), json!(history));
            prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
            for act in &a.actions {
                for i in &act.invoices {
                    let r = rank(&i.stage_id);
                    let before = reached.get(i.id.as_str()).copied();
                    prop_assert!(before.map_or(true, |b| r > b), "{} went from {:?} to {}", i.id, before, i.stage_id);
                    if r > rank("final") {
                        prop_assert!(before.is_some_and(|b| b >= rank("final")), "{} reached {} without the final notice", i.id, i.stage_id);
                    }
                    reached.insert(i.id.to_string(), r);
                    history.push(json!({ "invoiceId": i.id.as_str(), "stageId": i.stage_id, "date": day(today) }));
                }
            }
        }
    }
}
