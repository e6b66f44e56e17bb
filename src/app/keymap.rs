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
    /// The catalogue id of what it does, as the help overlay says it.
    pub help_id: &'static str,
}

impl Binding {
    /// What the binding does, in the current language.
    pub fn help(&self) -> String {
        crate::i18n::text(self.help_id, &[])
    }
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { context: Context::List, keys: &[plain(KeyCode::Up), ch('k')], label: "↑ k", action: Action::Up, help_id: "tui-key-previous" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Down), ch('j')], label: "↓ j", action: Action::Down, help_id: "tui-key-next" },
    Binding { context: Context::List, keys: &[plain(KeyCode::PageUp), ctrl('b')], label: "PgUp", action: Action::PageUp, help_id: "tui-key-page-up" },
    Binding { context: Context::List, keys: &[plain(KeyCode::PageDown), ctrl('f')], label: "PgDn", action: Action::PageDown, help_id: "tui-key-page-down" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Home), ch('g')], label: "Home g", action: Action::First, help_id: "tui-key-first" },
    Binding { context: Context::List, keys: &[plain(KeyCode::End), ch('G')], label: "End G", action: Action::Last, help_id: "tui-key-last" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Enter)], label: "Enter", action: Action::Open, help_id: "tui-key-open" },
    Binding { context: Context::List, keys: &[ch('/')], label: "/", action: Action::StartFilter, help_id: "tui-key-filter" },
    Binding { context: Context::List, keys: &[plain(KeyCode::Esc)], label: "Esc", action: Action::ClearFilter, help_id: "tui-key-clear-filter" },
    Binding { context: Context::List, keys: &[ch('a')], label: "a", action: Action::AddCredential, help_id: "tui-key-add" },
    Binding { context: Context::List, keys: &[ch('s')], label: "s", action: Action::StartSession, help_id: "tui-key-session-list" },
    Binding { context: Context::Details, keys: &[ch('r')], label: "r", action: Action::Refresh, help_id: "tui-key-refresh" },
    Binding { context: Context::Details, keys: &[ch('c'), ch('y')], label: "c y", action: Action::Copy, help_id: "tui-key-copy" },
    Binding { context: Context::Details, keys: &[ch('v')], label: "v", action: Action::ShowPassword, help_id: "tui-key-show-password" },
    Binding { context: Context::Details, keys: &[ch('p')], label: "p", action: Action::CopyPassword, help_id: "tui-key-copy-password" },
    Binding { context: Context::Details, keys: &[ch('Q')], label: "Q", action: Action::ShowQr, help_id: "tui-key-qr" },
    Binding { context: Context::Details, keys: &[ch('t')], label: "t", action: Action::SetTotp, help_id: "tui-key-set-totp" },
    Binding { context: Context::Details, keys: &[ch('x')], label: "x", action: Action::RemoveTotp, help_id: "tui-key-remove-totp" },
    Binding { context: Context::Details, keys: &[ch('n')], label: "n", action: Action::NextCode, help_id: "tui-key-next-code" },
    Binding { context: Context::Details, keys: &[ch('s')], label: "s", action: Action::StartSession, help_id: "tui-key-session-details" },
    Binding { context: Context::Details, keys: &[plain(KeyCode::Esc)], label: "Esc", action: Action::Close, help_id: "tui-key-close" },
    Binding { context: Context::Anywhere, keys: &[ch('?')], label: "?", action: Action::Help, help_id: "tui-key-help" },
    Binding { context: Context::Anywhere, keys: &[ctrl('z')], label: "Ctrl-Z", action: Action::Suspend, help_id: "tui-key-suspend" },
    Binding { context: Context::Anywhere, keys: &[ch('q'), ctrl('c')], label: "q Ctrl-C", action: Action::Quit, help_id: "tui-key-quit" },
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
    use crate::i18n::Language;

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
    fn every_binding_is_explained_in_both_languages() {
        let languages = [Language::English, Language::PortugueseBrazil];
        for language in languages {
            let known: Vec<String> = crate::i18n::ids(language)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            for binding in BINDINGS {
                assert!(
                    known.iter().any(|id| id == binding.help_id),
                    "{} is not in the {} catalogue",
                    binding.help_id,
                    language.name()
                );
            }
        }
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
                            a.help_id,
                            b.help_id
                        );
                    }
                }
            }
        }
    }
}
