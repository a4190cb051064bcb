//! Reference-rate tables for statutory late-payment interest, carried in the crate so the page and
//! edge workers work offline: the Bank of England Bank Rate, the ECB main refinancing rate, the
//! German Basiszinssatz and the US Prompt Payment Act rate. Each table is one file in `data/rates/`
//! (sources in `SOURCES.md` there, a source on every row); its first line says through which date it
//! is known complete. `build.rs` compiles the files into arrays of dates and rates, leaving the
//! source notes out of the module. Asking for a date after that, or for a half-year whose rate was
//! not found, is an error that asks for the rate, never a silent guess.
//!
//! A caller with newer data passes rows of its own ([`RateRow`]): from the earliest of them on they
//! replace the table, so a rate decided after a release is used without waiting for one.

use crate::error::{Error, ErrorCode, Result};
use crate::money::Amount;
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
    /// US Prompt Payment Act interest rate (Bureau of the Fiscal Service); one row per half-year.
    UsPromptPayment,
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
            Table::UsPromptPayment => (data::US_ROWS, data::US_THROUGH),
        }
    }

    /// The rate's name for explanations.
    pub fn name(self) -> &'static str {
        match self {
            Table::BoeBankRate => "Bank of England Bank Rate",
            Table::EcbMro => "ECB main refinancing rate",
            Table::DeBasiszins => "Basiszinssatz",
            Table::UsPromptPayment => "Prompt Payment Act interest rate",
        }
    }
}
// The table's name in results (`unknownRates[].table`) and in a workspace's rates typed in.
crate::decode_enum!(Table {
    BoeBankRate = "boeBankRate",
    EcbMro = "ecbMainRefinancing",
    DeBasiszins = "deBasiszinssatz",
    UsPromptPayment = "usPromptPayment",
});

/// A rate in force from a date, given by the caller. With a `table`, the row is for that table
/// only, and a regime using another table passes over it: a workspace keeps the rates typed in for
/// every table in one list, given whole to whichever regime is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RateRow {
    /// When given, the row is for that table only: a regime using another table passes over it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    #[serde(with = "crate::date::ymd")]
    pub from: NaiveDate,
    /// Percent a year.
    #[serde(serialize_with = "crate::money::ser_amount")]
    pub rate: Amount,
}
crate::decode_struct!(RateRow {
    table: "table" = default,
    from: "from",
    rate: "rate"
});

/// A rate looked up: the value, the row it came from, and whether the caller gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub rate: Decimal,
    /// The date the row took effect.
    pub since: NaiveDate,
    pub given: bool,
}

/// The date through which `table` is known complete.
pub fn complete_through(table: Table) -> NaiveDate {
    let (y, m, d) = table.data().1;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The table's rows; `None` as the rate of a half-year that was not found.
fn rows(table: Table) -> impl Iterator<Item = (NaiveDate, Option<Decimal>)> {
    table.data().0.iter().filter_map(|&((y, m, d), (mantissa, scale))| {
        let rate = (mantissa != i64::MIN).then(|| Decimal::new(mantissa, scale));
        Some((NaiveDate::from_ymd_opt(y, m, d)?, rate))
    })
}

/// The rate in force on `on` from the built-in table.
///
/// # Errors
/// `rate_unknown` at `path` when `on` is after the date the table is known complete through, in a
/// half-year whose rate was not found, or before its first row.
pub fn in_force(table: Table, on: NaiveDate, path: &str) -> Result<Found> {
    Rates { table, given: &[] }.in_force(on, path)
}

/// A table together with the rows a caller gave for it, sorted by date.
#[derive(Debug, Clone, Copy)]
pub struct Rates<'a> {
    pub table: Table,
    pub given: &'a [RateRow],
}

impl Rates<'_> {
    /// The rate in force on `on`: the caller's latest row on or before `on` once the caller's rows
    /// have begun, else the table's.
    ///
    /// # Errors
    /// As [`in_force`], for dates the caller's rows do not reach.
    pub fn in_force(&self, on: NaiveDate, path: &str) -> Result<Found> {
        if self.given.first().is_some_and(|r| r.from <= on) {
            let row = self.given.iter().take_while(|r| r.from <= on).last();
            if let Some(r) = row {
                return Ok(Found {
                    rate: r.rate.0,
                    since: r.from,
                    given: true,
                });
            }
        }
        let table = self.table;
        let through = complete_through(table);
        let unknown = |why: String| Error::new(ErrorCode::RateUnknown, path, why);
        if on > through {
            return Err(unknown(format!(
                "The {} in force on {on} is not in overdue's table, which is complete only through {through}: please give the rate (referenceRates).",
                table.name()
            )));
        }
        match rows(table).take_while(|(d, _)| *d <= on).last() {
            Some((since, Some(rate))) => Ok(Found { rate, since, given: false }),
            Some((since, None)) => Err(unknown(format!(
                "The {} in force from {since} was not found for overdue's table: please give the rate (referenceRates).",
                table.name()
            ))),
            None => Err(unknown(format!("overdue's table of the {} starts after {on}: please give the rate.", table.name()))),
        }
    }
}

/// Checks a caller's rows: dates in order, rates from 0 to 100 percent.
///
/// # Errors
/// `invalid_value` or `invalid_date_order` at `path[i]`.
pub fn check_rows(rows: &[RateRow], path: &str) -> Result<()> {
    // Oldest first within each table (a row without one is for the regime's own table).
    let mut last: Vec<(Option<Table>, NaiveDate)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if r.rate.0 < Decimal::ZERO || r.rate.0 > Decimal::ONE_HUNDRED {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("{path}[{i}].rate"),
                "A reference rate is from 0 to 100 percent.",
            ));
        }
        match last.iter_mut().find(|(t, _)| *t == r.table) {
            Some((_, from)) if *from >= r.from => {
                return Err(Error::new(
                    ErrorCode::InvalidDateOrder,
                    format!("{path}[{i}].from"),
                    "Reference rates are listed oldest first, one per date.",
                ))
            }
            Some((_, from)) => *from = r.from,
            None => last.push((r.table, r.from)),
        }
    }
    Ok(())
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
        for t in [
            Table::BoeBankRate,
            Table::EcbMro,
            Table::DeBasiszins,
            Table::UsPromptPayment,
        ] {
            let lines = t.data().0.len();
            let parsed: Vec<_> = rows(t).collect();
            assert_eq!(parsed.len(), lines, "{t:?}: a row failed to parse");
            assert!(parsed.windows(2).all(|w| w[0].0 < w[1].0), "{t:?} dates ascend");
            assert!(complete_through(t) >= parsed.last().unwrap().0);
        }
    }

    #[test]
    fn known_rates() {
        // BoE: 3.75 from 18 Dec 2025, held through the September 2026 meeting; 5.25 on 30 Jun 2024.
        assert_eq!(
            in_force(Table::BoeBankRate, d("2025-12-31"), "")
                .unwrap()
                .rate
                .to_string(),
            "3.75"
        );
        assert_eq!(
            in_force(Table::BoeBankRate, d("2026-06-30"), "")
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
        // ECB MRO 2.15 from 11 Jun 2025; 2.40 from 17 Jun 2026 (so on 1 Jul 2026); 4.50 on 1 Jan 2024.
        assert_eq!(
            in_force(Table::EcbMro, d("2025-07-01"), "").unwrap().rate.to_string(),
            "2.15"
        );
        assert_eq!(
            in_force(Table::EcbMro, d("2026-07-01"), "").unwrap().rate.to_string(),
            "2.40"
        );
        assert_eq!(
            in_force(Table::EcbMro, d("2024-01-01"), "").unwrap().rate.to_string(),
            "4.50"
        );
        // Basiszinssatz 1.27 for the first half of 2026, 1.52 for the second.
        assert_eq!(
            in_force(Table::DeBasiszins, d("2026-03-01"), "")
                .unwrap()
                .rate
                .to_string(),
            "1.27"
        );
        assert_eq!(
            in_force(Table::DeBasiszins, d("2026-09-01"), "")
                .unwrap()
                .rate
                .to_string(),
            "1.52"
        );
        // Prompt Payment: 4-7/8 for July–December 2024; 4.75 for July–December 2026.
        assert_eq!(
            in_force(Table::UsPromptPayment, d("2024-10-01"), "")
                .unwrap()
                .rate
                .to_string(),
            "4.875"
        );
        assert_eq!(
            in_force(Table::UsPromptPayment, d("2026-12-31"), "")
                .unwrap()
                .rate
                .to_string(),
            "4.75"
        );
    }

    #[test]
    fn dates_past_the_table_ask_for_the_rate() {
        let e = in_force(Table::BoeBankRate, d("2026-12-31"), "regime.referenceRates").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::RateUnknown, "regime.referenceRates")
        );
        assert!(in_force(Table::DeBasiszins, d("2027-01-01"), "").is_err());
        assert!(in_force(Table::EcbMro, d("1998-12-31"), "").is_err());
        // A half-year whose rate was not found asks for it too.
        let e = in_force(Table::UsPromptPayment, d("2016-08-01"), "").unwrap_err();
        assert!(
            e.code == ErrorCode::RateUnknown && e.message.contains("was not found"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_callers_rows_replace_the_table_from_their_first_date() {
        let given = [
            RateRow {
                table: None,
                from: d("2026-11-05"),
                rate: Amount(Decimal::new(35, 1)),
            },
            RateRow {
                table: None,
                from: d("2026-12-17"),
                rate: Amount(Decimal::new(325, 2)),
            },
        ];
        let r = Rates {
            table: Table::BoeBankRate,
            given: &given,
        };
        assert_eq!(
            r.in_force(d("2026-10-01"), "").unwrap(),
            Found {
                rate: Decimal::new(375, 2),
                since: d("2025-12-18"),
                given: false
            }
        );
        assert_eq!(r.in_force(d("2026-12-01"), "").unwrap().rate.to_string(), "3.5");
        assert_eq!(
            r.in_force(d("2026-12-31"), "").unwrap(),
            Found {
                rate: Decimal::new(325, 2),
                since: d("2026-12-17"),
                given: true
            }
        );
        assert_eq!(check_rows(&[given[1], given[0]], "x").unwrap_err().path, "x[1].from");
    }
}
