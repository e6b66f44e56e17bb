//! The state machine: `update(&mut App, Msg) -> Vec<Effect>`. No clock, no I/O.
//!
//! Messages that arrive together (a burst of keys, a paste) go through `apply` one by one and
//! then `settle` once, before the one frame drawn for them: a search asked for by a key that a
//! later key of the batch supersedes is never run.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::details;
use super::keymap::{self, Action, Context};
use super::load;
use super::msg::{Effect, Msg};
use super::navigate::{
    edit_filter, keep_selection_visible, on_mouse, page, search, select, select_by, set_filter,
};
use super::state::{App, Clip, Level, STATUS_MILLIS, Sensitive, Status};

/// One message on its own: applied, and the list brought up to date with it.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = apply(app, msg);
    settle(app);
    effects
}

/// One message of a batch; `settle` ends the batch. A filter key leaves its search for the
/// batch's end; any other message that looks at the list settles what came before it first.
pub fn apply(app: &mut App, msg: Msg) -> Vec<Effect> {
    if !defers_search(app, &msg) {
        settle(app);
    }
    let mut effects = Vec::new();
    match msg {
        Msg::Key(key, now) => {
            app.now = now;
            if key.kind != KeyEventKind::Release {
                on_key(app, key, &mut effects);
            }
        }
        Msg::Mouse(mouse, now) => {
            app.now = now;
            on_mouse(app, mouse);
        }
        Msg::Resize { width, height } => {
            app.size = (width, height);
            keep_selection_visible(app);
        }
        Msg::Tick(now) => app.now = now,
        Msg::Copied(result, now) => {
            app.now = now;
            super::copy::on_copied(app, result);
        }
        Msg::Audited(result, now) => {
            app.now = now;
            details::on_audited(app, result, &mut effects);
        }
        Msg::Advanced { id, result, now } => {
            app.now = now;
            details::on_advanced(app, id, result);
        }
        Msg::Loaded(credentials, done) => load::append(app, credentials, done),
        Msg::Work => search(app, true),
        Msg::SessionEnded(ended, supplied, now) => {
            app.now = now;
            details::on_session_ended(app, &ended, supplied);
        }
        Msg::ClockChecked(check) => super::clock::on_checked(app, check),
        Msg::Paste(text, now) => {
            app.now = now;
            super::write::on_paste(app, &text.0);
        }
        Msg::Saved(result, now) => {
            app.now = now;
            super::write::on_saved(app, result);
        }
    }
    // Whatever message brought the time (a key can come past a step's end before the tick,
    // or first after a suspend or a clock jump either way), the code held is that time's.
    details::renew_token(app);
    expire(app, &mut effects);
    if app.quit {
        effects.push(Effect::Quit);
    }
    effects
}

/// The batch is over: starts the search its filter keys asked for, run at once when one step
/// does it (a longer one goes on in `Msg::Work`).
pub fn settle(app: &mut App) {
    if std::mem::take(&mut app.search_due) && app.filter.left() <= app.settings.search_step.max(1) {
        search(app, true);
    }
}

/// Messages that neither read the list nor act on it: a text key typed into the filter (it
/// only changes the query), and a tick or a resize (redone by the search when it shows).
fn defers_search(app: &App, msg: &Msg) -> bool {
    match msg {
        Msg::Tick(_) | Msg::Resize { .. } => true,
        Msg::Key(key, _) => {
            let typing = app.filter_editing && !app.help && app.details.is_none();
            let control = key.modifiers.contains(KeyModifiers::CONTROL);
            let text = match key.code {
                KeyCode::Char('u' | 'w') if control => true,
                KeyCode::Char(_) => !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT),
                KeyCode::Backspace | KeyCode::Esc => true,
                _ => false,
            };
            key.kind == KeyEventKind::Release || (typing && text)
        }
        _ => false,
    }
}

fn on_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    if app.help {
        // Help lists `q` as quit, so it quits here too; the other keys only close it.
        app.quit = ctrl_c || key.code == KeyCode::Char('q');
        app.help = !matches!(key.code, KeyCode::Esc | KeyCode::Char('?') | KeyCode::Enter);
        return;
    }
    if ctrl_c {
        app.quit = true;
        return;
    }
    if app.form.is_some() {
        super::write::on_form_key(app, key, effects);
        return;
    }
    if app.details.as_ref().is_some_and(|d| d.prompt.is_some()) {
        details::edit_reason(app, key, effects);
        return;
    }
    if app.filter_editing && app.details.is_none() && edit_filter(app, key) {
        return;
    }
    let context = if app.details.is_some() {
        Context::Details
    } else {
        Context::List
    };
    if let Some(action) = keymap::action(context, &key) {
        act(app, action, effects);
    }
}

fn act(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Help => app.help = true,
        Action::Up => select_by(app, -1),
        Action::Down => select_by(app, 1),
        Action::PageUp => select_by(app, -page(app)),
        Action::PageDown => select_by(app, page(app)),
        Action::First => select(app, 0),
        Action::Last => select(app, app.rows.item_count().saturating_sub(1)),
        Action::Open => details::open_details(app),
        Action::Close => details::close(app),
        Action::StartFilter => app.filter_editing = true,
        Action::ClearFilter => {
            if app.filter.is_active() {
                set_filter(app, String::new());
            }
        }
        Action::Refresh => details::refresh(app),
        Action::Copy => details::request(app, Sensitive::TokenCopy, effects),
        Action::ShowPassword => details::request(app, Sensitive::PasswordView, effects),
        Action::CopyPassword => details::request(app, Sensitive::PasswordCopy, effects),
        Action::ShowQr => details::request(app, Sensitive::QrDisplay, effects),
        Action::SetTotp | Action::RemoveTotp | Action::AddCredential => {
            super::write::open_form(app, action);
        }
        Action::NextCode => details::request(app, Sensitive::HotpAdvance, effects),
        Action::StartSession => {
            // From the list, through the selected credential's Details: a reason prompt
            // and a refusal have their place there.
            if app.details.is_none() {
                details::open_details(app);
            }
            details::request(app, Sensitive::SessionStart, effects);
        }
    }
}

pub(super) fn say(app: &mut App, text: String, level: Level) {
    app.status = Some(Status {
        text,
        level,
        until: app.now.plus_millis(STATUS_MILLIS),
    });
}

/// Drops what has timed out and clears the clipboard when its time has come.
fn expire(app: &mut App, effects: &mut Vec<Effect>) {
    if app.status.as_ref().is_some_and(|s| s.until <= app.now) {
        app.status = None;
    }
    details::expire(app);
    if app
        .clipboard
        .as_ref()
        .is_some_and(|c| c.clear_at <= app.now)
        && let Some(Clip { text, target, .. }) = app.clipboard.take()
    {
        effects.push(Effect::ClearClipboard {
            expected: text,
            target,
        });
    }
}
