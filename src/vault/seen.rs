//! The ids read so far, so an id given twice is caught at its second credential.
//!
//! A vault almost always lists its ids in ascending order. Those are kept in a list alone (an
//! id above the last one cannot be a repeat; others are found by binary search): 8 bytes a
//! credential rather than a hash table's 20 to 40. Only ids out of order go to a hash table
//! (one cut short at the end of the stream reader's window is such an id, until read again).

use std::collections::HashMap;

#[derive(Debug, Default)]
pub(super) struct SeenIds {
    /// The ids read in ascending order, at the places not in `other_places`.
    ascending: Vec<u64>,
    /// Each id read out of order, and its credential's 1-based place.
    others: HashMap<u64, usize>,
    /// The places of `others`, ascending.
    other_places: Vec<usize>,
}

impl SeenIds {
    /// Records `id` as the one of the credential at 1-based place `place` (places come in
    /// order); if it was read before, nothing is recorded and its first place is returned.
    pub(super) fn insert(&mut self, id: u64, place: usize) -> Option<usize> {
        let above_all = self.ascending.last().is_none_or(|&last| last < id);
        if !above_all && let Ok(at) = self.ascending.binary_search(&id) {
            return Some(self.place_of(at));
        }
        if let Some(&first) = self.others.get(&id) {
            return Some(first);
        }
        let next = self.ascending.len() + self.other_places.len() + 1;
        if above_all && place == next {
            self.ascending.push(id);
        } else {
            self.others.insert(id, place);
            let at = self.other_places.partition_point(|&p| p < place);
            self.other_places.insert(at, place);
        }
        None
    }

    /// Forgets `id`, the last one recorded (its credential will be read again).
    pub(super) fn remove(&mut self, id: u64) {
        if let Some(place) = self.others.remove(&id) {
            self.other_places.retain(|&p| p != place);
        } else if self.ascending.last() == Some(&id) {
            self.ascending.pop();
        }
    }

    /// The place of `ascending[at]`: the `at + 1`th place not taken by an id out of order.
    fn place_of(&self, at: usize) -> usize {
        let mut place = at + 1;
        for &other in &self.other_places {
            if other > place {
                break;
            }
            place += 1;
        }
        place
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
        assert_eq!(first_repeat(&[10, 5, 20, 20]), Some((3, 4)));
        assert_eq!(first_repeat(&[10, 5, 7, 20, 30, 6, 30]), Some((5, 7)));
        assert_eq!(first_repeat(&[10, 5, 7, 20, 30, 6, 7]), Some((3, 7)));
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

    #[test]
    fn an_id_cut_short_and_read_again_keeps_the_places() {
        let mut seen = SeenIds::default();
        assert_eq!(seen.insert(100, 1), None);
        assert_eq!(seen.insert(200, 2), None);
        // "300" cut after its "3" by the end of the window, then read whole.
        assert_eq!(seen.insert(3, 3), None);
        seen.remove(3);
        assert_eq!(seen.insert(300, 3), None);
        assert_eq!(seen.insert(3, 4), None);
        assert_eq!(seen.insert(300, 5), Some(3));
        assert_eq!(seen.insert(3, 6), Some(4));
    }
}
