//! The app's state: what is loaded, selected, open and said. Changed only by `update`.

use zeroize::Zeroizing;

use super::filter::{Filter, Haystacks};
use super::rows::{FieldWidths, Groups, Rows};
use crate::clipboard::Target;
use crate::otp::{Code, Timestamp, Totp};
use crate::vault::{Credential, Vault};

/// How long a status message stays on screen.
pub const STATUS_MILLIS: u64 = 5_000;
/// The countdown turns to a warning colour and shows the next code in this last stretch.
pub const WARN_MILLIS: u64 = 5_000;
/// Copying this close to the step's end warns that the code is about to expire.
pub const LATE_COPY_MILLIS: u64 = 3_000;
/// A shown password is masked again after this long.
pub const PASSWORD_MILLIS: u64 = 30_000;
/// The QR code closes by itself after this long.
pub const QR_MILLIS: u64 = 45_000;

#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub clear_clipboard_after_millis: u64,
    /// Credentials a search looks at between two chances to draw and read keys.
    pub search_step: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            clear_clipboard_after_millis: 30_000,
            search_step: super::filter::STEP,
        }
    }
}

#[derive(Debug)]
pub struct App {
    pub vault: Vault,
    /// A path, or "demo vault".
    pub vault_name: String,
    pub settings: Settings,
    pub now: Timestamp,
    pub size: (u16, u16),
    /// Credentials are still being read from the vault (`Msg::Loaded` brings them).
    pub loading: bool,
    pub groups: Groups,
    pub field_widths: FieldWidths,
    pub haystacks: Haystacks,
    pub filter: Filter,
    pub filter_editing: bool,
    /// The query changed in this batch of messages; its search starts at the batch's end.
    pub search_due: bool,
    pub rows: Rows,
    /// Index into `rows.items`.
    pub selected: usize,
    /// First display row shown in the list body.
    pub offset: usize,
    pub details: Option<Details>,
    /// An enrolment form, over the list or the pop-up.
    pub form: Option<super::form::Form>,
    pub help: bool,
    pub status: Option<Status>,
    /// A copy asked of the edge and not yet confirmed, and what it is.
    pub copying: Option<(Zeroizing<String>, Sensitive)>,
    /// A sensitive action waiting for the audit log to confirm it was recorded.
    pub auditing: Option<Sensitive>,
    /// The last confirmed copy, until it is cleared.
    pub clipboard: Option<Clip>,
    /// The clock correction in force and the latest clock check's warning.
    pub clock: super::clock::ClockState,
    pub quit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub level: Level,
    pub until: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// The Details pop-up of one credential.
#[derive(Debug)]
pub struct Details {
    pub credential: usize,
    pub token: TokenView,
    /// Until when the password shows in clear, if it does.
    pub password_until: Option<Timestamp>,
    /// Until when the QR code shows, if it does.
    pub qr_until: Option<Timestamp>,
    /// The reason being typed before a password is revealed.
    pub prompt: Option<ReasonPrompt>,
    /// The reason given once in this pop-up, reused for its later password actions.
    pub reason: Option<String>,
}

impl Details {
    pub fn new(credential: usize, token: TokenView) -> Self {
        Self {
            credential,
            token,
            password_until: None,
            qr_until: None,
            prompt: None,
            reason: None,
        }
    }
}

/// Actions that reveal a secret: each is written to the audit log before it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sensitive {
    TokenCopy,
    PasswordView,
    PasswordCopy,
    QrDisplay,
    /// The next HOTP code: the counter is written to the vault first.
    HotpAdvance,
    /// An SSH session with the password and code supplied (`start_session`).
    SessionStart,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonPrompt {
    pub purpose: Sensitive,
    pub text: String,
}

/// What the Token OTP bar can show.
#[derive(Debug)]
pub enum TokenView {
    Code(Box<Token>),
    Hotp(HotpToken),
    NoTotp,
    NoPermission,
}

/// An HOTP credential's bar: the stored counter, and the code revealed with `n`, if any.
#[derive(Debug, Clone)]
pub struct HotpToken {
    /// The counter stored in the vault: the next code's.
    pub counter: u64,
    /// The code shown and the counter it belongs to, once `n` advanced the counter.
    pub shown: Option<(u64, Code)>,
    /// `n` was pressed and the vault has not answered yet.
    pub advancing: bool,
    pub digits: u8,
    pub short_secret_bits: Option<usize>,
}

/// The code on screen and the step it belongs to.
#[derive(Debug, Clone)]
pub struct Token {
    pub totp: Totp,
    pub step: u64,
    pub code: Code,
    pub next: Code,
    pub short_secret_bits: Option<usize>,
}

impl Token {
    pub fn new(totp: Totp, at: Timestamp, short_secret_bits: Option<usize>) -> Self {
        let step = totp.step(at);
        Self {
            code: totp.code_for_step(step),
            next: totp.code_for_step(step.saturating_add(1)),
            totp,
            step,
            short_secret_bits,
        }
    }

    pub fn step_end(&self) -> Timestamp {
        self.totp.end_of_step(self.step)
    }

    /// Milliseconds the shown code has left; zero once its step is over.
    pub fn millis_left(&self, now: Timestamp) -> u64 {
        self.step_end().as_millis().saturating_sub(now.as_millis())
    }

    pub fn seconds_left(&self, now: Timestamp) -> u64 {
        self.millis_left(now).div_ceil(1000)
    }

    /// A new step has begun since this code was computed.
    pub fn is_stale(&self, now: Timestamp) -> bool {
        self.totp.step(now) != self.step
    }
}

/// The code we put on a clipboard, kept only to check it is still ours before clearing.
#[derive(Clone)]
pub struct Clip {
    pub text: Zeroizing<String>,
    pub target: Target,
    pub clear_at: Timestamp,
}

impl std::fmt::Debug for Clip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clip")
            .field("target", &self.target)
            .field("clear_at", &self.clear_at)
            .finish_non_exhaustive()
    }
}

impl App {
    pub fn new(vault: Vault, vault_name: String, settings: Settings, now: Timestamp) -> Self {
        let mut app = Self::loading(vault_name, settings, now);
        super::load::append(&mut app, vault.credentials, true);
        app
    }

    /// An app whose credentials are still to come, in `Msg::Loaded` messages.
    pub fn loading(vault_name: String, settings: Settings, now: Timestamp) -> Self {
        Self {
            vault: Vault::default(),
            vault_name,
            settings,
            now,
            size: (80, 24),
            loading: true,
            groups: Groups::default(),
            field_widths: FieldWidths::default(),
            haystacks: Haystacks::default(),
            rows: Rows::default(),
            filter: Filter::default(),
            filter_editing: false,
            search_due: false,
            selected: 0,
            offset: 0,
            details: None,
            form: None,
            help: false,
            status: None,
            copying: None,
            auditing: None,
            clipboard: None,
            clock: super::clock::ClockState::default(),
            quit: false,
        }
    }

    pub fn is_demo(&self) -> bool {
        self.vault_name == crate::vault::DEMO_NAME
    }

    pub fn selected_credential(&self) -> Option<&Credential> {
        let index = self.rows.credential_at(self.selected)?;
        self.vault.credentials.get(index)
    }

    pub fn details_credential(&self) -> Option<&Credential> {
        self.vault
            .credentials
            .get(self.details.as_ref()?.credential)
    }

    /// A search is under way: the edge sends `Msg::Work` while no input waits.
    pub fn busy(&self) -> bool {
        self.filter.is_searching()
    }

    /// The next moment something on screen changes by itself, or a deadline falls due.
    /// `None`: nothing will change until the user acts, so the event loop sleeps.
    pub fn next_wakeup(&self) -> Option<Timestamp> {
        // Saturating: a clock at the end of time must not overflow (found by fuzzing).
        let countdown = match &self.details {
            Some(Details {
                token: TokenView::Code(_),
                ..
            }) => Some(Timestamp::from_millis(
                (self.now.as_millis() / 1000 + 1).saturating_mul(1000),
            )),
            _ => None,
        };
        let details = self.details.as_ref();
        [
            countdown,
            details.and_then(|d| d.password_until),
            details.and_then(|d| d.qr_until),
            self.status.as_ref().map(|s| s.until),
            self.clipboard.as_ref().map(|c| c.clear_at),
        ]
        .into_iter()
        .flatten()
        .min()
    }
}
