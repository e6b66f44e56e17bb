//! Every sentence a user reads, from one Fluent catalogue per language (`locales/`).
//!
//! The language is a process-wide choice made once at start (`set`); a thread can speak
//! another one for a while (`speak`), which is how tests render both languages side by side.
//! Catalogues are compiled in and parsed on first use only: a command that prints a bare code
//! pays nothing for them.

mod arg;
mod catalogue;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

pub use crate::app::settings::Language;
pub use arg::Arg;
pub use catalogue::{FILES, ids};

static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// The language every thread speaks unless it chose its own.
pub fn set(language: Language) {
    PROCESS.store(code(language), Ordering::Relaxed);
}

/// The language of this thread now.
pub fn current() -> Language {
    THREAD
        .with(Cell::get)
        .unwrap_or_else(|| match PROCESS.load(Ordering::Relaxed) {
            1 => Language::PortugueseBrazil,
            _ => Language::English,
        })
}

/// This thread speaks `language` until the guard is dropped.
pub fn speak(language: Language) -> Speaking {
    let before = THREAD.with(|cell| cell.replace(Some(language)));
    Speaking { before }
}

#[must_use = "the language goes back when this is dropped"]
pub struct Speaking {
    before: Option<Language>,
}

impl Drop for Speaking {
    fn drop(&mut self) {
        THREAD.with(|cell| cell.set(self.before));
    }
}

fn code(language: Language) -> u8 {
    match language {
        Language::English => 0,
        Language::PortugueseBrazil => 1,
    }
}

/// The message `id` in the current language, with its arguments. An id missing from the
/// catalogue (a test catches that) shows as itself rather than failing.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    catalogue::format(current(), id, args)
}

/// A message of the catalogue: `t!("list-title")`, `t!("list-count", count = n)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
