//! The list as displayed: device headers with their credentials beneath, in vault order.

use std::collections::HashMap;
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use crate::format;
use crate::vault::Credential;

/// Widest value of each free-text column, measured once at load so a frame costs what it shows.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FieldWidths {
    pub kind: usize,
    pub username: usize,
    pub additional: usize,
    pub domain: usize,
    pub tags: usize,
}

impl FieldWidths {
    /// Past this a column stops growing; longer values are cut with an ellipsis.
    const CAP: usize = 40;

    pub fn measure(credentials: &[Credential]) -> Self {
        let mut widths = Self::default();
        for c in credentials {
            widths.grow(c);
        }
        widths
    }

    pub fn grow(&mut self, c: &Credential) {
        let grow = |slot: &mut usize, text: &str| *slot = (*slot).max(text.width().min(Self::CAP));
        grow(&mut self.kind, format::text(&c.kind));
        grow(&mut self.username, &c.username);
        grow(&mut self.additional, format::text(&c.additional));
        grow(&mut self.domain, format::text(&c.domain));
        let tags = c
            .tags
            .iter()
            .map(|t| t.width() + 2)
            .sum::<usize>()
            .saturating_sub(2);
        self.tags = self.tags.max(tags.min(Self::CAP));
    }
}

/// Credentials of one device, in the order the vault lists them.
#[derive(Debug)]
pub struct Group {
    pub header: String,
    /// Credential indices (see `Row`).
    pub members: Vec<u32>,
}

/// The device groups, in the order of their first credentials, extended as credentials arrive.
/// Grouped by the device's whole header, so two devices that share a hostname stay apart.
#[derive(Debug, Default)]
pub struct Groups {
    list: Vec<Group>,
    /// Credentials on one device share its `Arc` (the reader makes it so): keyed by its
    /// address, a device seen before needs no header built again.
    by_device: HashMap<usize, usize>,
    by_header: HashMap<String, usize>,
}

impl Groups {
    pub fn new(credentials: &[Credential]) -> Self {
        let mut groups = Self::default();
        groups.add(credentials, 0);
        groups
    }

    /// Adds `credentials`, the first of which has index `first`.
    pub fn add(&mut self, credentials: &[Credential], first: usize) {
        for (index, credential) in (first..).zip(credentials) {
            let device = Arc::as_ptr(&credential.device).addr();
            let slot = match self.by_device.get(&device) {
                Some(&slot) => slot,
                None => {
                    let header = format::device_header(&credential.device);
                    let slot = match self.by_header.get(&header) {
                        Some(&slot) => slot,
                        None => {
                            self.list.push(Group {
                                header: header.clone(),
                                members: Vec::new(),
                            });
                            self.by_header.insert(header, self.list.len() - 1);
                            self.list.len() - 1
                        }
                    };
                    self.by_device.insert(device, slot);
                    slot
                }
            };
            self.list[slot].members.push(compact(index));
        }
    }

    pub fn get(&self, index: usize) -> Option<&Group> {
        self.list.get(index)
    }

    pub fn list(&self) -> &[Group] {
        &self.list
    }
}

/// Indices are kept as `u32`, half a `usize`: the list holds one per credential, and no vault
/// comes near 4 billion of them (one that did would show blank rows, not stop).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Index into the groups.
    Header(u32),
    /// Index into the credentials.
    Item(u32),
}

fn compact(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn wide(index: u32) -> usize {
    usize::try_from(index).unwrap_or(usize::MAX)
}

impl Row {
    /// The group's or the credential's index.
    pub fn index(self) -> usize {
        match self {
            Row::Header(index) | Row::Item(index) => wide(index),
        }
    }
}

/// The rows on screen for the current filter (`None`: everything).
#[derive(Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// Position in `rows` of each selectable item, in order.
    items: Vec<u32>,
}

impl Rows {
    pub fn build(groups: &[Group], matches: Option<&[usize]>, total: usize) -> Self {
        let mut keep = vec![matches.is_none(); total];
        for &index in matches.unwrap_or_default() {
            if let Some(slot) = keep.get_mut(index) {
                *slot = true;
            }
        }
        // Sized once: a large list grown a push at a time would be copied as it doubles.
        let listed = matches.map_or(total, <[usize]>::len);
        let mut rows = Vec::with_capacity(listed + groups.len().min(listed));
        let mut items = Vec::with_capacity(listed);
        for (group_index, group) in groups.iter().enumerate() {
            let mut members = group
                .members
                .iter()
                .filter(|&&i| keep.get(wide(i)) == Some(&true))
                .peekable();
            if members.peek().is_none() {
                continue;
            }
            rows.push(Row::Header(compact(group_index)));
            for &member in members {
                items.push(compact(rows.len()));
                rows.push(Row::Item(member));
            }
        }
        Self { rows, items }
    }

    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The display row of the `n`th selectable item.
    pub fn row_of_item(&self, n: usize) -> Option<usize> {
        self.items.get(n).copied().map(wide)
    }

    /// The credential index of the `n`th selectable item.
    pub fn credential_at(&self, n: usize) -> Option<usize> {
        match self.rows.get(self.row_of_item(n)?)? {
            Row::Item(index) => Some(wide(*index)),
            Row::Header(_) => None,
        }
    }

    /// Which selectable item a display row is, if it is one.
    pub fn item_at_row(&self, row: usize) -> Option<usize> {
        self.items.binary_search(&u32::try_from(row).ok()?).ok()
    }
}
