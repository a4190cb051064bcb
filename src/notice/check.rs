//! Checks a user's template before it runs: upon finds syntax errors; this module reads every tag
//! to find names that are not notice variables (with line, column and the nearest known name),
//! and values that cannot be written out (a list in `{{ }}`). The work a template does is bounded
//! while it renders, by the step budget ([`super::MAX_STEPS`]), not here.

use super::builtin::Part;
use super::vars::{Needs, FORMATTERS, LOOP_FIELDS, VARIABLES};
use serde::Serialize;

/// One thing wrong with a template.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// `subject`, `text` or `html`.
    pub part: &'static str,
    /// 1-based; 0 when unknown.
    pub line: usize,
    pub column: usize,
    /// `syntax`, `unknown_variable`, `not_text`, `not_a_list` or `unsupported`.
    pub kind: &'static str,
    pub message: String,
    /// The nearest known name, for `unknown_variable`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Problem {
    pub fn message_with_position(&self) -> String {
        if self.line == 0 {
            format!("In the {}: {}", self.part, self.message)
        } else {
            format!(
                "In the {}, line {}, column {}: {}",
                self.part, self.line, self.column, self.message
            )
        }
    }
}

/// What [`check`] found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// The top-level variables the template reads.
    pub needs: Needs,
}

/// Input of `validateTemplate`.
#[derive(Debug, Clone)]
pub struct ValidateInput {
    pub template: super::CustomTemplate,
}
crate::decode_struct!(ValidateInput { template: "template" });

/// Output of `validateTemplate`.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateCheck {
    pub ok: bool,
    pub problems: Vec<Problem>,
}

// ---- the variable tree -------------------------------------------------------------------------

struct Node {
    name: &'static str,
    kind: &'static str,
    children: Vec<usize>,
    elem: Option<usize>,
}

struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    fn build() -> Tree {
        let mut t = Tree {
            nodes: vec![Node {
                name: "",
                kind: "group",
                children: vec![],
                elem: None,
            }],
        };
        for var in VARIABLES {
            let mut at = 0;
            let mut rest = var.name;
            loop {
                let (seg, tail) = match rest.find('.') {
                    Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                    None => (rest, None),
                };
                let (base, list) = match seg.strip_suffix("[]") {
                    Some(b) => (b, true),
                    None => (seg, false),
                };
                at = t.child(at, base).unwrap_or_else(|| t.add_child(at, base));
                if list {
                    at = match t.nodes[at].elem {
                        Some(e) => e,
                        None => {
                            let e = t.push("[]");
                            t.nodes[at].elem = Some(e);
                            e
                        }
                    };
                }
                match tail {
                    Some(tl) => rest = tl,
                    None => {
                        t.nodes[at].kind = var.kind;
                        break;
                    }
                }
            }
        }
        t
    }

    fn push(&mut self, name: &'static str) -> usize {
        self.nodes.push(Node {
            name,
            kind: "group",
            children: vec![],
            elem: None,
        });
        self.nodes.len() - 1
    }

    fn add_child(&mut self, parent: usize, name: &'static str) -> usize {
        let n = self.push(name);
        self.nodes[parent].children.push(n);
        n
    }

    fn child(&self, parent: usize, name: &str) -> Option<usize> {
        self.nodes[parent]
            .children
            .iter()
            .copied()
            .find(|&c| self.nodes[c].name == name)
    }

    fn names(&self, parent: usize) -> Vec<&'static str> {
        self.nodes[parent]
            .children
            .iter()
            .map(|&c| self.nodes[c].name)
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ty {
    Node(usize),
    Scalar,
    Loop,
    Any,
}

// ---- tags and tokens -----------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Ident(&'a str),
    Number,
    Str,
    Dot,
    OptDot,
    Pipe,
    Colon,
    Comma,
    Open(char),
    Close(char),
    Other,
}

fn tokens(s: &str, base: usize) -> Vec<(Tok<'_>, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let tok = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                Tok::Str
            }
            b'0'..=b'9' => {
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric()
                        || b[i] == b'_'
                        || (b[i] == b'.'
                            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                            && !matches!(out.last(), Some((Tok::Dot | Tok::OptDot, _)))))
                {
                    i += 1;
                }
                Tok::Number
            }
            b'-' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                i += 1;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] == b'_') {
                    i += 1;
                }
                Tok::Number
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                Tok::Ident(&s[start..i])
            }
            b'?' if b.get(i + 1) == Some(&b'.') => {
                i += 2;
                Tok::OptDot
            }
            _ => {
                i += 1;
                match c {
                    b'.' => Tok::Dot,
                    b'|' => Tok::Pipe,
                    b':' => Tok::Colon,
                    b',' => Tok::Comma,
                    b'(' | b'[' | b'{' => Tok::Open(c as char),
                    b')' | b']' | b'}' => Tok::Close(c as char),
                    _ => Tok::Other,
                }
            }
        };
        out.push((tok, base + start));
    }
    out
}

/// Tags in source order: (is a block `{% %}`, inner text, byte offset of the inner text).
fn tags(src: &str) -> Vec<(bool, &str, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = src.as_bytes();
    while let Some(j) = src[i..].find('{') {
        let at = i + j;
        let kind = b.get(at + 1).copied();
        let close = match kind {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                i = at + 1;
                continue;
            }
        };
        let inner_start = at + 2;
        // The end, skipping over string literals.
        let mut k = inner_start;
        let mut end = None;
        while k < b.len() {
            if b[k] == b'"' && close != "#}" {
                k += 1;
                while k < b.len() && b[k] != b'"' {
                    k += if b[k] == b'\\' { 2 } else { 1 };
                }
                k += 1;
                continue;
            }
            if b[k..].starts_with(close.as_bytes()) {
                end = Some(k);
                break;
            }
            k += 1;
        }
        let Some(end) = end else { break };
        if close != "#}" {
            let mut inner = &src[inner_start..end];
            let mut off = inner_start;
            if let Some(t) = inner.strip_prefix('-') {
                inner = t;
                off += 1;
            }
            inner = inner.strip_suffix('-').unwrap_or(inner);
            out.push((close == "%}", inner, off));
        }
        i = end + 2;
    }
    out
}

/// Deepest nesting of brackets inside one tag, and of blocks (`if`, `for`, `with`) inside each other.
/// upon parses and renders both recursively and WebAssembly's stack is 1 MiB: a tag with a few
/// hundred `(`, or a few thousand nested `if`s, overran it and broke the module for every later call
/// (found by fuzzing). Real templates nest two or three deep.
pub const MAX_NESTING: usize = 32;

/// The first place where a template nests deeper than [`MAX_NESTING`]; checked before upon sees it.
/// Unclosed tags count too: upon parses them before it finds the missing end.
pub(crate) fn too_deep(src: &str, part: Part) -> Option<Problem> {
    let b = src.as_bytes();
    let (mut i, mut inside, mut depth, mut blocks) = (0, false, 0usize, 0usize);
    let deep = |at: usize, what: &str| {
        let (line, column) = position(src, at);
        Some(Problem {
            part: part.name(),
            line,
            column,
            kind: "syntax",
            message: format!("{what} are nested more than {MAX_NESTING} deep."),
            suggestion: None,
        })
    };
    while i < b.len() {
        let next = b.get(i + 1).copied();
        if !inside {
            if b[i] == b'{' && matches!(next, Some(b'{' | b'%')) {
                (inside, depth) = (true, 0);
                if next == Some(b'%') {
                    let rest = src[i + 2..].trim_start_matches('-').trim_start();
                    let word = rest.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
                    match word {
                        "if" | "for" | "with" => {
                            blocks += 1;
                            if blocks > MAX_NESTING {
                                return deep(i, "Blocks (if, for, with)");
                            }
                        }
                        "endif" | "endfor" | "endwith" => blocks = blocks.saturating_sub(1),
                        _ => {}
                    }
                }
                i += 1;
            }
        } else {
            match b[i] {
                b'"' => {
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'(' | b'[' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return deep(i, "Brackets");
                    }
                }
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' | b'%' if next == Some(b'}') => {
                    inside = false;
                    i += 1;
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

fn position(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

// ---- the checker ---------------------------------------------------------------------------------

struct Scope {
    /// Names bound by `for` and `with`, innermost last.
    vars: Vec<(String, Ty)>,
    /// Open blocks: (keyword, how many vars it bound).
    blocks: Vec<(&'static str, usize)>,
}

/// Most problems listed for one part: the first ones are what a writer fixes next.
pub const MAX_PROBLEMS: usize = 100;

struct Checker<'a> {
    src: &'a str,
    /// The last offset given a position, with its line and column.
    at: (usize, usize, usize),
    part: Part,
    tree: Tree,
    scope: Scope,
    report: Report,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, offset: usize, kind: &'static str, message: String, suggestion: Option<String>) {
        if self.full() {
            return;
        }
        let (line, column) = self.position(offset);
        // One report per place is enough; a place's problems come one after another.
        if self
            .report
            .problems
            .last()
            .is_some_and(|p| p.line == line && p.column == column)
        {
            return;
        }
        self.report.problems.push(Problem {
            part: self.part.name(),
            line,
            column,
            kind,
            message,
            suggestion,
        });
    }

    /// Whether no more problems will be listed, so none is worth describing.
    fn full(&self) -> bool {
        self.report.problems.len() >= MAX_PROBLEMS
    }

    /// Line and column of `offset`, counted on from the last place asked for: problems come in
    /// the order of the text, and counting from the start each time made checking quadratic.
    fn position(&mut self, offset: usize) -> (usize, usize) {
        let (from, mut line, mut column) = if offset >= self.at.0 { self.at } else { (0, 1, 1) };
        let offset = offset.min(self.src.len());
        for c in self.src.get(from..offset).unwrap_or("").chars() {
            if c == '\n' {
                (line, column) = (line + 1, 1);
            } else {
                column += 1;
            }
        }
        self.at = (offset, line, column);
        (line, column)
    }

    fn lookup_head(&self, name: &str) -> Option<Ty> {
        if let Some((_, ty)) = self.scope.vars.iter().rev().find(|(n, _)| n == name) {
            return Some(*ty);
        }
        if name == "loop" && self.scope.blocks.iter().any(|b| b.0 == "for") {
            return Some(Ty::Loop);
        }
        self.tree.child(0, name).map(Ty::Node)
    }

    /// Resolves the path starting at token `i`; returns its type, the index after it and its name.
    fn path(&mut self, toks: &[(Tok<'a>, usize)], mut i: usize) -> (Ty, usize, String) {
        let start_off = toks[i].1;
        let head = match toks[i].0 {
            Tok::Ident(h) => h,
            _ => return (Ty::Any, i + 1, String::new()),
        };
        let mut shown = head.to_string();
        let mut ty = match self.lookup_head(head) {
            Some(t) => {
                if matches!(t, Ty::Node(n) if self.tree.nodes[0].children.contains(&n)) {
                    self.report.needs.add(head);
                    // `sender.email` needs that field; `sender` alone needs them all.
                    let field = match (toks.get(i + 1).map(|t| &t.0), toks.get(i + 2).map(|t| &t.0)) {
                        (Some(Tok::Dot | Tok::OptDot), Some(Tok::Ident(f))) => Some(*f),
                        _ => None,
                    };
                    self.report.needs.add_field(head, field);
                }
                t
            }
            None if self.full() => Ty::Any,
            None => {
                let mut known: Vec<String> = self.tree.names(0).into_iter().map(String::from).collect();
                known.extend(self.scope.vars.iter().map(|(n, _)| n.clone()));
                let sug = nearest(head, known.iter().map(String::as_str));
                let msg = match &sug {
                    Some(s) => {
                        format!("\"{head}\" is not a notice variable; did you mean \"{s}\"?")
                    }
                    None => format!("\"{head}\" is not a notice variable (listTemplateVariables lists them)."),
                };
                self.problem(start_off, "unknown_variable", msg, sug);
                Ty::Any
            }
        };
        i += 1;
        while i + 1 < toks.len() && matches!(toks[i].0, Tok::Dot | Tok::OptDot) {
            let (seg_tok, seg_off) = (toks[i + 1].0.clone(), toks[i + 1].1);
            let seg = match seg_tok {
                Tok::Ident(s) => Some(s),
                Tok::Number => None,
                _ => break,
            };
            i += 2;
            let seg_text = seg.unwrap_or("0");
            let before = shown.clone();
            shown.push('.');
            shown.push_str(seg_text);
            ty = match (ty, seg) {
                (Ty::Any, _) => Ty::Any,
                (Ty::Loop, Some(f)) if LOOP_FIELDS.contains(&f) => Ty::Scalar,
                (Ty::Loop, _) if self.full() => Ty::Any,
                (Ty::Loop, _) => {
                    let sug = seg.and_then(|f| nearest(f, LOOP_FIELDS.iter().copied()));
                    self.problem(
                        seg_off,
                        "unknown_variable",
                        format!("\"{shown}\" is not known; a loop has loop.index, loop.first and loop.last."),
                        sug.map(|s| format!("loop.{s}")),
                    );
                    Ty::Any
                }
                (Ty::Node(n), None) if self.tree.nodes[n].elem.is_some() => {
                    Ty::Node(self.tree.nodes[n].elem.unwrap_or(n))
                }
                (Ty::Node(n), Some(f))
                    if self.tree.nodes[n].elem.is_none() && !self.tree.nodes[n].children.is_empty() =>
                {
                    match self.tree.child(n, f) {
                        Some(c) => Ty::Node(c),
                        None if self.full() => Ty::Any,
                        None => {
                            let names = self.tree.names(n);
                            let sug = nearest(f, names.iter().copied()).map(|s| format!("{before}.{s}"));
                            let msg = match &sug {
                                Some(s) => format!("\"{shown}\" is not a notice variable; did you mean \"{s}\"?"),
                                None => format!(
                                    "\"{shown}\" is not a notice variable; \"{before}\" has {}.",
                                    names.join(", ")
                                ),
                            };
                            self.problem(seg_off, "unknown_variable", msg, sug);
                            Ty::Any
                        }
                    }
                }
                (Ty::Node(n), Some(_)) if self.tree.nodes[n].elem.is_some() => {
                    self.problem(seg_off, "not_a_group", format!("\"{before}\" is a list: loop over it with {{% for item in {before} %}}, or pick one item as {before}.0."), None);
                    Ty::Any
                }
                _ => {
                    self.problem(
                        seg_off,
                        "unknown_variable",
                        format!("\"{before}\" has no part called \"{seg_text}\"."),
                        None,
                    );
                    Ty::Any
                }
            };
        }
        (ty, i, shown)
    }

    /// Checks an expression; returns the type of the whole when it is a single path (possibly with
    /// formatters), with its name.
    fn expr(&mut self, toks: &[(Tok<'a>, usize)]) -> Option<(Ty, String)> {
        let mut i = 0;
        let mut single = None;
        let mut count = 0;
        while i < toks.len() {
            match toks[i].0 {
                Tok::Ident(w) if i > 0 && toks[i - 1].0 == Tok::Pipe => {
                    if !FORMATTERS.contains(&w) && !self.full() {
                        let sug = nearest(w, FORMATTERS.iter().copied());
                        self.problem(
                            toks[i].1,
                            "unknown_variable",
                            format!("\"{w}\" is not a formatter; there is {}.", FORMATTERS.join(", ")),
                            sug,
                        );
                    }
                    i += 1;
                }
                Tok::Ident("true" | "false" | "not" | "none") => i += 1,
                Tok::Ident(_) if toks.get(i + 1).is_some_and(|t| t.0 == Tok::Open('(')) => {
                    self.problem(
                        toks[i].1,
                        "unsupported",
                        "Functions are not available in notice templates.".into(),
                        None,
                    );
                    i += 1;
                }
                Tok::Ident(_) => {
                    let (ty, next, name) = self.path(toks, i);
                    count += 1;
                    single = Some((ty, name));
                    i = next;
                }
                // `.name` is upon's explicit form of `name`.
                Tok::Dot if i == 0 || matches!(toks[i - 1].0, Tok::Open(_) | Tok::Comma | Tok::Colon) => i += 1,
                _ => {
                    if !matches!(toks[i].0, Tok::Pipe) {
                        count += 1;
                    }
                    i += 1;
                }
            }
        }
        if count == 1 {
            single
        } else {
            None
        }
    }

    fn block(&mut self, inner: &'a str, off: usize) {
        let toks = tokens(inner, off);
        let Some((Tok::Ident(kw), kw_off)) = toks.first().cloned() else {
            return;
        };
        match kw {
            "if" => {
                self.expr(&toks[1..]);
                self.scope.blocks.push(("if", 0));
            }
            "else" => {
                if matches!(toks.get(1), Some((Tok::Ident("if"), _))) {
                    self.expr(&toks[2..]);
                }
            }
            "for" => {
                let in_at = toks.iter().position(|t| t.0 == Tok::Ident("in")).unwrap_or(toks.len());
                let names: Vec<&str> = toks[1..in_at]
                    .iter()
                    .filter_map(|t| if let Tok::Ident(n) = t.0 { Some(n) } else { None })
                    .collect();
                let it = &toks[(in_at + 1).min(toks.len())..];
                let mut elem = Ty::Any;
                if !matches!(it.first(), Some((Tok::Open('['), _))) {
                    match self.expr(it) {
                        Some((Ty::Node(n), _)) if self.tree.nodes[n].elem.is_some() => {
                            elem = Ty::Node(self.tree.nodes[n].elem.unwrap_or(n));
                        }
                        Some((Ty::Node(n), _)) if !self.tree.nodes[n].children.is_empty() && names.len() == 2 => {}
                        Some((Ty::Node(n), name)) if !self.tree.nodes[n].children.is_empty() => {
                            self.problem(kw_off, "not_a_list", format!("\"{name}\" is a group: loop over its fields with {{% for key, value in {name} %}}."), None);
                        }
                        Some((Ty::Node(_) | Ty::Scalar | Ty::Loop, name)) => {
                            self.problem(
                                kw_off,
                                "not_a_list",
                                format!("\"{name}\" is not a list, so it cannot be looped over."),
                                None,
                            );
                        }
                        _ => {}
                    }
                }
                // One name takes each item; two take a group's key and value.
                for (k, n) in names.iter().enumerate() {
                    let ty = if names.len() == 1 {
                        elem
                    } else if k == 0 {
                        Ty::Scalar
                    } else {
                        Ty::Any
                    };
                    self.scope.vars.push((n.to_string(), ty));
                }
                self.scope.blocks.push(("for", names.len()));
            }
            "with" => {
                let as_at = toks.iter().rposition(|t| t.0 == Tok::Ident("as")).unwrap_or(toks.len());
                let ty = self.expr(&toks[1..as_at]).map_or(Ty::Any, |(t, _)| t);
                let mut bound = 0;
                if let Some((Tok::Ident(n), _)) = toks.get(as_at + 1) {
                    self.scope.vars.push((n.to_string(), ty));
                    bound = 1;
                }
                self.scope.blocks.push(("with", bound));
            }
            "endif" | "endfor" | "endwith" => {
                if let Some((_, bound)) = self.scope.blocks.pop() {
                    let keep = self.scope.vars.len().saturating_sub(bound);
                    self.scope.vars.truncate(keep);
                }
            }
            "include" => self.problem(
                kw_off,
                "unsupported",
                "Including other templates is not available in notice templates.".into(),
                None,
            ),
            _ => {}
        }
    }

    fn output(&mut self, inner: &'a str, off: usize) {
        let toks = tokens(inner, off);
        let off = toks.first().map_or(off, |t| t.1);
        if let Some((Ty::Node(n), name)) = self.expr(&toks) {
            let node = &self.tree.nodes[n];
            if node.elem.is_some() {
                self.problem(
                    off,
                    "not_text",
                    format!("\"{name}\" is a list: write its items with {{% for item in {name} %}}…{{% endfor %}}."),
                    None,
                );
            } else if !node.children.is_empty() {
                let fields = self.tree.names(n).join(", ");
                self.problem(
                    off,
                    "not_text",
                    format!("\"{name}\" is a group; write one of its parts: {fields}."),
                    None,
                );
            }
        }
    }
}

/// Checks one template part: syntax (by compiling it), then names and formatters.
pub fn check(src: &str, part: Part) -> Report {
    if let Some(p) = too_deep(src, part) {
        return Report {
            problems: vec![p],
            ..Report::default()
        };
    }
    let engine = super::engine::bare_engine();
    if let Err(e) = engine.compile(src) {
        let mut r = Report::default();
        r.problems.push(super::engine::problem_from_upon(&e, part));
        return r;
    }
    scan(src, part)
}

/// Names and formatters of a template upon has already compiled.
pub(crate) fn scan(src: &str, part: Part) -> Report {
    let mut c = Checker {
        src,
        at: (0, 1, 1),
        part,
        tree: Tree::build(),
        scope: Scope {
            vars: vec![],
            blocks: vec![],
        },
        report: Report::default(),
    };
    for (is_block, inner, off) in tags(src) {
        if is_block {
            c.block(inner, off);
        } else {
            c.output(inner, off);
        }
    }
    c.report
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
fn nearest<'n>(word: &str, candidates: impl Iterator<Item = &'n str>) -> Option<String> {
    let w: Vec<char> = word.to_ascii_lowercase().chars().collect();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = distance(&w, &c.to_ascii_lowercase().chars().collect::<Vec<_>>());
        if best.map_or(true, |(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (w.len() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c.to_string())
}

fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(src: &str) -> Vec<Problem> {
        check(src, Part::Text).problems
    }

    #[test]
    fn needs_name_the_group_fields_read_and_a_whole_group_when_it_is_read_whole() {
        use crate::notice::vars::{field_bit, top_bit};
        let n = check(
            "{{ sender.name }} {{ sender?.email }} {% for l in customer.addressLines %}{{ l }}{% endfor %}",
            Part::Text,
        )
        .needs;
        let field = |f: &str| n.has_field_bit(field_bit(f));
        assert!(n.has_top(top_bit("sender")) && n.has_top(top_bit("customer")) && !n.has_top(top_bit("plan")));
        assert!(field("sender.name") && field("sender.email"));
        assert!(!field("sender.phone") && !field("sender.bankLines"));
        assert!(field("customer.addressLines") && !field("customer.name"));
        let n = check("{% with customer as c %}{{ c.name }}{% endwith %}", Part::Text).needs;
        let field = |f: &str| n.has_field_bit(field_bit(f));
        assert!(
            field("customer.email") && field("customer.addressLines"),
            "customer read whole"
        );
        assert!(!field("sender.name"), "sender not read");
    }

    #[test]
    fn known_names_pass() {
        let src = "{{ salutation }}\n{% for inv in invoices %}{{ inv.number }} {{ loop.index }} {{ inv.outstanding | upper }}\n{% endfor %}\
            {% if charges %}{{ charges.total }}{% for e in charges.explanation %}{{ e }}{% endfor %}{% endif %}\
            {{ invoices.0.dueDate }} {% with customer as c %}{{ c.name }}{% endwith %} {{ plan?.count }}";
        assert_eq!(problems(src), vec![]);
    }

    #[test]
    fn unknown_names_have_positions_and_suggestions() {
        let p =
            problems("Dear {{ customer.nmae }},\n\n{{ totl }} {% for i in invoices %}{{ i.outstandng }}{% endfor %}");
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!((p[0].line, p[0].column), (1, 18));
        assert_eq!(p[0].suggestion.as_deref(), Some("customer.name"));
        assert_eq!((p[1].line, p[1].column), (3, 4));
        assert_eq!(p[1].suggestion.as_deref(), Some("total"));
        assert_eq!(p[2].suggestion.as_deref(), Some("i.outstanding"));
    }

    #[test]
    fn loop_variables_end_with_their_loop() {
        let p = problems("{% for inv in invoices %}{% endfor %}{{ inv.number }}");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, "unknown_variable");
    }

    #[test]
    fn lists_and_groups_are_not_text() {
        let p = problems("{{ invoices }} {{ customer }} {% for x in total %}{% endfor %}");
        let kinds: Vec<_> = p.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, ["not_text", "not_text", "not_a_list"]);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let p = problems("Hello\n  {% if customer.name %}unclosed");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, "syntax");
        assert!(p[0].line >= 1, "{p:?}");
    }

    #[test]
    fn nearest_names() {
        assert_eq!(
            nearest("totl", ["total", "totalDue"].into_iter()).as_deref(),
            Some("total")
        );
        assert_eq!(nearest("zzzzzz", ["total"].into_iter()), None);
    }
}
