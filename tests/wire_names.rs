#![cfg(not(target_arch = "wasm32"))]
//! Every enum's words on the wire: read and written with the same word (one list, `decode_enum!`),
//! and the same words as the published TypeScript definitions, which are what callers write. A word
//! changed on one side only fails here.

mod common;
use common::input;
use overdue::decode::Decode;
use serde::Serialize;

/// The string-literal union `name` declares in src/wasm/types.d.ts, or the inline union after `field`.
fn union(source: &str, start: &str) -> Vec<String> {
    let at = source
        .find(start)
        .unwrap_or_else(|| panic!("{start} not in types.d.ts"));
    let rest = &source[at + start.len()..];
    // A union ends at its `;` (a long one wraps over several lines).
    let end = rest.find(';').unwrap();
    rest[..end]
        .split('|')
        .map(str::trim)
        .filter(|w| w.starts_with('"'))
        .map(|w| w.trim_matches('"').to_string())
        .collect()
}

fn round_trip<T: Decode + Serialize>(words: &[String], what: &str) {
    assert!(!words.is_empty(), "{what}: no words read");
    for w in words {
        let v: T = input(serde_json::json!(w)).unwrap_or_else(|e| panic!("{what}: {w:?} not read: {e}"));
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            serde_json::json!(w),
            "{what}: {w:?} written back differently"
        );
    }
}

#[test]
fn enums_read_and_write_the_words_the_typescript_definitions_publish() {
    // Both halves of the published definitions: generated.d.ts (from the Rust types) and types.d.ts.
    let read = |f: &str| std::fs::read_to_string(format!("{}/src/wasm/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let ts = read("generated.d.ts") + &read("types.d.ts");
    use overdue::{aging, charges, import, ladder, plan};
    round_trip::<ladder::Channel>(&union(&ts, "export type Channel ="), "Channel");
    round_trip::<ladder::FeePer>(&union(&ts, "export type FeePer ="), "FeePer");
    round_trip::<charges::Kind>(&union(&ts, "export type RegimeKind ="), "RegimeKind");
    round_trip::<charges::DayCount>(&union(&ts, "export type DayCount ="), "DayCount");
    round_trip::<charges::Allocation>(&union(&ts, "export type Allocation ="), "Allocation");
    round_trip::<charges::DefaultStarts>(&union(&ts, "export type DefaultStarts ="), "DefaultStarts");
    round_trip::<charges::Scope>(&union(&ts, "export type ChargeScope ="), "ChargeScope");
    round_trip::<overdue::forecast::Detail>(&union(&ts, "export type ForecastDetail ="), "ForecastDetail");
    round_trip::<overdue::documents::DocKind>(&union(&ts, "export type DocumentKind ="), "DocumentKind");
    round_trip::<overdue::statement::LineKind>(&union(&ts, "export type StatementLineKind ="), "StatementLineKind");
    round_trip::<overdue::forecast::Basis>(&union(&ts, "export type ForecastBasis ="), "ForecastBasis");
    round_trip::<aging::Basis>(&union(&ts, "export type AgingBasis ="), "AgingBasis");
    round_trip::<aging::Detail>(&union(&ts, "export type AgingDetail ="), "AgingDetail");
    round_trip::<plan::Frequency>(&union(&ts, "export type PlanFrequency ="), "PlanFrequency");
    round_trip::<plan::Method>(&union(&ts, "export type PlanMethod ="), "PlanMethod");
    round_trip::<import::DateFormat>(&union(&ts, "export type CsvDateFormat ="), "CsvDateFormat");
    round_trip::<overdue::rates::Table>(&union(&ts, "export type RateTable ="), "RateTable");
    round_trip::<import::Encoding>(&union(&ts, "export type CsvEncoding ="), "CsvEncoding");
    round_trip::<import::GroupRows>(&union(&ts, "export type CsvGroupRows ="), "CsvGroupRows");
    round_trip::<import::SkipReason>(&union(&ts, "export type CsvSkipReason ="), "CsvSkipReason");
    round_trip::<overdue::workspace::LogKind>(&union(&ts, "export type LogKind ="), "LogKind");
}

/// The bug this found: the CSV importer offered its date-format choices as "Dmy" and "Mdy" (serde's
/// names) but read only "DD/MM/YYYY" and "MM/DD/YYYY", so the page's choice came back as an error.
#[test]
fn a_date_format_the_importer_offers_is_one_it_reads() {
    use overdue::import::{import_invoices_csv, ImportInput};
    let text = "Invoice,Customer,Amount,Date,Due\nA1,Bob,10.00,03/04/2026,05/04/2026\n";
    let r = import_invoices_csv(&input::<ImportInput>(serde_json::json!({ "text": text, "currency": "GBP" })).unwrap())
        .unwrap();
    let offered = serde_json::to_value(&r).unwrap()["dateFormatChoices"].clone();
    assert_eq!(offered, serde_json::json!(["DD/MM/YYYY", "MM/DD/YYYY"]));
    for f in offered.as_array().unwrap() {
        let again = import_invoices_csv(
            &input::<ImportInput>(serde_json::json!({ "text": text, "currency": "GBP", "dateFormat": f })).unwrap(),
        )
        .unwrap();
        assert!(again.ready, "{f}");
    }
}
