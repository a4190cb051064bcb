//! Reference-rate tables for statutory late-payment interest, carried in the crate so the page and
//! edge workers work offline: the Bank of England Bank Rate, the ECB main refinancing rate and the
//! German Basiszinssatz. Each table is one file in `data/rates/` (sources in `SOURCES.md` there);
//! its first line says through which date it is known complete. `build.rs` compiles the files into
//! arrays of dates and rates, leaving the source notes out of the module. Asking for a date after that is an
//! error that asks for the rate, never a silent guess.

use crate::error::{Error, ErrorCode, Result};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Which published rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Bank of England Bank Rate; rows are the days a change took effect.
    BoeBankRate,
    /// ECB main refinancing operations rate; rows are "with effect from" dates.
    EcbMro,
    /// German Basiszinssatz (§ 247 BGB); one row per half-year.
    DeBasiszins,
}

#[allow(clippy::type_complexity)]
mod data {
    include!(concat!(env!("OUT_DIR"), "/rates_data.rs"));
}

#[allow(clippy::type_complexity)]
type Rows = &'static [((i32, u32, u32), (i64, u32))];

impl Table {
    fn data(self) -> (Rows, (i32, u32, u32)) {
        match self {
            Table::BoeBankRate => (data::BOE_ROWS, data::BOE_THROUGH),
            Table::EcbMro => (data::ECB_ROWS, data::ECB_THROUGH),
            Table::DeBasiszins => (data::DE_ROWS, data::DE_THROUGH),
        }
    }

    /// The rate's name for explanations.
    pub fn name(self) -> &'static str {
        match self {
            Table::BoeBankRate => "Bank of England Bank Rate",
            Table::EcbMro => "ECB main refinancing rate",
            Table::DeBasiszins => "Basiszinssatz",
        }
    }
}

/// A rate looked up in a table: the value and the row it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub rate: Decimal,
    /// The date the row took effect.
    pub since: NaiveDate,
}

/// The date through which `table` is known complete.
pub fn complete_through(table: Table) -> NaiveDate {
    let (y, m, d) = table.data().1;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn rows(table: Table) -> impl Iterator<Item = (NaiveDate, Decimal)> {
    table.data().0.iter().filter_map(|&((y, m, d), (mantissa, scale))| {
        Some((NaiveDate::from_ymd_opt(y, m, d)?, Decimal::new(mantissa, scale)))
    })
}

/// The rate in force on `on`.
///
/// # Errors
/// `rate_unknown` at `path` when `on` is after the date the table is known complete through, or
/// before its first row.
pub fn in_force(table: Table, on: NaiveDate, path: &str) -> Result<Found> {
    let through = complete_through(table);
    if on > through {
        return Err(Error::new(
            ErrorCode::RateUnknown,
            path,
            format!(
                "The {} in force on {on} is not in overdue's table, which is complete only through {through}: please give the rate.",
                table.name()
            ),
        ));
    }
    rows(table)
        .take_while(|(d, _)| *d <= on)
        .last()
        .map(|(since, rate)| Found { rate, since })
        .ok_or_else(|| {
            Error::new(
                ErrorCode::RateUnknown,
                path,
                format!(
                    "overdue's table of the {} starts after {on}: please give the rate.",
                    table.name()
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn every_row_parses_and_dates_ascend() {
        for t in [Table::BoeBankRate, Table::EcbMro, Table::DeBasiszins] {
            let lines = t.data().0.len();
            let parsed: Vec<_> = rows(t).collect();
            assert_eq!(parsed.len(), lines, "{t:?}: a row failed to parse");
            assert!(parsed.windows(2).all(|w| w[0].0 < w[1].0), "{t:?} dates ascend");
            assert!(complete_through(t) >= parsed.last().unwrap().0);
        }
    }

    #[test]
    fn known_rates() {
        // BoE: 3.75 from 18 Dec 2025; 5.25 on 30 Jun 2024 (cut to 5.00 on 1 Aug 2024).
        assert_eq!(
            in_force(Table::BoeBankRate, d("2025-12-31"), "")
                .unwrap()
                .rate
                .to_string(),
            "3.75"
        );
        assert_eq!(
            in_force(Table::BoeBankRate, d("2024-06-30"), "")
                .unwrap()
                .rate
                .to_string(),
            "5.25"
        );
        // ECB MRO 2.15 from 11 Jun 2025; 4.50 on 1 Jan 2024.
        assert_eq!(
            in_force(Table::EcbMro, d("2025-07-01"), "").unwrap().rate.to_string(),
            "2.15"
        );
        assert_eq!(
            in_force(Table::EcbMro, d("2024-01-01"), "").unwrap().rate.to_string(),
            "4.50"
        );
        // Basiszinssatz 1.27 for the first half of 2026.
        assert_eq!(
            in_force(Table::DeBasiszins, d("2026-03-01"), "")
                .unwrap()
                .rate
                .to_string(),
            "1.27"
        );
    }

    #[test]
    fn dates_past_the_table_ask_for_the_rate() {
        let e = in_force(Table::BoeBankRate, d("2026-06-30"), "regime.referenceRate").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::RateUnknown, "regime.referenceRate")
        );
        assert!(in_force(Table::DeBasiszins, d("2026-07-01"), "").is_err());
        assert!(in_force(Table::EcbMro, d("1998-12-31"), "").is_err());
    }
}
