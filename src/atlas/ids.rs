//! Typed indices and compact tables used inside the atlas instead of string ids, so that no
//! inner loop compares or hashes strings.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The multiply-rotate hash of rustc (FxHash): several times faster than the default
/// SipHash on short ids, and the atlas hashes its own data, so resistance to crafted keys
/// is not needed.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// An empty [`FastMap`] with room for `n` entries.
pub fn fast_map<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

/// A sector: its index in `dataset.sectors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectorId(pub u16);

impl SectorId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A region: its index in `dataset.regions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionId(pub u16);

impl RegionId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A table of rows of varying length stored in two flat vectors (compressed rows): row `i`
/// is `items[starts[i]..starts[i + 1]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            starts: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T> Rows<T> {
    pub fn with_capacity(rows: usize, items: usize) -> Self {
        let mut starts = Vec::with_capacity(rows + 1);
        starts.push(0);
        Rows {
            starts,
            items: Vec::with_capacity(items),
        }
    }

    /// Appends a row.
    pub fn push_row(&mut self, row: impl IntoIterator<Item = T>) {
        self.items.extend(row);
        self.starts
            .push(u32::try_from(self.items.len()).unwrap_or(u32::MAX));
    }

    /// Appends one item to the last row (the row must have been opened with
    /// [`Rows::open_row`]).
    pub fn push_item(&mut self, item: T) {
        self.items.push(item);
        if let Some(last) = self.starts.last_mut() {
            *last = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        }
    }

    /// Starts an empty row that [`Rows::push_item`] fills.
    pub fn open_row(&mut self) {
        self.starts
            .push(u32::try_from(self.items.len()).unwrap_or(u32::MAX));
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i`, empty when out of range.
    pub fn row(&self, i: usize) -> &[T] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Every item of every row.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// Groups `(row, item)` pairs into `rows` rows, items in the order given (a counting
    /// sort: linear).
    pub fn group(rows: usize, pairs: &[(usize, T)]) -> Rows<T>
    where
        T: Copy,
    {
        let mut counts = vec![0u32; rows + 1];
        for &(r, _) in pairs {
            if let Some(c) = counts.get_mut(r + 1) {
                *c += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let starts = counts.clone();
        let mut fill = counts;
        let mut items: Vec<Option<T>> = vec![None; pairs.len()];
        for &(r, x) in pairs {
            if let Some(at) = fill.get_mut(r) {
                if let Some(slot) = items.get_mut(*at as usize) {
                    *slot = Some(x);
                }
                *at += 1;
            }
        }
        Rows {
            starts,
            items: items.into_iter().flatten().collect(),
        }
    }
}

/// Progress of a piece of work another thread may be doing: `done` of `total` steps.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    pub fn start(&self, total: usize) {
        self.total.store(total.max(1), Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
    }

    pub fn set(&self, done: usize) {
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn finish(&self) {
        let total = self.total.load(Ordering::Relaxed).max(1);
        self.total.store(total, Ordering::Relaxed);
        self.done.store(total, Ordering::Relaxed);
    }

    /// From 0 (not started) to 1 (done).
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f32 / total as f32).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_group_in_order() {
        let r = Rows::group(3, &[(2, 'a'), (0, 'b'), (2, 'c')]);
        assert_eq!(r.len(), 3);
        assert_eq!(r.row(0), &['b']);
        assert_eq!(r.row(1), &[] as &[char]);
        assert_eq!(r.row(2), &['a', 'c']);
        assert_eq!(r.row(7), &[] as &[char]);
        let mut s = Rows::default();
        s.push_row([1, 2]);
        s.open_row();
        s.push_item(3);
        assert_eq!(s.row(0), &[1, 2]);
        assert_eq!(s.row(1), &[3]);
    }
}
