#![cfg(not(target_arch = "wasm32"))]
//! The TypeScript definitions of what crosses to JavaScript, generated from the Rust types, so
//! that a declared field is a field the code reads or writes, under the same name:
//! - wire names from `decode_struct!` (inputs), `decode_enum!` (words both ways) and serde's
//!   `rename_all` / `rename` (outputs);
//! - an input field is optional when `decode_struct!` gives it `= default` (absent and `null` read
//!   the same); an output field is optional when serde skips it (`skip_serializing_if`), and
//!   `| null` when it is an `Option` written as `null`;
//! - the comments are the Rust `///` docs.
//!
//! The result, src/wasm/generated.d.ts, is committed and built into the package; this test fails
//! when it is not what the Rust types say. To write it: `OVERDUE_WRITE_TYPES=1 cargo test --test
//! typescript`. What a generator cannot say (scalar aliases, the error class, unions of inputs
//! where exactly one of two fields is given) stays in src/wasm/types.d.ts, each with its reason.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, GenericArgument, Ident, Item, LitStr, PathArguments, Token, Type, UseTree};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Dir {
    /// Read by the module: amounts and dates accept their input forms, ids numbers.
    In,
    /// Written by the module.
    Out,
    /// Both (the workspace): declared as the input, which every output also satisfies.
    Both,
}
use Dir::{Both, In, Out};

/// Every Rust type that crosses, in the order the file declares them, with its TypeScript name and
/// the direction it crosses in. A type met in a field but missing here fails the test, so a new
/// type cannot cross undeclared.
const NAMES: &[(&str, Dir, &str)] = &[
    // Invoices
    ("invoice::Customer", In, "CustomerInput"),
    ("invoice::Payment", In, "PaymentInput"),
    ("invoice::Credit", In, "CreditInput"),
    ("invoice::Invoice", In, "InvoiceInput"),
    ("normalize::NormalizeInput", In, "NormalizeInvoicesInput"),
    ("invoice::Customer", Out, "Customer"),
    ("normalize::Status", Out, "InvoiceStatus"),
    ("normalize::NormalizedInvoice", Out, "NormalizedInvoice"),
    ("normalize::CurrencyTotals", Out, "CurrencyTotals"),
    ("normalize::NormalizeOutput", Out, "NormalizeInvoicesOutput"),
    ("invoice::Payment", Out, "Payment"),
    ("invoice::Credit", Out, "Credit"),
    ("invoice::Invoice", Out, "ImportedInvoice"),
    // Ageing
    ("aging::Basis", Both, "AgingBasis"),
    ("aging::Detail", Both, "AgingDetail"),
    ("aging::AgingInput", In, "AgeReceivablesInput"),
    ("aging_csv::AgingCsvInput", In, "AgeReceivablesCsvInput"),
    ("aging::BucketDef", Out, "BucketDef"),
    ("aging::BucketTotal", Out, "BucketTotal"),
    ("aging::CurrencyAging", Out, "CurrencyAging"),
    ("aging::CustomerAging", Out, "CustomerAging"),
    ("aging::InvoiceAging", Out, "InvoiceAging"),
    ("aging::CreditEntry", Out, "CreditEntry"),
    ("aging::AgingReport", Out, "AgingReport"),
    // KPIs (the input is a union: types.d.ts)
    ("kpi::KpiSource", Out, "KpiSource"),
    ("kpi::CountbackMonth", Out, "CountbackMonth"),
    ("kpi::Kpis", Out, "Kpis"),
    ("kpi::KpiReport", Out, "KpiReport"),
    // Who to chase
    ("worklist::CustomerRisk", In, "CustomerRiskInput"),
    ("worklist::RiskInput", In, "WorklistRiskInput"),
    ("worklist::WorklistInput", In, "CollectionWorklistInput"),
    ("worklist::Hold", Out, "HoldReason"),
    ("worklist::WorkStatus", Out, "WorkStatus"),
    ("worklist::WorkInvoice", Out, "WorkInvoice"),
    ("worklist::WorkItem", Out, "WorkItem"),
    ("worklist::Worklist", Out, "Worklist"),
    // Payment plans (the input is a union: types.d.ts)
    ("plan::Frequency", Both, "PlanFrequency"),
    ("plan::Method", Both, "PlanMethod"),
    ("plan::DownPaymentInput", In, "DownPaymentInput"),
    ("plan::Row", Out, "PlanRow"),
    ("plan::DownPayment", Out, "DownPayment"),
    ("plan::Totals", Out, "PlanTotals"),
    ("plan::Plan", Out, "PaymentPlan"),
    // Payment terms
    ("terms::Terms", Out, "PaymentTerms"),
    ("terms::DiscountInput", In, "EarlyPaymentDiscountInput"),
    ("terms::Discount", Out, "EarlyPaymentDiscount"),
    // Payment risk
    ("risk::Thresholds", In, "RiskThresholds"),
    ("risk::RiskInput", In, "PaymentRiskInput"),
    ("risk::Trend", Both, "RiskTrend"),
    ("risk::MonthPoint", Out, "RiskMonth"),
    ("risk::CustomerRisk", Out, "CustomerRisk"),
    ("risk::CurrencyRisk", Out, "CurrencyRisk"),
    ("risk::RiskReport", Out, "RiskReport"),
    // Customer documents
    ("documents::DocKind", Both, "DocumentKind"),
    ("documents::Document", Both, "CustomerDocument"),
    // Late charges (the regime is a union: types.d.ts)
    ("rates::Table", Both, "RateTable"),
    ("charges::Kind", Both, "RegimeKind"),
    ("rates::RateRow", Both, "ReferenceRateRow"),
    ("charges::DayCount", Both, "DayCount"),
    ("charges::Allocation", Both, "Allocation"),
    ("charges::DefaultStarts", Both, "DefaultStarts"),
    ("charges::Scope", Both, "ChargeScope"),
    ("charges::ExchangeRate", In, "ExchangeRate"),
    ("charges::ChargesInput", In, "LateChargesInput"),
    ("charges::Period", Out, "ChargePeriod"),
    ("charges::PaymentApplied", Out, "PaymentApplied"),
    ("charges::ChargeTotals", Out, "ChargeTotals"),
    ("charges::Status", Out, "ChargeStatus"),
    ("charges::Money", Out, "AmountIn"),
    ("charges::ChargeProblem", Out, "ChargeProblem"),
    ("charges::InvoiceCharges", Out, "InvoiceCharges"),
    ("charges::StatusTotals", Out, "StatusTotals"),
    ("charges::CustomerCharges", Out, "CustomerCharges"),
    ("charges::CurrencyCharges", Out, "CurrencyCharges"),
    ("charges::UnknownRate", Out, "UnknownRate"),
    ("charges::ChargesReport", Out, "LateChargesReport"),
    // Cash forecast
    ("forecast::Detail", Both, "ForecastDetail"),
    ("forecast::Basis", Both, "ForecastBasis"),
    ("forecast::ForecastInput", In, "CashForecastInput"),
    ("forecast::InvoiceForecast", Out, "InvoiceForecast"),
    ("forecast::Period", Out, "ForecastPeriod"),
    ("forecast::CurrencyForecast", Out, "CurrencyForecast"),
    ("forecast::Forecast", Out, "CashForecast"),
    ("forecast::BacktestInput", In, "CashForecastBacktestInput"),
    ("forecast::Score", Out, "ForecastScore"),
    ("forecast::Cut", Out, "BacktestCut"),
    ("forecast::Backtest", Out, "CashForecastBacktest"),
    // Provision
    ("provision::ProvisionInput", In, "ProvisionMatrixInput"),
    ("provision::ProvisionBucket", Out, "ProvisionBucket"),
    ("provision::LastBucket", Out, "LastBucket"),
    ("provision::CurrencyProvision", Out, "CurrencyProvision"),
    ("provision::Provision", Out, "ProvisionMatrix"),
    // The escalation ladder
    ("ladder::Channel", Both, "Channel"),
    ("ladder::FeePer", Both, "FeePer"),
    ("ladder::StageFee", Both, "StageFee"),
    ("ladder::Stage", Both, "Stage"),
    ("ladder::Sent", Both, "SentNotice"),
    ("ladder::NextActionsInput", In, "NextActionsInput"),
    ("ladder::ActionInvoice", Out, "ActionInvoice"),
    ("ladder::LastNotice", Out, "LastNotice"),
    ("ladder::Action", Out, "NoticeAction"),
    ("ladder::DeferReason", Out, "DeferReason"),
    ("ladder::Deferred", Out, "DeferredNotice"),
    ("ladder::Upcoming", Out, "UpcomingNotice"),
    ("ladder::NextActions", Out, "NextActions"),
    ("ladder::PreviewInput", In, "PreviewLadderInput"),
    ("ladder::PlannedStatus", Out, "PlannedStatus"),
    ("ladder::PlannedStage", Out, "PlannedStage"),
    // Statements
    ("statement::StatementCustomer", In, "StatementCustomer"),
    ("statement::StatementInput", In, "StatementOfAccountInput"),
    ("statement::LineKind", Both, "StatementLineKind"),
    ("statement::Line", Out, "StatementLine"),
    ("statement::AgeBucket", Out, "StatementAgeBucket"),
    ("statement::Ageing", Out, "StatementAgeing"),
    ("statement::CurrencyStatement", Out, "CurrencyStatement"),
    ("statement::Statement", Out, "StatementOfAccount"),
    // Notices
    ("notice::Sender", Both, "NoticeSender"),
    ("notice::Recipient", In, "NoticeRecipient"),
    ("notice::CustomTemplate", In, "NoticeTemplate"),
    ("notice::ChargeLine", In, "NoticeChargeLine"),
    ("notice::ChargesIn", In, "NoticeCharges"),
    ("notice::PlanRowIn", In, "NoticePlanRow"),
    ("notice::DownPaymentIn", In, "NoticeDownPayment"),
    ("notice::PlanTotalsIn", In, "NoticePlanTotals"),
    ("notice::PlanIn", In, "NoticePlan"),
    ("notice::InvoiceStage", In, "NoticeInvoiceStage"),
    ("notice::StatementAttachment", In, "NoticeStatement"),
    ("notice::Output", In, "NoticeOutput"),
    ("notice::NoticeInput", In, "RenderNoticeInput"),
    ("notice::Notice", Out, "Notice"),
    ("notice::check::ValidateInput", In, "ValidateTemplateInput"),
    ("notice::check::Problem", Out, "TemplateProblem"),
    ("notice::check::TemplateCheck", Out, "TemplateCheck"),
    ("notice::TemplateQuery", In, "NoticeTemplateInput"),
    ("notice::TemplateSource", Out, "NoticeTemplateSource"),
    ("notice::vars::Variable", Out, "TemplateVariable"),
    // CSV import
    ("import::values::DateFormat", Both, "CsvDateFormat"),
    ("import::bytes::Encoding", Both, "CsvEncoding"),
    ("import::GroupRows", Both, "CsvGroupRows"),
    ("import::SkipReason", Both, "CsvSkipReason"),
    ("import::ImportInput", In, "ImportInvoicesCsvInput"),
    ("import::RowError", Out, "ImportRowError"),
    ("import::Skipped", Out, "ImportSkipped"),
    ("import::Warning", Out, "ImportWarning"),
    ("import::CurrencyTotal", Out, "ImportTotal"),
    ("import::ImportResult", Out, "ImportInvoicesCsvResult"),
    ("import::typed::ParseAmountInput", In, "ParseAmountInput"),
    ("import::typed::ParsedAmount", Out, "ParsedAmount"),
    // The calculator's workspace
    ("workspace::Settings", Both, "WorkspaceSettings"),
    ("workspace::CustomerDetails", Both, "CustomerDetails"),
    ("workspace::LogKind", Both, "LogKind"),
    ("workspace::LogEntry", Both, "LogEntry"),
    ("workspace::SavedPlan", Both, "SavedPlan"),
    ("workspace::Workspace", Both, "Workspace"),
    ("workspace::Parsed", Out, "ParsedWorkspace"),
];

/// Input fields read with `= default` so that the module words the error, yet refused when absent.
const REQUIRED: &[&str] = &["aging_csv::AgingCsvInput.csv"];

/// Word lists the Rust code keeps as text, read from where it keeps them: a `const` array (of words,
/// or of pairs whose second part is the word) or a `fn` whose match arms give each word. (where,
/// TypeScript name, what follows the words.)
const WORD_LISTS: &[(&str, &str, &str)] = &[
    ("error::ErrorCode::as_str", "ErrorCode", ""),
    ("notice::builtin::STAGES", "NoticeStage", ""),
    ("locale::Language::code", "NoticeLanguage", ""),
    // A bare language is accepted wherever a locale is, and picks its first locale.
    ("locale::LOCALES", "NoticeLocale", " | NoticeLanguage"),
    ("import::vocab::FIELDS", "ImportField", ""),
];

/// Types declared by hand in types.d.ts, each for the reason given there.
const BY_HAND: &[(&str, &str)] = &[
    ("charges::Regime", "Regime"),
    ("kpi::KpiInput", "ReceivablesKpisInput"),
    ("plan::PlanInput", "PaymentPlanInput"),
];

/// Rust types with a TypeScript meaning of their own: (name, as input, as output).
const SCALARS: &[(&str, &str, &str)] = &[
    ("String", "string", "string"),
    ("str", "string", "string"),
    ("char", "string", "string"),
    ("bool", "boolean", "boolean"),
    ("u8", "number", "number"),
    ("u16", "number", "number"),
    ("u32", "number", "number"),
    ("u64", "number", "number"),
    ("usize", "number", "number"),
    ("i32", "number", "number"),
    ("i64", "number", "number"),
    ("f64", "number", "number"),
    ("Decimal", "MoneyInput", "Money"),
    ("Amount", "MoneyInput", "Money"),
    ("NaiveDate", "DateInput", "DateString"),
    ("Date", "DateInput", "DateString"),
    ("Id", "string | number", "string"),
    ("Currency", "CurrencyCode", "CurrencyCode"),
    ("ErrorCode", "ErrorCode", "ErrorCode"),
    ("ColumnRef", "string | number", "number"),
    // Written as objects by their own `impl Serialize`.
    ("FieldColumns", "", "Partial<Record<ImportField, number>>"),
    ("ReasonCounts", "", "Partial<Record<CsvSkipReason, number>>"),
];

/// Fields whose Rust type says less than the wire does, until the Rust type says it.
/// Each is a word from a fixed list that the Rust type holds as text (`String`, `&'static str`): the
/// list is in types.d.ts or written here. A Rust enum for each would let the generator say it.
const FIELD_TYPES: &[(&str, &str)] = &[
    ("import::ImportInput.mapping", "Partial<Record<ImportField, string | number | null>>"),
    ("import::ImportInput.bytes", "Uint8Array | ArrayBuffer | null"),
    ("import::ImportInput.decimal_separator", "\".\" | \",\" | null"),
    ("import::RowError.field", "ImportField | \"\""),
    ("import::Warning.code", "\"replacement_characters\" | \"undated_payments\" | \"partly_paid_unknown\" | \"balance_differs\" | \"total_mismatch\""),
    ("import::ImportResult.missing", "ImportField[]"),
    ("import::ImportResult.decimal_separator", "\".\" | \",\""),
    ("import::ImportResult.currency_choices", "CurrencyCode[]"),
    ("import::typed::ParseAmountInput.decimal_separator", "\".\" | \",\" | null"),
    ("worklist::CustomerRisk.trend", "RiskTrend | null"),
    ("risk::CustomerRisk.grade", "\"A\" | \"B\" | \"C\" | \"D\" | \"E\""),
    ("charges::ChargeProblem.code", "\"rate_unknown\" | \"exchange_rate_needed\""),
    ("charges::UnknownRate.table", "RateTable"),
    ("ladder::Stage.template", "NoticeStage"),
    ("ladder::ActionInvoice.template", "NoticeStage"),
    ("ladder::Action.template", "NoticeStage"),
    ("ladder::Action.next_stage", "NoticeStage | \"none\""),
    ("provision::Provision.snapshots", "DateString[]"),
    ("statement::StatementInput.language", "NoticeLanguage | null"),
    ("statement::StatementInput.locale", "NoticeLocale | null"),
    ("statement::Statement.language", "NoticeLanguage"),
    ("statement::Statement.locale", "Exclude<NoticeLocale, NoticeLanguage>"),
    ("notice::InvoiceStage.template", "NoticeStage | null"),
    ("notice::NoticeInput.stage", "NoticeStage | null"),
    ("notice::NoticeInput.language", "NoticeLanguage | null"),
    ("notice::NoticeInput.locale", "NoticeLocale | null"),
    ("notice::NoticeInput.next_stage", "NoticeStage | \"none\" | null"),
    ("notice::Notice.language", "NoticeLanguage"),
    ("notice::Notice.locale", "Exclude<NoticeLocale, NoticeLanguage>"),
    ("notice::Notice.stage", "NoticeStage"),
    ("notice::TemplateQuery.stage", "NoticeStage | null"),
    ("notice::TemplateQuery.language", "NoticeLanguage | null"),
    ("notice::check::Problem.part", "\"subject\" | \"text\" | \"html\""),
    ("notice::check::Problem.kind", "\"syntax\" | \"unknown_variable\" | \"not_text\" | \"not_a_list\" | \"not_a_group\" | \"unsupported\""),
    ("notice::vars::Variable.kind", "\"text\" | \"money\" | \"date\" | \"number\" | \"yes/no\" | \"list\" | \"group\""),
    ("workspace::Settings.language", "NoticeLanguage | null"),
    ("workspace::Settings.locale", "NoticeLocale | null"),
    ("workspace::Settings.regime", "RegimeKind | null"),
];

struct Struct {
    docs: String,
    fields: Vec<Field>,
    rename_all: Option<String>,
    serialize: bool,
}

struct Field {
    ident: String,
    docs: String,
    ty: Type,
    serde: Serde,
}

struct Enum {
    docs: String,
    /// Each variant and its serde `rename`.
    variants: Vec<(String, Option<String>)>,
    rename_all: Option<String>,
}

/// One file's module path and what its `use` items bring in (name → full path).
struct Module {
    path: String,
    uses: BTreeMap<String, String>,
}

#[derive(Default)]
struct Crate {
    modules: Vec<Module>,
    structs: BTreeMap<String, (usize, Struct)>,
    enums: BTreeMap<String, Enum>,
    /// `decode_struct!`: type → (field → key, default).
    decoded: BTreeMap<String, Keys>,
    /// `decode_enum!`: type → (variant → word).
    words: BTreeMap<String, Vec<(String, String)>>,
    /// Every field and function name, for docs that name one (written as JavaScript names).
    names: Vec<String>,
    /// `const` items and methods (`Type::method`) with the string literals they hold, and their docs.
    lists: BTreeMap<String, (String, Vec<String>)>,
}

fn docs(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for a in attrs {
        if let syn::Meta::NameValue(nv) = &a.meta {
            if nv.path.is_ident("doc") {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s), ..
                }) = &nv.value
                {
                    let v = s.value();
                    lines.push(v.strip_prefix(' ').unwrap_or(&v).trim_end().to_string());
                }
            }
        }
    }
    lines.join("\n").trim().to_string()
}

#[derive(Default)]
struct Serde {
    rename_all: Option<String>,
    rename: Option<String>,
    skip_if: bool,
    ser_with: Option<String>,
    flatten: bool,
}

fn serde(attrs: &[Attribute]) -> Serde {
    let mut s = Serde::default();
    for a in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        a.parse_nested_meta(|m| {
            let name = m.path.get_ident().map(ToString::to_string).unwrap_or_default();
            let value = || -> syn::Result<String> { Ok(m.value()?.parse::<LitStr>()?.value()) };
            match name.as_str() {
                "rename_all" => s.rename_all = Some(value()?),
                "rename" => s.rename = Some(value()?),
                "skip_serializing_if" => {
                    value()?;
                    s.skip_if = true;
                }
                "serialize_with" | "with" => s.ser_with = Some(value()?),
                "flatten" => s.flatten = true,
                // `Id`: a string on the wire, declared in SCALARS.
                "transparent" => {}
                "default" => {
                    if m.input.peek(Token![=]) {
                        value()?;
                    }
                }
                other => panic!("serde attribute `{other}` is not understood by the TypeScript generator"),
            }
            Ok(())
        })
        .unwrap();
    }
    s
}

fn derives(attrs: &[Attribute], what: &str) -> bool {
    let mut found = false;
    for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        a.parse_nested_meta(|m| {
            if m.path.segments.last().is_some_and(|s| s.ident == what) {
                found = true;
            }
            Ok(())
        })
        .unwrap();
    }
    found
}

fn is_test(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.parse_args::<Ident>().is_ok_and(|i| i == "test"))
}

fn collect_uses(tree: &UseTree, prefix: &str, out: &mut BTreeMap<String, String>) {
    match tree {
        UseTree::Path(p) => collect_uses(&p.tree, &format!("{prefix}{}::", p.ident), out),
        UseTree::Name(n) => {
            out.insert(n.ident.to_string(), format!("{prefix}{}", n.ident));
        }
        UseTree::Rename(r) => {
            out.insert(r.rename.to_string(), format!("{prefix}{}", r.ident));
        }
        UseTree::Group(g) => g.items.iter().for_each(|t| collect_uses(t, prefix, out)),
        UseTree::Glob(_) => {}
    }
}

/// A `decode_struct!` list: field, key, and whether `= default`.
type Keys = Vec<(String, String, bool)>;

fn parse_decode_struct(input: ParseStream) -> syn::Result<(String, Keys)> {
    let ty: Ident = input.parse()?;
    let body;
    syn::braced!(body in input);
    let mut fields = Vec::new();
    while !body.is_empty() {
        let f: Ident = body.parse()?;
        body.parse::<Token![:]>()?;
        let key: LitStr = body.parse()?;
        let dflt = body.peek(Token![=]);
        if dflt {
            body.parse::<Token![=]>()?;
            body.parse::<Ident>()?;
        }
        fields.push((f.to_string(), key.value(), dflt));
        if !body.is_empty() {
            body.parse::<Token![,]>()?;
        }
    }
    Ok((ty.to_string(), fields))
}

fn parse_decode_enum(input: ParseStream) -> syn::Result<(String, Vec<(String, String)>)> {
    let ty: Ident = input.parse()?;
    let body;
    syn::braced!(body in input);
    let mut words = Vec::new();
    while !body.is_empty() {
        let v: Ident = body.parse()?;
        body.parse::<Token![=]>()?;
        let w: LitStr = body.parse()?;
        words.push((v.to_string(), w.value()));
        if !body.is_empty() {
            body.parse::<Token![,]>()?;
        }
    }
    Ok((ty.to_string(), words))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if !p.ends_with("wasm") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut krate = Crate::default();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
            parts.pop();
        }
        let path = parts.join("::");
        let ast = syn::parse_file(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let m = krate.modules.len();
        let mut uses = BTreeMap::new();
        for item in &ast.items {
            match item {
                Item::Use(u) if !is_test(&u.attrs) => collect_uses(&u.tree, "", &mut uses),
                Item::Fn(f) => krate.names.push(f.sig.ident.to_string()),
                Item::Const(c) if !is_test(&c.attrs) => {
                    let mut words = Vec::new();
                    strings(&c.expr, &mut words);
                    krate
                        .lists
                        .insert(format!("{path}::{}", c.ident), (docs(&c.attrs), words));
                }
                Item::Impl(i) if !is_test(&i.attrs) => {
                    let Type::Path(t) = &*i.self_ty else { continue };
                    let ty = t.path.segments.last().unwrap().ident.to_string();
                    for item in &i.items {
                        if let syn::ImplItem::Fn(f) = item {
                            let mut words = Vec::new();
                            for s in &f.block.stmts {
                                if let syn::Stmt::Expr(e, _) = s {
                                    strings(e, &mut words);
                                }
                            }
                            krate
                                .lists
                                .insert(format!("{path}::{ty}::{}", f.sig.ident), (docs(&f.attrs), words));
                        }
                    }
                }
                Item::Struct(s) if !is_test(&s.attrs) => {
                    // Tuple structs' fields have no name: nothing reads them but their type.
                    let fields: Vec<Field> = s
                        .fields
                        .iter()
                        .map(|f| Field {
                            ident: f.ident.as_ref().map(ToString::to_string).unwrap_or_default(),
                            docs: docs(&f.attrs),
                            ty: f.ty.clone(),
                            serde: serde(&f.attrs),
                        })
                        .collect();
                    krate.names.extend(fields.iter().map(|f| f.ident.clone()));
                    let st = Struct {
                        docs: docs(&s.attrs),
                        fields,
                        rename_all: serde(&s.attrs).rename_all,
                        serialize: derives(&s.attrs, "Serialize"),
                    };
                    krate.structs.insert(format!("{path}::{}", s.ident), (m, st));
                }
                Item::Enum(e) if !is_test(&e.attrs) => {
                    let en = Enum {
                        docs: docs(&e.attrs),
                        variants: e
                            .variants
                            .iter()
                            .map(|v| (v.ident.to_string(), serde(&v.attrs).rename))
                            .collect(),
                        rename_all: serde(&e.attrs).rename_all,
                    };
                    krate.enums.insert(format!("{path}::{}", e.ident), en);
                }
                Item::Macro(mac) => {
                    let name = mac.mac.path.segments.last().unwrap().ident.to_string();
                    if name == "decode_struct" {
                        let (ty, f) = parse_decode_struct.parse2(mac.mac.tokens.clone()).unwrap();
                        krate.decoded.insert(format!("{path}::{ty}"), f);
                    } else if name == "decode_enum" {
                        let (ty, w) = parse_decode_enum.parse2(mac.mac.tokens.clone()).unwrap();
                        krate.words.insert(format!("{path}::{ty}"), w);
                    }
                }
                _ => {}
            }
        }
        krate.modules.push(Module { path, uses });
    }
    krate
}

/// The string literals of a word list, in order: array items, a pair's word, a match arm's value.
fn strings(e: &syn::Expr, out: &mut Vec<String>) {
    match e {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s), ..
        }) => out.push(s.value()),
        syn::Expr::Array(a) => a.elems.iter().for_each(|x| strings(x, out)),
        syn::Expr::Tuple(t) => t.elems.iter().for_each(|x| strings(x, out)),
        syn::Expr::Match(m) => m.arms.iter().for_each(|a| strings(&a.body, out)),
        syn::Expr::Paren(p) => strings(&p.expr, out),
        syn::Expr::Reference(r) => strings(&r.expr, out),
        _ => {}
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.push(c.to_ascii_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn rename(ident: &str, rule: Option<&str>, is_variant: bool) -> String {
    match rule {
        None => ident.to_string(),
        Some("camelCase") if is_variant => {
            let mut c = ident.chars();
            c.next()
                .map(|f| f.to_ascii_lowercase().to_string() + c.as_str())
                .unwrap_or_default()
        }
        Some("camelCase") => camel(ident),
        Some("kebab-case") if is_variant => {
            let mut out = String::new();
            for (i, c) in ident.chars().enumerate() {
                if c.is_ascii_uppercase() && i > 0 {
                    out.push('-');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        }
        Some(r) => panic!("rename_all = {r:?} is not understood by the TypeScript generator"),
    }
}

struct Gen<'a> {
    krate: &'a Crate,
    out: String,
}

impl Gen<'_> {
    /// The crate path of `name` as written in module `m`.
    fn resolve(&self, m: usize, segments: &[String]) -> Option<String> {
        let module = &self.krate.modules[m];
        let full = if segments.len() == 1 {
            let own = format!("{}::{}", module.path, segments[0]);
            if self.known(&own) {
                return Some(own);
            }
            module.uses.get(&segments[0])?.clone()
        } else {
            segments.join("::")
        };
        let mut parts: Vec<&str> = full.split("::").collect();
        let mut base: Vec<&str> = if module.path.is_empty() {
            vec![]
        } else {
            module.path.split("::").collect()
        };
        match parts.first() {
            Some(&"crate") | Some(&"overdue") => {
                parts.remove(0);
                base.clear();
            }
            _ => {}
        }
        while parts.first() == Some(&"super") {
            parts.remove(0);
            base.pop();
        }
        if parts.first() == Some(&"self") {
            parts.remove(0);
        }
        let candidate = base.iter().chain(parts.iter()).copied().collect::<Vec<_>>().join("::");
        self.follow(&candidate)
    }

    fn known(&self, path: &str) -> bool {
        self.krate.structs.contains_key(path) || self.krate.enums.contains_key(path)
    }

    /// A path to where the type is defined, through `pub use` re-exports.
    fn follow(&self, path: &str) -> Option<String> {
        if self.known(path) {
            return Some(path.to_string());
        }
        let (module, name) = path.rsplit_once("::")?;
        let m = self.krate.modules.iter().position(|x| x.path == module)?;
        let target = self.krate.modules[m].uses.get(name)?;
        let segments: Vec<String> = target.split("::").map(str::to_string).collect();
        self.resolve(m, &segments)
    }

    /// The declared name of `path` met in direction `dir`: an entry for that direction or for
    /// both; an enum has one declaration, whichever way it crosses.
    fn ts_name(&self, path: &str, dir: Dir) -> Option<&'static str> {
        let want = if dir == Both { In } else { dir };
        let any_dir = self.krate.enums.contains_key(path);
        NAMES
            .iter()
            .find(|(p, d, _)| *p == path && (*d == want || *d == Both || any_dir))
            .map(|(_, _, n)| *n)
            .or_else(|| BY_HAND.iter().find(|(p, _)| *p == path).map(|(_, n)| *n))
    }

    /// The TypeScript of a Rust type, and whether it is an `Option`.
    fn ty(&self, m: usize, ty: &Type, dir: Dir, context: &str) -> (String, bool) {
        let input = dir != Out;
        match ty {
            Type::Reference(r) => self.ty(m, &r.elem, dir, context),
            Type::Array(a) => {
                let (inner, _) = self.ty(m, &a.elem, dir, context);
                (format!("{}[]", group(&inner)), false)
            }
            Type::Path(p) => {
                let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
                let last = p.path.segments.last().unwrap();
                let arg = || match &last.arguments {
                    PathArguments::AngleBracketed(a) => a
                        .args
                        .iter()
                        .find_map(|g| {
                            if let GenericArgument::Type(t) = g {
                                Some(t.clone())
                            } else {
                                None
                            }
                        })
                        .unwrap(),
                    _ => panic!("{context}: {} without its type argument", last.ident),
                };
                match last.ident.to_string().as_str() {
                    "Option" => (self.ty(m, &arg(), dir, context).0, true),
                    "Box" | "Cow" => self.ty(m, &arg(), dir, context),
                    container @ ("Vec" | "Pairs") => {
                        let (inner, null) = self.ty(m, &arg(), dir, context);
                        let inner = if null { format!("{inner} | null") } else { inner };
                        let t = if container == "Vec" {
                            format!("{}[]", group(&inner))
                        } else {
                            format!("Record<string, {inner}>")
                        };
                        (t, false)
                    }
                    name => {
                        let path = self.resolve(m, &segs);
                        if let Some(n) = path.as_deref().and_then(|p| self.ts_name(p, dir)) {
                            return (n.to_string(), false);
                        }
                        if let Some((_, i, o)) = SCALARS.iter().find(|(s, _, _)| *s == name) {
                            return ((if input { *i } else { *o }).to_string(), false);
                        }
                        match path {
                            Some(p) => panic!(
                                "{context}: {p} ({dir:?}) crosses to JavaScript but has no TypeScript name in NAMES"
                            ),
                            None => panic!("{context}: the Rust type {name} has no TypeScript counterpart"),
                        }
                    }
                }
            }
            _ => panic!("{context}: this kind of Rust type is not understood by the TypeScript generator"),
        }
    }

    fn comment(&mut self, docs: &str, indent: &str) {
        if docs.is_empty() {
            return;
        }
        let text = plain_docs(docs, &self.krate.names);
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() == 1 && lines[0].len() + indent.len() < 100 {
            let _ = writeln!(self.out, "{indent}/** {} */", lines[0]);
        } else {
            let _ = writeln!(self.out, "{indent}/**");
            for l in lines {
                let _ = writeln!(self.out, "{indent} *{}{l}", if l.is_empty() { "" } else { " " });
            }
            let _ = writeln!(self.out, "{indent} */");
        }
    }

    fn declare(&mut self, path: &str, dir: Dir, ts: &str) {
        // The crate outlives the writer's borrow: its docs need no copies.
        let krate = self.krate;
        if let Some(e) = krate.enums.get(path) {
            let words: Vec<String> = match self.krate.words.get(path) {
                Some(w) => w.iter().map(|(_, w)| format!("{w:?}")).collect(),
                None => e
                    .variants
                    .iter()
                    .map(|(v, r)| {
                        format!(
                            "{:?}",
                            r.clone().unwrap_or_else(|| rename(v, e.rename_all.as_deref(), true))
                        )
                    })
                    .collect(),
            };
            self.comment(&e.docs, "");
            self.out.push_str(&union(ts, &words, ""));
            return;
        }
        let (m, s) = krate
            .structs
            .get(path)
            .unwrap_or_else(|| panic!("{path} is not a struct or enum in src/"));
        let m = *m;
        let mut lines = Vec::new();
        let mut extends = Vec::new();
        if dir == Out {
            assert!(
                s.serialize,
                "{path} is declared as an output but does not derive Serialize"
            );
            for f in &s.fields {
                let context = format!("{path}.{}", f.ident);
                if f.serde.flatten {
                    extends.push(self.ty(m, &f.ty, dir, &context).0);
                    continue;
                }
                let wire = f
                    .serde
                    .rename
                    .clone()
                    .unwrap_or_else(|| rename(&f.ident, s.rename_all.as_deref(), false));
                let (mut t, mut null) = match &f.serde.ser_with {
                    Some(w) => with_type(w, &context),
                    None => self.ty(m, &f.ty, dir, &context),
                };
                if let Some((_, over)) = FIELD_TYPES.iter().find(|(k, _)| *k == context) {
                    t = (*over).to_string();
                }
                null &= !t.ends_with("| null");
                let field = if f.serde.skip_if {
                    format!("{wire}?: {t};")
                } else if null {
                    format!("{wire}: {t} | null;")
                } else {
                    format!("{wire}: {t};")
                };
                lines.push((f.docs.as_str(), field));
            }
        } else {
            let keys = self
                .krate
                .decoded
                .get(path)
                .unwrap_or_else(|| panic!("{path} is declared as an input but has no decode_struct!"));
            for (ident, key, dflt) in keys {
                let f = s
                    .fields
                    .iter()
                    .find(|f| f.ident == *ident)
                    .unwrap_or_else(|| panic!("{path}: decode_struct! names `{ident}`, not a field"));
                let context = format!("{path}.{ident}");
                let (t, _) = self.ty(m, &f.ty, dir, &context);
                let optional = *dflt && !REQUIRED.contains(&context.as_str());
                let field = match FIELD_TYPES.iter().find(|(k, _)| *k == context) {
                    Some((_, over)) => format!("{key}{}: {over};", if optional { "?" } else { "" }),
                    None if optional => format!("{key}?: {t} | null;"),
                    None => format!("{key}: {t};"),
                };
                lines.push((f.docs.as_str(), field));
            }
        }
        self.comment(&s.docs, "");
        let ext = if extends.is_empty() {
            String::new()
        } else {
            format!(" extends {}", extends.join(", "))
        };
        let _ = writeln!(self.out, "export interface {ts}{ext} {{");
        for (d, l) in lines {
            self.comment(d, "  ");
            let _ = writeln!(self.out, "  {l}");
        }
        let _ = writeln!(self.out, "}}\n");
    }
}

/// `export type T = "a" | "b";`, one line when it fits in 100 columns, else a word list per line.
fn union(ts: &str, words: &[String], more: &str) -> String {
    let one = format!("export type {ts} = {}{more};\n\n", words.join(" | "));
    if one.len() <= 101 {
        return one;
    }
    let mut out = format!("export type {ts} =\n");
    let mut line = String::from(" ");
    for w in words.iter().map(String::as_str).chain(more.strip_prefix(" | ")) {
        if line.len() + w.len() + 3 > 100 {
            out.push_str(&line);
            out.push('\n');
            line = String::from(" ");
        }
        line.push_str(" | ");
        line.push_str(w);
    }
    out + &line + ";\n\n"
}

/// What a `serialize_with` / `with` function writes.
fn with_type(f: &str, context: &str) -> (String, bool) {
    let name = f.rsplit("::").next().unwrap();
    let (t, null) = match name {
        "ymd" => ("DateString", false),
        "ymd_opt" => ("DateString", true),
        "ser_decimal" | "ser_amount" => ("Money", false),
        "ser_opt_decimal" | "ser_opt_amount" => ("Money", true),
        "ser_decimals" => ("Money[]", false),
        "ser_ratio" => ("string", false),
        "ser_opt_ratio" => ("string", true),
        other => panic!("{context}: serialize_with {other} is not understood by the TypeScript generator"),
    };
    (t.to_string(), null)
}

fn group(t: &str) -> String {
    if t.contains(' ') {
        format!("({t})")
    } else {
        t.to_string()
    }
}

/// Rust doc text as plain JSDoc: intra-doc links become code, Rust-only sections go.
fn plain_docs(docs: &str, rust_names: &[String]) -> String {
    let mut out = String::new();
    let mut rest = docs;
    while let Some(i) = rest.find("[`") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find("`]") else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        out.push_str(&after[..end + 1]);
        rest = &after[end + 2..];
        if rest.starts_with('(') {
            if let Some(close) = rest.find(')') {
                rest = &rest[close + 1..];
            }
        }
    }
    out.push_str(rest);
    // A Rust name in a code span is the JavaScript one on the wire: `age_receivables` → `ageReceivables`.
    let mut js = String::new();
    for (i, part) in out.split('`').enumerate() {
        if i % 2 == 1 && part.contains('_') && rust_names.iter().any(|n| n == part) {
            js.push_str(&camel(part));
        } else {
            js.push_str(part);
        }
        js.push('`');
    }
    js.pop();
    js.replace("*/", "*\\/")
}

fn generate() -> String {
    let krate = read_crate();
    let mut g = Gen {
        krate: &krate,
        out: String::new(),
    };
    g.out.push_str(
        "// Generated from the Rust types by tests/typescript.rs: do not edit. To write it again:\n\
         // OVERDUE_WRITE_TYPES=1 cargo test --test typescript\n\n",
    );
    for (path, dir, ts) in NAMES {
        g.declare(path, *dir, ts);
    }
    for (path, ts, more) in WORD_LISTS {
        let (docs, words) = krate
            .lists
            .get(*path)
            .unwrap_or_else(|| panic!("{path}: no such const or method in src/"));
        assert!(!words.is_empty(), "{path}: no words found");
        g.comment(docs, "");
        let words: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
        g.out.push_str(&union(ts, &words, more));
    }
    // An override left behind by a renamed field would silently stop applying.
    for key in FIELD_TYPES.iter().map(|(k, _)| *k).chain(REQUIRED.iter().copied()) {
        let (path, field) = key.split_once('.').unwrap();
        let (_, s) = krate
            .structs
            .get(path)
            .unwrap_or_else(|| panic!("{key}: no struct {path}"));
        assert!(
            s.fields.iter().any(|f| f.ident == field),
            "{key}: {path} has no field {field}"
        );
        assert!(
            NAMES.iter().any(|(p, _, _)| *p == path),
            "{key}: {path} is not declared"
        );
    }
    g.out.trim_end().to_string() + "\n"
}

#[test]
fn the_typescript_definitions_are_what_the_rust_types_say() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wasm/generated.d.ts");
    let now = generate();
    if std::env::var_os("OVERDUE_WRITE_TYPES").is_some() {
        std::fs::write(&file, &now).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == now,
        "src/wasm/generated.d.ts is not what the Rust types say: run OVERDUE_WRITE_TYPES=1 cargo test --test typescript"
    );
}
