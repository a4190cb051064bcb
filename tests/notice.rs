//! Reminder notices: golden files for every built-in stage × channel × language (read them:
//! tests/golden/notices/), every template with every optional part missing, escaping and header
//! injection, custom templates and their errors, bounds on untrusted templates.
//!
//! `UPDATE_GOLDEN=1 cargo test --test notice` rewrites the golden files after a deliberate change;
//! review the diff before committing it.

mod common;

use common::input;
use overdue::charges::{late_charges, ChargesInput};
use overdue::ladder::default_policy;
use overdue::notice::{notice_template, render_notice, validate_template, NoticeInput, TemplateQuery, STAGES};
use overdue::plan::{payment_plan, PlanInput};
use overdue::ErrorCode;
use serde_json::{json, Value};
use std::path::PathBuf;

const LANGS: [&str; 5] = ["en", "de", "fr", "es", "nl"];
const CHANNELS: [&str; 4] = ["email", "letter", "phone", "sms"];

/// The invoices of the golden scenario: three, the first partly paid, the oldest due 1 October 2026.
fn invoices(currency: &str) -> Value {
    let customer = json!({ "id": "C-17", "name": "Northwind Traders", "accountNumber": "NW-0042" });
    json!([
        { "id": "INV-2026-101", "customer": customer, "currency": currency, "amount": "1250.00",
          "issueDate": "2026-09-01", "dueDate": "2026-10-01", "payments": [{ "date": "2026-09-20", "amount": "250.00" }] },
        { "id": "INV-2026-117", "customer": customer, "currency": currency, "amount": "480.50",
          "issueDate": "2026-09-10", "dueDate": "2026-10-10" },
        { "id": "INV-2026-123", "customer": customer, "currency": currency, "amount": "2119.99",
          "issueDate": "2026-09-24", "dueDate": "2026-10-24" }
    ])
}

fn offset(stage: &str) -> i64 {
    default_policy()
        .into_iter()
        .find(|s| s.id == stage)
        .unwrap()
        .offset_days
}

fn day(stage: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() + chrono::Duration::days(offset(stage))
}

/// The regime each language's golden notices claim under.
fn regime(lang: &str) -> &'static str {
    match lang {
        "en" => "uk",
        "de" => "de",
        "fr" => "fr",
        "es" => "es",
        _ => "nl",
    }
}

/// What `lateCharges` reports on the golden invoices, as a caller passes it to the notice, so the
/// golden amounts are the library's own claim on the same data rather than figures typed in.
fn charges_for(lang: &str, as_of: &str, invoices: Value) -> Value {
    let r = late_charges(
        &input::<ChargesInput>(
            json!({ "asOf": as_of, "regime": { "kind": regime(lang) }, "invoices": invoices,
                                       "detail": "invoices" }),
        )
        .unwrap(),
    )
    .unwrap();
    serde_json::to_value(r).unwrap()
}

/// The golden scenario for a stage: asOf is the stage's day in the default policy, counted from the
/// oldest due date, and the history holds each earlier stage sent on its own day, as the ladder
/// would have sent them.
fn scenario(lang: &str, stage: &str, channel: &str) -> Value {
    let currency = if lang == "en" { "GBP" } else { "EUR" };
    let as_of = day(stage).format("%Y-%m-%d").to_string();
    let history: Vec<Value> = default_policy()
        .into_iter()
        .filter(|s| s.offset_days < offset(stage))
        .map(|s| {
            json!({ "customerId": "C-17", "stageId": s.id, "date": day(&s.id).format("%Y-%m-%d").to_string(),
                          "channel": s.channel })
        })
        .collect();
    let mut v = json!({
        "asOf": as_of,
        "stage": stage, "channel": channel, "language": lang,
        "sender": {
            "name": "Harbour Lane Design Ltd",
            "address": "12 Harbour Lane\nBristol BS1 4RN\nUnited Kingdom",
            "email": "accounts@harbourlane.example", "phone": "+44 117 496 0000",
            "bankDetails": "Harbour Lane Design Ltd\nIBAN GB33 BUKB 2020 1555 5555 55\nBIC BUKBGB22",
            "paymentLink": "https://pay.harbourlane.example/NW-0042", "signatory": "Priya Shah"
        },
        "customer": { "contactName": "Alex Rivera", "address": "Unit 4, Quay Street\nCardiff CF10 1EP" },
        "invoices": invoices(currency),
        "history": history
    });
    if ["final", "agency", "legal"].contains(&stage) {
        v["charges"] = charges_for(lang, &as_of, invoices(currency));
    }
    if stage == "plan" {
        let plan: PlanInput = input(json!({
            "principal": "3600.49", "currency": currency, "annualRate": "0", "frequency": "monthly",
            "firstDueDate": "2026-12-01", "count": 6, "downPayment": { "amount": "600.00", "date": "2026-11-20" }
        }))
        .unwrap();
        v["plan"] = serde_json::to_value(payment_plan(&plan).unwrap()).unwrap();
    }
    v
}

/// A second golden scenario, the one a ladder meets when a business starts using it late: no
/// history at all (this is the first contact, whatever the stage), one invoice 40 days overdue
/// whose promised date has passed, one 1 day overdue, one disputed (listed, never demanded).
fn first_contact(lang: &str, stage: &str, channel: &str) -> Value {
    let currency = if lang == "en" { "GBP" } else { "EUR" };
    let customer = json!({ "id": "C-9", "name": "Blue Fern Studio" });
    let mut v = json!({
        "asOf": "2026-10-11", "stage": stage, "channel": channel, "language": lang,
        "sender": { "name": "Harbour Lane Design Ltd", "email": "accounts@harbourlane.example",
                    "bankDetails": "IBAN GB33 BUKB 2020 1555 5555 55", "signatory": "Priya Shah" },
        "invoices": [
            { "id": "A-140", "customer": customer, "currency": currency, "amount": "640.00",
              "issueDate": "2026-08-01", "dueDate": "2026-09-01", "promisedDate": "2026-10-05" },
            { "id": "A-151", "customer": customer, "currency": currency, "amount": "95.00",
              "issueDate": "2026-09-10", "dueDate": "2026-10-10" },
            { "id": "A-131", "customer": customer, "currency": currency, "amount": "300.00",
              "issueDate": "2026-07-20", "dueDate": "2026-08-20", "disputed": true }
        ]
    });
    if ["final", "legal"].contains(&stage) {
        let asked = json!([v["invoices"][0].clone(), v["invoices"][1].clone()]);
        v["charges"] = charges_for(lang, "2026-10-11", asked);
    }
    v
}

const FIRST_CONTACT: [(&str, &str); 5] = [
    ("friendly", "email"),
    ("followup", "email"),
    ("followup", "phone"),
    ("final", "letter"),
    ("legal", "letter"),
];

fn render(v: Value) -> Result<overdue::notice::Notice, overdue::Error> {
    let i: NoticeInput = input(v)?;
    render_notice(&i)
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/notices")
}

#[test]
fn golden_notices() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for lang in LANGS {
        for stage in STAGES {
            for channel in CHANNELS {
                let n =
                    render(scenario(lang, stage, channel)).unwrap_or_else(|e| panic!("{lang} {stage} {channel}: {e}"));
                let got = format!("Subject: {}\n\n{}\n", n.subject, n.text);
                let path = golden_dir().join(lang).join(format!("{stage}.{channel}.txt"));
                if update {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(&path, &got).unwrap();
                    if channel == "letter" || channel == "email" {
                        std::fs::write(path.with_extension("html"), &n.html).unwrap();
                    }
                    continue;
                }
                let want = std::fs::read_to_string(&path).unwrap_or_default();
                if want != got {
                    mismatches.push(path.display().to_string());
                }
                if channel == "letter" || channel == "email" {
                    let want_html = std::fs::read_to_string(path.with_extension("html")).unwrap_or_default();
                    if want_html != n.html {
                        mismatches.push(path.with_extension("html").display().to_string());
                    }
                }
            }
        }
    }
    for lang in LANGS {
        for (stage, channel) in FIRST_CONTACT {
            let n =
                render(first_contact(lang, stage, channel)).unwrap_or_else(|e| panic!("{lang} {stage} {channel}: {e}"));
            let got = format!("Subject: {}\n\n{}\n", n.subject, n.text);
            let path = golden_dir()
                .join(lang)
                .join(format!("first-contact.{stage}.{channel}.txt"));
            if update {
                std::fs::write(&path, &got).unwrap();
            } else if std::fs::read_to_string(&path).unwrap_or_default() != got {
                mismatches.push(path.display().to_string());
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "differ from golden (UPDATE_GOLDEN=1 to accept): {mismatches:#?}"
    );
}

/// What a careful reader would object to in any notice.
fn assert_clean(what: &str, n: &overdue::notice::Notice) {
    // The stylesheet has braces of its own.
    let body = n.html.split("</head>").nth(1).unwrap_or_default().to_string();
    for (part, s) in [("subject", &n.subject), ("text", &n.text), ("html", &body)] {
        for bad in [
            "{{", "}}", "{%", "%}", "[[", "]]", " ,", " .", "()", "  ", "..", "\n\n\n",
        ] {
            // Tables and the phone script's quotes are aligned with spaces on purpose.
            if bad == "  " && part != "subject" {
                continue;
            }
            assert!(!s.contains(bad), "{what} {part} contains {bad:?}:\n{s}");
        }
    }
    assert!(!n.subject.is_empty() && !n.subject.contains('\n'), "{what}");
    for line in n.text.lines() {
        assert!(
            !line.contains('<') && !line.contains('>'),
            "{what}: markup in text: {line}"
        );
        // A sentence never stops short: no dangling "by ." when a date is missing.
        for stub in [" by .", " by ,", " on .", " from .", ": ."] {
            assert!(!line.contains(stub), "{what}: {stub:?} in {line}");
        }
    }
    assert!(n.html.starts_with("<!DOCTYPE html>"), "{what}");
}

#[test]
fn golden_scenarios_are_clean() {
    for lang in LANGS {
        for stage in STAGES {
            for channel in CHANNELS {
                let n = render(scenario(lang, stage, channel)).unwrap();
                assert_clean(&format!("{lang} {stage} {channel}"), &n);
                // The figures that matter are in every notice but the shortest.
                if channel != "sms" {
                    assert!(n.text.contains("INV-2026-101"), "{lang} {stage} {channel}");
                }
            }
        }
    }
}

/// Every amount written in a notice, as a plain decimal string ("1234.50"), read back from the
/// locale's own notation: `£1,234.50`, `1.234,50 €`, `1 234,50 €`, `1234,50 €`, `€ 1.234,50`.
fn amounts_in(text: &str, lang: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let is_part = |c: char| c.is_ascii_digit() || c == '.' || c == ',' || c == '\u{202f}';
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // A subject line writes the French group separator as a plain space.
        let group_space = |i: usize| {
            lang == "fr"
                && chars[i] == ' '
                && chars.len() > i + 3
                && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
        };
        while i < chars.len() && (is_part(chars[i]) || group_space(i)) {
            i += 1;
        }
        let mut end = i;
        while end > start && !chars[end - 1].is_ascii_digit() {
            end -= 1;
        }
        let before: String = chars[start.saturating_sub(2)..start].iter().collect();
        let after: String = chars[end..(end + 2).min(chars.len())].iter().collect();
        let money = before.ends_with('£')
            || before == "€ "
            || before == "€\u{a0}"
            || ["\u{a0}€", "\u{a0}£", " €", " £"].contains(&after.as_str());
        if money {
            let raw: String = chars[start..end].iter().collect();
            let plain = if lang == "en" {
                raw.replace(',', "")
            } else {
                raw.replace(['.', '\u{202f}', ' '], "").replace(',', ".")
            };
            out.push(plain);
        }
    }
    out
}

/// The Dutch collection-cost scale as the Besluit vergoeding voor buitengerechtelijke incassokosten
/// (art. 2) writes it: 15 % of the first €2,500, 10 % of the next €2,500, 5 % of the next €5,000,
/// at least €40.
fn wik(principal: rust_decimal::Decimal) -> rust_decimal::Decimal {
    use rust_decimal::Decimal;
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let first = principal.min(d("2500"));
    let second = (principal - d("2500")).max(Decimal::ZERO).min(d("2500"));
    let third = (principal - d("5000")).max(Decimal::ZERO).min(d("5000"));
    (first * d("0.15") + second * d("0.10") + third * d("0.05"))
        .max(d("40"))
        .round_dp(2)
}

/// Every amount in every golden notice is one the library computes for that notice's data: an
/// invoice's amount or balance, the sum of what is asked or listed, a `lateCharges` figure (summed
/// over the invoices asked for), a `paymentPlan` figure, or the Dutch scale. An impossible figure —
/// £12.33 "on £1,000.00", €70 where the law says €40 — fails here.
#[test]
fn every_amount_in_the_golden_notices_is_the_librarys_own() {
    use rust_decimal::Decimal;
    let dec = |v: &Value| v.as_str().unwrap().parse::<Decimal>().unwrap();
    let s2 = |d: Decimal| format!("{:.2}", d);
    for lang in LANGS {
        for stage in STAGES {
            for channel in CHANNELS {
                let v = scenario(lang, stage, channel);
                let n = render(v.clone()).unwrap();
                let as_of: chrono::NaiveDate = v["asOf"].as_str().unwrap().parse().unwrap();
                let mut allowed = std::collections::BTreeSet::new();
                let (mut asked, mut also) = (Decimal::ZERO, Decimal::ZERO);
                let mut asked_ids = Vec::new();
                let mut rows = Vec::new();
                for inv in v["invoices"].as_array().unwrap() {
                    let amount = dec(&inv["amount"]);
                    let paid: Decimal = inv["payments"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|p| dec(&p["amount"]))
                        .sum();
                    let due: chrono::NaiveDate = inv["dueDate"].as_str().unwrap().parse().unwrap();
                    allowed.insert(s2(amount));
                    allowed.insert(s2(amount - paid));
                    rows.push((
                        inv["id"].as_str().unwrap().to_string(),
                        amount - paid,
                        (as_of - due).num_days(),
                    ));
                }
                // By hand, the rule the README states: a courtesy reminder asks for what falls due;
                // the others for what is overdue and has reached the notice's stage on the default
                // ladder (-3, 1, 14, 30, 45, 60, 90 days), or the most overdue invoices' stage when
                // that is lower; a plan offer, for everything overdue.
                let offsets = [-3i64, 1, 14, 30, 45, 60, 90];
                let own = |days: i64| offsets.iter().rposition(|o| *o <= days).unwrap();
                let this = STAGES.iter().position(|s| *s == stage).unwrap();
                let top = rows.iter().filter(|r| r.2 > 0).map(|r| own(r.2)).max().unwrap_or(0);
                for (id, out, days) in &rows {
                    let is_asked = match stage {
                        "courtesy" => *days <= 0,
                        "plan" => *days > 0,
                        _ => *days > 0 && own(*days) >= this.min(top),
                    };
                    if is_asked {
                        asked += out;
                        asked_ids.push(id.clone());
                    } else {
                        also += out;
                    }
                }
                allowed.insert(s2(asked));
                allowed.insert(s2(also));
                let mut total_due = asked;
                if !v["charges"].is_null() {
                    let lines: Vec<&Value> = v["charges"]["invoices"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|l| asked_ids.iter().any(|id| id == l["id"].as_str().unwrap()))
                        .collect();
                    let sum = |f: &str| lines.iter().map(|l| dec(&l[f])).sum::<Decimal>();
                    for f in ["interest", "compensation", "dailyInterest"] {
                        allowed.insert(s2(sum(f)));
                    }
                    total_due += sum("interest") + sum("compensation");
                    allowed.insert(s2(total_due));
                }
                if !v["plan"].is_null() {
                    let plan = &v["plan"];
                    for row in plan["schedule"].as_array().unwrap() {
                        allowed.insert(s2(dec(&row["payment"])));
                    }
                    allowed.insert(s2(dec(&plan["downPayment"]["amount"])));
                    allowed.insert(s2(dec(&plan["totals"]["paid"])));
                }
                if lang == "nl" {
                    allowed.insert(s2(wik(asked)));
                }
                let all = format!("{}\n{}", n.subject, n.text);
                let found = amounts_in(&all, lang);
                assert!(!found.is_empty(), "{lang} {stage} {channel}: no amount read");
                for a in &found {
                    assert!(
                        allowed.contains(a),
                        "{lang} {stage} {channel}: {a} is not a figure of this notice's data {allowed:?}\n{all}"
                    );
                }
                // The subject names what is demanded, charges included.
                if ["final", "agency", "legal"].contains(&stage) {
                    assert!(
                        amounts_in(&n.subject, lang).contains(&s2(total_due)),
                        "{lang} {stage}: {} (want {total_due})\n{}",
                        n.subject,
                        n.text
                    );
                }
            }
        }
    }
}

#[test]
fn the_table_lists_invoices_by_due_date_then_number_whatever_order_they_come_in() {
    let mut v = scenario("en", "friendly", "email");
    let customer = json!({ "id": "C-17", "name": "Northwind Traders" });
    let mut list = v["invoices"].as_array().unwrap().clone();
    // Two more due the same day as INV-2026-117, given with the higher number first.
    for id in ["INV-2026-119", "INV-2026-118"] {
        list.push(json!({ "id": id, "customer": customer, "currency": "GBP", "amount": "10.00", "issueDate": "2026-09-10", "dueDate": "2026-10-10" }));
    }
    list.reverse();
    v["invoices"] = Value::Array(list);
    let n = render(v).unwrap();
    let at = |id: &str| {
        n.text
            .find(id)
            .unwrap_or_else(|| panic!("{id} missing from:\n{}", n.text))
    };
    let order = [
        "INV-2026-101",
        "INV-2026-117",
        "INV-2026-118",
        "INV-2026-119",
        "INV-2026-123",
    ];
    for pair in order.windows(2) {
        assert!(
            at(pair[0]) < at(pair[1]),
            "{} should come before {}:\n{}",
            pair[0],
            pair[1],
            n.text
        );
    }
}

#[test]
fn every_template_renders_with_every_optional_part_missing() {
    let minimal = |lang: &str, stage: &str, channel: &str| {
        json!({ "asOf": "2026-11-23", "stage": stage, "channel": channel, "language": lang,
                "sender": { "name": "Ada" },
                "invoices": [{ "id": 7, "customer": { "id": 1, "name": "Bob" }, "currency": "EUR",
                               "amount": 10, "issueDate": "2026-10-01",
                               // A courtesy reminder is for an invoice not yet due.
                               "dueDate": if stage == "courtesy" { "2026-11-30" } else { "2026-10-31" } }] })
    };
    for lang in LANGS {
        for stage in STAGES {
            for channel in CHANNELS {
                let n =
                    render(minimal(lang, stage, channel)).unwrap_or_else(|e| panic!("{lang} {stage} {channel}: {e}"));
                assert_clean(&format!("minimal {lang} {stage} {channel}"), &n);
                assert!(!n.text.contains("Harbour"));
            }
        }
    }
}

#[test]
fn locale_formats_money_and_dates() {
    let mut v = scenario("de", "friendly", "email");
    let n = render(v.clone()).unwrap();
    assert!(n.text.contains("1.000,00\u{a0}€"), "{}", n.text);
    assert!(n.text.contains("10. Oktober 2026"), "{}", n.text);
    v["language"] = json!("en");
    v["locale"] = json!("en-US");
    let n = render(v).unwrap();
    assert!(
        n.text.contains("€1,000.00") && n.text.contains("October 10, 2026"),
        "{}",
        n.text
    );
    let mut v = scenario("fr", "friendly", "email");
    v["invoices"] = invoices("EUR");
    let n = render(v).unwrap();
    assert!(n.text.contains("1\u{202f}000,00\u{a0}€"), "{}", n.text);
}

#[test]
fn hostile_values_are_text_everywhere() {
    let evil = "<img src=x onerror=alert(1)>";
    for lang in LANGS {
        for stage in STAGES {
            for channel in CHANNELS {
                let mut v = scenario(lang, stage, channel);
                v["customer"]["name"] = json!(evil);
                v["customer"]["contactName"] = json!(format!("{evil}\r\nBcc: victim@example.com"));
                v["sender"]["name"] = json!(format!("Acme\r\nBcc: x@example.com {evil}"));
                v["sender"]["address"] = json!("<script>alert(1)</script>");
                let n = render(v).unwrap();
                assert!(
                    !n.html.contains("<img") && !n.html.contains("<script"),
                    "{lang} {stage} {channel}: {}",
                    n.html
                );
                assert!(!n.subject.contains('\r') && !n.subject.contains('\n'), "{}", n.subject);
                if channel == "letter" {
                    assert!(n.html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{lang} {stage}");
                    assert!(n.text.contains(evil), "shown as typed in plain text");
                }
            }
        }
    }
}

#[test]
fn custom_templates_render_and_escape() {
    let mut v = scenario("en", "final", "email");
    v["customer"]["name"] = json!("Tom & Jerry <Ltd>");
    v["template"] = json!({
        "subject": "Overdue: {{ total }}\nBcc: someone",
        "text": "Hello {{ customer.name }},\n{% for i in invoices %}{{ i.number }} {{ i.outstanding }}\n{% endfor %}Total {{ totalDue | upper }}",
        "html": "<p>Hello {{ customer.name }}</p>"
    });
    let n = render(v.clone()).unwrap();
    // On 31 October only INV-2026-101 (30 days late) has reached the final notice; the others
    // (21 and 7 days) are listed, not demanded.
    assert_eq!(n.subject, "Overdue: £1,000.00 Bcc: someone");
    assert!(
        n.text.starts_with("Hello Tom & Jerry <Ltd>,\nINV-2026-101 £1,000.00\n"),
        "{}",
        n.text
    );
    assert!(
        n.html.contains("<p>Hello Tom &amp; Jerry &lt;Ltd&gt;</p>"),
        "{}",
        n.html
    );
    // Without html, the text becomes escaped paragraphs; without a subject, the stage's is used.
    v["template"] = json!({ "text": "Hi {{ customer.name }}\n\nPay {{ total }}" });
    let n = render(v).unwrap();
    assert!(n.subject.starts_with("Final notice"), "{}", n.subject);
    assert!(
        n.html
            .contains("<p>Hi Tom &amp; Jerry &lt;Ltd&gt;</p>\n<p>Pay £1,000.00</p>"),
        "{}",
        n.html
    );
}

/// upon is vendored with its float parser replaced (vendor/README.md): literals that read exactly
/// print as written; one that cannot be read exactly is a template error, not a wrong number.
#[test]
fn number_literals_in_templates_print_as_written_or_are_refused() {
    let mut v = scenario("en", "friendly", "email");
    v["template"] =
        json!({ "text": "{{ 1.5 }} {{ 0.1 }} {{ 2.50 }} {{ 1e3 }} {{ 12.5e-1 }} {{ 42 }} {{ 12345.678 }}" });
    assert_eq!(render(v.clone()).unwrap().text, "1.5 0.1 2.5 1000 1.25 42 12345.678");
    for bad in [
        "{{ 1.00000000000000000001 }}",
        "{{ 9007199254740.993 }}",
        "{{ 1e23 }}",
        "{{ 1e-23 }}",
        "{{ 1.5e }}",
    ] {
        v["template"] = json!({ "text": bad });
        let e = render(v.clone()).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::TemplateError, "template.text"),
            "{bad}"
        );
    }
}

#[test]
fn template_errors_name_the_place_and_the_nearest_name() {
    let mut v = scenario("en", "friendly", "email");
    v["template"] = json!({ "text": "Dear {{ customer.nmae }}," });
    let e = render(v.clone()).unwrap_err();
    assert_eq!(e.code, ErrorCode::TemplateError);
    assert_eq!(e.path, "template.text");
    assert!(
        e.message.contains("line 1, column 18") && e.message.contains("customer.name"),
        "{}",
        e.message
    );
    v["template"] = json!({ "text": "ok", "subject": "{% if total %}x" });
    let e = render(v.clone()).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::TemplateError, "template.subject")
    );
    // Data-dependent failures are coded too: there is no fifth invoice.
    v["template"] = json!({ "text": "{{ invoices.4.number }}" });
    let e = render(v).unwrap_err();
    assert_eq!(e.code, ErrorCode::TemplateError, "{e}");
}

/// Found by fuzzing: a tag with a few hundred `(` overran WebAssembly's 1 MiB stack inside upon's
/// parser and broke the module for every later call. Nesting is bounded before upon sees a template.
#[test]
fn deeply_nested_brackets_are_refused_before_parsing() {
    let deep = format!("Dear {{{{ {}customer.name{} }}}}", "(".repeat(5_000), ")".repeat(5_000));
    let unclosed = format!("x\n {{{{ A{}", "([".repeat(3_000));
    for (src, line, column) in [(deep, 1, 41), (unclosed, 2, 38)] {
        let mut v = scenario("en", "friendly", "email");
        v["template"] = json!({ "text": src });
        let e = render(v).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::TemplateError, "template.text"));
        assert!(e.message.contains("nested more than 32 deep"), "{}", e.message);
        let t: overdue::notice::check::ValidateInput = input(json!({ "template": { "text": src } })).unwrap();
        let p = &validate_template(&t).unwrap().problems[0];
        assert_eq!((p.line, p.column, p.kind), (line, column, "syntax"), "{}", p.message);
    }
    let mut v = scenario("en", "friendly", "email");
    v["template"] = json!({ "text": format!("{}x{}", "{% if total %}".repeat(3_000), "{% endif %}".repeat(3_000)) });
    let e = render(v).unwrap_err();
    assert!(
        e.code == ErrorCode::TemplateError
            && e.message
                .contains("Blocks (if, for, with) are nested more than 32 deep")
            && e.message.contains("column 449"),
        "{}",
        e.message
    );
    // Thirty-two levels are fine, and brackets in plain text or in strings do not count.
    let ok = format!(
        "(((( {{{{ {}customer.name{} }}}} {{{{ \"{}\" }}}} {}x{}",
        "(".repeat(32),
        ")".repeat(32),
        "(".repeat(100),
        // (Loops over one item: sixteen nested loops over the invoices would be refused as too complex.)
        "{%- if total %}{% for i in [\"x\"] %}".repeat(16),
        "{% endfor %}{% endif -%}".repeat(16)
    );
    let t: overdue::notice::check::ValidateInput = input(json!({ "template": { "text": ok } })).unwrap();
    let r = validate_template(&t).unwrap();
    assert!(r.ok, "{:?}", r.problems);
}

#[test]
fn validate_template_lists_the_first_hundred_problems_with_their_places() {
    // 6,250 misspelt names on 3,125 lines: the list stops at 100, each with its own line and column.
    let text = "{{ custmer.nme }} {{ totl }}\n".repeat(3_125);
    let t: overdue::notice::check::ValidateInput = input(json!({ "template": { "text": text } })).unwrap();
    let r = validate_template(&t).unwrap();
    assert_eq!(r.problems.len(), overdue::notice::check::MAX_PROBLEMS);
    let places: Vec<(usize, usize)> = r.problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(&places[..4], &[(1, 4), (1, 22), (2, 4), (2, 22)]);
    assert_eq!(places[99], (50, 22));
    assert_eq!(r.problems[1].suggestion.as_deref(), Some("total"));
}

#[test]
fn validate_template_reports_templates_too_complex_for_the_largest_notice() {
    let check = |text: &str| {
        let t: overdue::notice::check::ValidateInput = input(json!({ "template": { "text": text } })).unwrap();
        validate_template(&t).unwrap()
    };
    // Two nested loops over 1,000 invoices are a million iterations: within the budget of two
    // million steps only if each iteration takes under two, and a loop iteration alone takes two.
    for t in [
        "{% for a in invoices %}{% for b in invoices %}{{ b.number }}{% endfor %}{% endfor %}",
        "{% with invoices as x %}{% for a in x %}{% for b in x %}{% endfor %}{% endfor %}{% endwith %}",
        "{% for a in sender.bankLines %}{% for b in customer.addressLines %}{% endfor %}{% endfor %}",
    ] {
        let r = check(t);
        assert!(!r.ok, "{t}");
        assert_eq!((r.problems[0].kind, r.problems[0].part), ("too_complex", "text"), "{t}");
    }
    // One loop over the invoices, or a loop over the invoices inside one over the few charge lines, fits.
    for t in [
        "{% for a in invoices %}{{ a.number }} {{ a.outstanding }}{% endfor %}",
        "{% for c in charges.lines %}{% for a in invoices %}{{ a.number }}{% endfor %}{% endfor %}",
    ] {
        assert!(check(t).ok, "{t}");
    }
}

/// Found by fuzzing: the tag scanner sliced the template at a byte inside a multi-byte character
/// (a comment or string holding `ۀ`), a panic that would have broken the module.
#[test]
fn tags_next_to_multibyte_characters_do_not_panic() {
    for src in [
        "{{ \"x\" }}{# c #5}-}rr  ۀ\n sۀ}(# c #}-j",
        "{# ۀ #}{{ sender.name }}",
        "{{ \"\\ۀ\" }}ۀ{{ sender.name }}",
    ] {
        let t: overdue::notice::check::ValidateInput = input(json!({ "template": { "text": src } })).unwrap();
        validate_template(&t).unwrap();
        let mut v = scenario("en", "friendly", "email");
        v["template"] = json!({ "text": src });
        let _ = render(v);
    }
}

#[test]
fn validate_template_lists_every_problem() {
    let t: overdue::notice::check::ValidateInput = input(json!({ "template": {
        "subject": "{{ stage.nam }}",
        "text": "{{ totl }}\n{% for x in invoices %}{{ x.numbr }}{% endfor %}\n{{ invoices }}",
        "html": "{% include \"x\" %}"
    }}))
    .unwrap();
    let r = validate_template(&t).unwrap();
    assert!(!r.ok);
    let summary: Vec<(&str, usize, usize, &str)> =
        r.problems.iter().map(|p| (p.part, p.line, p.column, p.kind)).collect();
    assert_eq!(
        summary,
        [
            ("subject", 1, 10, "unknown_variable"),
            ("text", 1, 4, "unknown_variable"),
            ("text", 2, 29, "unknown_variable"),
            ("text", 3, 4, "not_text"),
            ("html", 1, 4, "unsupported"),
        ]
    );
    assert_eq!(r.problems[2].suggestion.as_deref(), Some("x.number"));
}

fn many_invoices(n: usize) -> Value {
    json!((0..n)
        .map(
            |i| json!({ "id": format!("N{i}"), "customer": { "id": "C-17", "name": "N" }, "currency": "GBP",
                         "amount": "1", "issueDate": "2026-09-01", "dueDate": "2026-10-01" })
        )
        .collect::<Vec<_>>())
}

#[test]
fn untrusted_templates_are_bounded_by_what_they_do() {
    let mut v = scenario("en", "friendly", "email");
    v["invoices"] = many_invoices(1_000);
    // Each of these passed the old static loop check (issue: hardening round 2, finding 1) and
    // rendered in time cubic or quadratic in the invoices. Each must now stop at the step budget.
    let escapes = [
        // Three nested loops in plain sight.
        "{% for a in invoices %}{% for b in invoices %}{% for c in invoices %}.{% endfor %}{% endfor %}{% endfor %}",
        // The same through `with`, which the old checker could not see through.
        "{% with invoices as x %}{% for a in x %}{% for b in x %}{% for c in x %}{% endfor %}{% endfor %}{% endfor %}{% endwith %}",
        // Loops that write nothing still take their steps.
        "{% for a in invoices %}{% for b in invoices %}{% endfor %}{% endfor %}",
        // A list the template builds: every lookup into it copies the invoices.
        "{% with [invoices] as x %}{% for a in invoices %}{% if x.0 %}{% endif %}{% endfor %}{% endwith %}",
        // Copies put into a list literal inside a loop.
        "{% for a in invoices %}{% for b in [invoices, invoices] %}{% endfor %}{% endfor %}",
    ];
    for t in escapes {
        v["template"] = json!({ "text": t });
        let started = std::time::Instant::now();
        let e = render(v.clone()).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::TemplateTooComplex, "template.text"),
            "{t}"
        );
        // Not a timing test, only a sanity bound: the budget is a few milliseconds of work.
        assert!(started.elapsed().as_secs() < 5, "{t} took {:?}", started.elapsed());
    }
    // Nested loops over the sender's bank lines or the address are as bounded as over invoices.
    v["invoices"] = many_invoices(3);
    let lines: Vec<String> = (0..400).map(|i| format!("line {i}")).collect();
    v["sender"]["bankDetails"] = json!(lines.join("\n"));
    v["template"] = json!({ "text": "{% for a in sender.bankLines %}{% for b in sender.bankLines %}{% for c in sender.bankLines %}{% endfor %}{% endfor %}{% endfor %}" });
    assert_eq!(render(v.clone()).unwrap_err().code, ErrorCode::TemplateTooComplex);
    // Output that would pass 1 MiB stops with a coded error.
    v["invoices"] = many_invoices(300);
    let long = "x".repeat(5_000);
    v["template"] = json!({ "text": format!("{{% for a in invoices %}}{long}{{% endfor %}}") });
    assert_eq!(render(v.clone()).unwrap_err().code, ErrorCode::OutputTooLarge);
    // And the next notice renders normally.
    v["template"] = Value::Null;
    assert!(render(v).is_ok());
}

/// Hardening round 2, finding 4: custom HTML templates had put script in the output, and a template
/// writing its own document came back verbatim. Each attack below is checked against the output
/// as a browser would see it: none of it may survive, and the letter's own words must.
#[test]
fn custom_html_is_wrapped_in_overdues_document_and_sanitised() {
    let mut v = scenario("en", "final", "email");
    v["sender"]["paymentLink"] = json!("javascript:alert(document.cookie)");
    v["sender"]["website"] = json!("x onmouseover=alert(1)");
    v["invoices"][0]["customer"]["name"] = json!("red;background:url(https://tracker.example/p.gif)");
    let html = concat!(
        "<!DOCTYPE html><html><head><base href=\"https://evil.example/\"><script src=\"https://evil.example/x.js\"></script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"></head><body onload=\"steal()\">",
        "<p style=\"color:{{ customer.name }}\">Dear {{ customer.name }},</p>",
        "<p><a href=\"{{ paymentLink }}\">Pay now</a> or visit <a href=https://shop.example title={{ sender.website }}>our shop</a>.</p>",
        "<script>alert(1)</script><iframe src=\"https://evil.example\"></iframe><form action=\"https://evil.example\"><input name=card></form>",
        "<img src=\"data:image/png;base64,AAAA\" onerror=\"alert(2)\"><p>Total: {{ total }}</p></body></html>"
    );
    v["template"] = json!({ "text": "Dear {{ customer.name }}", "html": html });
    let n = render(v).unwrap();
    let out = n.html.to_ascii_lowercase();
    // overdue's own document, once, with its policy.
    assert!(n.html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src https:;"), "{}", n.html);
    assert_eq!(out.matches("<!doctype").count(), 1);
    assert_eq!(out.matches("<head>").count(), 1);
    for banned in [
        "<script",
        "<iframe",
        "<form",
        "<input",
        "<base",
        "http-equiv=\"refresh",
        "javascript:",
        "data:image",
        "onload",
        "onerror",
        "onmouseover",
        "evil.example",
    ] {
        assert!(!out.contains(banned), "{banned} survived:\n{}", n.html);
    }
    // The customer's name in a style attribute sets the colour and nothing else; as text it is text.
    assert!(
        n.html
            .contains(r#"<p style="color: red">Dear red;background:url(https://tracker.example/p.gif),</p>"#),
        "{}",
        n.html
    );
    assert!(
        n.html
            .contains(r#"<a href="https://shop.example" title="x" rel="noopener noreferrer">our shop</a>"#),
        "{}",
        n.html
    );
    assert!(n.html.contains("<p>Total: £"), "{}", n.html);
}

#[test]
fn built_in_templates_fit_the_step_budget_at_the_most_invoices() {
    // The budget must never refuse overdue's own templates: every stage, channel and language
    // with the most invoices a notice may hold.
    for lang in LANGS {
        for stage in STAGES {
            for channel in CHANNELS {
                let mut v = scenario(lang, stage, channel);
                let currency = if lang == "en" { "GBP" } else { "EUR" };
                let mut many = many_invoices(overdue::notice::MAX_NOTICE_INVOICES);
                for i in many.as_array_mut().unwrap() {
                    i["currency"] = json!(currency);
                }
                v["invoices"] = many;
                let n = render(v).unwrap_or_else(|e| panic!("{lang} {stage} {channel}: {e:?}"));
                if channel == "email" || channel == "letter" {
                    assert!(
                        n.text.contains("N999") && n.html.contains("N999"),
                        "{lang} {stage} {channel}"
                    );
                }
            }
        }
    }
}

#[test]
fn bad_notice_input_is_coded() {
    let base = scenario("en", "friendly", "email");
    let cases: Vec<(Value, ErrorCode, &str)> = vec![
        (json!({ "stage": "shout" }), ErrorCode::InvalidValue, "stage"),
        (json!({ "language": "it" }), ErrorCode::InvalidValue, "language"),
        (json!({ "locale": "xx-YY" }), ErrorCode::InvalidValue, "locale"),
        (json!({ "invoices": [] }), ErrorCode::MissingField, "invoices"),
        (
            json!({ "replyBy": "2020-01-01" }),
            ErrorCode::InvalidDateOrder,
            "replyBy",
        ),
        (
            json!({ "sender": { "name": "  " } }),
            ErrorCode::EmptyText,
            "sender.name",
        ),
        (json!({ "fees": "1.234" }), ErrorCode::TooManyDecimals, "fees"),
    ];
    for (patch, code, path) in cases {
        let mut v = base.clone();
        for (k, val) in patch.as_object().unwrap() {
            v[k] = val.clone();
        }
        let e = render(v).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (code, path), "{e}");
    }
    let mut v = base.clone();
    v["invoices"][1]["customer"]["id"] = json!("other");
    assert_eq!(render(v).unwrap_err().path, "invoices[1].customer.id");
    let mut v = base;
    v["invoices"] = json!([{ "id": 1, "customer": { "id": 1, "name": "A" }, "currency": "EUR", "amount": 5,
        "issueDate": "2026-01-01", "dueDate": "2026-01-31", "payments": [{ "date": "2026-01-05", "amount": 5 }] }]);
    assert_eq!(render(v).unwrap_err().code, ErrorCode::InvalidValue);
}

#[test]
fn reply_by_defaults_follow_the_stage() {
    // The golden plan's down payment falls on 20 November, before asOf + 14 (29 November): the
    // offer is to be accepted the day before, 5 days after asOf.
    for (stage, days) in [("friendly", 7), ("final", 10), ("plan", 4), ("legal", 30)] {
        let v = scenario("en", stage, "email");
        let as_of = chrono::NaiveDate::parse_from_str(v["asOf"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let n = render(v).unwrap();
        assert_eq!(n.reply_by, Some(as_of + chrono::Duration::days(days)), "{stage}");
    }
    let mut v = scenario("en", "plan", "email");
    v["plan"]["downPayment"] = Value::Null;
    assert_eq!(
        render(v).unwrap().reply_by.map(|d| d.to_string()).as_deref(),
        Some("2026-11-29"),
        "14 days, before 1 December"
    );
}

#[test]
fn built_in_templates_pass_the_checker_and_render_the_same_as_custom_ones() {
    for lang in LANGS {
        for stage in STAGES {
            for channel in CHANNELS {
                let q: TemplateQuery = input(json!({ "stage": stage, "channel": channel, "language": lang })).unwrap();
                let src = notice_template(&q).unwrap();
                let mut v = scenario(lang, stage, channel);
                let built_in = render(v.clone()).unwrap();
                v["template"] = serde_json::to_value(&src).unwrap();
                let check: overdue::notice::check::ValidateInput =
                    input(json!({ "template": v["template"].clone() })).unwrap();
                let report = validate_template(&check).unwrap();
                assert!(report.ok, "{lang} {stage} {channel}: {:?}", report.problems);
                let custom = render(v).unwrap();
                assert_eq!(custom.subject, built_in.subject, "{lang} {stage} {channel}");
                assert_eq!(custom.text, built_in.text, "{lang} {stage} {channel}");
                assert_eq!(custom.html, built_in.html, "{lang} {stage} {channel}");
            }
        }
    }
}

#[test]
fn output_picks_the_parts() {
    for (channel, template) in [
        ("email", Value::Null),
        ("sms", Value::Null),
        ("email", json!({ "text": "Hi {{ customer.name }}" })),
    ] {
        let mut v = scenario("en", "friendly", channel);
        v["template"] = template;
        let both = render(v.clone()).unwrap();
        v["output"] = json!("text");
        let text = render(v.clone()).unwrap();
        assert_eq!(
            (text.text.as_str(), text.html.as_str(), text.subject.as_str()),
            (both.text.as_str(), "", both.subject.as_str())
        );
        v["output"] = json!("html");
        let html = render(v).unwrap();
        assert_eq!((html.text.as_str(), html.html.as_str()), ("", both.html.as_str()));
    }
}

/// Each wording the review of the notices quoted as wrong (the issue "Notices a credit controller
/// would sign", points 4 and 5), rendered where it used to appear: the old words are gone and the
/// right ones are there.
#[test]
fn the_quoted_wordings_are_fixed() {
    let text = |lang: &str, stage: &str, channel: &str| {
        let n = render(scenario(lang, stage, channel)).unwrap();
        format!("{}\n{}", n.subject, n.text)
    };
    // Plural by count: the friendly reminder is sent 1 day after the due date.
    for (lang, one, many) in [
        ("en", "1 day", "1 days"),
        ("de", "1 Tag", "1 Tagen"),
        ("fr", "1 jour", "1 jours"),
        ("es", "1 día", "1 días"),
        ("nl", "1 dag", "1 dagen"),
    ] {
        let t = text(lang, "friendly", "phone");
        assert!(t.contains(one) && !t.contains(many), "{lang}:\n{t}");
    }
    // Invoices falling due on different days: "the first on", never "fall due on 1 October".
    let t = text("en", "courtesy", "sms");
    assert!(
        t.contains("fall due soon, the first on 1 October 2026") && !t.contains("fall due on"),
        "{t}"
    );
    // No "0 days overdue" in a courtesy call, in any language.
    for (lang, zero) in [
        ("en", "0 days"),
        ("de", "0 Tage"),
        ("fr", "0 jour"),
        ("es", "0 días"),
        ("nl", "0 dagen"),
    ] {
        let t = text(lang, "courtesy", "phone");
        assert!(!t.contains(&format!(" {zero}")), "{lang}:\n{t}");
    }
    // French ordinal for the first of the month.
    let t = text("fr", "friendly", "email");
    assert!(t.contains("1er octobre 2026") && !t.contains(" 1 octobre"), "{t}");
    // A letter with no contact name: "Dear Sir or Madam" … "Yours faithfully"; an email to a company
    // with no contact: "Dear Accounts Team at …".
    let mut v = scenario("en", "final", "letter");
    v["customer"]["contactName"] = Value::Null;
    let t = render(v).unwrap().text;
    assert!(
        t.contains("Dear Sir or Madam,") && t.contains("Yours faithfully,") && !t.contains("Yours sincerely"),
        "{t}"
    );
    let mut v = scenario("en", "friendly", "email");
    v["customer"]["contactName"] = Value::Null;
    let t = render(v).unwrap().text;
    assert!(t.starts_with("Dear Accounts Team at Northwind Traders,"), "{t}");
    // Amounts with the currency's minor digits: a fee of 10 is £10.00.
    let mut v = scenario("en", "friendly", "email");
    v["fees"] = json!("10");
    let t = render(v).unwrap().text;
    assert!(t.contains("Fee: £10.00") && !t.contains("£10\n"), "{t}");
    // The agency is not the final notice's "without further notice".
    for lang in LANGS {
        assert!(!text(lang, "final", "email").contains("without further notice"));
    }
    // Spanish: the hand-over is not an assignment of the debt; no suit threatened if a plan is agreed;
    // "a más tardar el", not "antes del".
    let es = text("es", "agency", "letter");
    assert!(
        es.contains("traspaso del expediente a una agencia de recobro") && !es.contains("cesión"),
        "{es}"
    );
    for stage in ["legal", "final", "agency"] {
        for channel in CHANNELS {
            let t = text("es", stage, channel);
            assert!(
                !t.contains("Si no paga o acordamos") && !t.contains("antes del"),
                "{stage} {channel}:\n{t}"
            );
        }
    }
    assert!(text("es", "legal", "email").contains("a más tardar el"));
    // The requerimiento de pago, and Ley 3/2004 cited for its interest and compensation.
    let es = text("es", "legal", "letter");
    assert!(
        es.contains("Requerimiento de pago") && es.contains("le requerimos formalmente su pago"),
        "{es}"
    );
    assert!(
        es.contains("artículos 5 y 7 de la Ley 3/2004") && es.contains("art. 8 de la Ley 3/2004"),
        "{es}"
    );
    // Dutch: "uit handen geven" (not "overdracht", which is assigning the claim), "Is dat voor u
    // haalbaar?", "buiten rechte", the statutory names of interest and collection costs.
    let nl = text("nl", "agency", "letter");
    assert!(
        nl.contains("uit handen aan een incassobureau") && !nl.contains("overdracht") && !nl.contains("dragen"),
        "{nl}"
    );
    assert!(text("nl", "plan", "phone").contains("Is dat voor u haalbaar?"));
    assert!(!text("nl", "plan", "phone").contains("Zou dat voor u werken"));
    let nl = text("nl", "legal", "letter");
    assert!(nl.contains("buiten rechte") && !nl.contains("zonder rechter"), "{nl}");
    assert!(
        nl.contains("Wettelijke (handels)rente") && nl.contains("Buitengerechtelijke incassokosten"),
        "{nl}"
    );
    // French: "au plus tard le", "Sauf erreur de notre part, nos écritures font apparaître", the legal
    // letter's costs sentence and its closing offer.
    for stage in ["followup", "final", "agency", "legal"] {
        let t = text("fr", stage, "letter");
        assert!(
            !t.contains("avant le") && !t.contains("Selon nos registres"),
            "{stage}:\n{t}"
        );
    }
    assert!(text("fr", "followup", "letter").contains("Sauf erreur de notre part, nos écritures font apparaître"));
    let fr = text("fr", "legal", "letter");
    assert!(
        fr.contains("au paiement des intérêts de retard, de l'indemnité forfaitaire et aux dépens"),
        "{fr}"
    );
    assert!(
        fr.contains("Nous restons néanmoins disposés à régler ce différend à l'amiable"),
        "{fr}"
    );
    assert!(
        fr.contains("Lettre recommandée avec demande d'avis de réception"),
        "{fr}"
    );
    // German: "außergerichtlich", no "lieber ohne Gericht"; a final notice opens "Sehr geehrte …", not
    // "Guten Tag"; the Verzug of § 286 and § 288 BGB stated with charges under German law.
    let de = text("de", "legal", "letter");
    assert!(de.contains("außergerichtlich") && !de.contains("ohne Gericht"), "{de}");
    let de = text("de", "final", "email");
    assert!(de.contains("Sehr geehrte") && !de.contains("Guten Tag"), "{de}");
    assert!(de.contains("Verzug (§ 286 BGB)") && de.contains("§ 288 BGB"), "{de}");
}

/// Two golden final notices worked out by hand, so the goldens rest on arithmetic outside the code
/// and not only on lateCharges agreeing with itself. On 31 October 2026 only INV-2026-101 (£/€1,000.00
/// outstanding, due 1 October) has reached the final notice: 30 days of interest, 2–31 October.
/// UK: Bank Rate 3.75 % on 30 June 2026 (Bank of England, cut to 3.75 on 18 December 2025 and held),
/// plus 8 = 11.75 %: 1,000 × 11.75 % × 30 / 365 = 9.657 → £9.66; £70 for a debt of £1,000–£9,999.99
/// (s.5A(2)(b)); due £1,079.66. Germany: Basiszinssatz 1.52 from 1 July 2026 (Deutsche Bundesbank),
/// plus 9 = 10.52 %: 1,000 × 10.52 % × 30 / 365 = 8.647 → €8.65; €40 (§ 288 Abs. 5); due €1,048.65.
#[test]
fn the_golden_final_notices_add_up_by_hand() {
    let uk = render(scenario("en", "final", "email")).unwrap();
    assert_eq!(uk.subject, "Final notice: £1,079.66 to be paid by 10 November 2026");
    assert!(
        uk.text
            .contains("Late-payment interest: £9.66\nFixed sum for late payment: £70.00\n"),
        "{}",
        uk.text
    );
    let de = render(scenario("de", "final", "email")).unwrap();
    assert!(de.subject.contains("1.048,65"), "{}", de.subject);
    assert!(
        de.text.contains("Verzugszinsen: 8,65\u{a0}€\n") && de.text.contains("40,00\u{a0}€"),
        "{}",
        de.text
    );
}
