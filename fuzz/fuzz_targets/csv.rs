//! The CSV readers on arbitrary text: the bulk ageing path, and the invoice import with the format
//! found from the text and with each date format forced.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let input = overdue::aging_csv::AgingCsvInput {
        as_of: chrono_date(),
        csv: text.to_string(),
        buckets: None,
        basis: None,
        detail: None,
    };
    let _ = overdue::aging_csv::age_receivables_csv(&input);
    for format in [None, Some("\"DD/MM/YYYY\""), Some("\"MM/DD/YYYY\"")] {
        let json = match format {
            None => serde_json::json!({ "text": text }).to_string(),
            Some(f) => format!(
                "{{\"text\":{},\"dateFormat\":{f},\"currency\":\"EUR\"}}",
                serde_json::Value::from(text)
            ),
        };
        let Ok(i) = overdue::decode::decode_json::<overdue::import::ImportInput>(&json) else {
            continue;
        };
        if let Err(e) = overdue::import::import_invoices_csv(&i) {
            assert!(e.code != overdue::ErrorCode::Internal, "{e}");
        }
    }
});

fn chrono_date() -> overdue::date::Date {
    overdue::date::parse_date("2026-11-23").expect("a valid date")
}
