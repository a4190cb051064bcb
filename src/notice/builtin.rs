//! The built-in notices: one template source per language × stage × channel × part, put together
//! from the shared layouts (`texts/layout.txt`) and each language's words (`texts/<lang>.txt`).
//!
//! A text file is a list of blocks, each starting with a line `== name`. In a block, `[[name]]`
//! stands for another block: `[[stage.body]]` for the stage's own (`final.body`); any other name is
//! looked up first as a layout block for the output (`name.html` or `name.text`), then in the
//! language, then in the layout. Language blocks inserted into HTML become paragraphs (blank line)
//! and line breaks, so translators write plain text only.

use super::Settings;
use crate::ladder::Channel;
use crate::locale::Language;
use std::sync::OnceLock;

/// The built-in stages, in ladder order.
pub const STAGES: [&str; 7] = ["courtesy", "friendly", "followup", "final", "plan", "agency", "legal"];

/// The default policy's channel for a stage.
pub(crate) fn default_channel(stage: &str) -> Channel {
    match stage {
        "agency" | "legal" => Channel::Letter,
        _ => Channel::Email,
    }
}

type Blocks = Vec<(&'static str, &'static str)>;

fn parse(text: &'static str) -> Blocks {
    let mut out = Vec::new();
    let mut rest = text;
    // Skip the heading comment up to the first block.
    if let Some(i) = rest.find("\n== ") {
        if !rest.starts_with("== ") {
            rest = &rest[i + 1..];
        }
    }
    while let Some(stripped) = rest.strip_prefix("== ") {
        let (name, body) = stripped.split_once('\n').unwrap_or((stripped, ""));
        let end = body.find("\n== ").map_or(body.len(), |i| i + 1);
        out.push((name.trim(), body[..end].trim_end_matches(['\n', ' '])));
        rest = &body[end..];
    }
    out
}

fn lookup(blocks: &Blocks, name: &str) -> Option<&'static str> {
    blocks.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}

struct Texts {
    layout: Blocks,
    langs: [Blocks; 5],
}

fn texts() -> &'static Texts {
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    TEXTS.get_or_init(|| Texts {
        layout: parse(include_str!("texts/layout.txt")),
        langs: [
            parse(include_str!("texts/en.txt")),
            parse(include_str!("texts/de.txt")),
            parse(include_str!("texts/fr.txt")),
            parse(include_str!("texts/es.txt")),
            parse(include_str!("texts/nl.txt")),
        ],
    })
}

fn lang_blocks(l: Language) -> &'static Blocks {
    let i = Language::ALL.iter().position(|x| *x == l).unwrap_or(0);
    &texts().langs[i]
}

/// The words of one language that are not templates: table headings, stage names, the salutation.
pub(crate) struct Phrases {
    blocks: &'static Blocks,
    pub and: &'static str,
    pub table: [&'static str; 6],
}

/// A regime's id as the texts name their blocks (`law.us-prompt-payment`).
impl Phrases {
    fn get(&self, name: &str) -> &'static str {
        lookup(self.blocks, name).unwrap_or("")
    }

    pub fn stage_name(&self, stage: &str) -> &'static str {
        lookup(self.blocks, &format!("name.{stage}")).unwrap_or("")
    }

    /// The opening line. A named contact is greeted by name, except where the language's formal
    /// register for a final notice, a referral or a letter before action wants the general form;
    /// without a name, an email goes to the company's accounts team, a letter to Sir or Madam.
    pub fn salutation(&self, contact: Option<&str>, company: &str, formal: bool, email: bool) -> String {
        match contact {
            Some(name) if formal => self.get("salutation.formal").replace("{name}", name),
            Some(name) => self.get("salutation.named").replace("{name}", name),
            None if email => self.get("salutation.team").replace("{company}", company),
            None => self.get("salutation.unnamed").to_string(),
        }
    }

    /// What the notice says will happen if the deadline passes, by the next stage of the ladder
    /// (`plan`, `agency`, `legal`, or `none`).
    pub fn consequence(&self, next: &str) -> &'static str {
        match next {
            "plan" | "agency" | "legal" => self.get(&format!("consequence.{next}")),
            "final" => self.get("consequence.final"),
            _ => self.get("consequence.none"),
        }
    }

    /// The law behind a regime's charges, named in the notice's language.
    pub fn law(&self, kind: crate::charges::Kind, consumer: bool) -> &'static str {
        let own = if consumer {
            self.get(&format!("law.{}.consumer", kind.word()))
        } else {
            ""
        };
        if own.is_empty() {
            self.get(&format!("law.{}", kind.word()))
        } else {
            own
        }
    }

    /// One invoice's line on how its interest was worked out: number, rate, first day and the law.
    pub fn charge_basis(
        &self,
        number: &str,
        rate: &str,
        from: &str,
        kind: Option<crate::charges::Kind>,
        consumer: bool,
    ) -> String {
        self.get("charges.basis")
            .replace("{number}", number)
            .replace("{rate}", rate)
            .replace("{from}", from)
            .replace(
                "{law}",
                kind.map_or(self.get("law.contract"), |k| self.law(k, consumer)),
            )
    }

    /// What a regime's law has a notice say when it claims charges (empty for most).
    pub fn statement(&self, kind: crate::charges::Kind) -> &'static str {
        self.get(&format!("statement.{}", kind.word()))
    }

    /// The basis of every invoice's interest at once, when all bear one rate from the day after each
    /// fell due.
    pub fn charge_basis_all(&self, rate: &str, kind: Option<crate::charges::Kind>, consumer: bool) -> String {
        self.get("charges.basis.all").replace("{rate}", rate).replace(
            "{law}",
            kind.map_or(self.get("law.contract"), |k| self.law(k, consumer)),
        )
    }

    /// A charge's label; interest and the fixed sum take the names the regime's law gives them.
    pub fn charge_label(&self, label: &str, kind: Option<crate::charges::Kind>) -> &'static str {
        match kind {
            Some(k) if label == "charges.compensation" || label == "charges.interest" => {
                let own = self.get(&format!("{label}.{}", k.word()));
                if own.is_empty() {
                    self.get(label)
                } else {
                    own
                }
            }
            _ => self.get(label),
        }
    }

    pub fn label(&self, name: &str) -> &'static str {
        self.get(name)
    }
}

/// A language's phrases, looked up once.
pub(crate) fn phrases(l: Language) -> &'static Phrases {
    static PHRASES: OnceLock<Vec<Phrases>> = OnceLock::new();
    let all = PHRASES.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|&l| {
                let blocks = lang_blocks(l);
                let g = |n: &str| lookup(blocks, n).unwrap_or("");
                Phrases {
                    blocks,
                    and: g("and"),
                    table: [
                        g("table.invoice"),
                        g("table.due"),
                        g("table.amount"),
                        g("table.outstanding"),
                        g("table.days"),
                        g("table.total"),
                    ],
                }
            })
            .collect()
    });
    let i = Language::ALL.iter().position(|x| *x == l).unwrap_or(0);
    &all[i]
}

/// Which part of a notice a template produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Subject,
    Text,
    Html,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Subject => "subject",
            Part::Text => "text",
            Part::Html => "html",
        }
    }
}

fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::Email => "email",
        Channel::Letter => "letter",
        Channel::Phone => "phone",
        Channel::Sms => "sms",
    }
}

/// The template source of a built-in notice part, ready for the engine; `None` for the HTML of a
/// phone script or a text message, which is made from their text.
pub fn builtin_source(language: Language, stage: &str, channel: Channel, part: Part) -> Option<String> {
    let root = match part {
        Part::Subject => "subject".to_string(),
        Part::Text => format!("{}.text", channel_name(channel)),
        Part::Html => format!("{}.html", channel_name(channel)),
    };
    let t = texts();
    let layout_root = lookup(&t.layout, &root)?;
    let mut out = String::with_capacity(4096);
    expand(
        layout_root,
        &Expand {
            lang: lang_blocks(language),
            layout: &t.layout,
            stage,
            html: part == Part::Html,
        },
        &mut out,
        0,
    );
    Some(out)
}

pub(crate) fn source_for(s: &Settings, part: Part) -> Option<String> {
    builtin_source(s.language, s.stage, s.channel, part)
}

struct Expand<'a> {
    lang: &'a Blocks,
    layout: &'a Blocks,
    stage: &'a str,
    html: bool,
}

fn expand(src: &str, x: &Expand, out: &mut String, depth: u32) {
    let mut rest = src;
    while let Some(i) = rest.find("[[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("]]") else {
            out.push_str(&rest[i..]);
            return;
        };
        let name = &after[..j];
        rest = &after[j + 2..];
        // Blocks only nest a few levels; the bound keeps a mistake in a text file from looping.
        if depth > 8 {
            continue;
        }
        let suffix = if x.html { "html" } else { "text" };
        if let Some(stage_part) = name.strip_prefix("stage.") {
            if let Some(b) = lookup(x.lang, &format!("{}.{stage_part}", x.stage)) {
                lang_text(b, x, out, depth);
            }
        } else if let Some(b) = lookup(x.layout, &format!("{name}.{suffix}")) {
            expand(b, x, out, depth + 1);
        } else if let Some(b) = lookup(x.lang, name) {
            lang_text(b, x, out, depth);
        } else if let Some(b) = lookup(x.layout, name) {
            expand(b, x, out, depth + 1);
        }
    }
    out.push_str(rest);
}

/// A language block: in HTML its blank lines end paragraphs and its other line breaks become `<br>`.
fn lang_text(block: &str, x: &Expand, out: &mut String, depth: u32) {
    if !x.html {
        return expand(block, x, out, depth + 1);
    }
    let mut converted = String::with_capacity(block.len() + 32);
    for (i, para) in block.split("\n\n").enumerate() {
        if i > 0 {
            converted.push_str("</p>\n<p>");
        }
        converted.push_str(&para.replace('\n', "<br>\n"));
    }
    expand(&converted, x, out, depth + 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_block_english_has() {
        let t = texts();
        let en = &t.langs[0];
        for (i, lang) in t.langs.iter().enumerate() {
            for (name, _) in en {
                assert!(
                    lookup(lang, name).is_some(),
                    "{} lacks block {name}",
                    Language::ALL[i].code()
                );
            }
            assert_eq!(
                lang.len(),
                en.len(),
                "{} has blocks English has not",
                Language::ALL[i].code()
            );
        }
    }

    #[test]
    fn language_texts_hold_no_markup() {
        for (i, lang) in texts().langs.iter().enumerate() {
            for (name, body) in lang {
                assert!(
                    !body.contains(['<', '>', '&']),
                    "{} {name} has markup",
                    Language::ALL[i].code()
                );
            }
        }
    }
}
