//! § 193 BGB: a performance due on a Saturday, a Sunday or a public holiday at the place of
//! performance is due on the next working day, so default (and interest) starts a day or more
//! later. The nationwide holidays are built in; a Land's own (6 January, Corpus Christi, 31 October,
//! 1 November, …) are the caller's to give.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of `year` (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Whether `d` is a public holiday throughout Germany: New Year, Good Friday, Easter Monday, Labour
/// Day, Ascension, Whit Monday, German Unity Day, Christmas Day and Boxing Day (and Reformation Day
/// in 2017, nationwide that year only).
pub fn national_holiday(d: NaiveDate) -> bool {
    let fixed = matches!((d.month(), d.day()), (1, 1) | (5, 1) | (10, 3) | (12, 25) | (12, 26));
    if fixed || (d.year() == 2017 && d.month() == 10 && d.day() == 31) {
        return true;
    }
    let Some(e) = easter(d.year()) else { return false };
    [-2, 1, 39, 50].iter().any(|&off| e + Duration::days(off) == d)
}

/// `due`, or the next working day after it when it is a Saturday, Sunday, national holiday or one of
/// `extra`.
pub fn next_working_day(due: NaiveDate, extra: &[NaiveDate]) -> NaiveDate {
    let mut d = due;
    // At most a few days: a weekend next to holidays.
    for _ in 0..10 {
        let off = matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || national_holiday(d) || extra.contains(&d);
        if !off {
            return d;
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => return d,
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::date::parse_date(s).unwrap()
    }

    #[test]
    fn easter_dates() {
        // Published Easter Sundays: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, 2000-04-23, 2038-04-25.
        for (y, e) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2000, "2000-04-23"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(y), Some(d(e)), "{y}");
        }
    }

    #[test]
    fn due_dates_move_past_weekends_and_holidays() {
        // Saturday 3 October 2026 (German Unity Day on a Saturday) → Monday 5 October.
        assert_eq!(next_working_day(d("2026-10-03"), &[]), d("2026-10-05"));
        // Good Friday 3 April 2026 → Tuesday 7 April (Easter Monday is a holiday too).
        assert_eq!(next_working_day(d("2026-04-03"), &[]), d("2026-04-07"));
        // Thursday 24 December 2026 is a working day; Friday 25 → Monday 28 December.
        assert_eq!(next_working_day(d("2026-12-24"), &[]), d("2026-12-24"));
        assert_eq!(next_working_day(d("2026-12-25"), &[]), d("2026-12-28"));
        // Ascension 14 May 2026 and a Land's holiday given by the caller (Corpus Christi, 4 June 2026).
        assert_eq!(next_working_day(d("2026-05-14"), &[]), d("2026-05-15"));
        assert_eq!(next_working_day(d("2026-06-04"), &[d("2026-06-04")]), d("2026-06-05"));
    }
}
