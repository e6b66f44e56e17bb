//! The clipboard edge: the system clipboard (arboard) where there is a display, OSC 52 written
//! to the terminal where there is none or inside SSH/tmux, and a fake for tests.
//!
//! The copied text is a secret: it never appears in `Debug` output or in error messages.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Write};

use data_encoding::BASE64;
use zeroize::Zeroizing;

/// Where a copy went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The native clipboard (X11, macOS, Windows), through arboard.
    System,
    /// An OSC 52 escape sequence written to the terminal, which puts it on the clipboard of
    /// the machine the terminal runs on (also through SSH and tmux).
    Osc52,
}

impl Target {
    /// Words for a status line, e.g. "Copied to the system clipboard".
    pub fn describe(self) -> String {
        match self {
            Self::System => crate::t!("err-clipboard-system-name"),
            Self::Osc52 => crate::t!("err-clipboard-terminal-name"),
        }
    }
}

/// What `clear_if_unchanged` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleared {
    /// The clipboard still held our text and is now empty.
    Cleared,
    /// Someone copied something else since; it was left alone.
    Changed,
    /// OSC 52 can't be read back: an empty write was sent.
    Blind,
}

/// A clipboard failure. The messages never contain the copied text.
#[derive(Debug, thiserror::Error)]
pub enum ClipboardError {
    #[error("{}", crate::t!("err-clipboard-terminal", error = .0.to_string()))]
    Terminal(io::Error),
    #[error("{}", crate::t!("err-clipboard-system", error = .0.to_string()))]
    System(arboard::Error),
}

pub trait Clipboard {
    /// Puts `text` on the clipboard and says where it went.
    fn copy(&mut self, text: &str) -> Result<Target, ClipboardError>;

    /// Empties the clipboard `target` (as returned by `copy`) if it still holds `expected`.
    fn clear_if_unchanged(
        &mut self,
        expected: &str,
        target: Target,
    ) -> Result<Cleared, ClipboardError>;
}

/// OSC 52 when inside SSH or tmux, or when a Linux/BSD session has no display server;
/// the system clipboard otherwise. `env` is `std::env::var_os` or a test's map; a variable
/// set to the empty string counts as unset.
pub fn choose_target(env: impl Fn(&str) -> Option<OsString>) -> Target {
    // The platforms where arboard needs an X11 (or Wayland) display.
    let needs_display = cfg!(all(
        unix,
        not(any(
            target_os = "macos",
            target_os = "ios",
            target_os = "android"
        ))
    ));
    choose_target_with(env, needs_display)
}

fn choose_target_with(env: impl Fn(&str) -> Option<OsString>, needs_display: bool) -> Target {
    let set = |name: &str| env(name).is_some_and(|value| !value.is_empty());
    let remote = set("SSH_CONNECTION") || set("SSH_TTY") || set("TMUX");
    let headless = needs_display && !set("DISPLAY") && !set("WAYLAND_DISPLAY");
    if remote || headless {
        Target::Osc52
    } else {
        Target::System
    }
}

/// The sequence that clears the terminal clipboard: an OSC 52 with an empty payload.
pub const OSC52_CLEAR: &str = "\x1b]52;c;\x07";

/// `ESC ] 52 ; c ; <base64 of text> BEL`, in memory that is wiped when dropped.
pub fn osc52_sequence(text: &str) -> Zeroizing<String> {
    const START: &str = "\x1b]52;c;";
    const END: &str = "\x07";
    let len = START.len() + BASE64.encode_len(text.len()) + END.len();
    // Reserved up front so the string never reallocates and leaves an unwiped copy behind.
    let mut sequence = Zeroizing::new(String::with_capacity(len));
    sequence.push_str(START);
    BASE64.encode_append(text.as_bytes(), &mut sequence);
    sequence.push_str(END);
    sequence
}

/// Equality that takes the same time wherever the first difference is (the length is not
/// secret: it is the length of the code we copied).
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// The real clipboard: arboard or OSC 52, chosen once at construction.
pub struct SystemClipboard {
    target: Target,
    /// Opened on first use and kept for the process: on X11 the copied text lives only as long
    /// as its owner does.
    native: Option<arboard::Clipboard>,
    terminal: Box<dyn Write + Send>,
}

impl SystemClipboard {
    /// `terminal` is where OSC 52 goes: the app passes stdout, the terminal ratatui draws to.
    pub fn new(terminal: Box<dyn Write + Send>) -> Self {
        Self::with_target(terminal, choose_target(|name| std::env::var_os(name)))
    }

    /// Like `new` but with the target given, e.g. forced to OSC 52.
    pub fn with_target(terminal: Box<dyn Write + Send>, target: Target) -> Self {
        Self {
            target,
            native: None,
            terminal,
        }
    }

    /// The target copies try first.
    pub fn target(&self) -> Target {
        self.target
    }

    fn write_terminal(&mut self, sequence: &str) -> Result<(), ClipboardError> {
        self.terminal
            .write_all(sequence.as_bytes())
            .and_then(|()| self.terminal.flush())
            .map_err(ClipboardError::Terminal)
    }

    fn copy_osc52(&mut self, text: &str) -> Result<Target, ClipboardError> {
        self.write_terminal(&osc52_sequence(text))?;
        Ok(Target::Osc52)
    }

    fn native(&mut self) -> Result<&mut arboard::Clipboard, arboard::Error> {
        match &mut self.native {
            Some(native) => Ok(native),
            slot @ None => Ok(slot.insert(arboard::Clipboard::new()?)),
        }
    }

    fn clear_native(&mut self, expected: &str) -> Result<Cleared, ClipboardError> {
        let native = self.native().map_err(ClipboardError::System)?;
        let current = match native.get_text() {
            Ok(text) => Zeroizing::new(text),
            // Empty, or holding something that isn't text: not ours any more.
            Err(arboard::Error::ContentNotAvailable) => return Ok(Cleared::Changed),
            Err(error) => return Err(ClipboardError::System(error)),
        };
        if !same_text(&current, expected) {
            return Ok(Cleared::Changed);
        }
        native.clear().map_err(ClipboardError::System)?;
        Ok(Cleared::Cleared)
    }
}

impl Clipboard for SystemClipboard {
    fn copy(&mut self, text: &str) -> Result<Target, ClipboardError> {
        if self.target == Target::Osc52 {
            return self.copy_osc52(text);
        }
        match self.native() {
            Ok(native) => match native.set_text(text) {
                Ok(()) => Ok(Target::System),
                // Maybe only this once (e.g. the clipboard is busy): try natively next time.
                Err(_) => self.copy_osc52(text),
            },
            Err(_) => {
                // No clipboard to open (e.g. Wayland without XWayland): stop trying.
                self.target = Target::Osc52;
                self.copy_osc52(text)
            }
        }
    }

    fn clear_if_unchanged(
        &mut self,
        expected: &str,
        target: Target,
    ) -> Result<Cleared, ClipboardError> {
        match target {
            Target::System => self.clear_native(expected),
            Target::Osc52 => {
                self.write_terminal(OSC52_CLEAR)?;
                Ok(Cleared::Blind)
            }
        }
    }
}

impl fmt::Debug for SystemClipboard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SystemClipboard")
            .field("target", &self.target)
            .field("native_open", &self.native.is_some())
            .finish_non_exhaustive()
    }
}

mod fake;

pub use fake::FakeClipboard;

#[cfg(test)]
mod tests;
