//! Opening the enrolment forms, passing them keys and pastes, and taking the saved result
//! back into the list and the pop-up.

use crossterm::event::{KeyCode, KeyEvent};

use super::details::token_view;
use super::form::{Form, FormKind};
use super::keymap::Action;
use super::msg::{Effect, Saved};
use super::say;
use super::state::{App, Level};
use crate::t;

/// Why this vault cannot be changed from here, if it cannot.
pub fn read_only_reason(app: &App) -> Option<String> {
    app.is_demo().then(|| t!("tui-status-demo-read-only"))
}

pub(super) fn open_form(app: &mut App, action: Action) {
    if let Some(reason) = read_only_reason(app) {
        say(app, reason, Level::Warning);
        return;
    }
    let open = app
        .details_credential()
        .map(|c| (c.id, c.qualified_name(), c.totp.is_some()));
    let form = match (action, open) {
        (Action::AddCredential, _) => Form::new(FormKind::Add),
        (Action::SetTotp, Some((id, name, true))) => {
            Form::new(FormKind::SetTotp { id, name }).replacing()
        }
        (Action::SetTotp, Some((id, name, false))) => Form::new(FormKind::SetTotp { id, name }),
        (Action::RemoveTotp, Some((id, name, true))) => {
            Form::new(FormKind::RemoveTotp { id, name })
        }
        (Action::RemoveTotp, Some(_)) => {
            say(app, t!("tui-status-no-totp"), Level::Info);
            return;
        }
        _ => return,
    };
    app.filter_editing = false;
    app.form = Some(form);
}

pub(super) fn on_form_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(form) = app.form.as_mut() else {
        return;
    };
    let remove = matches!(form.kind, FormKind::RemoveTotp { .. });
    let cancel = key.code == KeyCode::Esc || (remove && key.code == KeyCode::Char('n'));
    if cancel && !form.saving {
        app.form = None;
        say(app, t!("tui-status-form-cancelled"), Level::Info);
        return;
    }
    if let Some(change) = form.key(key) {
        effects.push(Effect::Save(change));
    }
}

pub(super) fn on_paste(app: &mut App, text: &str) {
    if let Some(form) = app.form.as_mut().filter(|f| !f.saving) {
        form.paste(text);
    }
}

pub(super) fn on_saved(app: &mut App, result: Result<Saved, String>) {
    let Some(form) = app.form.as_mut() else {
        return;
    };
    let saved = match result {
        Ok(saved) => saved,
        Err(reason) => {
            form.saving = false;
            form.error = Some(reason);
            return;
        }
    };
    let kind = form.kind.clone();
    app.form = None;
    let Saved {
        credential,
        warning,
    } = saved;
    let id = credential.id;
    let said = match kind {
        FormKind::SetTotp { .. } => t!("tui-status-saved-totp-set"),
        FormKind::RemoveTotp { .. } => t!("tui-status-saved-totp-removed"),
        FormKind::Add => t!("tui-status-saved-added"),
    };
    match app.vault.credentials.iter().position(|c| c.id == id) {
        Some(index) => {
            app.vault.credentials[index] = credential;
            if let Some(details) = app.details.as_mut().filter(|d| d.credential == index) {
                details.token = token_view(&app.vault.credentials[index], app.now);
            }
        }
        None => {
            let done = !app.loading;
            super::load::append(app, vec![credential], done);
            open_new(app, app.vault.credentials.len() - 1);
        }
    }
    match warning {
        Some(warning) => {
            let text = t!("tui-status-saved-but", saved = said, warning = warning);
            say(app, text, Level::Warning);
        }
        None => say(app, said, Level::Info),
    }
}

/// Selects the credential just added and opens its pop-up, when the list shows it.
fn open_new(app: &mut App, index: usize) {
    let row = (0..app.rows.item_count()).find(|&n| app.rows.credential_at(n) == Some(index));
    if let Some(row) = row {
        super::navigate::select(app, row);
        super::details::open_details(app);
    }
}
