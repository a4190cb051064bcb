//! The JavaScript face of overdue: one exported function per capability, each taking one plain
//! object and returning one. Nothing outside this module knows about JavaScript.

mod api;
mod convert;
mod storage;

pub use api::*;
pub use convert::{from_js, js_error, text_of, to_js};
pub use storage::*;

use wasm_bindgen::prelude::*;

// The declarations of every input and output type; the exports below refer to them by name.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
