//! Money and dates against what ICU prints through Node's Intl (tests/fixtures/intl.json, written by
//! scripts/intl-fixture.mjs; the file names the Node, ICU and CLDR versions it came from).

use chrono::NaiveDate;
use overdue::locale::Locale;
use overdue::Currency;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

fn fixture() -> Value {
    serde_json::from_str(include_str!("fixtures/intl.json")).unwrap()
}

#[test]
fn money_matches_intl_number_format() {
    let f = fixture();
    let mut checked = 0;
    for m in f["money"].as_array().unwrap() {
        let locale = Locale::parse(m["locale"].as_str().unwrap()).unwrap();
        let currency = Currency::from_code(m["currency"].as_str().unwrap()).unwrap();
        let amount = Decimal::from_str(m["amount"].as_str().unwrap()).unwrap();
        let got = locale.money(amount, currency);
        let want = m["text"].as_str().unwrap();
        // Intl keeps the sign of an amount that rounds to zero ("-¥0"); a notice never asks for
        // minus nothing, so overdue writes zero unsigned.
        if want.contains('-') && got.chars().filter(|c| c.is_ascii_digit()).all(|c| c == '0') {
            assert!(!got.contains('-'), "{got}");
            continue;
        }
        assert_eq!(got, want, "{} {} {}", m["locale"], m["currency"], m["amount"]);
        checked += 1;
    }
    assert!(checked >= 690, "only {checked} compared");
}

#[test]
fn dates_match_intl_long_date() {
    let f = fixture();
    let dates = f["dates"].as_array().unwrap();
    assert_eq!(dates.len(), 240);
    for d in dates {
        let locale = Locale::parse(d["locale"].as_str().unwrap()).unwrap();
        let date = NaiveDate::parse_from_str(d["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(locale.date(date), d["text"].as_str().unwrap(), "{}", d["locale"]);
    }
}
