//! The bulk CSV path on arbitrary text, with fixed options.
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
});

fn chrono_date() -> overdue::date::Date {
    overdue::date::parse_date("2026-11-23").expect("a valid date")
}
