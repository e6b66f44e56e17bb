use crossterm::event::{KeyEvent, MouseEvent};
use zeroize::Zeroizing;

use super::state::Sensitive;
use crate::clipboard::Target;
use crate::otp::Timestamp;
use crate::vault::{Credential, HotpConfig};

/// Everything that can happen to the app. Time always arrives with the message.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent, Timestamp),
    Mouse(MouseEvent, Timestamp),
    Resize {
        width: u16,
        height: u16,
    },
    /// A deadline the app asked for (see `App::next_wakeup`) has come, or a redraw is due.
    Tick(Timestamp),
    /// The edge carried out an `Effect::Copy`.
    Copied(Result<Target, String>, Timestamp),
    /// The edge wrote (or failed to write) the audit record of an `Effect::Audit`.
    Audited(Result<(), String>, Timestamp),
    /// The edge carried out an `Effect::Advance` for credential `id`: the counter whose code
    /// may now be shown and the HOTP settings as written, or why not.
    Advanced {
        id: u64,
        result: Result<(u64, HotpConfig), String>,
        now: Timestamp,
    },
    /// Credentials read from the vault; `true`: they were the last.
    Loaded(Vec<Credential>, bool),
    /// Go on with the search under way (`App::busy`); sent while no input waits.
    Work,
    /// The background clock check measured the clock against the NTP servers.
    ClockChecked(super::clock::ClockCheck),
}

/// What the audit log must record before a sensitive action goes ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRequest {
    pub action: Sensitive,
    pub credential_id: u64,
    /// `username@hostname`.
    pub credential: String,
    pub reason: Option<String>,
    /// An HOTP advance: the counter whose code is revealed (never the code).
    pub counter: Option<u64>,
}

/// What the app asks the edges to do; `update` itself never does I/O.
#[derive(Clone, PartialEq, Eq)]
pub enum Effect {
    Copy(Zeroizing<String>),
    Audit(AuditRequest),
    /// Advance credential `credential_id`'s HOTP counter in the vault (lock, re-read, write),
    /// then record it in the audit log; the answer comes back as `Msg::Advanced`.
    Advance(AuditRequest),
    /// Clear the clipboard if it still holds `expected` (what we put there).
    ClearClipboard {
        expected: Zeroizing<String>,
        target: Target,
    },
    /// Give the terminal back to the shell until the user resumes (`fg`).
    Suspend,
    Quit,
}

impl std::fmt::Debug for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Copy(_) => f.write_str("Copy(redacted)"),
            Self::Audit(request) => write!(f, "Audit({request:?})"),
            Self::Advance(request) => write!(f, "Advance({request:?})"),
            Self::ClearClipboard { target, .. } => write!(f, "ClearClipboard({target:?})"),
            Self::Suspend => f.write_str("Suspend"),
            Self::Quit => f.write_str("Quit"),
        }
    }
}
