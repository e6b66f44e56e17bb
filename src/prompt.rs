//! Asking for a passphrase on the controlling terminal (`/dev/tty`, so pipes on stdin or
//! stdout do not matter), with echo off *before* the question shows (typing the moment it
//! appears must not echo), pending typeahead discarded, and the terminal restored on every
//! way out: Ctrl-C is read as a key, not left to a signal that would skip the restore.

use age::secrecy::SecretString;
use zeroize::{Zeroize, Zeroizing};

/// Asks a person for a passphrase; the terminal in the program, a script in tests.
pub trait Prompt {
    fn ask(&mut self, question: &str) -> Result<SecretString, String>;
}

/// Longer input is cut off here, so the buffer never grows and leaves no copy behind.
const MAX_LEN: usize = 1024;

/// What one key press does to the line being typed.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    More,
    Done,
    Interrupted,
    EndOfInput,
}

/// The line editor, pure: Enter ends, Backspace and Ctrl-U edit, Ctrl-C interrupts, Ctrl-D on
/// an empty line ends the input, escape sequences (arrow keys) and other controls are ignored.
#[derive(Default)]
struct Editor {
    in_escape: bool,
}

impl Editor {
    fn key(&mut self, line: &mut Zeroizing<Vec<u8>>, byte: u8) -> Step {
        if self.in_escape {
            // ESC [ ... final byte, or ESC O x: skip up to the final byte.
            self.in_escape = matches!(byte, b'[' | b'O' | b'0'..=b'?' | b' '..=b'/');
            return Step::More;
        }
        match byte {
            b'\r' | b'\n' => return Step::Done,
            0x03 => return Step::Interrupted,
            0x04 if line.is_empty() => return Step::EndOfInput,
            0x7f | 0x08 => {
                // One whole UTF-8 character: its continuation bytes, then its first byte.
                while line.pop().is_some_and(|b| b & 0xc0 == 0x80) {}
            }
            0x15 => line.clear(),
            0x1b => self.in_escape = true,
            b if b < 0x20 => {}
            b if line.len() < MAX_LEN => line.push(b),
            _ => {}
        }
        Step::More
    }
}

/// The controlling terminal.
pub struct Tty;

/// Why nothing can be asked: the message `ask` fails with when there is no terminal.
pub fn no_terminal() -> String {
    crate::t!(
        "cli-passphrase-no-terminal",
        variable = crate::unlock::PASSPHRASE_FILE
    )
}

#[cfg(unix)]
impl Prompt for Tty {
    fn ask(&mut self, question: &str) -> Result<SecretString, String> {
        use std::io::{Read, Write};
        let mut tty = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .map_err(|_| no_terminal())?;
        let quiet = quiet::Quiet::new(&tty).ok_or_else(no_terminal)?;
        let _ = tty
            .write_all(question.as_bytes())
            .and_then(|()| tty.flush());
        let mut line = Zeroizing::new(Vec::with_capacity(MAX_LEN));
        let mut editor = Editor::default();
        let mut byte = [0u8; 1];
        let step = loop {
            match tty.read(&mut byte) {
                Ok(0) => break Step::EndOfInput,
                Ok(_) => match editor.key(&mut line, byte[0]) {
                    Step::More => {}
                    step => break step,
                },
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break Step::EndOfInput,
            }
        };
        byte.zeroize();
        drop(quiet);
        let _ = tty.write_all(b"\n");
        match step {
            Step::Interrupted => Err(crate::t!("cli-interrupted")),
            // Enter on an empty line is an answer (a database locked by a key file alone);
            // callers that need one refuse it. Ctrl-D is no answer at all.
            Step::EndOfInput if line.is_empty() => Err(crate::t!("cli-passphrase-none")),
            _ => match std::str::from_utf8(&line) {
                Ok(text) => Ok(SecretString::from(text)),
                Err(_) => Err(crate::t!("cli-passphrase-not-utf8")),
            },
        }
    }
}

#[cfg(not(unix))]
impl Prompt for Tty {
    fn ask(&mut self, _question: &str) -> Result<SecretString, String> {
        Err(no_terminal())
    }
}

#[cfg(unix)]
mod quiet {
    use std::os::fd::AsRawFd;

    /// The terminal with echo, line editing and keyboard signals off; restored on drop.
    pub struct Quiet {
        fd: i32,
        saved: libc::termios,
    }

    impl Quiet {
        /// `None` when `tty` is not a terminal.
        pub fn new(tty: &std::fs::File) -> Option<Self> {
            let fd = tty.as_raw_fd();
            let mut saved = std::mem::MaybeUninit::<libc::termios>::uninit();
            // SAFETY: `fd` is open for the life of `tty`; tcgetattr fills `saved` on success.
            if unsafe { libc::tcgetattr(fd, saved.as_mut_ptr()) } != 0 {
                return None;
            }
            // SAFETY: tcgetattr returned 0, so `saved` is initialised.
            let saved = unsafe { saved.assume_init() };
            let mut quiet = saved;
            quiet.c_lflag &= !(libc::ECHO | libc::ECHONL | libc::ICANON | libc::ISIG);
            quiet.c_cc[libc::VMIN] = 1;
            quiet.c_cc[libc::VTIME] = 0;
            // TCSAFLUSH drops typeahead, which the terminal has echoed already.
            // SAFETY: `quiet` is a valid termios for this terminal.
            if unsafe { libc::tcsetattr(fd, libc::TCSAFLUSH, &quiet) } != 0 {
                return None;
            }
            Some(Self { fd, saved })
        }
    }

    impl Drop for Quiet {
        fn drop(&mut self) {
            // SAFETY: restores the settings read in `new` on the same, still open, terminal.
            unsafe {
                libc::tcsetattr(self.fd, libc::TCSANOW, &self.saved);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[u8]) -> (Vec<u8>, Step) {
        let mut line = Zeroizing::new(Vec::new());
        let mut editor = Editor::default();
        for &key in keys {
            match editor.key(&mut line, key) {
                Step::More => {}
                step => return (line.to_vec(), step),
            }
        }
        (line.to_vec(), Step::More)
    }

    #[test]
    fn enter_ends_and_backspace_removes_whole_characters() {
        assert_eq!(typed(b"abc\r"), (b"abc".to_vec(), Step::Done));
        assert_eq!(typed(b"abx\x7fc\n"), (b"abc".to_vec(), Step::Done));
        assert_eq!(
            typed("pé\x7f\x7fass\r".as_bytes()),
            (b"ass".to_vec(), Step::Done)
        );
        assert_eq!(typed(b"junk\x15ok\r"), (b"ok".to_vec(), Step::Done));
    }

    #[test]
    fn control_keys_and_arrows_do_not_enter_the_passphrase() {
        assert_eq!(
            typed(b"a\x1b[Ab\x1bOCc\x01\r"),
            (b"abc".to_vec(), Step::Done)
        );
        assert_eq!(typed(b"ab\x03"), (b"ab".to_vec(), Step::Interrupted));
        assert_eq!(typed(b"\x04"), (Vec::new(), Step::EndOfInput));
        assert_eq!(typed(b"a\x04b\r"), (b"ab".to_vec(), Step::Done));
    }

    #[test]
    fn input_stops_growing_at_the_limit() {
        let mut keys = vec![b'x'; MAX_LEN + 10];
        keys.push(b'\r');
        assert_eq!(typed(&keys).0.len(), MAX_LEN);
    }
}
