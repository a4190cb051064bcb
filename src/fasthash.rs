//! A small FNV-1a hasher for per-call maps keyed by short ids. SipHash (std's default) cost more
//! than the arithmetic of a 100k-invoice report. A crafted input can only collide keys within its
//! own call, which makes that call slower but no less correct; every call is already bounded in size.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap` with the FNV hasher.
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;
/// `HashSet` with the FNV hasher.
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;
