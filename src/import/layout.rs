//! The shape of a report export: where the header is (after the title rows a report starts with),
//! and what each row after it is: an invoice, a group label (a customer, or an ageing bucket), a
//! subtotal or total, or a stamp at the foot ("Accrual Basis Monday, March 02, 2026 08:03 PM").

use super::vocab::{is_bucket_label, is_note, is_total_label, key, ALIASES};
use std::borrow::Cow;

/// How many rows from the top are searched for the header.
const HEADER_SEARCH: usize = 40;

/// What a row of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Data,
    /// Every cell empty (`,,,,,`).
    Blank,
    /// A label alone in the first cell; `bucket` when it names an ageing period, not a customer.
    Group {
        bucket: bool,
    },
    Total,
    Note,
}

/// How many fields a row's cells name as headers (each field counted once).
fn header_score(row: &[Cow<'_, str>]) -> usize {
    let keys: Vec<String> = row.iter().map(|c| header_key(c)).collect();
    ALIASES
        .iter()
        .filter(|aliases| keys.iter().any(|k| !k.is_empty() && aliases.split('|').any(|a| a == k)))
        .count()
}

/// A header cell's key, without a format hint after the name ("Fecha dd/mm/yyyy", "Datum (TT.MM.JJJJ)").
pub fn header_key(h: &str) -> String {
    let k = key(h);
    for hint in [
        "ddmmyyyy", "mmddyyyy", "yyyymmdd", "ddmmyy", "jjmmaaaa", "ttmmjjjj", "ddmmjjjj", "ddmmaaaa",
    ] {
        if let Some(stem) = k.strip_suffix(hint).filter(|s| !s.is_empty()) {
            return stem.to_string();
        }
    }
    k
}

/// The index of the header row among `records`: the first row, among the first few dozen, that names
/// the most fields (at least two). `None` when none does, or when it should be found from content.
pub fn find_header(records: &[(usize, Vec<Cow<'_, str>>)]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, (_, row)) in records.iter().take(HEADER_SEARCH).enumerate() {
        let score = header_score(row);
        if score >= 2 && best.map_or(true, |(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

/// What `row` is, with `id` the invoice-number column when one is mapped.
pub fn role(row: &[Cow<'_, str>], id: Option<usize>) -> Role {
    let mut filled = row.iter().enumerate().filter(|(_, c)| !c.is_empty());
    let Some((first_at, first)) = filled.next() else {
        return Role::Blank;
    };
    let second = filled.next();
    let id_cell = id.and_then(|i| row.get(i)).map_or("", |c| c.as_ref());
    if is_total_label(first) && (id_cell.is_empty() || id == Some(first_at)) {
        return Role::Total;
    }
    if second.is_some() {
        return Role::Data;
    }
    if is_note(first) || first_at > 0 || super::values::date_parts(first).is_some() {
        return Role::Note;
    }
    Role::Group {
        bucket: is_bucket_label(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Cow<'static, str>> {
        cells.iter().map(|c| Cow::Owned(c.to_string())).collect()
    }

    #[test]
    fn rows_of_a_quickbooks_report() {
        // From a QuickBooks Online "A/R Aging Detail" export (see tests/fixtures/import/).
        assert_eq!(
            role(&row(&["91 or more days past due", "", ""]), Some(3)),
            Role::Group { bucket: true }
        );
        assert_eq!(role(&row(&["CURRENT", "", ""]), Some(3)), Role::Group { bucket: true });
        assert_eq!(
            role(&row(&["Acme Corp", "", ""]), Some(3)),
            Role::Group { bucket: false }
        );
        assert_eq!(
            role(&row(&["Total for CURRENT", "", "", "", "", "", "", "700.00"]), Some(3)),
            Role::Total
        );
        assert_eq!(
            role(&row(&["", "TOTAL", "", "", "", "", "$2,050.00"]), Some(3)),
            Role::Total
        );
        assert_eq!(
            role(&row(&[" Thursday, July 30, 2026 04:19 PM GMT-06:00", "", ""]), Some(3)),
            Role::Note
        );
        assert_eq!(
            role(&row(&["", "11/11/2025", "Invoice", "SI-1", "TACTICS"]), Some(3)),
            Role::Data
        );
        assert_eq!(role(&row(&["", "", ""]), Some(3)), Role::Blank);
        // A customer whose name starts with "Total" is still an invoice when its number is there.
        assert_eq!(
            role(&row(&["Total Gym Ltd", "2026-10-01", "INV-9"]), Some(2)),
            Role::Data
        );
    }

    #[test]
    fn the_header_after_the_title_rows() {
        let records: Vec<(usize, Vec<Cow<'static, str>>)> = [
            vec!["Foundry Distribution, Inc", "", ""],
            vec!["A/R Aging Detail Report", "", ""],
            vec!["As of Jul 25, 2026", "", ""],
            vec![
                "",
                "Date",
                "Transaction type",
                "Num",
                "Customer full name",
                "Due date",
                "Amount",
                "Open balance",
            ],
        ]
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 1, row(r)))
        .collect();
        assert_eq!(find_header(&records), Some(3));
        assert_eq!(header_key("Fecha de vencimiento dd/mm/yyyy"), "fechadevencimiento");
    }
}
