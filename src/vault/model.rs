//! The vault's credentials as the rest of the program sees them: validated, secrets wrapped.

use std::fmt;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::stamp::Stamp;
use crate::otp::{Algorithm, Hotp, Params, Secret, Totp};

#[derive(Debug, Default)]
pub struct Vault {
    pub credentials: Vec<Credential>,
}

/// Text that many credentials repeat (types, domains, tags, devices): the reader keeps one
/// copy of each distinct value, so a large vault costs about what its distinct text does.
pub type Shared = arcstr::ArcStr;

#[derive(Debug, Clone)]
pub struct Credential {
    pub id: u64,
    pub username: Box<str>,
    pub kind: Option<Shared>,
    pub domain: Option<Shared>,
    pub additional: Option<Shared>,
    pub tags: Arc<[Shared]>,
    pub device: Arc<Device>,
    pub password: Option<Password>,
    /// Boxed: two credentials in three have none, and the list should not pay for it.
    pub totp: Option<Box<TotpConfig>>,
    /// An HOTP (RFC 4226) key instead of a TOTP one; never both.
    pub hotp: Option<Box<HotpConfig>>,
    pub access: Access,
    pub last_view: Option<Stamp>,
    pub expiration: Option<Stamp>,
    pub created: Option<Stamp>,
    pub notes: Option<Shared>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Device {
    pub hostname: Option<Shared>,
    pub ip: Option<Shared>,
    pub kind: Option<Shared>,
    pub vendor: Option<Shared>,
    pub site: Option<Shared>,
    /// The SSH port a session uses (1-65535); ssh's own default when absent.
    pub port: Option<u16>,
}

/// What the PAM's access policy lets this operator do with the credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    pub view_password: bool,
    pub start_session: bool,
    pub require_reason: bool,
}

impl Default for Access {
    fn default() -> Self {
        Self {
            view_password: true,
            start_session: true,
            require_reason: false,
        }
    }
}

impl Access {
    /// The PAM rule: the token is for those who may see the password or start a session.
    pub fn can_see_token(&self) -> bool {
        self.view_password || self.start_session
    }

    pub fn can_see_password(&self) -> bool {
        self.view_password
    }
}

#[derive(Clone, PartialEq, Eq)]
/// Boxed, not a `String`: a credential's size is paid once per credential of the vault.
pub struct Password(Zeroizing<Box<str>>);

impl Password {
    pub fn new(text: String) -> Self {
        let mut text = Zeroizing::new(text);
        // A string with room to spare would be copied by `into_boxed_str` and its old buffer
        // freed unwiped: copy it here instead, and `text` wipes the original.
        let boxed = if text.capacity() == text.len() {
            std::mem::take(&mut *text).into_boxed_str()
        } else {
            Box::from(text.as_str())
        };
        Self(Zeroizing::new(boxed))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(redacted)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpConfig {
    pub secret: Secret,
    pub params: Params,
    /// Only a Key URI names an issuer; the object form leaves it to the device's hostname.
    pub issuer: Option<String>,
    /// Seconds added to the clock for this credential's codes (`time_offset`).
    pub time_offset: i64,
}

impl TotpConfig {
    pub fn generator(&self) -> Totp {
        Totp::new(&self.secret, self.params).with_time_offset(self.time_offset)
    }

    pub fn is_short(&self) -> bool {
        self.secret.is_short()
    }
}

/// An HOTP key and the counter of the next code it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HotpConfig {
    pub secret: Secret,
    pub algorithm: Algorithm,
    pub digits: u8,
    /// The counter the next revealed code is computed from; advanced before it is shown.
    pub counter: u64,
    /// Only a Key URI names an issuer; the object form leaves it to the device's hostname.
    pub issuer: Option<String>,
}

/// The counter is 2^64-1: no code after it can be stored, so none is revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::t!("err-hotp-counter-at-end"))]
pub struct CounterAtEnd;

impl HotpConfig {
    /// Moves the stored counter past the next code and returns the counter of that code.
    pub fn take_next(&mut self) -> Result<u64, CounterAtEnd> {
        let used = self.counter;
        self.counter = used.checked_add(1).ok_or(CounterAtEnd)?;
        Ok(used)
    }

    /// `verify`: looks `window` counters ahead for `typed`; a match moves the stored counter
    /// past it (resynchronisation) and returns the matching counter. A miss changes nothing.
    pub fn resync(&mut self, typed: &str, window: u64) -> Result<Option<u64>, CounterAtEnd> {
        let Some(matched) = self.generator().look_ahead(typed, self.counter, window) else {
            return Ok(None);
        };
        self.counter = matched.checked_add(1).ok_or(CounterAtEnd)?;
        Ok(Some(matched))
    }

    pub fn generator(&self) -> Hotp {
        Hotp::new(&self.secret, self.algorithm, self.digits)
    }

    pub fn is_short(&self) -> bool {
        self.secret.is_short()
    }
}

impl Credential {
    /// A TOTP (Steam included) or an HOTP key.
    pub fn has_code(&self) -> bool {
        self.totp.is_some() || self.hotp.is_some()
    }

    /// The PAM API's own name for a credential: `username@hostname` (or just the username).
    pub fn qualified_name(&self) -> String {
        match &self.device.hostname {
            Some(host) => format!("{}@{host}", self.username),
            None => self.username.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("{}", crate::t!("err-lookup-no-id", id = .0.to_string()))]
    NoId(u64),
    #[error("{}", crate::t!("err-lookup-no-name", name = .0))]
    NoName(String),
    #[error("{}", crate::t!("err-lookup-ambiguous", name = .name, ids = .ids))]
    Ambiguous { name: String, ids: String },
}

impl Vault {
    /// Finds a credential by its numeric id or as `username@hostname`.
    pub fn find(&self, spec: &str) -> Result<&Credential, LookupError> {
        let spec = spec.trim();
        if let Ok(id) = spec.parse::<u64>() {
            return self
                .credentials
                .iter()
                .find(|c| c.id == id)
                .ok_or(LookupError::NoId(id));
        }
        let matches: Vec<&Credential> = self
            .credentials
            .iter()
            .filter(|c| c.qualified_name() == spec)
            .collect();
        match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(LookupError::NoName(spec.chars().take(200).collect())),
            several => Err(LookupError::Ambiguous {
                name: spec.to_owned(),
                ids: several
                    .iter()
                    .map(|c| c.id.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }
}
