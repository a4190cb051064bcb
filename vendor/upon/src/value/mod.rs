//! Defines the [`Value`] enum, representing any valid renderable data.

mod cow;
mod from;
#[cfg(feature = "serde")]
mod ser;

use std::borrow::Cow;
use std::collections::BTreeMap;

pub(crate) use crate::value::cow::ValueCow;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use crate::value::ser::to_value;

/// Data to be rendered represented as a recursive enum.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
    List(Vec<Value>),
    // overdue: keys are `Cow<'static, str>` instead of `String`, so a map whose keys are known
    // when compiling (a notice's variables) is built without allocating its keys.
    Map(BTreeMap<Cow<'static, str>, Value>),
}

impl AsRef<Value> for Value {
    fn as_ref(&self) -> &Value {
        self
    }
}
