//! # overdue
//!
//! The arithmetic and the writing of collecting overdue invoices, exact to the cent: what is owed
//! and how late, what may be charged, what to send next, and how to let a customer pay over time.
//!
//! The core is plain Rust: plain structs in, plain structs out, no clock and no I/O. Every function
//! that depends on today takes an `as_of` date. Money is [`rust_decimal::Decimal`], rounded only
//! where a figure is reported, half away from zero. The same functions are exported to JavaScript
//! (module `wasm`, built for `wasm32`), one function per capability taking one JSON-able object.
//!
//! ```
//! use overdue::{decode::decode_json, normalize::{normalize_invoices, NormalizeInput}};
//! let json = r#"{"asOf":"2026-11-23","invoices":[{"id":"A-1","customer":{"id":"c","name":"Café Olé"},
//!   "currency":"EUR","amount":"99.90","issueDate":"2026-10-01","dueDate":"2026-10-31"}]}"#;
//! let input: NormalizeInput = decode_json(json).unwrap();
//! assert_eq!(normalize_invoices(&input).unwrap().invoices[0].days_past_due, 23);
//! ```
#![forbid(unsafe_code)]

pub mod aging;
pub mod aging_csv;
pub mod charges;
pub mod csv;
pub mod currency;
pub mod date;
pub mod decode;
pub mod documents;
pub mod encode;
pub mod error;
pub mod fasthash;
pub mod forecast;
pub mod import;
pub mod invoice;
pub mod kpi;
pub mod ladder;
pub mod locale;
pub mod money;
pub mod normalize;
pub mod notice;
pub mod order;
pub mod plan;
pub mod provision;
pub mod rates;
pub mod risk;
pub mod statement;
pub mod terms;
pub mod worklist;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

// The README's Rust snippets are compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use currency::Currency;
pub use error::{Error, ErrorCode, Result};
pub use invoice::{Credit, Customer, Id, Invoice, Payment};
