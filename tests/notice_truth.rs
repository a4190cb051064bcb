#![cfg(not(target_arch = "wasm32"))]
//! Notices that tell the truth: what they say about the past comes from the history, each invoice is
//! in its place (demanded, listed, held), what they threaten is what the ladder does next, and every
//! figure in them is one the library computes for the same data. The scenarios are those a credit
//! controller meets: first contact 40 days late, twelve invoices at different stages, a dispute, a
//! broken promise, a gap of 60 days, a plan offer.

mod common;
use common::*;
use overdue::ladder::{next_actions, NextActionsInput};
use overdue::notice::{render_notice, Notice, NoticeInput, STAGES};
use overdue::plan::{payment_plan, PlanInput};
use overdue::ErrorCode;
use serde_json::{json, Value};

const LANGS: [&str; 5] = ["en", "de", "fr", "es", "nl"];
const CHANNELS: [&str; 4] = ["email", "letter", "phone", "sms"];

fn render(v: Value) -> Result<Notice, overdue::Error> {
    render_notice(&input::<NoticeInput>(v)?)
}

fn day(base: &str, offset: i64) -> String {
    (base.parse::<chrono::NaiveDate>().unwrap() + chrono::Duration::days(offset)).to_string()
}

const AS_OF: &str = "2026-12-01";

fn sender() -> Value {
    json!({ "name": "Harbour Lane Design Ltd", "address": "12 Harbour Lane\nBristol BS1 4RN",
            "email": "accounts@harbourlane.example", "signatory": "Priya Shah" })
}

/// An invoice `late` days past due on AS_OF, issued 30 days before it fell due.
fn late(id: &str, amount: &str, late: i64) -> Value {
    inv(id, "c", "GBP", amount, &day(AS_OF, -late - 30), &day(AS_OF, -late))
}

/// Phrases that claim earlier contact, per language, written by hand from what a reader takes as
/// such a claim; none may appear when the history is empty.
fn past_claims(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "We wrote to you",
            "Last contact:",
            "reminded you",
            "earlier correspondence",
            "We have sent you",
            "Second reminder",
        ],
        "de" => &[
            "Auf unsere Erinnerung vom",
            "Wir hatten uns am",
            "Letzter Kontakt:",
            "bereits an die Zahlung erinnert",
            "bisherige Korrespondenz",
            "bereits mit einer letzten Mahnung",
            "Zweite Mahnung",
        ],
        "fr" => &[
            "Nous vous avons écrit",
            "Dernier envoi",
            "Malgré nos",
            "précédents courriers",
            "Deuxième relance",
        ],
        "es" => &[
            "Ya nos pusimos en contacto",
            "Último contacto:",
            "comunicaciones anteriores",
            "ya le hemos recordado",
            "Segundo recordatorio",
            "Pese a nuestro",
            "Le hemos enviado",
            "le hemos enviado",
        ],
        "nl" => &[
            "Wij hebben hierover op",
            "Wij hebben op",
            "Laatste contact:",
            "al eerder",
            "eerdere correspondentie",
            "eerder aan deze betaling herinnerd",
            "Tweede herinnering",
        ],
        _ => unreachable!(),
    }
}

/// Scenario 1: First contact 40 days late: the ladder's catch-up gives the final notice; with an empty history
/// it claims no earlier reminder, in any language or channel.
#[test]
fn first_contact_forty_days_late_claims_no_earlier_reminder() {
    let invoices = json!([late("F-1", "800.00", 40)]);
    let actions = next_actions(
        &input::<NextActionsInput>(json!({ "asOf": AS_OF, "invoices": invoices, "history": [] })).unwrap(),
    )
    .unwrap();
    let a = &actions.actions[0];
    assert_eq!(
        (a.template.as_str(), a.first_contact, a.previous_notices),
        ("final", true, 0)
    );
    for lang in LANGS {
        for channel in CHANNELS {
            let n = render(json!({ "asOf": AS_OF, "stage": a.template, "channel": channel, "language": lang,
                                   "sender": sender(), "invoices": invoices, "history": [], "nextStage": a.next_stage }))
            .unwrap();
            let all = format!("{}\n{}", n.subject, n.text);
            for claim in past_claims(lang) {
                assert!(
                    !all.contains(claim),
                    "{lang} {channel} claims earlier contact ({claim:?}):\n{all}"
                );
            }
        }
    }
}

/// The same check over random histories: a notice speaks of the past only as the history has it —
/// no claim without an entry, the last contact's date as recorded, a final notice mentioned as sent
/// only when one was.
#[test]
fn random_histories_never_claim_contact_that_did_not_happen() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 150,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let strategy = (
        proptest::collection::vec((0usize..STAGES.len(), 1i64..60), 0..4),
        0usize..STAGES.len(),
        0usize..4,
        0usize..5,
    );
    runner
        .run(&strategy, |(sent, stage, channel, lang)| {
            let (stage, channel, lang) = (STAGES[stage], CHANNELS[channel], LANGS[lang]);
            let history: Vec<Value> = sent
                .iter()
                .map(|(s, ago)| json!({ "customerId": "c", "stageId": STAGES[*s], "date": day(AS_OF, -ago) }))
                .collect();
            let invoices = json!([
                late("R-1", "640.00", 70),
                late("R-2", "95.00", 5),
                late("R-3", "50.00", -2)
            ]);
            let n = render(
                json!({ "asOf": AS_OF, "stage": stage, "channel": channel, "language": lang,
                                   "sender": sender(), "invoices": invoices, "history": history }),
            )
            .unwrap();
            let all = format!("{}\n{}", n.subject, n.text);
            if history.is_empty() {
                for claim in past_claims(lang) {
                    prop_assert!(
                        !all.contains(claim),
                        "{} {} {}: {:?} with no history:\n{}",
                        lang,
                        stage,
                        channel,
                        claim,
                        all
                    );
                }
            }
            if lang == "en" {
                let final_sent = sent.iter().any(|(s, _)| STAGES[*s] == "final");
                prop_assert!(final_sent || !all.contains("a final notice."), "{}", all);
                // "We wrote to you on <date>": the date of the last entry, nothing else.
                if let Some(at) = all.find("We wrote to you on ") {
                    let last = sent.iter().map(|(_, ago)| *ago).min().unwrap();
                    let d = day(AS_OF, -last).parse::<chrono::NaiveDate>().unwrap();
                    let want = format!("{} {}", d.format("%-d %B"), d.format("%Y"));
                    prop_assert!(all[at..].starts_with(&format!("We wrote to you on {want}")), "{}", all);
                }
            }
            Ok(())
        })
        .unwrap();
}

/// Scenario 2: Twelve invoices at different stages, one customer: the ladder's action is the letter before
/// action for the one invoice whose history reached it; every other invoice is listed at its own
/// stage, the disputed one is held, the promised one waits, the paid one is absent. The notice
/// demands only what its stage may demand, and its subject names that amount.
#[test]
fn twelve_invoices_each_in_its_place() {
    let mut paid = late("P-13", "210.00", 45);
    paid["payments"] = json!([pay(&day(AS_OF, -20), "210.00")]);
    let mut disputed = late("D-10", "400.00", 40);
    disputed["disputed"] = json!(true);
    let mut promised = late("W-11", "130.00", 25);
    promised["promisedDate"] = json!(day(AS_OF, 5));
    let mut lapsed = late("L-12", "260.00", 33);
    lapsed["promisedDate"] = json!(day(AS_OF, -5));
    let invoices = json!([
        inv("N-01", "c", "GBP", "150.00", &day(AS_OF, -27), &day(AS_OF, 3)),
        inv("N-02", "c", "GBP", "175.00", &day(AS_OF, -20), &day(AS_OF, 10)),
        late("A-03", "120.00", 1),
        late("A-04", "220.00", 10),
        late("A-05", "330.00", 20),
        late("A-06", "440.00", 35),
        late("A-07", "550.00", 50),
        late("A-08", "660.00", 70),
        late("A-09", "900.00", 95),
        disputed,
        promised,
        lapsed,
        paid
    ]);
    let history = json!([
        { "invoiceId": "A-09", "stageId": "final", "date": day(AS_OF, -64) },
        { "invoiceId": "A-09", "stageId": "plan", "date": day(AS_OF, -50) },
        { "invoiceId": "A-09", "stageId": "agency", "date": day(AS_OF, -35) },
        { "invoiceId": "A-07", "stageId": "final", "date": day(AS_OF, -19) }
    ]);
    let r = next_actions(
        &input::<NextActionsInput>(json!({ "asOf": AS_OF, "invoices": invoices, "history": history })).unwrap(),
    )
    .unwrap();
    assert_eq!(r.actions.len(), 1);
    let a = &r.actions[0];
    assert_eq!(a.template, "legal");
    let stage_of = |id: &str| {
        a.invoices
            .iter()
            .find(|i| i.id.as_str() == id)
            .map(|i| i.template.as_str())
    };
    // By the default policy's offsets (-3, 1, 14, 30, 45, 60, 90) and each invoice's own history.
    for (id, want) in [
        ("N-01", Some("courtesy")),
        ("N-02", None),
        ("A-03", Some("friendly")),
        ("A-04", Some("friendly")),
        ("A-05", Some("followup")),
        ("A-06", Some("final")),
        ("A-07", Some("plan")),
        ("A-08", Some("final")),
        ("A-09", Some("legal")),
        ("L-12", Some("final")),
        ("D-10", None),
        ("W-11", None),
        ("P-13", None),
    ] {
        assert_eq!(stage_of(id), want, "{id}");
    }
    let stages: Vec<Value> = a
        .invoices
        .iter()
        .map(|i| json!({ "id": i.id, "template": i.template }))
        .collect();
    let n = render(
        json!({ "asOf": AS_OF, "stage": a.template, "channel": "letter", "language": "en",
                           "sender": sender(), "invoices": invoices, "history": history,
                           "invoiceStages": stages, "nextStage": a.next_stage }),
    )
    .unwrap();
    assert_eq!(
        n.subject,
        "Letter before legal action: £900.00 owed to Harbour Lane Design Ltd"
    );
    let (asked, rest) = n
        .text
        .split_once("Also on your account")
        .expect("the other invoices are listed");
    assert!(
        asked.contains("A-09") && asked.contains("The sum of £900.00 remains unpaid"),
        "{asked}"
    );
    for id in [
        "N-01", "N-02", "A-03", "A-04", "A-05", "A-06", "A-07", "A-08", "L-12", "W-11", "D-10",
    ] {
        assert!(
            !asked.contains(id),
            "{id} is demanded in a letter before action:\n{asked}"
        );
    }
    let (also, held) = rest.split_once("On hold, not asked for in this notice:").unwrap();
    for id in ["N-01", "N-02", "A-03", "A-04", "A-05", "A-06", "A-07", "A-08", "L-12"] {
        assert!(also.contains(id), "{id} missing from the list:\n{also}");
    }
    // 150 + 175 + 120 + 220 + 330 + 440 + 550 + 660 + 260, by hand.
    assert!(also.contains("£2,905.00"), "{also}");
    assert!(
        held.contains("D-10: £400.00, in dispute") && held.contains("W-11: £130.00, payment promised by"),
        "{held}"
    );
    assert!(!n.text.contains("P-13"));
}

/// Scenario 3: A dispute is never demanded: not in the amount, not in the table; a notice about nothing but
/// disputed invoices is refused rather than written.
#[test]
fn disputed_invoices_are_never_demanded() {
    let mut d = late("D-1", "400.00", 40);
    d["disputed"] = json!(true);
    for lang in LANGS {
        let n = render(
            json!({ "asOf": AS_OF, "stage": "final", "channel": "email", "language": lang, "sender": sender(),
                               "invoices": [d.clone(), late("O-1", "100.00", 40)] }),
        )
        .unwrap();
        let money = if lang == "en" { "£100.00" } else { "100,00" };
        assert!(n.subject.contains(money), "{lang}: {}", n.subject);
        assert!(!n.subject.contains("500"), "{lang}: {}", n.subject);
    }
    let e = render(
        json!({ "asOf": AS_OF, "stage": "final", "channel": "email", "language": "en", "sender": sender(),
                           "invoices": [d] }),
    )
    .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "invoices"));
}

/// Scenario 4: A broken promise has its own words, with the promised date.
#[test]
fn a_lapsed_promise_is_named() {
    let mut l = late("L-1", "260.00", 33);
    l["promisedDate"] = json!("2026-11-26");
    let want = [
        ("en", "You told us that you would pay by 26 November 2026"),
        ("de", "26. November 2026"),
        ("fr", "26 novembre 2026"),
        ("es", "26 de noviembre de 2026"),
        ("nl", "26 november 2026"),
    ];
    for (lang, text) in want {
        let n = render(
            json!({ "asOf": AS_OF, "stage": "followup", "channel": "email", "language": lang,
                               "sender": sender(), "invoices": [l.clone()] }),
        )
        .unwrap();
        assert!(n.text.contains(text), "{lang}:\n{}", n.text);
    }
}

/// Scenario 5: What is threatened is what happens: the consequence follows the next stage of the policy in
/// use, as `nextActions` gives it; a gap of 60 days after the final notice leads to the plan offer
/// the final notice announced.
#[test]
fn the_consequence_is_the_next_stage() {
    let invoices = json!([late("G-1", "500.00", 95)]);
    let history = json!([{ "customerId": "c", "stageId": "final", "date": day(AS_OF, -62) }]);
    let r = next_actions(
        &input::<NextActionsInput>(json!({ "asOf": AS_OF, "invoices": invoices, "history": history })).unwrap(),
    )
    .unwrap();
    let a = &r.actions[0];
    assert_eq!((a.template.as_str(), a.next_stage.as_str()), ("plan", "agency"));
    let final_with = |next: Option<&str>| {
        let mut v = json!({ "asOf": AS_OF, "stage": "final", "channel": "email", "language": "en", "sender": sender(),
                            "invoices": invoices });
        if let Some(n) = next {
            v["nextStage"] = json!(n);
        }
        render(v).unwrap().text
    };
    assert!(final_with(None).contains("we will write to you to agree how the debt is to be settled"));
    assert!(final_with(Some("agency")).contains("we will pass the debt to a collection agency"));
    assert!(final_with(Some("legal")).contains("we will start court proceedings"));
    let none = final_with(Some("none"));
    assert!(none.contains("we will consider the further steps open to us"), "{none}");
    assert!(!none.contains("agency") && !none.contains("court"), "{none}");
    // The old wording promised the agency "without further notice" whatever came next.
    for lang in LANGS {
        for channel in CHANNELS {
            let n = render(
                json!({ "asOf": AS_OF, "stage": "final", "channel": channel, "language": lang,
                                   "sender": sender(), "invoices": invoices }),
            )
            .unwrap();
            assert!(!n.text.contains("without further notice"), "{lang} {channel}");
        }
    }
}

/// Scenario 6: The plan offer's reply-by date is before its first instalment.
#[test]
fn a_plan_offer_is_answered_before_its_first_instalment() {
    let plan: PlanInput = input(json!({ "principal": "1200.00", "currency": "GBP", "annualRate": "0",
                                        "frequency": "monthly", "firstDueDate": "2026-12-08", "count": 4 }))
    .unwrap();
    let plan = serde_json::to_value(payment_plan(&plan).unwrap()).unwrap();
    for lang in LANGS {
        let n = render(
            json!({ "asOf": AS_OF, "stage": "plan", "channel": "email", "language": lang, "sender": sender(),
                               "invoices": [late("P-1", "1200.00", 50)], "plan": plan }),
        )
        .unwrap();
        // 14 days would be 15 December, after the first instalment on 8 December: the 7th.
        let want = match lang {
            "en" => "7 December 2026",
            "de" => "7. Dezember 2026",
            "fr" => "7 décembre 2026",
            "es" => "7 de diciembre de 2026",
            _ => "7 december 2026",
        };
        assert!(n.text.contains(want), "{lang}:\n{}", n.text);
        assert!(
            !n.text.contains("15 December") && !n.text.contains("15. Dezember"),
            "{lang}"
        );
    }
}

/// The APR a plan offer prints is the one the reader's law means: the effective annual rate in the
/// UK and the EU, the nominal rate under US Regulation Z. 10 % nominal monthly: (1 + 0.10/12)^12 − 1
/// = 10.471 % effective, by hand.
#[test]
fn the_apr_label_means_what_the_readers_law_means() {
    let plan: PlanInput = input(json!({ "principal": "1200.00", "currency": "GBP", "annualRate": "10",
                                        "frequency": "monthly", "firstDueDate": "2027-01-01", "count": 12 }))
    .unwrap();
    let plan = serde_json::to_value(payment_plan(&plan).unwrap()).unwrap();
    let text = |lang: &str, locale: Option<&str>| {
        let mut v = json!({ "asOf": AS_OF, "stage": "plan", "channel": "email", "language": lang, "sender": sender(),
                            "invoices": [late("P-1", "1200.00", 50)], "plan": plan });
        if let Some(l) = locale {
            v["locale"] = json!(l);
        }
        render(v).unwrap().text
    };
    let gb = text("en", None);
    assert!(gb.contains("APR 10.47%"), "{gb}");
    let us = text("en", Some("en-US"));
    assert!(us.contains("APR 10.00%"), "{us}");
    assert!(text("de", None).contains("effektiver Jahreszins 10,47\u{a0}%"));
    assert!(text("fr", None).contains("TAEG 10,47\u{a0}%"));
    assert!(text("es", None).contains("TAE 10,47\u{a0}%"));
    assert!(text("nl", None).contains("jaarlijks kostenpercentage 10,47%"));
}

/// A stage fee and the statutory fixed sum for recovery costs are the same costs: a notice claiming
/// both is refused.
#[test]
fn a_stage_fee_is_not_charged_on_top_of_the_fixed_sum() {
    let charges = json!({ "kind": "uk", "invoices": [{ "id": "F-1", "interest": "5.00", "compensation": "70.00" }] });
    let e = render(
        json!({ "asOf": AS_OF, "stage": "final", "channel": "email", "language": "en", "sender": sender(),
                           "invoices": [late("F-1", "1500.00", 40)], "charges": charges, "fees": "10.00" }),
    )
    .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "fees"));
    let n = render(
        json!({ "asOf": AS_OF, "stage": "final", "channel": "email", "language": "en", "sender": sender(),
                           "invoices": [late("F-1", "1500.00", 40)], "fees": "10" }),
    )
    .unwrap();
    assert!(n.subject.contains("£1,510.00"), "{}", n.subject);
}

/// A Dutch consumer: the interest is the statutory rate of art. 6:119 BW, not the commercial rate of
/// 6:119a, and the final notice is the 14-day letter announcing the scale's costs (15 % of €1,000 =
/// €150.00, by hand; Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2), which are
/// not yet claimed. A business debtor's notice cites 6:119a and claims the €40 of art. 6:96(4) BW.
#[test]
fn a_dutch_consumer_is_charged_and_told_under_the_consumer_articles() {
    use overdue::charges::{late_charges, ChargesInput};
    let invoices = json!([inv("N-1", "c", "EUR", "1000.00", "2026-09-22", "2026-10-22")]);
    let charges = |regime: Value| {
        serde_json::to_value(
            late_charges(
                &input::<ChargesInput>(json!({ "asOf": AS_OF, "regime": regime, "invoices": invoices })).unwrap(),
            )
            .unwrap(),
        )
        .unwrap()
    };
    let notice = |charges: Value| {
        render(
            json!({ "asOf": AS_OF, "stage": "final", "channel": "letter", "language": "nl", "sender": sender(),
                       "invoices": invoices, "charges": charges }),
        )
        .unwrap()
        .text
    };
    let consumer = notice(charges(json!({ "kind": "nl", "consumer": true, "annualRate": "6" })));
    assert!(
        consumer.contains("artikel 6:119 van het Burgerlijk Wetboek") && !consumer.contains("6:119a"),
        "{consumer}"
    );
    assert!(consumer.contains("€\u{a0}150,00"), "{consumer}");
    let business = notice(charges(json!({ "kind": "nl" })));
    assert!(business.contains("6:119a"), "{business}");
    assert!(
        business.contains("€\u{a0}40,00") && !business.contains("€\u{a0}150,00"),
        "{business}"
    );
}
