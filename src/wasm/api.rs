//! The exported functions. Each one: read the input object, call the core, write the result.

use super::convert::{from_js, js_error, to_js};
use crate::normalize::{normalize_invoices as normalize_core, NormalizeInput};
use wasm_bindgen::prelude::*;

/// Validates invoices and returns them normalised as of `asOf`: canonical amounts, the balance
/// outstanding (amount − payments − credits dated on or before `asOf`), days past due, a status
/// (`paid`, `current`, `overdue`, `credit`, `writtenOff`) and per-currency totals.
///
/// ```js
/// const { invoices, totals } = normalizeInvoices({ asOf: "2026-11-23", invoices: [{
///   id: "INV-7", customer: { id: "c1", name: "Acme Ltd" }, currency: "GBP", amount: "1200.00",
///   issueDate: "2026-10-01", dueDate: "2026-10-31", payments: [{ date: "2026-11-02", amount: "200" }] }] });
/// // invoices[0].outstanding === "1000.00", invoices[0].daysPastDue === 23
/// ```
///
/// # Errors
/// Throws an `OverdueError` with `code` and `path` for the first invalid field
/// (`invalid_date` at `invoices[0].dueDate`, `too_many_decimals` at `invoices[2].amount`, …).
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = normalizeInvoices, unchecked_return_type = "NormalizeInvoicesOutput")]
pub fn normalize_invoices(
    #[wasm_bindgen(unchecked_param_type = "NormalizeInvoicesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: NormalizeInput = from_js(&input)?;
    let out = normalize_core(&input).map_err(js_error)?;
    to_js(&out)
}

/// The package version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Every error `code` overdue can throw, for exhaustive handling on the JavaScript side.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Vec<JsValue> {
    crate::error::ALL_CODES
        .iter()
        .map(|c| JsValue::from_str(c.as_str()))
        .collect()
}

/// Ages the receivables as of `asOf`: per currency the amount and count in each bucket ("Current",
/// "1–30", "31–60", "61–90", "91–120", "121+" by default; upper limits inclusive), totals, the share
/// over 90 days and the weighted average days past due; per customer its bucket amounts; per open
/// invoice its age and bucket. Overpaid invoices are listed as customer credit.
///
/// ```js
/// const report = ageReceivables({ asOf: "2026-11-23", invoices, buckets: [30, 60, 90] });
/// report.currencies[0].buckets; // [{ label: "Current", amount: "840.00", count: 1 }, …]
/// ```
///
/// # Errors
/// `invalid_value` at `buckets[i]` for limits that are not ascending whole days ≥ 1;
/// `invalid_date_order` at `asOf` when it precedes every issue date; invalid invoices as in
/// `normalizeInvoices`.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = ageReceivables, unchecked_return_type = "AgingReport")]
pub fn age_receivables(
    #[wasm_bindgen(unchecked_param_type = "AgeReceivablesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::aging::AgingInput = from_js(&input)?;
    to_js(&crate::aging::age_receivables(&input).map_err(js_error)?)
}

/// Collection KPIs for a period — DSO, best possible DSO, average days delinquent, CEI (two
/// labelled variants) and countback DSO — from a ledger (`periodStart`, `periodEnd`, `invoices`)
/// or from summary figures (`currency`, `beginningReceivables`, `creditSales`,
/// `endingReceivables`, `endingCurrent`, `days`).
///
/// ```js
/// receivablesKpis({ currency: "USD", beginningReceivables: "12000", creditSales: "10000",
///   endingReceivables: "15000", endingCurrent: "4000", days: 30 }).currencies[0].dso; // "45.00"
/// ```
///
/// # Errors
/// `missing_field` for an incomplete input, `invalid_date_order` at `periodEnd` before
/// `periodStart`, invalid amounts or invoices.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = receivablesKpis, unchecked_return_type = "KpiReport")]
pub fn receivables_kpis(
    #[wasm_bindgen(unchecked_param_type = "ReceivablesKpisInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::kpi::KpiInput = from_js(&input)?;
    to_js(&crate::kpi::receivables_kpis(&input).map_err(js_error)?)
}

/// Who to chase today: one row per customer and currency with past-due invoices, highest priority
/// first, each with a one-line reason (`"£4,200.00 over 60 days, oldest 74 days"`). Disputed
/// invoices and promises to pay not yet passed are held and sink to the bottom. Pass the output of
/// `paymentRisk` as `risk` to raise risky customers.
///
/// # Errors
/// Invalid invoices, as in `normalizeInvoices`.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = collectionWorklist, unchecked_return_type = "Worklist")]
pub fn collection_worklist(
    #[wasm_bindgen(unchecked_param_type = "CollectionWorklistInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::worklist::WorklistInput = from_js(&input)?;
    to_js(&crate::worklist::collection_worklist(&input).map_err(js_error)?)
}

/// `ageReceivables` for large ledgers: the ledger as one CSV text (columns found by header name:
/// `id`, `customerId`, `customerName`, `currency`, `amount`, `issueDate`, `dueDate`, `paid` or
/// `outstanding`, `disputed`), aged inside WebAssembly without building an object per invoice.
/// Same report and options as `ageReceivables`; pass `detail: "customers"` or `"summary"` to skip
/// the per-invoice rows.
///
/// ```js
/// const report = ageReceivablesCsv({ asOf: "2026-11-23", csv: await file.text(), detail: "summary" });
/// ```
///
/// # Errors
/// The first bad row, with its line in the path (`csv[5].dueDate`); a missing required column at
/// `csv[1]`.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = ageReceivablesCsv, unchecked_return_type = "AgingReport")]
pub fn age_receivables_csv(
    #[wasm_bindgen(unchecked_param_type = "AgeReceivablesCsvInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let mut parsed: crate::aging_csv::AgingCsvInput = match super::convert::text_field(&input, "csv")? {
        Some((text, rest)) => {
            let mut options: crate::aging_csv::AgingCsvInput = from_js(&rest)?;
            options.csv = text;
            options
        }
        None => from_js(&input)?,
    };
    let report = crate::aging_csv::age_receivables_csv(&parsed).map_err(js_error);
    parsed.csv.clear();
    to_js(&report?)
}

/// An instalment plan exact to the cent: `level` (equal instalments) or `equalPrincipal`, weekly to
/// quarterly, with an optional down payment and setup fee, for a given `count` of instalments or the
/// fewest that keep each payment at or below `maxInstalment`. Each period's interest is rounded half
/// away from zero and the final instalment absorbs the residual, so the balance ends at exactly zero.
///
/// ```js
/// const plan = paymentPlan({ principal: "15000", currency: "USD", annualRate: "8",
///   frequency: "monthly", firstDueDate: "2026-01-15", count: 60 });
/// plan.regularInstalment; // "304.15"; plan.finalInstalment: "303.84"
/// ```
///
/// # Errors
/// `invalid_value` for a count outside 1–600 or a rate outside 0–100; `invalid_amount` for a down
/// payment of the whole principal; `instalment_too_small` when `maxInstalment` cannot pay the debt down.
#[cfg(feature = "plan")]
#[wasm_bindgen(js_name = paymentPlan, unchecked_return_type = "PaymentPlan")]
pub fn payment_plan(
    #[wasm_bindgen(unchecked_param_type = "PaymentPlanInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::plan::PlanInput = from_js(&input)?;
    to_js(&crate::plan::payment_plan(&input).map_err(js_error)?)
}

/// Late-payment interest, fixed compensation and fees on every late invoice as of `asOf`, under a
/// `regime`: `contract` (your own rate, day count, grace days, fees, cap), `uk` (Late Payment of
/// Commercial Debts Act: 8 % over Bank Rate, £40/£70/£100), `eu` (Directive 2011/7/EU: ECB rate + 8,
/// €40), `de` (§ 288 BGB: Basiszinssatz + 9, €40) or `us-prompt-payment`. Reference rates come from
/// tables built into the package; an explicit `referenceRate` / `baseRate` overrides them. Each
/// invoice gets an explanation naming the rule and the rate used.
///
/// ```js
/// lateCharges({ asOf: "2026-03-31", invoices, regime: { kind: "contract", annualRate: "8", fixedFee: "25" } });
/// ```
///
/// # Errors
/// `rate_unknown` at `regime.referenceRate` / `regime.baseRate` when the tables do not reach the
/// date (pass the rate); `invalid_value` for a rate outside 0–100, an EU margin under 8, or a
/// statutory regime used on another currency; invalid invoices.
#[cfg(feature = "charges")]
#[wasm_bindgen(js_name = lateCharges, unchecked_return_type = "LateChargesReport")]
pub fn late_charges(
    #[wasm_bindgen(unchecked_param_type = "LateChargesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::charges::ChargesInput = from_js(&input)?;
    to_js(&crate::charges::late_charges(&input).map_err(js_error)?)
}

/// Reads payment terms: `"net 30"`, `"2/10 net 30"`, `"1/15 n45"`, `"due on receipt"`, `"EOM"`,
/// `"net 30 EOM"`. Takes the text itself or `{ terms }`.
///
/// # Errors
/// `invalid_terms` for text it cannot read.
#[cfg(feature = "plan")]
#[wasm_bindgen(js_name = paymentTerms, unchecked_return_type = "PaymentTerms")]
pub fn payment_terms(
    #[wasm_bindgen(unchecked_param_type = "string | { terms: string }")] input: JsValue,
) -> Result<JsValue, JsValue> {
    struct Wrapped {
        terms: String,
    }
    crate::decode_struct!(Wrapped { terms: "terms" });
    let (text, path) = match super::convert::whole_text(&input) {
        Ok(Some(t)) => (t, ""),
        Ok(None) => (from_js::<Wrapped>(&input)?.terms, "terms"),
        Err(_) => return Err(js_error(super::convert::lone_surrogate(""))),
    };
    to_js(&crate::terms::parse_terms(&text).map_err(|e| js_error(e.within(path)))?)
}

/// What paying early under discount terms is worth: the discount deadline and amount, what settles
/// the invoice today, the due date, and the annual cost of forgoing the discount (simple 360-day and
/// compounded 365-day, both labelled).
///
/// ```js
/// earlyPaymentDiscount({ terms: "2/10 net 30", issueDate: "2026-11-01", amount: "1000", currency: "USD", asOf: "2026-11-05" })
///   .annualCostSimple360; // "36.73"
/// ```
///
/// # Errors
/// `invalid_terms` at `terms`; invalid amounts or dates.
#[cfg(feature = "plan")]
#[wasm_bindgen(js_name = earlyPaymentDiscount, unchecked_return_type = "EarlyPaymentDiscount")]
pub fn early_payment_discount(
    #[wasm_bindgen(unchecked_param_type = "EarlyPaymentDiscountInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::terms::DiscountInput = from_js(&input)?;
    to_js(&crate::terms::early_payment_discount(&input).map_err(js_error)?)
}

/// Payment behaviour per customer: dollar-weighted days beyond terms over the window, a
/// PAYDEX-style score (1–100, D&B's key), the trend (`deteriorating`, `improving`, `stable`,
/// `unknown`) with its slope in days per month, a grade A–E, a plain-English explanation and a
/// monthly series for charts; at portfolio level, riskiest customers first and the share of
/// receivables owed by deteriorating customers. Pass the result to `collectionWorklist` as `risk`.
///
/// # Errors
/// `invalid_value` for a window outside 1–60 months or thresholds out of range; invalid invoices.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = paymentRisk, unchecked_return_type = "RiskReport")]
pub fn payment_risk(
    #[wasm_bindgen(unchecked_param_type = "PaymentRiskInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::risk::RiskInput = from_js(&input)?;
    to_js(&crate::risk::payment_risk(&input).map_err(js_error)?)
}

/// When the money still owed will come in: for every open invoice an expected payment date and a
/// range (its 20th to 80th percentile), learnt from the customer's own settled and open invoices
/// (Kaplan–Meier, recent ones weighing more) blended with the whole ledger's habits; promises to
/// pay taken at their word, disputes pushed back and flagged; per currency the totals of each week
/// and month up to `horizonDays` (default 91), with cumulative low and high. `method` says how, in
/// words.
///
/// ```js
/// const f = cashForecast({ asOf: "2026-12-02", invoices, horizonDays: 28 });
/// f.currencies[0].weeks[0]; // { start: "2026-12-03", end: "2026-12-06", expected: "105.25", invoiceCount: 2, ... }
/// f.invoices[0].expectedDate; // "2026-12-03"
/// ```
///
/// # Errors
/// `invalid_value` for `horizonDays` outside 7–730, `halfLifeDays` outside 7–3650, `priorWeight`
/// outside 0–100 or `disputeDelayDays` outside 0–365; invalid invoices.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = cashForecast, unchecked_return_type = "CashForecast")]
pub fn cash_forecast(
    #[wasm_bindgen(unchecked_param_type = "CashForecastInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::forecast::ForecastInput = from_js(&input)?;
    to_js(&crate::forecast::cash_forecast(&input).map_err(js_error)?)
}

/// The expected credit loss on today's receivables under IFRS 9's simplified approach: a provision
/// matrix whose loss rates per ageing bucket come from the ledger's own roll rates over the last
/// `months` month ends and the share of the last bucket written off (credits marked `writeOff`),
/// applied to what is owed in each bucket on `asOf`, with an optional forward-looking
/// `adjustmentPercent`; per currency, with the method in words.
///
/// # Errors
/// `invalid_value` at `months`, `buckets[i]` or `adjustmentPercent` out of range; invalid invoices.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = provisionMatrix, unchecked_return_type = "ProvisionMatrix")]
pub fn provision_matrix(
    #[wasm_bindgen(unchecked_param_type = "ProvisionMatrixInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::provision::ProvisionInput = from_js(&input)?;
    to_js(&crate::provision::provision_matrix(&input).map_err(js_error)?)
}

/// How well `cashForecast` would have done on this ledger: forecasts replayed from past dates
/// (`from` to `to`, every `everyDays`), each from what was known then, compared with the day each
/// invoice was in fact settled. The mean and median absolute error in days, the bias, the share of
/// settlements inside the forecast range, beside the error of "paid on the due date".
///
/// # Errors
/// `invalid_date_order` when `from` is after `to` or `to` after `asOf`; `invalid_value` for more
/// than 120 forecast dates; invalid invoices.
#[cfg(feature = "aging")]
#[wasm_bindgen(js_name = cashForecastBacktest, unchecked_return_type = "CashForecastBacktest")]
pub fn cash_forecast_backtest(
    #[wasm_bindgen(unchecked_param_type = "CashForecastBacktestInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::forecast::BacktestInput = from_js(&input)?;
    to_js(&crate::forecast::cash_forecast_backtest(&input).map_err(js_error)?)
}

/// What to send to whom today on the escalation ladder: one consolidated notice per customer and
/// currency, in the tone of its most advanced stage, derived from `history` alone so that running
/// daily or after a gap gives the same answer. Never repeats a stage, catches up to the highest
/// stage due without skipping a `required` one (the final notice, by default), respects
/// `minGapDays`, holds disputed invoices and pauses for promises to pay. The default policy:
/// courtesy (−3 days), friendly (+1), follow-up with a call (+14), final notice (+30, required),
/// payment-plan offer (+45), collection agency (+60), letter before legal action (+90).
///
/// # Errors
/// A bad policy (`policy[i].field`), a history entry with an unknown stage, invalid invoices.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = nextActions, unchecked_return_type = "NextActions")]
pub fn next_actions(
    #[wasm_bindgen(unchecked_param_type = "NextActionsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::ladder::NextActionsInput = from_js(&input)?;
    to_js(&crate::ladder::next_actions(&input).map_err(js_error)?)
}

/// The dated plan of what will be sent when for one invoice if it stays unpaid.
///
/// # Errors
/// An invalid invoice (paths under `invoice`) or policy.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = previewLadder, unchecked_return_type = "PlannedStage[]")]
pub fn preview_ladder(
    #[wasm_bindgen(unchecked_param_type = "PreviewLadderInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::ladder::PreviewInput = from_js(&input)?;
    to_js(&crate::ladder::preview_ladder(&input).map_err(js_error)?)
}

/// Writes one reminder notice — subject, plain text and an HTML document — for one customer's
/// invoices, from a built-in template (every stage × channel in en, de, fr, es, nl) or your own.
/// Money and dates are written for the locale; every inserted value is escaped in the HTML; the
/// subject never holds a line break.
///
/// ```js
/// const { subject, text, html } = renderNotice({ asOf: "2026-11-23", stage: "final", language: "de",
///   sender: { name: "Harbour Lane Design", bankDetails: "IBAN DE89 3704 0044 0532 0130 00" }, invoices });
/// ```
///
/// # Errors
/// Invalid invoices, sender or options (paths as usual); `template_error` with line and column for a
/// custom template; `template_too_complex` or `output_too_large` when a custom template would
/// repeat too much or write more than 1 MiB.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = renderNotice, unchecked_return_type = "Notice")]
pub fn render_notice(
    #[wasm_bindgen(unchecked_param_type = "RenderNoticeInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::notice::NoticeInput = from_js(&input)?;
    to_js(&crate::notice::render_notice(&input).map_err(js_error)?)
}

/// One customer's statement of account as of `asOf`: per currency the opening balance on `from`,
/// every invoice, payment, credit, credit note, payment on account and late charge in date order
/// with the running balance, the closing balance, and an ageing footer (credit notes and payments
/// on account set against the oldest invoices first, or those they name; what is left shown as
/// credit, never as a negative bucket); as data and as `text` and an A4 `html` document in the
/// statement's language (en, de, fr, es, nl). Other customers' invoices and documents are left
/// out, so the whole ledger may be passed.
///
/// ```js
/// const s = statementOfAccount({ asOf: "2026-12-02", customer: { id: "c1" }, invoices, documents, language: "de" });
/// s.currencies[0].closingBalance; // "1110.00", the same as s.currencies[0].ageing.total
/// ```
///
/// # Errors
/// `invalid_date_order` at `from` after `asOf`; invalid invoices or documents (`documents[1].amount`);
/// `invalid_value` for an unknown language or locale.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = statementOfAccount, unchecked_return_type = "StatementOfAccount")]
pub fn statement_of_account(
    #[wasm_bindgen(unchecked_param_type = "StatementOfAccountInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::statement::StatementInput = from_js(&input)?;
    to_js(&crate::statement::statement_of_account(&input).map_err(js_error)?)
}

/// Checks a custom template and lists every problem with its line, column and, for a misspelt
/// name, the nearest known one. Does not throw for template problems, only for a malformed input.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = validateTemplate, unchecked_return_type = "TemplateCheck")]
pub fn validate_template(
    #[wasm_bindgen(unchecked_param_type = "ValidateTemplateInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::notice::check::ValidateInput = from_js(&input)?;
    to_js(&crate::notice::validate_template(&input).map_err(js_error)?)
}

/// The source of a built-in template, to start a custom one from; given back as `template` it
/// renders the same notice.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = noticeTemplate, unchecked_return_type = "NoticeTemplateSource")]
pub fn notice_template(
    #[wasm_bindgen(unchecked_param_type = "NoticeTemplateInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::notice::TemplateQuery = if input.is_undefined() {
        Default::default()
    } else {
        from_js(&input)?
    };
    to_js(&crate::notice::notice_template(&input).map_err(js_error)?)
}

/// Every variable a notice template can use, with its kind and a description.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = listTemplateVariables, unchecked_return_type = "TemplateVariable[]")]
pub fn list_template_variables() -> Result<JsValue, JsValue> {
    to_js(&crate::notice::list_template_variables())
}

/// Reads invoices from the file an accounting program or spreadsheet exports: from its `bytes`
/// (UTF-8, UTF-16, Windows-1252 found) or `text`; delimiter, quotes, BOM, CRLF handled; a report's
/// title rows, customer and bucket group rows, totals and footer recognised; one invoice from the
/// rows of its lines; columns found from the header in the vocabularies of QuickBooks, Xero,
/// FreshBooks, Zoho, DATEV and others (five languages) or given as `mapping`; drafts, void invoices
/// and credit notes listed in `skipped`, never imported as money owed. What the file cannot tell
/// (day or month first, which dollar) is asked through `dateFormatChoices` and `currencyChoices`.
///
/// # Errors
/// Only for unusable input (an empty file, a workbook or PDF, a mapping to a column that does not
/// exist); problems in rows are listed in `errors`.
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = importInvoicesCsv, unchecked_return_type = "ImportInvoicesCsvResult")]
pub fn import_invoices_csv(
    #[wasm_bindgen(unchecked_param_type = "ImportInvoicesCsvInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let parsed: crate::import::ImportInput = if let Some((bytes, rest)) = super::convert::bytes_field(&input, "bytes")?
    {
        let mut options: crate::import::ImportInput = from_js(&rest)?;
        options.bytes = Some(bytes);
        options
    } else {
        match super::convert::text_field(&input, "text")? {
            Some((text, rest)) => {
                let mut options: crate::import::ImportInput = from_js(&rest)?;
                options.text = text;
                options
            }
            None => from_js(&input)?,
        }
    };
    to_js(&crate::import::import_invoices_csv(&parsed).map_err(js_error)?)
}

/// An amount as a person types it ("12,50", "1.250,00", "1,250.00", "£12.50"), with the same rules
/// as the CSV import: the locale's `decimalSeparator` first, the other when the text only reads that
/// way, refused in words when it reads two ways in the currency (`1.250` euros: 1.25 or 1250).
///
/// # Errors
/// `invalid_amount` at `text` (the message names the readings); `too_many_decimals`.
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = parseAmount, unchecked_return_type = "ParsedAmount")]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "ParseAmountInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::import::typed::ParseAmountInput = from_js(&input)?;
    to_js(&crate::import::typed::parse_amount(&input).map_err(js_error)?)
}

/// The default escalation ladder: courtesy −3 days, friendly +1, follow-up +14 (with a call), final
/// notice +30 (never skipped), payment-plan offer +45, collection agency +60, letter before legal
/// action +90 — to show, or to start a policy of one's own from.
#[cfg(feature = "notices")]
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "Stage[]")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    to_js(&crate::ladder::default_policy())
}
