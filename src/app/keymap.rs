//! Every key binding, in one table: `update` reads it to act and the help overlay to explain.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Close,
    StartFilter,
    ClearFilter,
    Refresh,
    Copy,
    ShowPassword,
    CopyPassword,
    ShowQr,
    SetTotp,
    RemoveTotp,
    AddCredential,
    NextCode,
    StartSession,
    Suspend,
    Help,
}

/// Where a binding applies. `Anywhere` is tried after the screen's own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Anywhere,
    List,
    Details,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// How the keys are written in the help and the footer.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { context: Context::List, keys: &[plain(KeyCode::Up), ch('k')], label: "↑ k", action: Action::Up, help: "previous credential" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Down), ch('j')], label: "↓ j", action: Action::Down, help: "next credential" },
    Binding { context: Context::List, keys: &[plain(KeyCode::PageUp), ctrl('b')], label: "PgUp", action: Action::PageUp, help: "one screen up" },
    Binding { context: Context::List, keys: &[plain(KeyCode::PageDown), ctrl('f')], label: "PgDn", action: Action::PageDown, help: "one screen down" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Home), ch('g')], label: "Home g", action: Action::First, help: "first credential" },
    Binding { context: Context::List, keys: &[plain(KeyCode::End), ch('G')], label: "End G", action: Action::Last, help: "last credential" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Enter)], label: "Enter", action: Action::Open, help: "open Details" },
    Binding { context: Context::List, keys: &[ch('/')], label: "/", action: Action::StartFilter, help: "filter (id, user, host, ip…)" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Esc)], label: "Esc", action: Action::ClearFilter, help: "clear the filter" },
    Binding { context: Context::List, keys: &[ch('a')], label: "a", action: Action::AddCredential, help: "add a credential" },
    Binding { context: Context::List, keys: &[ch('s')], label: "s", action: Action::StartSession, help: "start an SSH session" },
    Binding { context: Context::Details, keys: &[ch('r')], label: "r", action: Action::Refresh, help: "new token, once it is due" },
    Binding { context: Context::Details, keys: &[ch('c'), ch('y')], label: "c y", action: Action::Copy, help: "copy the token" },
    Binding { context: Context::Details, keys: &[ch('v')], label: "v", action: Action::ShowPassword, help: "show the password for 30 s" },
    Binding { context: Context::Details, keys: &[ch('p')], label: "p", action: Action::CopyPassword, help: "copy the password" },
    Binding { context: Context::Details, keys: &[ch('Q')], label: "Q", action: Action::ShowQr, help: "QR code for an authenticator" },
    Binding { context: Context::Details, keys: &[ch('t')], label: "t", action: Action::SetTotp, help: "set the TOTP secret" },
    Binding { context: Context::Details, keys: &[ch('x')], label: "x", action: Action::RemoveTotp, help: "remove the TOTP secret" },
    Binding { context: Context::Details, keys: &[ch('n')], label: "n", action: Action::NextCode, help: "next HOTP code (saved first)" },
    Binding { context: Context::Details, keys: &[ch('s')], label: "s", action: Action::StartSession, help: "SSH session, code supplied" },
    Binding { context: Context::Details, keys: &[plain(KeyCode::Esc)], label: "Esc", action: Action::Close, help: "close the QR code or Details" },
    Binding { context: Context::Anywhere, keys: &[ch('?')], label: "?", action: Action::Help, help: "this help" },
    Binding { context: Context::Anywhere, keys: &[ctrl('z')], label: "Ctrl-Z", action: Action::Suspend, help: "suspend (fg resumes)" },
    Binding { context: Context::Anywhere, keys: &[ch('q'), ctrl('c')], label: "q Ctrl-C", action: Action::Quit, help: "quit" },
];

fn matches(key: &Key, event: &KeyEvent) -> bool {
    // Terminals report Shift with capitals inconsistently; the character already says it.
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    key.code == event.code && key.modifiers == modifiers
}

pub fn action(context: Context, event: &KeyEvent) -> Option<Action> {
    [context, Context::Anywhere].into_iter().find_map(|wanted| {
        BINDINGS
            .iter()
            .filter(|b| b.context == wanted)
            .find(|b| b.keys.iter().any(|key| matches(key, event)))
            .map(|b| b.action)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn screen_bindings_come_before_global_ones() {
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action(Context::List, &esc), Some(Action::ClearFilter));
        assert_eq!(action(Context::Details, &esc), Some(Action::Close));
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action(Context::Details, &q), Some(Action::Quit));
    }

    #[test]
    fn capitals_match_with_or_without_shift() {
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                action(Context::List, &key(KeyCode::Char('G'), modifiers)),
                Some(Action::Last)
            );
        }
        assert_eq!(
            action(
                Context::List,
                &key(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            action(Context::List, &key(KeyCode::Char('c'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context != b.context {
                    continue;
                }
                for ka in a.keys {
                    for kb in b.keys {
                        assert!(
                            !(ka.code == kb.code && ka.modifiers == kb.modifiers),
                            "{} / {}",
                            a.help,
                            b.help
                        );
                    }
                }
            }
        }
    }
}
