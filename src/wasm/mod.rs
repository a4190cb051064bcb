//! The JavaScript face of overdue: one exported function per capability, each taking one plain
//! object and returning one. Nothing outside this module knows about JavaScript.
//!
//! A feature build (`--no-default-features --features plan`, the npm package's `overdue/plan`)
//! compiles only its exports; the crossing helpers the others use are then unused, by design.
#![cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]

mod api;
mod convert;
#[cfg(feature = "storage")]
mod storage;

pub use api::*;
pub use convert::{from_js, js_error, text_of, to_js};
#[cfg(feature = "storage")]
pub use storage::*;

use wasm_bindgen::prelude::*;

// The declarations of every input and output type; the exports below refer to them by name.
// generated.d.ts is written from the Rust types by tests/typescript.rs; types.d.ts holds what that
// cannot say.
#[wasm_bindgen(typescript_custom_section)]
const GENERATED: &str = include_str!("generated.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
