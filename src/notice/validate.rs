//! `validateTemplate`: every problem the checker finds, and whether each part fits the step budget
//! ([`super::MAX_STEPS`]) for the largest notice overdue accepts. That second check renders the part
//! against such a notice rather than guessing from the template's shape, so it sees through `with`,
//! lists the template builds and anything else the renderer does; a template whose work depends on
//! conditions the largest notice does not meet is still stopped while rendering, at the same budget.

use super::builtin::Part;
use super::check::{self, Problem, TemplateCheck, ValidateInput};
use super::context::{self, Context};
use super::engine::{self, Trial};
use super::vars::Needs;
use super::{NoticeInput, MAX_NOTICE_INVOICES, MAX_PLAN_ROWS, MAX_STEPS};
use crate::error::Result;
use crate::invoice::MAX_LONG_TEXT;
use std::fmt::Write as _;

/// Checks every part of a custom template and lists all problems found.
///
/// # Errors
/// `too_long` for a part over [`super::MAX_TEMPLATE`] characters; problems in the template itself
/// are listed, not thrown.
pub fn validate_template(input: &ValidateInput) -> Result<TemplateCheck> {
    let t = &input.template;
    let mut problems = Vec::new();
    for (part, src) in [
        (Part::Subject, t.subject.as_deref()),
        (Part::Text, Some(t.text.as_str())),
        (Part::Html, t.html.as_deref()),
    ] {
        let Some(src) = src else { continue };
        crate::invoice::check_len(src, super::MAX_TEMPLATE)
            .map_err(|e| e.within(&format!("template.{}", part.name())))?;
        let found = check::check(src, part).problems;
        if found.is_empty() {
            if let Some(p) = over_budget(src, part)? {
                problems.push(p);
            }
        }
        problems.extend(found);
    }
    Ok(TemplateCheck {
        ok: problems.is_empty(),
        problems,
    })
}

/// A problem when `src` takes more than the step budget for the largest notice.
fn over_budget(src: &str, part: Part) -> Result<Option<Problem>> {
    let trial = with_largest(|ctx| engine::trial(src, part, &ctx.value))?;
    Ok((trial == Trial::TooComplex).then(|| Problem {
        part: part.name(),
        line: 0,
        column: 0,
        kind: "too_complex",
        message: format!(
            "For a notice of {MAX_NOTICE_INVOICES} invoices this would take more than {MAX_STEPS} template steps, so it would be refused: nest fewer loops over the invoices or other lists."
        ),
        suggestion: None,
    }))
}

thread_local! {
    /// The values of the largest notice, made once: they take milliseconds to make, and the page
    /// validates a template as it is typed.
    static LARGEST: std::cell::OnceCell<Context> = const { std::cell::OnceCell::new() };
}

fn with_largest<R>(f: impl FnOnce(&Context) -> R) -> Result<R> {
    LARGEST.with(|cell| {
        if cell.get().is_none() {
            let _ = cell.set(make_largest()?);
        }
        let ctx = cell.get().ok_or_else(|| {
            crate::error::Error::new(
                crate::error::ErrorCode::Internal,
                "",
                "The largest notice was not made.",
            )
        })?;
        Ok(f(ctx))
    })
}

/// The largest notice overdue accepts: the most invoices, each with a charge and an explanation,
/// the longest schedule, addresses and bank details of the most lines.
fn make_largest() -> Result<Context> {
    // As a JSON string: the most lines a long text can hold.
    let lines = format!("\"{}\"", "x\\n".repeat(MAX_LONG_TEXT / 2));
    let mut invoices = String::new();
    let mut charges = String::new();
    for i in 0..MAX_NOTICE_INVOICES {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            invoices,
            r#"{sep}{{"id":"INV-{i:06}","customer":{{"id":"C","name":"Customer"}},"currency":"EUR","amount":"1000.00","issueDate":"2025-01-01","dueDate":"2025-02-01","payments":[{{"date":"2025-03-01","amount":"10.00"}}]}}"#
        );
        let _ = write!(
            charges,
            r#"{sep}{{"id":"INV-{i:06}","interest":"1.00","fees":"5.00","explanation":"Interest at 10% a year."}}"#
        );
    }
    let mut schedule = String::new();
    for i in 0..MAX_PLAN_ROWS {
        let sep = if i == 0 { "" } else { "," };
        let (y, m) = (2026 + i / 12, i % 12 + 1);
        let _ = write!(
            schedule,
            r#"{sep}{{"number":{},"dueDate":"{y}-{m:02}-01","payment":"10.00"}}"#,
            i + 1
        );
    }
    let json = format!(
        r#"{{"asOf":"2026-01-01","stage":"final","channel":"letter","language":"en",
        "sender":{{"name":"Sender","address":{lines},"bankDetails":{lines},"email":"a@b.example","phone":"1","website":"https://b.example","paymentLink":"https://b.example/pay","signatory":"S","logoText":"L"}},
        "customer":{{"name":"Customer","contactName":"C","accountNumber":"A","email":"c@d.example","phone":"2","address":{lines}}},
        "invoices":[{invoices}],"charges":{{"invoices":[{charges}]}},
        "plan":{{"schedule":[{schedule}],"downPayment":{{"amount":"10.00","date":"2025-12-20"}},"totals":{{"paid":"12010.00"}},"apr":"10.47"}},
        "fees":"10.00","consequence":{lines}}}"#
    );
    let input: NoticeInput = crate::decode::decode_json(&json)?;
    let settings = super::settings(&input)?;
    context::build(&input, &settings, Needs::ALL)
}
