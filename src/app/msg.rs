use crossterm::event::{KeyEvent, MouseEvent};
use zeroize::Zeroizing;

use super::form::Change;
use super::state::Sensitive;
use crate::clipboard::Target;
use crate::otp::Timestamp;
use crate::session::{Ended, Start, Supplied};
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
    /// A session started by `Effect::StartSession` is over; the screen is ours again.
    SessionEnded(Ended, Supplied, Timestamp),
    /// The background clock check measured the clock against the NTP servers.
    ClockChecked(super::clock::ClockCheck),
    /// Text pasted into the terminal (bracketed paste): it may hold a secret.
    Paste(Pasted, Timestamp),
    /// The edge carried out an `Effect::Save`: the credential as written, or why not.
    Saved(Result<Saved, String>, Timestamp),
}

/// Pasted text, wiped on drop and never shown by `Debug`.
#[derive(Clone)]
pub struct Pasted(pub Zeroizing<String>);

impl std::fmt::Debug for Pasted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pasted(redacted)")
    }
}

/// A change the vault took.
#[derive(Debug, Clone)]
pub struct Saved {
    pub credential: Credential,
    /// Said after the change: the vault was written, but something else went wrong.
    pub warning: Option<String>,
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
    /// For a session start: where to, and which kinds of secret credview supplies.
    pub session: Option<SessionAudit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionAudit {
    pub host: Option<String>,
    pub supplied: Vec<String>,
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
    /// Write a change to the vault through the write path; the result comes as `Msg::Saved`.
    Save(Change),
    /// Give the terminal back to the shell until the user resumes (`fg`).
    Suspend,
    /// Hand the terminal to ssh for a session, and take it back when it ends.
    StartSession(Box<Start>),
    Quit,
}

impl std::fmt::Debug for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Copy(_) => f.write_str("Copy(redacted)"),
            Self::Audit(request) => write!(f, "Audit({request:?})"),
            Self::Advance(request) => write!(f, "Advance({request:?})"),
            Self::ClearClipboard { target, .. } => write!(f, "ClearClipboard({target:?})"),
            Self::Save(change) => write!(f, "Save({change:?})"),
            Self::Suspend => f.write_str("Suspend"),
            Self::StartSession(start) => write!(f, "StartSession({start:?})"),
            Self::Quit => f.write_str("Quit"),
        }
    }
}
