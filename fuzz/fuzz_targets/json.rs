//! overdue's JSON reader against serde_json: the same texts are valid JSON (where serde_json's own
//! limits, nesting depth 128 and numbers beyond f64, do not decide), and strings read the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use overdue::decode::Reader;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut r = Reader::new(text);
    let ours = r.skip().and_then(|()| r.end());
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => assert!(ours.is_ok(), "serde_json accepts, overdue refuses {text:?}: {ours:?}"),
        Err(e) => {
            let limit = e.to_string().contains("recursion limit") || e.to_string().contains("number out of range");
            assert!(
                ours.is_err() || limit,
                "serde_json refuses ({e}), overdue accepts {text:?}"
            );
        }
    }
    if let Ok(want) = serde_json::from_str::<String>(text) {
        let mut r = Reader::new(text);
        assert_eq!(r.str().map(|s| s.into_owned()).ok(), Some(want), "{text:?}");
    }
});
