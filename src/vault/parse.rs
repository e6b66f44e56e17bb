//! JSON to `Vault`. Validation happens inside deserialization, so serde_json can say where.

use std::cell::RefCell;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::fields::Date;
use super::intern::{self, SharedDevice, Tags, Text, shared};
use super::model::{Access, Credential, HotpConfig, Password, TotpConfig, Vault};
use super::seen::SeenIds;
use super::serde_words;
use super::stamp::Stamp;

pub const VERSION: u64 = 1;

/// What the reader knows of the credentials so far, so an error deep inside one can name it
/// and a repeated id is caught at the id itself. One reader per thread at a time.
#[derive(Default)]
struct Reading {
    current_id: Option<u64>,
    index: usize,
    /// The one-time-code field (`totp` or `hotp`) the current credential has already.
    code_kind: Option<&'static str>,
    seen: SeenIds,
}

thread_local! {
    static READING: RefCell<Reading> = RefCell::new(Reading::default());
}

/// A problem at a place in the text: 1-based line and column, and what is wrong there.
#[derive(Debug)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Starts a vault afresh, or ends one (freeing what only the reading needed).
pub(super) fn reset() {
    READING.set(Reading::default());
    intern::reset();
}

/// The stream reader is about to read credential #`index` (1-based).
pub(super) fn at_credential(index: usize) {
    READING.with_borrow_mut(|r| {
        r.current_id = None;
        r.index = index;
        r.code_kind = None;
    });
}

/// The text of the credential just started ran out: its id will be read again with the rest.
pub(super) fn forget_current() {
    READING.with_borrow_mut(|r| {
        if let Some(id) = r.current_id.take() {
            r.seen.remove(id);
        }
    });
}

pub(super) fn version_ok(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Version>(bytes).is_ok()
}

pub fn vault_from_slice(bytes: &[u8]) -> Result<Vault, ParseError> {
    reset();
    let vault = whole_vault(bytes);
    reset();
    vault
}

fn whole_vault(bytes: &[u8]) -> Result<Vault, ParseError> {
    if let Some(at) = bytes.iter().position(|b| !b.is_ascii_whitespace())
        && bytes[at] != b'{'
    {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at
            - bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1)
            + 1;
        return Err(ParseError {
            line,
            column,
            message: crate::t!("err-vault-not-object"),
        });
    }
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let raw: RawVault = serde_path_to_error::deserialize(&mut json).map_err(|e| describe(&e))?;
    json.end().map_err(|e| ParseError {
        line: e.line(),
        column: e.column(),
        message: crate::t!("err-vault-text-after-end"),
    })?;
    Ok(Vault {
        credentials: raw.credentials.0,
    })
}

/// `credential 101, totp.digits: invalid type: a string, expected a whole number`.
fn describe(error: &serde_path_to_error::Error<serde_json::Error>) -> ParseError {
    let inner = error.inner();
    let text = inner.to_string();
    // serde_json appends the position, which the caller prints in front instead.
    let message = text
        .rfind(" at line ")
        .map_or(text.as_str(), |cut| &text[..cut]);
    let message = redact_values(message);
    // An unknown field's message names it already; its path would say it twice.
    let names_field = message.starts_with("unknown field");
    let words = serde_words::translate(&message);
    let message = match inner.classify() {
        serde_json::error::Category::Syntax => crate::t!("err-vault-json-invalid", what = words),
        serde_json::error::Category::Eof => crate::t!("err-vault-json-eof", what = words),
        _ => words,
    };
    let path = error.path().to_string();
    let place = match path.strip_prefix("credentials[") {
        Some(rest) => {
            let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
            let who = match (
                READING.with_borrow(|r| r.current_id),
                index.parse::<usize>(),
            ) {
                (Some(id), _) => crate::t!("err-vault-credential", id = id.to_string()),
                (None, Ok(index)) => {
                    crate::t!(
                        "err-vault-credential-number",
                        number = (index + 1).to_string()
                    )
                }
                (None, Err(_)) => crate::t!("err-vault-some-credential"),
            };
            // serde_path_to_error writes `?` where it lost track: no field then.
            let field = field
                .strip_prefix('.')
                .filter(|f| !names_field && *f != "?");
            match field {
                Some(field) => format!("{who}, {field}"),
                None => who,
            }
        }
        // A top-level unknown field is named by its message; `?` is a path serde lost.
        None if names_field || matches!(path.as_str(), "." | "" | "credentials" | "?") => {
            String::new()
        }
        None => path,
    };
    ParseError {
        line: inner.line(),
        column: inner.column(),
        message: if place.is_empty() {
            message
        } else {
            format!("{place}: {message}")
        },
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVault {
    #[serde(rename = "version")]
    _version: Version,
    credentials: Credentials,
}

struct Version;

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match u64::deserialize(deserializer) {
            Err(e) if e.to_string().starts_with("missing field") => Err(e),
            Ok(VERSION) => Ok(Version),
            Ok(other) => Err(de::Error::custom(crate::t!(
                "err-vault-version-unsupported",
                version = other.to_string(),
                supported = VERSION.to_string()
            ))),
            Err(_) => Err(de::Error::custom(crate::t!(
                "err-vault-version-not-number",
                supported = VERSION.to_string()
            ))),
        }
    }
}

struct Credentials(Vec<Credential>);

impl<'de> Deserialize<'de> for Credentials {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(CredentialsVisitor)
    }
}

struct CredentialsVisitor;

impl<'de> Visitor<'de> for CredentialsVisitor {
    type Value = Credentials;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&crate::t!("err-vault-expect-credentials"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Credentials, A::Error> {
        let mut credentials = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let index = credentials.len() + 1;
            at_credential(index);
            let Some(credential) = seq.next_element::<Credential>()? else {
                break;
            };
            credentials.push(credential);
        }
        Ok(Credentials(credentials))
    }
}

/// serde quotes the offending value in type errors; a misplaced secret must not be echoed.
fn redact_values(message: &str) -> String {
    let Some(start) = message.find("invalid type: ") else {
        return message.to_owned();
    };
    let head = &message[..start + "invalid type: ".len()];
    let rest = &message[head.len()..];
    let expected = rest.find(", expected").map_or("", |at| &rest[at..]);
    let kind = if rest.starts_with("string") {
        "a string"
    } else if rest.starts_with("integer") || rest.starts_with("floating point") {
        "a number"
    } else {
        rest.split([' ', ',']).next().unwrap_or(rest)
    };
    let expected = expected
        .replace("u64", "a whole number")
        .replace("a sequence", "a list")
        .replace("a boolean", "true or false");
    format!("{head}{kind}{expected}")
}

impl<'de> Deserialize<'de> for Credential {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawCredential::deserialize(deserializer)?;
        Ok(Credential {
            id: raw.id.0,
            username: raw.username,
            kind: shared(raw.kind),
            domain: shared(raw.domain),
            additional: shared(raw.additional),
            tags: raw.tags.0,
            device: raw.device.0,
            password: raw.password,
            totp: raw.totp.map(Box::new),
            hotp: raw.hotp.map(Box::new),
            access: raw.access,
            last_view: raw.last_view.map(|d| Stamp::from(d.0)),
            expiration: raw.expiration.map(|d| Stamp::from(d.0)),
            created: raw.created.map(|d| Stamp::from(d.0)),
            notes: shared(raw.notes),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCredential {
    id: Id,
    #[serde(deserialize_with = "username")]
    username: Box<str>,
    #[serde(rename = "type", default)]
    kind: Option<Text>,
    #[serde(default)]
    domain: Option<Text>,
    #[serde(default)]
    additional: Option<Text>,
    #[serde(default)]
    tags: Tags,
    #[serde(default)]
    device: SharedDevice,
    #[serde(default)]
    password: Option<Password>,
    #[serde(default, deserialize_with = "one_code_kind")]
    totp: Option<TotpConfig>,
    #[serde(default, deserialize_with = "one_code_kind")]
    hotp: Option<HotpConfig>,
    #[serde(default)]
    access: Access,
    #[serde(default)]
    last_view: Option<Date>,
    #[serde(default)]
    expiration: Option<Date>,
    #[serde(default)]
    created: Option<Date>,
    #[serde(default)]
    notes: Option<Text>,
}

struct Id(u64);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match u64::deserialize(deserializer) {
            Err(e) if e.to_string().starts_with("missing field") => Err(e),
            Ok(0) | Err(_) => Err(de::Error::custom(crate::t!("err-vault-id-not-positive"))),
            Ok(id) => READING.with_borrow_mut(|r| {
                if let Some(first) = r.seen.insert(id, r.index) {
                    return Err(de::Error::custom(crate::t!(
                        "err-vault-id-duplicate",
                        id = id.to_string(),
                        first = first.to_string()
                    )));
                }
                r.current_id = Some(id);
                Ok(Id(id))
            }),
        }
    }
}

fn username<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<str>, D::Error> {
    let name = String::deserialize(deserializer)?;
    if name.trim().is_empty() {
        return Err(de::Error::custom(crate::t!("err-vault-username-empty")));
    }
    Ok(name.into_boxed_str())
}

/// `totp` or `hotp`, not both: the second one read is refused where it is.
fn one_code_kind<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + CodeKind,
{
    let value = Option::<T>::deserialize(deserializer)?;
    if value.is_some() {
        let earlier = READING.with_borrow_mut(|r| r.code_kind.replace(T::NAME));
        if let Some(earlier) = earlier.filter(|&e| e != T::NAME) {
            return Err(de::Error::custom(crate::t!(
                "err-vault-totp-and-hotp",
                earlier = earlier
            )));
        }
    }
    Ok(value)
}

trait CodeKind {
    const NAME: &'static str;
}

impl CodeKind for TotpConfig {
    const NAME: &'static str = "totp";
}

impl CodeKind for HotpConfig {
    const NAME: &'static str = "hotp";
}
