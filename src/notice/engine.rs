//! Running templates: the two upon engines (plain text, and HTML that escapes every value), the
//! cache of compiled built-in templates, the output bound, and upon's errors turned into ours.

use super::builtin::{source_for, Part};
use super::check::{self, Problem};
use super::context::Context;
use super::sanitize::sanitize_html;
use super::vars::Needs;
use super::{CustomTemplate, Settings, MAX_OUTPUT, MAX_STEPS};
use crate::error::{Error, ErrorCode, Result};
use crate::ladder::Channel;
use crate::locale::Language;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::io;
use upon::{fmt as ufmt, Engine, Value};

fn write_value(f: &mut ufmt::Formatter<'_>, v: &Value, html: bool, caps: bool) -> ufmt::Result {
    let owned;
    let s: &str = match v {
        Value::None => return Ok(()),
        Value::String(s) => s,
        Value::Integer(n) => {
            owned = n.to_string();
            &owned
        }
        Value::Bool(b) => {
            if *b {
                "yes"
            } else {
                "no"
            }
        }
        // Only a template's own number literals are floats. The shortest-form writer is already in
        // the module for results; `f64: Display` would add 14 KB for this alone.
        Value::Float(x) => {
            owned = if x.fract() == 0.0 && x.abs() < 1e15 {
                (*x as i64).to_string()
            } else {
                crate::encode::to_json(x).unwrap_or_default()
            };
            &owned
        }
        Value::List(_) | Value::Map(_) => {
            return Err(ufmt::Error::from(
                "a list or group cannot be written out directly".to_string(),
            ))
        }
    };
    let capitals;
    let s = if caps {
        capitals = upper(s);
        capitals.as_str()
    } else {
        s
    };
    if html {
        write_escaped(f, s)?;
    } else {
        f.write_str(s)?;
    }
    Ok(())
}

/// Writes `s` escaped for HTML element content and quoted attribute values, in runs between the
/// characters that need it.
fn write_escaped<W: std::fmt::Write>(w: &mut W, s: &str) -> std::fmt::Result {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        w.write_str(&s[last..i])?;
        w.write_str(rep)?;
        last = i + 1;
    }
    w.write_str(&s[last..])
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let _ = write_escaped(&mut out, s);
    out
}

/// Capitals for headings. Letters outside Latin-1 are left as they are: full Unicode case tables
/// would cost more wasm than the feature is worth.
pub(crate) fn upper(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' => c.to_ascii_uppercase(),
            'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 32).unwrap_or(c),
            'ÿ' => 'Ÿ',
            c => c,
        })
        .collect()
}

fn plain(f: &mut ufmt::Formatter<'_>, v: &Value) -> ufmt::Result {
    write_value(f, v, false, false)
}

fn escaped(f: &mut ufmt::Formatter<'_>, v: &Value) -> ufmt::Result {
    write_value(f, v, true, false)
}

/// An engine with overdue's formatter in place of upon's default one, whose `{n}` for floats would
/// keep the float formatting code (14 KB) in the module; `Engine::new` alone refers to it.
pub(crate) fn bare_engine() -> Engine<'static> {
    let mut e = Engine::new();
    e.set_default_formatter(&plain);
    e
}

fn new_engine(html: bool) -> Engine<'static> {
    let mut e = bare_engine();
    e.set_max_include_depth(0);
    e.set_max_steps(MAX_STEPS);
    if html {
        e.set_default_formatter(&escaped);
        e.add_formatter("upper", |f, v| write_value(f, v, true, true));
    } else {
        e.set_default_formatter(&plain);
        e.add_formatter("upper", |f, v| write_value(f, v, false, true));
    }
    e
}

thread_local! {
    static TEXT: RefCell<Engine<'static>> = RefCell::new(new_engine(false));
    static HTML: RefCell<Engine<'static>> = RefCell::new(new_engine(true));
    /// Each built-in template part once made: what it reads (found by the checker) and the
    /// template compiled by the engine that renders it.
    static BUILTIN: RefCell<Vec<(BuiltinKey, Needs, upon::Template<'static>)>> = const { RefCell::new(Vec::new()) };
}

/// A built-in template part by language, stage, channel and part: compared field by field, so
/// finding one allocates nothing (a formatted name had cost four `format!`s a notice).
#[derive(Clone, Copy, PartialEq, Eq)]
struct BuiltinKey(Language, &'static str, Channel, Part);

fn builtin_key(s: &Settings, part: Part) -> BuiltinKey {
    BuiltinKey(s.language, s.stage, s.channel, part)
}

/// The top-level variables the built-in parts that will be rendered read.
pub(crate) fn builtin_needs(s: &Settings, want: Want) -> Result<Needs> {
    let has_html = matches!(s.channel, Channel::Email | Channel::Letter);
    let mut parts = vec![Part::Subject];
    if want.text || (want.html && !has_html) {
        parts.push(Part::Text);
    }
    if want.html && has_html {
        parts.push(Part::Html);
    }
    let mut needs = Needs::default();
    for part in parts {
        let at = builtin(s, part)?;
        needs = needs.union(BUILTIN.with(|b| b.borrow()[at].1));
    }
    Ok(needs)
}

/// Where a built-in part is in [`BUILTIN`], made (checked and compiled) the first time it is asked for.
fn builtin(s: &Settings, part: Part) -> Result<usize> {
    let key = builtin_key(s, part);
    if let Some(at) = BUILTIN.with(|b| b.borrow().iter().position(|(k, _, _)| *k == key)) {
        return Ok(at);
    }
    let src =
        source_for(s, part).ok_or_else(|| Error::new(ErrorCode::Internal, "", "A built-in template is missing."))?;
    let needs = check::check(&src, part).needs;
    let t = with_engine(part, |cell| cell.borrow().compile(src)).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            "",
            format!("A built-in template does not compile: {e}"),
        )
    })?;
    Ok(BUILTIN.with(|b| {
        let mut b = b.borrow_mut();
        b.push((key, needs, t));
        b.len() - 1
    }))
}

fn with_engine<R>(part: Part, f: impl FnOnce(&RefCell<Engine<'static>>) -> R) -> R {
    if part == Part::Html {
        HTML.with(f)
    } else {
        TEXT.with(f)
    }
}

/// Stops a render once the output passes [`MAX_OUTPUT`]: whole writes only, so what was kept is
/// valid UTF-8.
struct Bounded {
    buf: Vec<u8>,
    over: bool,
}

impl io::Write for Bounded {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.buf.len() + data.len() > MAX_OUTPUT {
            self.over = true;
            return Err(io::Error::other("output too large"));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn finish(result: upon::Result<()>, out: Bounded, part: Part, path: &str) -> Result<String> {
    if out.over {
        return Err(Error::new(
            ErrorCode::OutputTooLarge,
            path,
            format!(
                "The notice's {} would be longer than {} bytes.",
                part.name(),
                MAX_OUTPUT
            ),
        ));
    }
    if let Err(e) = result {
        if e.is_step_limit() {
            return Err(Error::new(
                ErrorCode::TemplateTooComplex,
                path,
                format!(
                    "The notice's {} would take more than {MAX_STEPS} template steps for these invoices: loop less (nested loops over the invoices repeat their work for every pair).",
                    part.name()
                ),
            ));
        }
        let p = problem_from_upon(&e, part);
        return Err(Error::new(ErrorCode::TemplateError, path, p.message_with_position()));
    }
    String::from_utf8(out.buf).map_err(|_| Error::new(ErrorCode::Internal, path, "A notice was not valid UTF-8."))
}

/// upon reports positions only in its pretty form: `--> <anonymous>:3:14` and `= reason: …`.
pub(crate) fn problem_from_upon(e: &upon::Error, part: Part) -> Problem {
    let pretty = format!("{e:#}");
    let mut line = 0;
    let mut column = 0;
    if let Some(at) = pretty.split("--> ").nth(1) {
        let at = at.lines().next().unwrap_or("");
        let mut nums = at.rsplit(':');
        column = nums.next().and_then(|c| c.trim().parse().ok()).unwrap_or(0);
        line = nums.next().and_then(|l| l.trim().parse().ok()).unwrap_or(0);
    }
    let reason = pretty
        .split("reason: ")
        .nth(1)
        .map(|r| r.lines().next().unwrap_or("").trim().to_string())
        .unwrap_or_else(|| e.to_string());
    Problem {
        part: part.name(),
        line,
        column,
        kind: "syntax",
        message: reason,
        suggestion: None,
    }
}

/// Renders into a buffer that stops at [`MAX_OUTPUT`].
fn bounded(part: Part, path: &str, render: impl FnOnce(&mut Bounded) -> upon::Result<()>) -> Result<String> {
    let mut out = Bounded {
        buf: Vec::with_capacity(4096),
        over: false,
    };
    let r = render(&mut out);
    finish(r, out, part, path)
}

/// A user's template part, compiled once by the engine that will render it, then checked: unknown
/// names are refused before it runs; the work it does is bounded while it runs ([`MAX_STEPS`]).
fn compile_checked(src: &str, part: Part) -> Result<upon::Template<'static>> {
    let path = format!("template.{}", part.name());
    if let Some(p) = check::too_deep(src, part) {
        return Err(Error::new(ErrorCode::TemplateError, path, p.message_with_position()));
    }
    let template = with_engine(part, |cell| cell.borrow().compile(src.to_string())).map_err(|e| {
        Error::new(
            ErrorCode::TemplateError,
            &path,
            problem_from_upon(&e, part).message_with_position(),
        )
    })?;
    let report = check::scan(src, part);
    if let Some(p) = report.problems.first() {
        return Err(Error::new(ErrorCode::TemplateError, path, p.message_with_position()));
    }
    Ok(template)
}

/// How a template part fared against the largest notice in [`trial`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trial {
    Fits,
    TooComplex,
    /// It does not compile, or fails for another reason the checker reports in its own words.
    Other,
}

/// Renders `src` against `ctx` with the step budget, writing nowhere: only the steps count here,
/// not how long the output would be.
pub(crate) fn trial(src: &str, part: Part, ctx: &Value) -> Trial {
    with_engine(part, |cell| {
        let engine = cell.borrow();
        let Ok(t) = engine.compile(src) else {
            return Trial::Other;
        };
        match t.render_from(&engine, ctx).to_writer(io::sink()) {
            Ok(()) => Trial::Fits,
            Err(e) if e.is_step_limit() => Trial::TooComplex,
            Err(_) => Trial::Other,
        }
    })
}

fn render_compiled(t: &upon::Template<'static>, part: Part, ctx: &Value) -> Result<String> {
    let path = format!("template.{}", part.name());
    with_engine(part, |cell| {
        let engine = cell.borrow();
        bounded(part, &path, |out| t.render_from(&engine, ctx).to_writer(out))
    })
}

pub(crate) fn builtin_part(s: &Settings, part: Part, ctx: &Value) -> Result<String> {
    let at = builtin(s, part)?;
    BUILTIN.with(|b| {
        let b = b.borrow();
        with_engine(part, |cell| {
            let engine = cell.borrow();
            bounded(part, "", |out| b[at].2.render_from(&engine, ctx).to_writer(out))
        })
    })
}

/// Which parts a caller wants; the other is returned empty and not rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Want {
    pub text: bool,
    pub html: bool,
}

/// Subject, text and HTML of a built-in notice.
pub(crate) fn render_builtin(s: &Settings, ctx: &Value, want: Want) -> Result<(String, String, String)> {
    let subject = builtin_part(s, Part::Subject, ctx)?;
    let has_html = matches!(s.channel, Channel::Email | Channel::Letter);
    let text = if want.text || (want.html && !has_html) {
        tidy_text(&builtin_part(s, Part::Text, ctx)?)
    } else {
        String::new()
    };
    let html = if want.html {
        let body = if has_html {
            tidy_html(&builtin_part(s, Part::Html, ctx)?)
        } else {
            paragraphs(&text)
        };
        document(s.language, &one_line(&subject), &body, s.channel == Channel::Letter)
    } else {
        String::new()
    };
    let text = if want.text { text } else { String::new() };
    Ok((subject, text, html))
}

/// Subject, text and HTML from the user's own template, checked before it runs.
pub(crate) fn render_custom(
    t: &CustomTemplate,
    s: &Settings,
    ctx: &Context,
    want: Want,
) -> Result<(String, String, String)> {
    // Every part given is checked, whichever parts are wanted.
    let compile = |src: Option<&str>, part| src.map(|src| compile_checked(src, part)).transpose();
    let subject_t = compile(t.subject.as_deref(), Part::Subject)?;
    let text_t = compile(Some(t.text.as_str()), Part::Text)?;
    let html_t = compile(t.html.as_deref(), Part::Html)?;

    let subject = match &subject_t {
        Some(c) => render_compiled(c, Part::Subject, &ctx.value)?,
        None => builtin_part(s, Part::Subject, &ctx.value)?,
    };
    // Tidied like the built-in ones, so a built-in template taken as a start renders the same.
    let text = match &text_t {
        Some(c) if want.text || (want.html && html_t.is_none()) => {
            tidy_text(&render_compiled(c, Part::Text, &ctx.value)?)
        }
        _ => String::new(),
    };
    let title = one_line(&subject);
    let letter = s.channel == Channel::Letter;
    let html = match (&html_t, want.html) {
        (_, false) => String::new(),
        (Some(c), true) => {
            // Whatever the template writes, even a whole document of its own, becomes the body of
            // overdue's document, through the allow-list.
            let body = tidy_html(&sanitize_html(&render_compiled(c, Part::Html, &ctx.value)?));
            document(s.language, &title, &body, letter)
        }
        (None, true) => document(s.language, &title, &paragraphs(&text), letter),
    };
    let text = if want.text { text } else { String::new() };
    Ok((subject, text, html))
}

/// A subject line: every line break, tab and other control character becomes a space (no header
/// injection), runs of spaces become one.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Built-in text: no trailing spaces, at most one blank line in a row (a paragraph whose condition
/// was false leaves none), no blank lines at either end.
fn tidy_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Built-in HTML: in one pass, drops blank lines and paragraphs left empty by a false condition,
/// and a line break just before a paragraph's end.
fn tidy_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let t = line.trim();
        if t.is_empty() || t == "<p></p>" {
            continue;
        }
        if let Some(rest) = t.strip_prefix("</p>") {
            if out.ends_with("<br>\n") {
                out.truncate(out.len() - 5);
                out.push_str("</p>");
                out.push_str(rest);
                out.push('\n');
                continue;
            }
            if out.ends_with("<p>\n") {
                out.truncate(out.len() - 4);
                if !rest.is_empty() {
                    out.push_str(rest);
                    out.push('\n');
                }
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Plain text as HTML: escaped, blank lines between paragraphs, line breaks kept.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for para in text
        .split("\n\n")
        .map(|p| p.trim_matches(['\n', '\r']))
        .filter(|p| !p.trim().is_empty())
    {
        out.push_str("<p>");
        for (i, line) in para.lines().enumerate() {
            if i > 0 {
                out.push_str("<br>\n");
            }
            out.push_str(&escape_html(line));
        }
        out.push_str("</p>\n");
    }
    out
}

const STYLE: &str =
    "body{font:15px/1.5 Georgia,'Times New Roman',serif;color:#1a1a1a;max-width:42em;margin:2em auto;padding:0 1em}\
table{border-collapse:collapse;margin:1em 0}th,td{padding:.25em .75em;border-bottom:1px solid #ccc;text-align:left}\
td.n,th.n{text-align:right;white-space:nowrap}tfoot td{font-weight:bold;border-bottom:none}\
.sender{text-align:right}.recipient{margin:2em 0}.date{text-align:right}.subject{font-weight:bold}\
@media print{body{margin:0;max-width:none;font-size:11pt}@page{size:A4;margin:20mm 20mm 25mm 25mm}}";

/// The policy every notice document carries, so that it holds wherever it is opened (a mail client,
/// a browser tab, a file): no script of any kind, no request but an image over https, no form, no
/// `<base>`. What a meta tag cannot carry (`frame-ancestors`) is the server's to send.
pub const CSP: &str =
    "default-src 'none'; img-src https:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// A whole HTML document around a notice body; letters get the print layout.
pub(crate) fn document(language: Language, title: &str, body: &str, letter: bool) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 256);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body class=\"{}\">\n{}\n</body>\n</html>\n",
        language.code(),
        escape_html(title),
        STYLE,
        if letter { "letter" } else { "email" },
        body.trim()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_lose_line_breaks() {
        assert_eq!(
            one_line("Invoice\r\nBcc: x@y.z\u{2028}and\tmore  "),
            "Invoice Bcc: x@y.z and more"
        );
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape_html("<img src=x onerror=\"alert(1)\">&'"),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn capitals() {
        assert_eq!(
            upper("Café Ölmühle straße ÿ"),
            "CAFÉ ÖLMÜHLE STRASSE Ÿ".replace("SS", "ß")
        );
    }

    #[test]
    fn tidy_markup() {
        assert_eq!(
            tidy_html("<p>a<br>\n</p>\n\n\n<p></p>\n<p>\n</p>\n<table>\n"),
            "<p>a</p>\n<table>"
        );
    }

    #[test]
    fn tidy() {
        assert_eq!(tidy_text("\nA  \n\n\n\nB\nC\n\n"), "A\n\nB\nC");
    }
}
