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
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take))
        .collect()
}

/// Sorts a short list (a notice's invoices, at most a thousand) stably by `less`: an insertion sort
/// is a few hundred bytes of wasm where the standard library's stable sort is about 5 KB per use.
pub fn sort_short<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `items` stably by `key`: the insertion sort for a handful (the usual case), the shared
/// [`order`] beyond, so that an input with thousands of entries stays n log n.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: &dyn Fn(&T) -> i128) {
    if items.len() <= 16 {
        sort_short(items, |a, b| key(a) < key(b));
        return;
    }
    let idx = order(items.iter().enumerate().map(|(i, t)| (0, key(t), i as u32)).collect());
    let all = std::mem::take(items);
    *items = arrange(all, &idx);
}

/// A currency as a sort group: its code's bytes, so groups come in code order.
pub fn currency_group(c: crate::currency::Currency) -> u64 {
    c.code().bytes().fold(0u64, |acc, b| (acc << 8) | u64::from(b))
}

/// A handful of entries keyed by something small (a currency, a month): a vector searched in order.
/// Each `BTreeMap` key/value pair instantiates the tree's code again (about 5 KB of wasm); this is
/// a few hundred bytes, and with a dozen keys at most it is as fast.
pub struct SmallMap<K, V>(Vec<(K, V)>);

impl<K: PartialEq + Copy, V> SmallMap<K, V> {
    pub fn new() -> Self {
        SmallMap(Vec::new())
    }

    pub fn entry(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.0.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                self.0.push((key, make()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<(K, V)> {
        self.0
    }
}

impl<K: PartialEq + Copy, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// Entries keyed by currency, in currency-code order.
pub fn by_currency<V>(m: SmallMap<crate::currency::Currency, V>) -> Vec<(crate::currency::Currency, V)> {
    let v = m.into_vec();
    let keys = v
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (currency_group(*c), 0, i as u32))
        .collect();
    arrange(v, &order(keys))
}

/// Items found by a string key (an invoice or customer id), in first-seen order. Like [`Groups`],
/// every use shares one hash-index type (`&str` → slot), so it costs no new map code.
pub struct Keyed<'a, T> {
    index: crate::fasthash::FastMap<&'a str, usize>,
    pub items: Vec<T>,
}

impl<'a, T> Keyed<'a, T> {
    pub fn new() -> Self {
        Keyed {
            index: Default::default(),
            items: Vec::new(),
        }
    }

    pub fn entry(&mut self, key: &'a str, make: impl FnOnce() -> T) -> &mut T {
        let items = &mut self.items;
        let i = *self.index.entry(key).or_insert_with(|| {
            items.push(make());
            items.len() - 1
        });
        &mut self.items[i]
    }

    pub fn get(&self, key: &str) -> Option<&T> {
        self.index.get(key).map(|&i| &self.items[i])
    }
}

impl<T> Default for Keyed<'_, T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Rows grouped by customer and currency, in first-seen order, found through one shared hash index
/// type (one instantiation for every report that groups customers).
pub struct Groups<'a, V> {
    index: crate::fasthash::FastMap<(crate::currency::Currency, &'a str), usize>,
    pub items: Vec<V>,
}

impl<'a, V> Groups<'a, V> {
    pub fn new() -> Self {
        Groups {
            index: Default::default(),
            items: Vec::new(),
        }
    }

    pub fn slot(&mut self, currency: crate::currency::Currency, id: &'a str, make: impl FnOnce() -> V) -> &mut V {
        let items = &mut self.items;
        let i = *self.index.entry((currency, id)).or_insert_with(|| {
            items.push(make());
            items.len() - 1
        });
        &mut self.items[i]
    }

    /// Adds the group unless it is there already; whether it was new.
    pub fn add(&mut self, currency: crate::currency::Currency, id: &'a str, make: impl FnOnce() -> V) -> bool {
        let before = self.items.len();
        self.slot(currency, id, make);
        self.items.len() > before
    }

    pub fn get_mut(&mut self, currency: crate::currency::Currency, id: &str) -> Option<&mut V> {
        let i = *self.index.get(&(currency, id))?;
        self.items.get_mut(i)
    }
}

impl<V> Default for Groups<'_, V> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_key_is_stable_on_both_sides_of_the_cut() {
        for n in [5usize, 16, 17, 3000] {
            // Keys 0, 1, 2 repeating, in descending blocks; the second field records the input order.
            let mut v: Vec<(i128, usize)> = (0..n).map(|i| (2 - (i % 3) as i128, i)).collect();
            sort_by_key(&mut v, &|x| x.0);
            assert!(
                v.windows(2)
                    .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)),
                "n = {n}"
            );
            assert_eq!(v.len(), n);
        }
    }

    #[test]
    fn orders_by_group_value_then_index() {
        let keys = vec![(1, 5, 0), (0, 9, 1), (1, -3, 2), (0, 9, 3)];
        assert_eq!(order(keys), [1, 3, 2, 0]);
        assert_eq!(arrange(vec!["a", "b", "c", "d"], &[1, 3, 2, 0]), ["b", "d", "c", "a"]);
    }

    #[test]
    fn sort_short_is_stable_and_agrees_with_the_standard_sort() {
        let mut seed = 7u32;
        for len in 0..40 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_short(&mut ours, |a, b| a.0 < b.0);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|x| x.0);
            assert_eq!(ours, std_sorted, "length {len}");
        }
    }
}
