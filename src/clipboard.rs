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
    pub fn describe(self) -> &'static str {
        match self {
            Self::System => "the system clipboard",
            Self::Osc52 => "the terminal clipboard (OSC 52)",
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
    #[error("could not write to the terminal: {0}")]
    Terminal(io::Error),
    #[error("the system clipboard failed: {0}")]
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

/// A clipboard in memory for tests of other modules.
///
/// It acts as one target (System by default). As System it holds contents that
/// `set_contents` can change behind the app's back; as OSC 52 a clear is always `Blind`.
pub struct FakeClipboard {
    target: Target,
    contents: Option<Zeroizing<String>>,
    copies: Vec<String>,
    clears: Vec<(Target, Cleared)>,
    failing: bool,
}

impl Default for FakeClipboard {
    fn default() -> Self {
        Self::new(Target::System)
    }
}

impl FakeClipboard {
    pub fn new(target: Target) -> Self {
        Self {
            target,
            contents: None,
            copies: Vec::new(),
            clears: Vec::new(),
            failing: false,
        }
    }

    /// Which target later copies report.
    pub fn set_target(&mut self, target: Target) {
        self.target = target;
    }

    /// Someone else copied `text`.
    pub fn set_contents(&mut self, text: &str) {
        self.contents = Some(Zeroizing::new(text.to_owned()));
    }

    /// While failing, `copy` and `clear_if_unchanged` return an error and record nothing.
    pub fn set_failing(&mut self, failing: bool) {
        self.failing = failing;
    }

    /// What the clipboard holds now.
    pub fn contents(&self) -> Option<&str> {
        self.contents.as_deref().map(String::as_str)
    }

    /// Every successful copy, oldest first.
    pub fn copies(&self) -> &[String] {
        &self.copies
    }

    /// Every successful clear: the target asked for and the outcome, oldest first.
    pub fn clears(&self) -> &[(Target, Cleared)] {
        &self.clears
    }

    fn failure(&self) -> ClipboardError {
        match self.target {
            Target::System => ClipboardError::System(arboard::Error::Unknown {
                description: "simulated failure".to_owned(),
            }),
            Target::Osc52 => ClipboardError::Terminal(io::Error::other("simulated failure")),
        }
    }
}

impl Clipboard for FakeClipboard {
    fn copy(&mut self, text: &str) -> Result<Target, ClipboardError> {
        if self.failing {
            return Err(self.failure());
        }
        self.set_contents(text);
        self.copies.push(text.to_owned());
        Ok(self.target)
    }

    fn clear_if_unchanged(
        &mut self,
        expected: &str,
        target: Target,
    ) -> Result<Cleared, ClipboardError> {
        if self.failing {
            return Err(self.failure());
        }
        let outcome = match target {
            Target::Osc52 => Cleared::Blind,
            Target::System if self.contents().is_some_and(|c| same_text(c, expected)) => {
                Cleared::Cleared
            }
            Target::System => Cleared::Changed,
        };
        if outcome != Cleared::Changed {
            self.contents = None;
        }
        self.clears.push((target, outcome));
        Ok(outcome)
    }
}

impl fmt::Debug for FakeClipboard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeClipboard")
            .field("target", &self.target)
            .field("holds_text", &self.contents.is_some())
            .field("copies", &self.copies.len())
            .field("clears", &self.clears)
            .field("failing", &self.failing)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    use super::*;

    const VARS: [&str; 5] = [
        "SSH_CONNECTION",
        "SSH_TTY",
        "TMUX",
        "DISPLAY",
        "WAYLAND_DISPLAY",
    ];

    fn env_of(set: &[&str]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = set
            .iter()
            .map(|name| ((*name).to_owned(), OsString::from("x")))
            .collect();
        move |name| map.get(name).cloned()
    }

    /// Every subset of the five variables, on a platform with and without display servers.
    #[test]
    fn choose_target_for_every_env_combination() {
        for bits in 0u32..(1 << VARS.len()) {
            let set: Vec<&str> = (0..VARS.len())
                .filter(|i| bits & (1 << i) != 0)
                .map(|i| VARS[i])
                .collect();
            let has = |name| set.contains(&name);
            let remote = has("SSH_CONNECTION") || has("SSH_TTY") || has("TMUX");
            let display = has("DISPLAY") || has("WAYLAND_DISPLAY");

            let unix_expected = if remote || !display {
                Target::Osc52
            } else {
                Target::System
            };
            assert_eq!(
                choose_target_with(env_of(&set), true),
                unix_expected,
                "{set:?}"
            );

            let other_expected = if remote {
                Target::Osc52
            } else {
                Target::System
            };
            assert_eq!(
                choose_target_with(env_of(&set), false),
                other_expected,
                "{set:?}"
            );
        }
    }

    #[test]
    fn choose_target_examples() {
        assert_eq!(
            choose_target_with(env_of(&["DISPLAY"]), true),
            Target::System
        );
        assert_eq!(
            choose_target_with(env_of(&["WAYLAND_DISPLAY"]), true),
            Target::System
        );
        assert_eq!(choose_target_with(env_of(&[]), true), Target::Osc52);
        assert_eq!(choose_target_with(env_of(&[]), false), Target::System);
        assert_eq!(
            choose_target_with(env_of(&["DISPLAY", "TMUX"]), true),
            Target::Osc52
        );
        assert_eq!(
            choose_target_with(env_of(&["SSH_TTY"]), false),
            Target::Osc52
        );
    }

    #[test]
    fn choose_target_treats_empty_as_unset() {
        let env = |name: &str| match name {
            "DISPLAY" => Some(OsString::from(":0")),
            "SSH_CONNECTION" | "SSH_TTY" | "TMUX" => Some(OsString::new()),
            _ => None,
        };
        assert_eq!(choose_target_with(env, true), Target::System);
        let env = |name: &str| (name == "DISPLAY").then(OsString::new);
        assert_eq!(choose_target_with(env, true), Target::Osc52);
    }

    #[test]
    fn choose_target_on_this_platform() {
        assert_eq!(choose_target(env_of(&["SSH_CONNECTION"])), Target::Osc52);
        assert_eq!(choose_target(env_of(&["DISPLAY"])), Target::System);
        if cfg!(any(
            target_os = "linux",
            target_os = "freebsd",
            target_os = "openbsd"
        )) {
            assert_eq!(choose_target(env_of(&[])), Target::Osc52);
        }
    }

    #[test]
    fn describe_targets() {
        assert_eq!(Target::System.describe(), "the system clipboard");
        assert_eq!(Target::Osc52.describe(), "the terminal clipboard (OSC 52)");
    }

    #[test]
    fn osc52_sequence_bytes() {
        assert_eq!(osc52_sequence("123456").as_str(), "\x1b]52;c;MTIzNDU2\x07");
        assert_eq!(
            osc52_sequence("123456").as_bytes(),
            b"\x1b\x5d\x35\x32\x3b\x63\x3bMTIzNDU2\x07"
        );
        assert_eq!(osc52_sequence("").as_str(), "\x1b]52;c;\x07");
        // Padding, and text that is not ASCII.
        assert_eq!(
            osc52_sequence("12345678").as_str(),
            "\x1b]52;c;MTIzNDU2Nzg=\x07"
        );
        assert_eq!(osc52_sequence("é").as_str(), "\x1b]52;c;w6k=\x07");
        assert_eq!(OSC52_CLEAR.as_bytes(), b"\x1b]52;c;\x07");
    }

    #[test]
    fn same_text_compares_whole_strings() {
        assert!(same_text("123456", "123456"));
        assert!(same_text("", ""));
        assert!(!same_text("123456", "123457"));
        assert!(!same_text("123456", "023456"));
        assert!(!same_text("123456", "12345"));
        assert!(!same_text("", "1"));
    }

    #[derive(Clone, Default)]
    struct SharedBuf(Arc<Mutex<Vec<u8>>>);

    impl SharedBuf {
        fn take(&self) -> Vec<u8> {
            std::mem::take(&mut *self.0.lock().unwrap())
        }
    }

    impl Write for SharedBuf {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    struct Broken;

    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::BrokenPipe, "terminal gone"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn system_clipboard_forced_to_osc52_writes_exact_bytes() {
        let buf = SharedBuf::default();
        let mut clipboard = SystemClipboard::with_target(Box::new(buf.clone()), Target::Osc52);
        assert_eq!(clipboard.target(), Target::Osc52);

        assert_eq!(clipboard.copy("123456").unwrap(), Target::Osc52);
        assert_eq!(buf.take(), b"\x1b]52;c;MTIzNDU2\x07");

        let cleared = clipboard
            .clear_if_unchanged("123456", Target::Osc52)
            .unwrap();
        assert_eq!(cleared, Cleared::Blind);
        assert_eq!(buf.take(), b"\x1b]52;c;\x07");

        // OSC 52 can't be read back, so the expected text does not matter.
        let cleared = clipboard
            .clear_if_unchanged("other", Target::Osc52)
            .unwrap();
        assert_eq!(cleared, Cleared::Blind);
        assert_eq!(buf.take(), b"\x1b]52;c;\x07");
    }

    #[test]
    fn system_clipboard_flushes_after_each_write() {
        #[derive(Clone, Default)]
        struct Buffered {
            pending: Arc<Mutex<Vec<u8>>>,
            flushed: Arc<Mutex<Vec<u8>>>,
        }
        impl Write for Buffered {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.pending.lock().unwrap().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                let pending = std::mem::take(&mut *self.pending.lock().unwrap());
                self.flushed.lock().unwrap().extend(pending);
                Ok(())
            }
        }
        let out = Buffered::default();
        let mut clipboard = SystemClipboard::with_target(Box::new(out.clone()), Target::Osc52);
        clipboard.copy("42").unwrap();
        assert_eq!(*out.flushed.lock().unwrap(), b"\x1b]52;c;NDI=\x07");
        clipboard.clear_if_unchanged("42", Target::Osc52).unwrap();
        assert_eq!(
            *out.flushed.lock().unwrap(),
            b"\x1b]52;c;NDI=\x07\x1b]52;c;\x07"
        );
        assert!(out.pending.lock().unwrap().is_empty());
    }

    #[test]
    fn write_errors_do_not_contain_the_text() {
        let mut clipboard = SystemClipboard::with_target(Box::new(Broken), Target::Osc52);
        let error = clipboard.copy("987654").unwrap_err();
        let shown = format!("{error} {error:?}");
        assert!(matches!(error, ClipboardError::Terminal(_)));
        assert!(shown.contains("terminal gone"), "{shown}");
        assert!(
            !shown.contains("987654") && !shown.contains("OTg3NjU0"),
            "{shown}"
        );
        let error = clipboard
            .clear_if_unchanged("987654", Target::Osc52)
            .unwrap_err();
        assert!(!format!("{error} {error:?}").contains("987654"));
    }

    #[test]
    fn debug_does_not_show_the_text() {
        let buf = SharedBuf::default();
        let mut system = SystemClipboard::with_target(Box::new(buf), Target::Osc52);
        system.copy("135791").unwrap();
        assert!(!format!("{system:?}").contains("135791"));

        let mut fake = FakeClipboard::default();
        fake.copy("135791").unwrap();
        fake.set_contents("246802");
        let shown = format!("{fake:?}");
        assert!(
            !shown.contains("135791") && !shown.contains("246802"),
            "{shown}"
        );
    }

    #[test]
    fn fake_records_copies_and_clears_what_it_holds() {
        let mut fake = FakeClipboard::default();
        assert_eq!(fake.copy("111111").unwrap(), Target::System);
        assert_eq!(fake.copy("222222").unwrap(), Target::System);
        assert_eq!(fake.copies(), ["111111", "222222"]);
        assert_eq!(fake.contents(), Some("222222"));

        // Not what it holds now.
        let outcome = fake.clear_if_unchanged("111111", Target::System).unwrap();
        assert_eq!(outcome, Cleared::Changed);
        assert_eq!(fake.contents(), Some("222222"));

        let outcome = fake.clear_if_unchanged("222222", Target::System).unwrap();
        assert_eq!(outcome, Cleared::Cleared);
        assert_eq!(fake.contents(), None);

        // Nothing left to clear.
        let outcome = fake.clear_if_unchanged("222222", Target::System).unwrap();
        assert_eq!(outcome, Cleared::Changed);
        assert_eq!(
            fake.clears(),
            [
                (Target::System, Cleared::Changed),
                (Target::System, Cleared::Cleared),
                (Target::System, Cleared::Changed),
            ]
        );
    }

    #[test]
    fn fake_leaves_alone_what_someone_else_copied() {
        let mut fake = FakeClipboard::new(Target::System);
        fake.copy("123456").unwrap();
        fake.set_contents("a password from elsewhere");
        let outcome = fake.clear_if_unchanged("123456", Target::System).unwrap();
        assert_eq!(outcome, Cleared::Changed);
        assert_eq!(fake.contents(), Some("a password from elsewhere"));
        assert_eq!(fake.copies(), ["123456"]);
    }

    #[test]
    fn fake_as_osc52_clears_blind() {
        let mut fake = FakeClipboard::new(Target::Osc52);
        assert_eq!(fake.copy("123456").unwrap(), Target::Osc52);
        fake.set_contents("something else");
        let outcome = fake.clear_if_unchanged("123456", Target::Osc52).unwrap();
        assert_eq!(outcome, Cleared::Blind);
        assert_eq!(fake.contents(), None);
        assert_eq!(fake.clears(), [(Target::Osc52, Cleared::Blind)]);

        fake.set_target(Target::System);
        assert_eq!(fake.copy("654321").unwrap(), Target::System);
    }

    #[test]
    fn fake_fails_when_told_and_records_nothing() {
        for target in [Target::System, Target::Osc52] {
            let mut fake = FakeClipboard::new(target);
            fake.set_failing(true);
            let error = fake.copy("123456").unwrap_err();
            assert!(!error.to_string().contains("123456"));
            assert!(error.to_string().contains("simulated failure"), "{error}");
            assert!(fake.clear_if_unchanged("123456", target).is_err());
            assert!(fake.copies().is_empty() && fake.clears().is_empty());
            assert_eq!(fake.contents(), None);

            fake.set_failing(false);
            assert_eq!(fake.copy("123456").unwrap(), target);
        }
    }

    #[test]
    fn clipboards_can_be_boxed_as_the_trait() {
        let mut clipboards: Vec<Box<dyn Clipboard>> = vec![
            Box::new(FakeClipboard::default()),
            Box::new(SystemClipboard::with_target(
                Box::new(io::sink()),
                Target::Osc52,
            )),
        ];
        for clipboard in &mut clipboards {
            assert!(clipboard.copy("1").is_ok());
        }
    }

    /// Needs an X server: `DISPLAY=:99 cargo test --lib clipboard -- --ignored` under Xvfb.
    #[test]
    #[ignore = "needs a display"]
    fn system_clipboard_on_a_real_display() {
        let buf = SharedBuf::default();
        let mut clipboard = SystemClipboard::with_target(Box::new(buf.clone()), Target::System);
        assert_eq!(clipboard.copy("314159").unwrap(), Target::System);
        assert!(buf.take().is_empty());
        let outcome = clipboard.clear_if_unchanged("271828", Target::System);
        assert_eq!(outcome.unwrap(), Cleared::Changed);
        let outcome = clipboard.clear_if_unchanged("314159", Target::System);
        assert_eq!(outcome.unwrap(), Cleared::Cleared);
        let outcome = clipboard.clear_if_unchanged("314159", Target::System);
        assert_eq!(outcome.unwrap(), Cleared::Changed);
    }

    #[test]
    fn system_clipboard_is_send() {
        fn assert_send<T: Send>() {}
        assert_send::<SystemClipboard>();
        assert_send::<FakeClipboard>();
    }
}
