//! [`Decode`] for the standard types input is made of. overdue's own value types (amounts, dates,
//! currencies, ids) implement it next to their definitions.

use super::{type_error, Decode, Got, Reader, FIELD};
use crate::error::{Error, ErrorCode, Result};

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.str().map(|s| s.into_owned())
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.bool()
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        if r.null()? {
            return Ok(None);
        }
        T::decode(r).map(Some)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let mut out = Vec::new();
        r.list(&mut |r, i| {
            out.push(T::decode(r).map_err(|e| at_index(e, i))?);
            Ok(())
        })?;
        Ok(out)
    }
}

#[cold]
#[inline(never)]
fn at_index(e: Error, i: usize) -> Error {
    e.within(&format!("[{i}]"))
}

impl<T: Decode> Decode for super::Pairs<T> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let mut out = Vec::new();
        r.object(&mut |r, key| {
            let v = T::decode(r).map_err(|e| e.within(key))?;
            out.push((key.to_string(), v));
            Ok(())
        })?;
        Ok(super::Pairs(out))
    }
}

/// A whole number's text: JSON's integer form, no fraction or exponent.
fn whole(r: &mut Reader<'_>) -> Result<i64> {
    let text = match r.got()? {
        Got::Number(n) => r.take(n),
        got => return Err(type_error("a whole number", &got)),
    };
    if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        return Err(type_error("a whole number", &Got::Number(text)));
    }
    text.parse::<i64>().map_err(|_| out_of_range(text))
}

#[cold]
#[inline(never)]
fn out_of_range(text: &str) -> Error {
    let shown: String = text.chars().take(40).collect();
    Error::new(
        ErrorCode::InvalidValue,
        "",
        format!("{FIELD} is out of range: {shown}."),
    )
}

impl Decode for i64 {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        whole(r)
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let v = whole(r)?;
        u32::try_from(v).map_err(|_| out_of_range(&v.to_string()))
    }
}

impl Decode for u8 {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let v = whole(r)?;
        u8::try_from(v).map_err(|_| out_of_range(&v.to_string()))
    }
}

impl Decode for usize {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let v = whole(r)?;
        usize::try_from(v).map_err(|_| out_of_range(&v.to_string()))
    }
}

/// Thresholds and other measures that are not money: read as a decimal, then converted.
impl Decode for f64 {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        use rust_decimal::prelude::ToPrimitive;
        let text = match r.got()? {
            Got::Number(n) => r.take(n),
            got => return Err(type_error("a number", &got)),
        };
        let d = crate::money::decimal_from_json(text).map_err(|_| out_of_range(text))?;
        d.to_f64().ok_or_else(|| out_of_range(text))
    }
}
