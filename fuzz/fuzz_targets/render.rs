//! The renderer's step budget: arbitrary templates against notices of 1 to 1,000 invoices and
//! addresses of many lines. Every render must end in a notice whose parts stay within the 1 MiB
//! bound, or in a coded refusal (never `internal`); run with `-timeout=2`, so an input that the
//! budget fails to stop in time is a finding too.
#![no_main]
use libfuzzer_sys::fuzz_target;
use overdue::notice::{render_notice, CustomTemplate, NoticeInput, MAX_OUTPUT};
use overdue::ErrorCode;
use std::sync::OnceLock;

/// Notices of 1, 10, 100 and 1,000 invoices, the last three with 400-line bank details.
fn base(size: u8) -> &'static NoticeInput {
    static BASES: OnceLock<Vec<NoticeInput>> = OnceLock::new();
    let all = BASES.get_or_init(|| {
        [1usize, 10, 100, 1000]
            .iter()
            .map(|&n| {
                let invoices: Vec<String> = (0..n)
                    .map(|i| format!(r#"{{"id":"INV-{i}","customer":{{"id":"c","name":"<b>N</b>"}},"currency":"EUR","amount":"10.50","issueDate":"2026-09-01","dueDate":"2026-10-01"}}"#))
                    .collect();
                let lines = if n > 1 { "line\\n".repeat(400) } else { "IBAN X".to_string() };
                let json = format!(
                    r#"{{"asOf":"2026-11-23","stage":"final","sender":{{"name":"S","bankDetails":"{lines}","address":"{lines}"}},"invoices":[{}],
                    "charges":{{"invoices":[{{"id":"INV-0","interest":"1.20","compensation":"40","explanation":"why"}}]}},
                    "plan":{{"schedule":[{{"number":1,"dueDate":"2026-12-01","payment":"7.00"}},{{"number":2,"dueDate":"2027-01-01","payment":"6.50"}}],"totals":{{"paid":"13.50"}}}}}}"#,
                    invoices.join(",")
                );
                overdue::decode::decode_json(&json).expect("the base notice decodes")
            })
            .collect()
    });
    &all[usize::from(size % 4)]
}

fuzz_target!(|data: &[u8]| {
    let Some((&size, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let mut input = base(size).clone();
    let (subject, body) = text.split_once('\u{1}').unwrap_or(("", text));
    input.template = Some(CustomTemplate {
        subject: (!subject.is_empty()).then(|| subject.to_string()),
        text: body.to_string(),
        html: Some(body.to_string()),
    });
    match render_notice(&input) {
        Ok(n) => {
            assert!(n.subject.len() <= MAX_OUTPUT && n.text.len() <= MAX_OUTPUT, "a part past the bound");
            // The HTML is the sanitised body (never longer than what was rendered) in overdue's document.
            assert!(n.html.len() <= MAX_OUTPUT + 4096, "the HTML past the bound: {}", n.html.len());
        }
        Err(e) => assert!(e.code != ErrorCode::Internal, "internal error for {text:?}: {e}"),
    }
});
