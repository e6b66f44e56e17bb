//! Credentials arriving from the vault reader while the list is already on screen.

use super::navigate::{search, show_matches};
use super::state::App;
use crate::vault::Credential;

/// Indexes `batch` (groups, haystack, column widths) and shows it, within the filter if one
/// is set; `done`: no more will come.
pub(super) fn append(app: &mut App, batch: Vec<Credential>, done: bool) {
    let first = app.vault.credentials.len();
    if first == 0 {
        app.vault.credentials = batch;
    } else {
        app.vault.credentials.extend(batch);
    }
    let new = &app.vault.credentials[first..];
    app.groups.add(new, first);
    app.haystacks.extend(new);
    for credential in new {
        app.field_widths.grow(credential);
    }
    app.loading = !done;
    if app.filter.is_active() {
        app.filter.add(first..app.vault.credentials.len());
        search(app, false);
    } else {
        show_matches(app, false);
    }
}
