//! The list as displayed: device headers with their credentials beneath, in vault order.

use std::collections::HashMap;

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
            let grow =
                |slot: &mut usize, text: &str| *slot = (*slot).max(text.width().min(Self::CAP));
            grow(&mut widths.kind, format::text(&c.kind));
            grow(&mut widths.username, &c.username);
            grow(&mut widths.additional, format::text(&c.additional));
            grow(&mut widths.domain, format::text(&c.domain));
            let tags = c
                .tags
                .iter()
                .map(|t| t.width() + 2)
                .sum::<usize>()
                .saturating_sub(2);
            grow(&mut widths.tags, &" ".repeat(tags.min(Self::CAP)));
        }
        widths
    }
}

/// Credentials of one device, in the order the vault lists them.
#[derive(Debug)]
pub struct Group {
    pub header: String,
    pub members: Vec<usize>,
}

/// Groups by the device's whole header, so two devices that share a hostname stay apart.
pub fn group(credentials: &[Credential]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_header: HashMap<String, usize> = HashMap::new();
    for (index, credential) in credentials.iter().enumerate() {
        let header = format::device_header(&credential.device);
        let slot = *by_header.entry(header.clone()).or_insert_with(|| {
            groups.push(Group {
                header,
                members: Vec::new(),
            });
            groups.len() - 1
        });
        groups[slot].members.push(index);
    }
    groups
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Index into the groups.
    Header(usize),
    /// Index into the credentials.
    Item(usize),
}

/// The rows on screen for the current filter (`None`: everything).
#[derive(Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// Position in `rows` of each selectable item, in order.
    pub items: Vec<usize>,
}

impl Rows {
    pub fn build(groups: &[Group], matches: Option<&[usize]>, total: usize) -> Self {
        let mut keep = vec![matches.is_none(); total];
        for &index in matches.unwrap_or_default() {
            if let Some(slot) = keep.get_mut(index) {
                *slot = true;
            }
        }
        let mut rows = Vec::new();
        let mut items = Vec::new();
        for (group_index, group) in groups.iter().enumerate() {
            let mut members = group.members.iter().filter(|&&i| keep[i]).peekable();
            if members.peek().is_none() {
                continue;
            }
            rows.push(Row::Header(group_index));
            for &member in members {
                items.push(rows.len());
                rows.push(Row::Item(member));
            }
        }
        Self { rows, items }
    }

    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The credential index of the `n`th selectable item.
    pub fn credential_at(&self, n: usize) -> Option<usize> {
        match self.rows.get(*self.items.get(n)?)? {
            Row::Item(index) => Some(*index),
            Row::Header(_) => None,
        }
    }

    /// Which selectable item a display row is, if it is one.
    pub fn item_at_row(&self, row: usize) -> Option<usize> {
        self.items.binary_search(&row).ok()
    }
}
