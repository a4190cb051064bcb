//! Custom notice templates: arbitrary text as the subject, the plain-text and the HTML template of a
//! notice for a fixed customer, through the checker, upon and the output bound. Any panic is a
//! finding; every refusal must carry a code.
#![no_main]
use libfuzzer_sys::fuzz_target;
use overdue::notice::{render_notice, validate_template, CustomTemplate, NoticeInput};
use overdue::ErrorCode;
use std::sync::OnceLock;

fn base() -> &'static NoticeInput {
    static BASE: OnceLock<NoticeInput> = OnceLock::new();
    BASE.get_or_init(|| {
        overdue::decode::decode_json(r#"{"asOf":"2026-11-23","stage":"final","sender":{"name":"S","bankDetails":"IBAN X"},
            "invoices":[{"id":"A","customer":{"id":"c","name":"<b>N</b>"},"currency":"EUR","amount":"10.50","issueDate":"2026-09-01","dueDate":"2026-10-01"},
                        {"id":"B","customer":{"id":"c","name":"N"},"currency":"EUR","amount":"3","issueDate":"2026-09-01","dueDate":"2026-10-11"}],
            "charges":{"invoices":[{"id":"A","interest":"1.20","compensation":"40","explanation":"why"}]},
            "plan":{"schedule":[{"number":1,"dueDate":"2026-12-01","payment":"7.00"},{"number":2,"dueDate":"2027-01-01","payment":"6.50"}],"totals":{"paid":"13.50"}}}"#)
            .expect("the base notice decodes")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut input = base().clone();
    let (subject, body) = text.split_once('\u{1}').unwrap_or(("", text));
    input.template = Some(CustomTemplate {
        subject: (!subject.is_empty()).then(|| subject.to_string()),
        text: body.to_string(),
        html: Some(body.to_string()),
    });
    if let Err(e) = render_notice(&input) {
        assert!(e.code != ErrorCode::Internal, "internal error for {text:?}: {e}");
    }
    let check = overdue::notice::check::ValidateInput {
        template: input.template.clone().unwrap(),
    };
    let _ = validate_template(&check);
});
