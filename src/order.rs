//! One sort for every report. Each distinct sort call in Rust instantiates the standard library's
//! sort again (about 10 KB of wasm each), so reports express their order as `(group, value, index)`
//! keys and share this one instantiation. The index makes keys unique, so the order is fully
//! determined although the sort is unstable; negate `value` for descending order.

/// The order of `keys` ascending by `(group, value, index)`, as the indices.
pub fn order(mut keys: Vec<(u64, i128, u32)>) -> Vec<u32> {
    keys.sort_unstable();
    keys.into_iter().map(|k| k.2).collect()
}

/// `items` rearranged into `order` (as returned by [`order`] over keys indexed by position).
pub fn arrange<T>(items: Vec<T>, order: &[u32]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take)).collect()
}

/// A currency as a sort group: its code's bytes, so groups come in code order.
pub fn currency_group(c: crate::currency::Currency) -> u64 {
    c.code().bytes().fold(0u64, |acc, b| (acc << 8) | u64::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_group_value_then_index() {
        let keys = vec![(1, 5, 0), (0, 9, 1), (1, -3, 2), (0, 9, 3)];
        assert_eq!(order(keys), [1, 3, 2, 0]);
        assert_eq!(arrange(vec!["a", "b", "c", "d"], &[1, 3, 2, 0]), ["b", "d", "c", "a"]);
    }
}
