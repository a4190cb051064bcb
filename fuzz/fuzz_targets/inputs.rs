//! Every exported function's input, through the same JSON path the JavaScript and HTTP callers use:
//! the first byte picks the function, the rest is the JSON text. Any panic is a finding, and so is
//! a result that overdue's JSON writer writes differently from serde_json.
#![no_main]
use libfuzzer_sys::fuzz_target;
use overdue::decode::decode_json;

fn check<T: serde::Serialize>(r: Result<T, overdue::Error>) {
    if let Ok(v) = r {
        assert_eq!(
            overdue::encode::to_json(&v).ok(),
            serde_json::to_string(&v).ok(),
            "JSON writer differs from serde_json"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match which % 16 {
        0 => check(decode_json(text).and_then(|i| overdue::normalize::normalize_invoices(&i))),
        1 => check(decode_json(text).and_then(|i| overdue::aging::age_receivables(&i))),
        2 => check(decode_json(text).and_then(|i| overdue::aging_csv::age_receivables_csv(&i))),
        3 => check(decode_json(text).and_then(|i| overdue::kpi::receivables_kpis(&i))),
        4 => check(decode_json(text).and_then(|i| overdue::worklist::collection_worklist(&i))),
        5 => check(decode_json(text).and_then(|i| overdue::plan::payment_plan(&i))),
        6 => check(decode_json(text).and_then(|i| overdue::charges::late_charges(&i))),
        7 => check(decode_json(text).and_then(|i| overdue::risk::payment_risk(&i))),
        8 => check(decode_json(text).and_then(|i| overdue::terms::early_payment_discount(&i))),
        9 => check(decode_json(text).and_then(|i| overdue::ladder::next_actions(&i))),
        10 => check(decode_json(text).and_then(|i| overdue::ladder::preview_ladder(&i))),
        11 => check(decode_json(text).and_then(|i| overdue::notice::render_notice(&i))),
        12 => check(decode_json(text).and_then(|i| overdue::notice::validate_template(&i))),
        13 => check(decode_json(text).and_then(|i| overdue::notice::notice_template(&i))),
        14 => check(decode_json(text).and_then(|i| overdue::import::import_invoices_csv(&i))),
        // A workspace file as the page imports it (the text itself, no wrapper).
        _ => {
            if let Ok(p) = overdue::workspace::parse_workspace(text) {
                let again = overdue::workspace::to_text(&p.workspace).expect("a parsed workspace writes");
                assert_eq!(
                    Some(&again),
                    serde_json::to_string(&p.workspace).ok().as_ref(),
                    "JSON writer differs from serde_json"
                );
                let back = overdue::workspace::parse_workspace(&again).expect("a written workspace reads back");
                assert_eq!(back.workspace, p.workspace, "workspace round trip");
            }
        }
    }
});
