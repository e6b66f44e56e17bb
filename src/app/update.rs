//! The state machine: `update(&mut App, Msg) -> Vec<Effect>`. No clock, no I/O.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use zeroize::Zeroizing;

use super::keymap::{self, Action, Context};
use super::layout;
use super::msg::{Effect, Msg};
use super::rows::Rows;
use super::state::{
    App, Clip, Details, LATE_COPY_MILLIS, Level, STATUS_MILLIS, Status, Token, TokenView,
};
use crate::clipboard::Target;

const WHEEL_STEP: usize = 3;

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
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
        Msg::Tick(now) => {
            app.now = now;
            renew_token(app);
        }
        Msg::Copied(result, now) => {
            app.now = now;
            on_copied(app, result);
        }
    }
    expire(app, &mut effects);
    if app.quit {
        effects.push(Effect::Quit);
    }
    effects
}

fn on_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    if app.help {
        app.help = ctrl_c
            || !matches!(
                key.code,
                KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter
            );
        app.quit = ctrl_c;
        return;
    }
    if app.filter_editing && app.details.is_none() && !ctrl_c && edit_filter(app, key) {
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

/// Typing into the filter; returns false for keys the filter leaves to the list (arrows, pages).
fn edit_filter(app: &mut App, key: KeyEvent) -> bool {
    let mut query = app.filter.query.clone();
    match key.code {
        KeyCode::Esc => {
            app.filter_editing = false;
            set_filter(app, String::new());
            return true;
        }
        KeyCode::Enter => {
            app.filter_editing = false;
            return false;
        }
        KeyCode::Backspace => {
            query.pop();
        }
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => query.clear(),
        KeyCode::Char('w') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            let kept = query.trim_end().rfind(' ').map_or(0, |at| at + 1);
            query.truncate(kept);
        }
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            query.push(c);
        }
        _ => return false,
    }
    set_filter(app, query);
    true
}

fn set_filter(app: &mut App, query: String) {
    let keep = app.selected_credential().map(|c| c.id);
    let total = app.vault.credentials.len();
    app.filter.set_query(query, &app.haystacks, total);
    app.rows = Rows::build(&app.groups, app.filter.matches(), total);
    // Stay on the same credential while it still matches; else go to the first.
    app.selected = keep
        .and_then(|id| {
            (0..app.rows.item_count()).find(|&n| {
                app.rows
                    .credential_at(n)
                    .is_some_and(|i| app.vault.credentials[i].id == id)
            })
        })
        .unwrap_or(0);
    app.offset = 0;
    keep_selection_visible(app);
}

fn act(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::Quit => app.quit = true,
        Action::Help => app.help = true,
        Action::Up => select_by(app, -1),
        Action::Down => select_by(app, 1),
        Action::PageUp => select_by(app, -page(app)),
        Action::PageDown => select_by(app, page(app)),
        Action::First => select(app, 0),
        Action::Last => select(app, app.rows.item_count().saturating_sub(1)),
        Action::Open => open_details(app),
        Action::Close => app.details = None,
        Action::StartFilter => app.filter_editing = true,
        Action::ClearFilter => {
            if app.filter.is_active() {
                set_filter(app, String::new());
            }
        }
        Action::Refresh => refresh(app),
        Action::Copy => copy_token(app, effects),
    }
}

fn page(app: &App) -> isize {
    let body = layout::screen(screen_area(app)).body;
    isize::try_from(body.height.max(2) - 1).unwrap_or(1)
}

fn screen_area(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}

fn select_by(app: &mut App, delta: isize) {
    let target = app.selected.saturating_add_signed(delta);
    select(app, target);
}

fn select(app: &mut App, item: usize) {
    app.selected = item.min(app.rows.item_count().saturating_sub(1));
    keep_selection_visible(app);
}

/// Scrolls so the selected row, and the device header just above a group's first row, show.
fn keep_selection_visible(app: &mut App) {
    let height = usize::from(layout::screen(screen_area(app)).body.height.max(1));
    let Some(&row) = app.rows.items.get(app.selected) else {
        app.offset = 0;
        return;
    };
    let top = if app.selected == 0 || app.rows.items.get(app.selected - 1) != Some(&(row - 1)) {
        row.saturating_sub(1)
    } else {
        row
    };
    if top < app.offset {
        app.offset = top;
    } else if row >= app.offset + height {
        app.offset = row + 1 - height;
    }
    let last_start = app.rows.rows.len().saturating_sub(height);
    app.offset = app.offset.min(last_start);
}

fn on_mouse(app: &mut App, mouse: MouseEvent) {
    if app.help || app.details.is_some() {
        return;
    }
    match mouse.kind {
        MouseEventKind::ScrollDown => select_by(app, WHEEL_STEP as isize),
        MouseEventKind::ScrollUp => select_by(app, -(WHEEL_STEP as isize)),
        MouseEventKind::Down(MouseButton::Left) => {
            let body = layout::screen(screen_area(app)).body;
            if !body.contains((mouse.column, mouse.row).into()) {
                return;
            }
            let row = app.offset + usize::from(mouse.row - body.y);
            if let Some(item) = app.rows.item_at_row(row) {
                if item == app.selected {
                    open_details(app);
                } else {
                    select(app, item);
                }
            }
        }
        _ => {}
    }
}

fn open_details(app: &mut App) {
    let Some(index) = app.rows.credential_at(app.selected) else {
        return;
    };
    let credential = &app.vault.credentials[index];
    let token = match &credential.totp {
        None => TokenView::NoTotp,
        Some(_) if !credential.access.can_see_token() => TokenView::NoPermission,
        Some(totp) => TokenView::Code(Box::new(Token::new(
            totp.generator(),
            app.now,
            totp.is_short().then(|| totp.secret.bits()),
        ))),
    };
    app.filter_editing = false;
    app.details = Some(Details {
        credential: index,
        token,
    });
}

/// The code renews by itself as soon as a tick finds its step over.
fn renew_token(app: &mut App) {
    let now = app.now;
    if let Some(token) = shown_token(app) {
        if token.is_stale(now) {
            *token = Token::new(token.totp.clone(), now, token.short_secret_bits);
        }
    }
}

fn shown_token(app: &mut App) -> Option<&mut Token> {
    match app.details.as_mut()?.token {
        TokenView::Code(ref mut token) => Some(&mut **token),
        _ => None,
    }
}

/// `r`: swap in the new code only once its step has begun, as the PAM console does.
fn refresh(app: &mut App) {
    let now = app.now;
    let Some(token) = shown_token(app) else {
        return;
    };
    let text = if token.is_stale(now) {
        *token = Token::new(token.totp.clone(), now, token.short_secret_bits);
        "new token".to_owned()
    } else {
        let seconds = token.seconds_left(now);
        format!("no new token yet: this one is still valid for {seconds} s")
    };
    say(app, text, Level::Info);
}

fn copy_token(app: &mut App, effects: &mut Vec<Effect>) {
    // A key can arrive just past a step's end, before the tick that renews the code.
    renew_token(app);
    let Some(token) = shown_token(app) else {
        let sentence = match app.details.as_ref().map(|d| &d.token) {
            Some(TokenView::NoPermission) => "nothing to copy: you may not see this token",
            _ => "nothing to copy: no TOTP is configured",
        };
        say(app, sentence.to_owned(), Level::Warning);
        return;
    };
    let text = Zeroizing::new(token.code.to_string());
    app.copying = Some(text.clone());
    effects.push(Effect::Copy(text));
}

fn on_copied(app: &mut App, result: Result<Target, String>) {
    let now = app.now;
    let clear_after = app.settings.clear_clipboard_after_millis;
    let late = shown_token(app)
        .map(|t| t.millis_left(now))
        .is_some_and(|left| left <= LATE_COPY_MILLIS);
    let Some(text) = app.copying.take() else {
        return;
    };
    match result {
        Ok(target) => {
            app.clipboard = Some(Clip {
                text,
                target,
                clear_at: now.plus_millis(clear_after),
            });
            let mut text = format!(
                "token copied to {}; cleared in {} s",
                target.describe(),
                clear_after.div_ceil(1000)
            );
            if late {
                text.push_str(" — it expires in a moment, the next one may be safer");
            }
            say(app, text, if late { Level::Warning } else { Level::Info });
        }
        // An earlier copy that did land keeps its own clear.
        Err(reason) => say(app, format!("could not copy: {reason}"), Level::Error),
    }
}

fn say(app: &mut App, text: String, level: Level) {
    app.status = Some(Status {
        text,
        level,
        until: app.now.plus_millis(STATUS_MILLIS),
    });
}

/// Drops the status message and clears the clipboard when their time has come.
fn expire(app: &mut App, effects: &mut Vec<Effect>) {
    if app.status.as_ref().is_some_and(|s| s.until <= app.now) {
        app.status = None;
    }
    if app
        .clipboard
        .as_ref()
        .is_some_and(|c| c.clear_at <= app.now)
    {
        if let Some(Clip { text, target, .. }) = app.clipboard.take() {
            effects.push(Effect::ClearClipboard {
                expected: text,
                target,
            });
        }
    }
}
