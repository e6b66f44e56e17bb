//! The ids read so far, so an id given twice is caught at its second credential.
//!
//! A vault almost always lists its ids in ascending order. While it does, the ids alone, in
//! order, are enough (an id above the last one cannot be a repeat) and cost 8 bytes a
//! credential rather than a hash table's 17 to 35. The first id out of order builds the table.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

#[derive(Debug, Default)]
pub(super) struct SeenIds {
    /// Each id read, the one of place `n` at `n - 1`, while they ascend.
    ascending: Vec<u64>,
    /// Each id read and its credential's 1-based place, once they stopped ascending.
    table: Option<HashMap<u64, usize>>,
}

impl SeenIds {
    /// Records `id` as the one of the credential at 1-based place `index`; if it was read
    /// before, nothing is recorded and the place where it was first read is returned.
    pub(super) fn insert(&mut self, id: u64, index: usize) -> Option<usize> {
        if self.table.is_none() {
            let next = self.ascending.len() + 1;
            if index == next && self.ascending.last().is_none_or(|&last| last < id) {
                self.ascending.push(id);
                return None;
            }
        }
        let table = self.table.get_or_insert_with(|| {
            let ascending = std::mem::take(&mut self.ascending);
            (1..)
                .zip(ascending)
                .map(|(place, id)| (id, place))
                .collect()
        });
        match table.entry(id) {
            Entry::Occupied(first) => Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(index);
                None
            }
        }
    }

    /// Forgets `id`, the last one recorded (its credential will be read again).
    pub(super) fn remove(&mut self, id: u64) {
        match &mut self.table {
            Some(table) => {
                table.remove(&id);
            }
            None if self.ascending.last() == Some(&id) => {
                self.ascending.pop();
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SeenIds;

    fn first_repeat(ids: &[u64]) -> Option<(usize, usize)> {
        let mut seen = SeenIds::default();
        (1..)
            .zip(ids)
            .find_map(|(place, &id)| seen.insert(id, place).map(|first| (first, place)))
    }

    #[test]
    fn a_repeat_is_found_at_its_second_place_in_any_order() {
        assert_eq!(first_repeat(&[1, 2, 3, 4]), None);
        assert_eq!(first_repeat(&[4, 3, 2, 1]), None);
        assert_eq!(first_repeat(&[1, 5, 3, 7, 9]), None);
        assert_eq!(first_repeat(&[1, 2, 3, 2]), Some((2, 4)));
        assert_eq!(first_repeat(&[1, 2, 2]), Some((2, 3)));
        assert_eq!(first_repeat(&[10, 20, 5, 30, 20]), Some((2, 5)));
        assert_eq!(first_repeat(&[7, 3, 7]), Some((1, 3)));
    }

    #[test]
    fn a_forgotten_id_can_be_read_again() {
        for ids in [[1, 2, 3], [3, 2, 1]] {
            let mut seen = SeenIds::default();
            assert_eq!(seen.insert(ids[0], 1), None);
            assert_eq!(seen.insert(ids[1], 2), None);
            seen.remove(ids[1]);
            assert_eq!(seen.insert(ids[1], 2), None);
            assert_eq!(seen.insert(ids[2], 3), None);
            assert_eq!(seen.insert(ids[0], 4), Some(1));
        }
    }
}
