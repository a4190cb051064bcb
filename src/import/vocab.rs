//! The words accounting programs write: the column headers of their exports (QuickBooks Online,
//! Xero, FreshBooks, Wave, Zoho Books, Sage, DATEV, Lexoffice, sevDesk, Exact Online, Holded,
//! Pennylane, in their own languages), their statuses and document types, and the labels of the
//! rows in a report that are not invoices (totals, ageing buckets, the stamp at the foot).

/// The fields an invoice row can fill: the keys of the import's `mapping`. [`ALIASES`] follows
/// this order.
pub const FIELDS: [&str; 15] = [
    "id",
    "customerId",
    "customerName",
    "email",
    "currency",
    "amount",
    "lineAmount",
    "issueDate",
    "dueDate",
    "paid",
    "outstanding",
    "datePaid",
    "status",
    "type",
    "disputed",
];

// Positions in FIELDS.
pub const ID: usize = 0;
pub const CUSTOMER_ID: usize = 1;
pub const CUSTOMER_NAME: usize = 2;
pub const EMAIL: usize = 3;
pub const CURRENCY: usize = 4;
pub const AMOUNT: usize = 5;
pub const LINE_AMOUNT: usize = 6;
pub const ISSUE: usize = 7;
pub const DUE: usize = 8;
pub const PAID: usize = 9;
pub const OUTSTANDING: usize = 10;
pub const DATE_PAID: usize = 11;
pub const STATUS: usize = 12;
pub const TYPE: usize = 13;
pub const DISPUTED: usize = 14;

/// Header keys recognised for each field, best first, `|` between them (one string per field, not
/// a slice of strings: the slices' pointers cost more than the words): where a file has two
/// candidates (Zoho's "Invoice Number" and its internal "Invoice ID"), the earlier alias wins. Keys
/// are headers folded by [`key`]: lower case, accents dropped, letters and digits only.
pub const ALIASES: [&str; 15] = [
    // id. QuickBooks "Num" (US) / "Number" (UK), Xero "InvoiceNumber", FreshBooks "Invoice #",
    // DATEV "Rechnungsnummer" / "Belegfeld 1", Lexoffice/sevDesk "Rechnungsnummer", "Belegnummer",
    // Holded "Num factura", Exact "Factuurnummer", Pennylane "Numéro de facture".
    "invoicenumber|invoiceno|invoicenum|invoice|num|number|documentnumber|docnumber|rechnungsnummer|rechnungsnr|\
     rechnung|belegnummer|belegnr|belegfeld1|numerodefacture|numerofacture|nfacture|nodefacture|facture|numfactura|\
     numerofactura|numerodefactura|nfactura|factura|factuurnummer|factuurnr|factuur|invoiceid|id|no|nr|numero|nummer",
    // customerId. DATEV "Konto" (the debtor's account), Xero "Contact Account Number".
    "customernumber|customerno|customerid|clientid|clientnumber|contactaccountnumber|accountnumber|accountno|account|\
     kundennummer|kundennr|debitorennummer|debitorennr|debitor|konto|numeroclient|codeclient|codigocliente|\
     numerocliente|klantnummer|debiteurnummer|debiteurnr|relatienummer|relatiecode",
    // customerName. QuickBooks "Customer full name" / "Customer", Xero "ContactName", FreshBooks
    // "Client Name", Holded "Nombre del contacto".
    "customerfullname|customername|customer|contactname|contact|clientname|client|organization|organisation|\
     companyname|company|name|kundenname|kunde|firma|debitorname|geschaftspartner|nomduclient|nomclient|\
     raisonsociale|nombredelcontacto|nombrecliente|nombre|cliente|contacto|klantnaam|klant|debiteurnaam|debiteur|\
     relatie|naam",
    // email
    "emailaddress|email|customeremail|clientemail|mail|emailadresse|courriel|adresseemail|correoelectronico|correo|\
     emailadres",
    // currency. DATEV "WKZ" (Währungskennzeichen), Zoho "Currency Code".
    "currency|currencycode|curr|ccy|wahrung|wahrungscode|wkz|devise|monnaie|moneda|divisa|valuta|munt",
    // amount: the invoice's total. DATEV OPOS "Sollbetrag", Lexoffice "Bruttobetrag".
    "total|invoicetotal|invoiceamount|amount|totalamount|grandtotal|gross|originalamount|amountincvat|amountinclvat|\
     betragbrutto|bruttobetrag|rechnungsbetrag|gesamtbetrag|endbetrag|betrag|brutto|sollbetrag|montantttc|totalttc|\
     montanttotal|montant|importetotal|totalfactura|importe|bedraginclbtw|totaalbedrag|factuurbedrag|bedrag",
    // lineAmount: one line of an invoice listed line by line (Xero "LineAmount", FreshBooks "Line
    // Total", Zoho "Item Total").
    "lineamount|linetotal|itemtotal|lineitemamount|positionsbetrag",
    // issueDate
    "invoicedate|issuedate|dateissued|transactiondate|date|documentdate|rechnungsdatum|belegdatum|datum|\
     datedefacture|datefacture|datedemission|fechadefactura|fechafactura|fechaemision|fechadeemision|fecha|\
     factuurdatum|documentdatum",
    // dueDate
    "duedate|datedue|due|paymentdue|falligam|faelligam|falligkeitsdatum|faelligkeitsdatum|falligkeit|faelligkeit|\
     zahlungsziel|dateecheance|datedecheance|echeance|fechadevencimiento|fechavencimiento|vencimiento|vervaldatum|\
     vervaldag",
    // paid. Xero "InvoiceAmountPaid", DATEV OPOS "Habenbetrag", Holded "Cantidad cobrada".
    "amountpaid|invoiceamountpaid|paid|paidamount|payments|paymentsreceived|received|bezahlterbetrag|bezahlt|gezahlt|\
     habenbetrag|montantpaye|montantregle|paye|regle|cantidadcobrada|importecobrado|cobrado|importepagado|pagado|\
     betaaldbedrag|betaald",
    // outstanding. QuickBooks "Open balance", Xero "InvoiceAmountDue", Zoho "Balance", DATEV "Saldo".
    "openbalance|invoiceamountdue|amountdue|balancedue|balance|outstanding|amountoutstanding|remainingamount|open|\
     offenerbetrag|offenerposten|offen|restbetrag|saldo|resteapayer|restantdu|restant|montantrestant|soldeapayer|\
     solde|importependiente|saldopendiente|pendiente|openstaandbedrag|openstaand|saldoopen",
    // datePaid. FreshBooks "Date Paid", Zoho "Last Payment Date", Holded "Fecha de cobro".
    "datepaid|paiddate|paymentdate|lastpaymentdate|lastpayment|paidon|bezahltam|zahlungsdatum|zahldatum|\
     zahlungseingang|datedepaiement|datepaiement|datedereglement|datereglement|fechadepago|fechapago|fechadecobro|\
     fechacobro|betaaldatum|betaaldop|datumbetaling",
    // status. Xero/Zoho "Status" / "Invoice Status", FreshBooks "Invoice Status".
    "status|invoicestatus|state|rechnungsstatus|zahlstatus|statut|etat|estado|staat",
    // type. QuickBooks "Transaction type", Xero "Type".
    "transactiontype|type|documenttype|doctype|belegart|belegtyp|dokumenttyp|typededocument|typedocument|\
     tipodedocumento|tipodocumento|tipo|documentsoort|soort",
    // disputed
    "disputed|dispute|indispute|inquiry|strittig|bestritten|litige|conteste|disputa|betwist",
];

/// A header as compared: lower case, Latin accents dropped, only letters and digits kept ("Fällig am"
/// is `falligam`, "Invoice #" is `invoice`, "*ContactName" is `contactname`).
pub fn key(h: &str) -> String {
    h.chars().filter_map(fold).collect()
}

fn fold(c: char) -> Option<char> {
    let c = crate::csv::header_lower(c);
    Some(match c {
        'a'..='z' | '0'..='9' => c,
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        _ => return None,
    })
}

/// What a status says about a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Sent, viewed, overdue, partly paid, paid: the amounts say what is owed.
    Issued,
    /// Marked paid; when the file has no amount paid, paid in full.
    Paid,
    /// Marked partly paid: the amounts must say how much.
    Partial,
    Disputed,
    /// Not owed: the reason's word.
    NotOwed(&'static str),
}

/// The status of a status cell ("Awaiting Payment", "überfällig", "Brouillon", …). sevDesk writes
/// codes: 100 draft, 200 open, 750 partly paid, 1000 paid, 50 a deactivated recurring invoice
/// (sevDesk API, Invoice model `status`); Pennylane writes `incomplete` for an unfinished draft.
pub fn status(cell: &str) -> Status {
    let k = key(cell);
    let is = |words: &str| words.split('|').any(|w| w == k);
    if is("draft|saved|unsent|awaitingapproval|submitted|entwurf|brouillon|borrador|concept|bozza|proforma|incomplete|100|50") {
        Status::NotOwed("draft")
    } else if is("void|voided|cancelled|canceled|storniert|storno|annule|annulee|anulada|anulado|cancelada|geannuleerd|vervallen|annullata|rejected|writtenoff|abgeschrieben") {
        Status::NotOwed("void")
    } else if is("deleted|geloscht|supprime|supprimee|eliminada|eliminado|verwijderd") {
        Status::NotOwed("deleted")
    } else if is("disputed|indispute|dispute|strittig|bestritten|reklamiert|enlitige|litige|conteste|contestee|endisputa|disputada|betwist") {
        Status::Disputed
    } else if is("paid|autopaid|closed|bezahlt|beglichen|ausgeglichen|paye|payee|reglee|regle|soldee|pagada|pagado|cobrada|cobrado|betaald|voldaan|1000") {
        Status::Paid
    } else if is("partial|partiallypaid|partlypaid|partpaid|teilbezahlt|teilweisebezahlt|teilzahlung|partiellementpayee|partiellementpaye|paiementpartiel|pagadaparcialmente|parcialmentepagada|cobradaparcialmente|deelsbetaald|gedeeltelijkbetaald|750") {
        Status::Partial
    } else {
        Status::Issued
    }
}

/// What a document-type cell says a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Invoice,
    /// A credit note: money the customer is owed back.
    Credit,
    /// A payment not tied to one invoice (QuickBooks "Payment", Xero "Sales overpayment").
    Payment,
    /// Something else (a journal entry, an estimate): not imported, listed.
    Other,
}

/// The kind of a type cell; an empty cell is an invoice.
pub fn kind(cell: &str) -> Kind {
    let k = key(cell);
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    if has(&[
        "credit",
        "gutschrift",
        "korrektur",
        "avoir",
        "abono",
        "rectificativa",
        "storno",
    ]) {
        Kind::Credit
    } else if k.is_empty() || has(&["invoice", "rechnung", "facture", "factura", "factuur", "fattura"]) {
        Kind::Invoice
    } else if has(&[
        "payment",
        "prepayment",
        "overpayment",
        "zahlung",
        "paiement",
        "reglement",
        "pago",
        "cobro",
        "betaling",
    ]) {
        Kind::Payment
    } else {
        Kind::Other
    }
}

/// Whether a label starts a total row: "Total for Acme", "TOTAL", "Summe", "Gesamt", "Totaal",
/// "Total general", "Sous-total", "Subtotal", "Zwischensumme", "Insgesamt".
pub fn is_total_label(cell: &str) -> bool {
    let k = key(cell);
    [
        "total",
        "subtotal",
        "soustotal",
        "grandtotal",
        "summe",
        "zwischensumme",
        "gesamt",
        "insgesamt",
        "totaal",
        "subtotaal",
        "totale",
        "suma",
    ]
    .iter()
    .any(|w| k.starts_with(w))
}

/// Whether a group row's label is an ageing bucket ("CURRENT", "1 - 30 days past due", "< 1 Month",
/// "Older", "91+", "überfällig 31–60 Tage") rather than a customer.
pub fn is_bucket_label(cell: &str) -> bool {
    let k = key(cell);
    let lower = cell.trim();
    matches!(
        k.as_str(),
        "current"
            | "older"
            | "notdue"
            | "notyetdue"
            | "aktuell"
            | "nichtfallig"
            | "nonechu"
            | "courant"
            | "corriente"
            | "novencido"
            | "nietvervallen"
            | "actueel"
    ) || [
        "days",
        "day",
        "tage",
        "jours",
        "dias",
        "dagen",
        "month",
        "monat",
        "mois",
        "mes",
        "maand",
        "pastdue",
        "overdue",
        "uberfallig",
        "vencid",
        "vervallen",
    ]
    .iter()
    .any(|w| k.contains(w) && lower.bytes().any(|b| b.is_ascii_digit()))
        || lower.starts_with('<')
        || lower.starts_with('>')
        || lower.trim_end().ends_with('+') && lower.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a lone cell is a report's stamp rather than a label: a time of day ("04:19 PM"), or the
/// accounting basis ("Accrual Basis", "Cash basis"), as QuickBooks prints at the foot.
pub fn is_note(cell: &str) -> bool {
    let k = key(cell);
    let time = cell
        .as_bytes()
        .windows(4)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit())
        || cell
            .as_bytes()
            .windows(5)
            .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit() && w[2] == b':' && w[3].is_ascii_digit());
    time || k.contains("accrualbasis")
        || k.contains("cashbasis")
        || k.starts_with("asof")
        || k.starts_with("asat")
        || k.starts_with("stand")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_is_written_as_a_header_key() {
        // A header is compared by its key, so an alias with a capital, an accent or a space could
        // never match.
        for alias in ALIASES.iter().flat_map(|a| a.split('|')) {
            assert_eq!(key(alias), alias);
        }
    }

    #[test]
    fn no_alias_names_two_fields() {
        let all: Vec<(usize, &str)> = ALIASES
            .iter()
            .enumerate()
            .flat_map(|(f, a)| a.split('|').map(move |k| (f, k)))
            .collect();
        for (f, k) in &all {
            let owners: Vec<&str> = all.iter().filter(|(_, x)| x == k).map(|(g, _)| FIELDS[*g]).collect();
            assert_eq!(owners.len(), 1, "{k} ({}) names {owners:?}", FIELDS[*f]);
        }
    }

    #[test]
    fn statuses_of_the_programs() {
        // Xero: DRAFT, SUBMITTED, AUTHORISED ("Awaiting Payment"), PAID, VOIDED; FreshBooks: draft,
        // sent, viewed, paid, partial, disputed; sevDesk: 100, 200, 750, 1000.
        assert_eq!(status("Draft"), Status::NotOwed("draft"));
        assert_eq!(status("Awaiting Approval"), Status::NotOwed("draft"));
        assert_eq!(status("Awaiting Payment"), Status::Issued);
        assert_eq!(status("VOIDED"), Status::NotOwed("void"));
        assert_eq!(status("Storniert"), Status::NotOwed("void"));
        assert_eq!(status("disputed"), Status::Disputed);
        assert_eq!(status("paid"), Status::Paid);
        assert_eq!(status("partial"), Status::Partial);
        assert_eq!(status("750"), Status::Partial);
        assert_eq!(status("200"), Status::Issued);
        assert_eq!(status("überfällig"), Status::Issued);
        assert_eq!(kind("Credit Memo"), Kind::Credit);
        assert_eq!(kind("Sales credit note"), Kind::Credit);
        assert_eq!(kind("Sales invoice"), Kind::Invoice);
        assert_eq!(kind("Sales overpayment"), Kind::Payment);
        assert_eq!(kind("Payment"), Kind::Payment);
        assert_eq!(kind("Journal Entry"), Kind::Other);
        assert_eq!(kind("Rechnungskorrektur"), Kind::Credit);
    }
}
