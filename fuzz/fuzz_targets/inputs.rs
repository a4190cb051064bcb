//! Every exported function's input, through the same JSON path the JavaScript and HTTP callers use:
//! the first byte picks the function, the rest is the JSON text. Any panic is a finding.
#![no_main]
use libfuzzer_sys::fuzz_target;
use overdue::decode::decode_json;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match which % 16 {
        0 => { let _ = decode_json(text).and_then(|i| overdue::normalize::normalize_invoices(&i)); }
        1 => { let _ = decode_json(text).and_then(|i| overdue::aging::age_receivables(&i)); }
        2 => { let _ = decode_json(text).and_then(|i| overdue::aging_csv::age_receivables_csv(&i)); }
        3 => { let _ = decode_json(text).and_then(|i| overdue::kpi::receivables_kpis(&i)); }
        4 => { let _ = decode_json(text).and_then(|i| overdue::worklist::collection_worklist(&i)); }
        5 => { let _ = decode_json(text).and_then(|i| overdue::plan::payment_plan(&i)); }
        6 => { let _ = decode_json(text).and_then(|i| overdue::charges::late_charges(&i)); }
        7 => { let _ = decode_json(text).and_then(|i| overdue::risk::payment_risk(&i)); }
        8 => { let _ = decode_json(text).and_then(|i| overdue::terms::early_payment_discount(&i)); }
        9 => { let _ = decode_json(text).and_then(|i| overdue::ladder::next_actions(&i)); }
        10 => { let _ = decode_json(text).and_then(|i| overdue::ladder::preview_ladder(&i)); }
        11 => { let _ = decode_json(text).and_then(|i| overdue::notice::render_notice(&i)); }
        12 => { let _ = decode_json(text).and_then(|i| overdue::notice::validate_template(&i)); }
        13 => { let _ = decode_json(text).and_then(|i| overdue::notice::notice_template(&i)); }
        14 => { let _ = decode_json(text).and_then(|i| overdue::import::import_invoices_csv(&i)); }
        // A workspace file as the page imports it (the text itself, no wrapper).
        _ => {
            if let Ok(p) = overdue::workspace::parse_workspace(text) {
                let again = overdue::workspace::to_text(&p.workspace).expect("a parsed workspace writes");
                let back = overdue::workspace::parse_workspace(&again).expect("a written workspace reads back");
                assert_eq!(back.workspace, p.workspace, "workspace round trip");
            }
        }
    }
});
