//! The one error type of overdue: a stable machine-readable `code`, a `path` to the offending input
//! field (`invoices[3].dueDate`) and a plain-English message.

use std::fmt;

/// Stable error codes. The snake_case strings returned by [`ErrorCode::as_str`] are part of the public
/// API (they reach JavaScript as `error.code`); variants are only ever added, never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// A required field is absent (or `null`/`undefined`).
    MissingField,
    /// A field has the wrong JSON type (a number where a string was expected, …).
    InvalidType,
    /// A field has the right type but a value outside what is accepted (unknown enum word, …).
    InvalidValue,
    /// An amount is not a finite decimal number, or is negative/zero where that is not allowed.
    InvalidAmount,
    /// An amount has more decimal places than its currency's minor unit allows.
    TooManyDecimals,
    /// An amount is larger than overdue handles (see [`crate::money::AMOUNT_LIMIT`]).
    AmountOutOfRange,
    /// A date is not a valid `YYYY-MM-DD` calendar date in the supported range.
    InvalidDate,
    /// Two dates are in an impossible order (a due date before the issue date, …).
    InvalidDateOrder,
    /// A currency code is not an active ISO 4217 code.
    UnknownCurrency,
    /// A text field is empty where a value is required.
    EmptyText,
    /// A text field is longer than its limit.
    TooLong,
    /// An identifier appears twice where identifiers must be unique.
    DuplicateId,
    /// A collection is larger than overdue accepts in one call.
    TooMany,
    /// A text handed in as JSON is not valid JSON.
    InvalidJson,
    /// A fault inside overdue, not in the input. Please report it.
    Internal,
    /// A payment plan's largest allowed instalment cannot pay the debt down.
    InstalmentTooSmall,
    /// A reference rate is needed for a date overdue's tables do not cover: pass it explicitly.
    RateUnknown,
    /// Payment terms text that overdue cannot read.
    InvalidTerms,
    /// A notice template with a syntax error or an unknown variable (the message gives line and
    /// column).
    TemplateError,
    /// A notice template that would repeat more work than overdue does for one notice.
    TemplateTooComplex,
    /// A rendered notice longer than overdue produces for one notice.
    OutputTooLarge,
    /// The browser's storage is full: the change was not saved (what was saved before is intact).
    StorageFull,
    /// The browser's storage cannot be used (disabled, private mode, or not a browser).
    StorageUnavailable,
    /// Text that is not valid Unicode: a lone surrogate (half of a UTF-16 pair) in a JavaScript string.
    InvalidText,
    /// An input or a result too large to cross between JavaScript and WebAssembly (the engine's
    /// longest string); split the call.
    TooLarge,
    /// overdue was called again while it was still reading an input (from a getter, `toJSON` or a
    /// Proxy of that input); the inner call is refused.
    ReentrantCall,
    /// A file that is not a CSV text (a workbook, a PDF, a booking journal): the message says what it
    /// is and how to export a list overdue can read.
    UnsupportedFile,
    /// A function was called before the module was loaded: `await init()` (or `initSync`) first.
    /// Thrown by the JavaScript glue, never by the core.
    NotInitialised,
    /// `init()` could not load `overdue_bg.wasm`: not found where it was looked for, or the server
    /// sent something else (the message names the URL and how to tell `init` where the file is).
    /// Thrown by the JavaScript glue, never by the core.
    WasmNotFound,
}

/// A code travels as its snake_case name (`error.code` in JavaScript, `errors[].code` in an import).
impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl ErrorCode {
    /// The stable codes every thrown `OverdueError` carries (`error.code`; `errors[].code` in an
    /// import), each by its snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MissingField => "missing_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidAmount => "invalid_amount",
            ErrorCode::TooManyDecimals => "too_many_decimals",
            ErrorCode::AmountOutOfRange => "amount_out_of_range",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::InvalidDateOrder => "invalid_date_order",
            ErrorCode::UnknownCurrency => "unknown_currency",
            ErrorCode::EmptyText => "empty_text",
            ErrorCode::TooLong => "too_long",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::TooMany => "too_many",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::Internal => "internal",
            ErrorCode::InstalmentTooSmall => "instalment_too_small",
            ErrorCode::RateUnknown => "rate_unknown",
            ErrorCode::InvalidTerms => "invalid_terms",
            ErrorCode::TemplateError => "template_error",
            ErrorCode::TemplateTooComplex => "template_too_complex",
            ErrorCode::OutputTooLarge => "output_too_large",
            ErrorCode::StorageFull => "storage_full",
            ErrorCode::StorageUnavailable => "storage_unavailable",
            ErrorCode::InvalidText => "invalid_text",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::ReentrantCall => "reentrant_call",
            ErrorCode::UnsupportedFile => "unsupported_file",
            ErrorCode::NotInitialised => "not_initialised",
            ErrorCode::WasmNotFound => "wasm_not_found",
        }
    }

    /// The code for a snake_case name, the inverse of [`ErrorCode::as_str`].
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ALL_CODES.iter().copied().find(|c| c.as_str() == name)
    }
}

/// Every code, for documentation and for tests that check the names stay stable.
pub const ALL_CODES: &[ErrorCode] = &[
    ErrorCode::MissingField,
    ErrorCode::InvalidType,
    ErrorCode::InvalidValue,
    ErrorCode::InvalidAmount,
    ErrorCode::TooManyDecimals,
    ErrorCode::AmountOutOfRange,
    ErrorCode::InvalidDate,
    ErrorCode::InvalidDateOrder,
    ErrorCode::UnknownCurrency,
    ErrorCode::EmptyText,
    ErrorCode::TooLong,
    ErrorCode::DuplicateId,
    ErrorCode::TooMany,
    ErrorCode::InvalidJson,
    ErrorCode::Internal,
    ErrorCode::InstalmentTooSmall,
    ErrorCode::RateUnknown,
    ErrorCode::InvalidTerms,
    ErrorCode::TemplateError,
    ErrorCode::TemplateTooComplex,
    ErrorCode::OutputTooLarge,
    ErrorCode::StorageFull,
    ErrorCode::StorageUnavailable,
    ErrorCode::InvalidText,
    ErrorCode::TooLarge,
    ErrorCode::ReentrantCall,
    ErrorCode::UnsupportedFile,
    ErrorCode::NotInitialised,
    ErrorCode::WasmNotFound,
];

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An input error: what is wrong (`code`), where (`path`, empty for the input as a whole) and a
/// sentence for people (`message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub path: String,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            code,
            path: path.into(),
            message: message.into(),
        }
    }

    /// An error found below a field: the field name is put in front of the path.
    pub fn within(mut self, parent: &str) -> Error {
        self.path = join_path(parent, &self.path);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{} ({})", self.message, self.code)
        } else {
            write!(f, "{}: {} ({})", self.path, self.message, self.code)
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with overdue's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Joins a parent path and a child path: `("invoices[2]", "dueDate")` → `invoices[2].dueDate`,
/// `("invoices", "[2]")` → `invoices[2]`.
pub fn join_path(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        return child.to_string();
    }
    if child.is_empty() {
        return parent.to_string();
    }
    let mut s = String::with_capacity(parent.len() + child.len() + 1);
    s.push_str(parent);
    if !child.starts_with('[') {
        s.push('.');
    }
    s.push_str(child);
    s
}
