//! Execution templates: text with PAM tags (`[#TOTP_TOKEN#]`, `[username]`, ...) filled in
//! from one credential.
//!
//! Pure: time comes in as a value, and when the code is about to expire the renderer says
//! when to try again instead of sleeping.

use std::fmt;

use zeroize::Zeroizing;

use crate::otp::{Code, Timestamp, Totp};
use crate::vault::Credential;

/// What a tag stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Token,
    Username,
    Hostname,
    Ip,
    Domain,
    AddInfo,
    Password,
}

/// Execution-template tags, written `[#NAME#]`; an unknown one is an error.
const HASH_TAGS: &[(&str, Field)] = &[
    ("TOTP_TOKEN", Field::Token),
    ("USERNAME", Field::Username),
    ("HOSTNAME", Field::Hostname),
    ("IP", Field::Ip),
    ("DOMAIN", Field::Domain),
    ("ADD_INFO", Field::AddInfo),
    ("CURRENT_PASSWORD", Field::Password),
];

/// Web-session tags. Other bracketed text is left alone: brackets are common in scripts.
const WEB_TAGS: &[(&str, Field)] = &[
    ("[token_totp]", Field::Token),
    ("[username]", Field::Username),
    ("[password]", Field::Password),
    ("[device_ip]", Field::Ip),
    ("[device_name]", Field::Hostname),
];

/// An unknown tag's name is shown up to this many characters.
const NAME_SHOWN: usize = 40;

/// A template that cannot be used; positions are 1-based line and column (characters).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("{line}:{column}: {}", crate::t!("err-template-unknown-tag", name = .name))]
    UnknownTag {
        name: String,
        line: usize,
        column: usize,
    },
    #[error("{line}:{column}: {}", crate::t!("err-template-unclosed"))]
    Unclosed { line: usize, column: usize },
}

/// A template whose values cannot be filled in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error("{}", crate::t!("err-template-missing", what = missing_words(.0)))]
    Missing(&'static str),
    #[error("{}", crate::t!(
        "err-template-validity",
        min = .min.to_string(),
        period = .period.to_string()
    ))]
    ValidityTooLong { min: u64, period: u64 },
}

/// What `RenderError::Missing` names, in the user's words.
fn missing_words(what: &str) -> String {
    match what {
        "password" => crate::t!("err-template-missing-password"),
        _ => crate::t!("err-template-missing-token"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Field(Field),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

/// The values a template is filled with. The caller decides, after its permission checks,
/// whether `password` and `totp` are given.
pub struct Values<'a> {
    pub username: &'a str,
    pub hostname: &'a str,
    pub ip: &'a str,
    pub domain: &'a str,
    pub additional: &'a str,
    pub password: Option<&'a str>,
    pub totp: Option<Totp>,
    /// A code decided already (an HOTP code whose counter was advanced): used as it is.
    pub code: Option<Code>,
}

impl<'a> Values<'a> {
    /// The credential's plain fields (absent ones empty), without password or token.
    pub fn plain(credential: &'a Credential) -> Self {
        let text = |field: &'a Option<crate::vault::Shared>| field.as_deref().unwrap_or("");
        Self {
            username: &credential.username,
            hostname: text(&credential.device.hostname),
            ip: text(&credential.device.ip),
            domain: text(&credential.domain),
            additional: text(&credential.additional),
            password: None,
            totp: None,
            code: None,
        }
    }
}

/// The outcome of a render: the text, or the moment the next code starts when the current
/// one has less left than was asked for.
pub enum Rendered {
    Text(Zeroizing<String>),
    WaitUntil(Timestamp),
}

/// The text holds secrets: keep it out of debug output.
impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "Text({} bytes, redacted)", text.len()),
            Self::WaitUntil(at) => write!(f, "WaitUntil({at:?})"),
        }
    }
}

impl Template {
    pub fn parse(text: &str) -> Result<Self, TemplateError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let (mut line, mut column) = (1, 1);
        let mut rest = text;
        while let Some(ch) = rest.chars().next() {
            let (field, consumed) = if let Some(after) = rest.strip_prefix("[#") {
                let name = after
                    .find("#]")
                    .map(|end| &after[..end])
                    .filter(|name| !name.contains('\n'))
                    .ok_or(TemplateError::Unclosed { line, column })?;
                let field = HASH_TAGS
                    .iter()
                    .find(|(known, _)| *known == name)
                    .map(|&(_, field)| field)
                    .ok_or_else(|| TemplateError::UnknownTag {
                        name: shown(name),
                        line,
                        column,
                    })?;
                (Some(field), &rest[..name.len() + 4])
            } else if let Some(&(tag, field)) =
                WEB_TAGS.iter().find(|(tag, _)| rest.starts_with(tag))
            {
                (Some(field), &rest[..tag.len()])
            } else {
                (None, &rest[..ch.len_utf8()])
            };
            match field {
                Some(field) => {
                    if !literal.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut literal)));
                    }
                    parts.push(Part::Field(field));
                }
                None => literal.push(ch),
            }
            for ch in consumed.chars() {
                (line, column) = if ch == '\n' {
                    (line + 1, 1)
                } else {
                    (line, column + 1)
                };
            }
            rest = &rest[consumed.len()..];
        }
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(Self { parts })
    }

    fn uses(&self, wanted: Field) -> bool {
        self.parts.contains(&Part::Field(wanted))
    }

    pub fn needs_token(&self) -> bool {
        self.uses(Field::Token)
    }

    pub fn needs_password(&self) -> bool {
        self.uses(Field::Password)
    }

    /// Fills every tag. With `min_validity_secs`, a token with fewer seconds left than that
    /// is not used: the answer is then when to render again.
    pub fn render(
        &self,
        values: &Values,
        at: Timestamp,
        min_validity_secs: Option<u64>,
    ) -> Result<Rendered, RenderError> {
        let code = match (&values.totp, self.needs_token()) {
            (_, true) if values.code.is_some() => {
                values.code.map(|code| Zeroizing::new(code.to_string()))
            }
            (Some(totp), true) => {
                if let Some(min) = min_validity_secs {
                    if min >= totp.period_secs() {
                        return Err(RenderError::ValidityTooLong {
                            min,
                            period: totp.period_secs(),
                        });
                    }
                    if totp.millis_left(at) < min.saturating_mul(1000) {
                        return Ok(Rendered::WaitUntil(totp.step_end(at)));
                    }
                }
                Some(Zeroizing::new(totp.code(at).to_string()))
            }
            (None, true) => return Err(RenderError::Missing("TOTP token")),
            (_, false) => None,
        };
        let mut out = Zeroizing::new(String::new());
        for part in &self.parts {
            let text = match part {
                Part::Text(text) => text.as_str(),
                Part::Field(Field::Token) => code.as_deref().map_or("", String::as_str),
                Part::Field(Field::Username) => values.username,
                Part::Field(Field::Hostname) => values.hostname,
                Part::Field(Field::Ip) => values.ip,
                Part::Field(Field::Domain) => values.domain,
                Part::Field(Field::AddInfo) => values.additional,
                Part::Field(Field::Password) => {
                    values.password.ok_or(RenderError::Missing("password"))?
                }
            };
            out.push_str(text);
        }
        Ok(Rendered::Text(out))
    }
}

/// An unknown tag's name as the error shows it: short, with control characters escaped.
fn shown(name: &str) -> String {
    let mut shown: String = name
        .chars()
        .take(NAME_SHOWN)
        .collect::<String>()
        .escape_debug()
        .collect();
    if name.chars().count() > NAME_SHOWN {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::otp::{Params, Secret};

    fn values() -> Values<'static> {
        Values {
            username: "root",
            hostname: "srv-01",
            ip: "10.0.0.1",
            domain: "corp",
            additional: "db",
            password: Some("pw!"),
            totp: Some(Totp::new(
                &Secret::from_bytes(b"12345678901234567890".to_vec()),
                Params::new(crate::otp::Algorithm::Sha1, 8, 30).unwrap(),
            )),
            code: None,
        }
    }

    fn text(rendered: Rendered) -> String {
        match rendered {
            Rendered::Text(text) => text.to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fills_every_tag() {
        let template = Template::parse(
            "[#USERNAME#] [#HOSTNAME#] [#IP#] [#DOMAIN#] [#ADD_INFO#] [#CURRENT_PASSWORD#] \
             [#TOTP_TOKEN#]\n[username] [password] [device_ip] [device_name] [token_totp] [x]",
        )
        .unwrap();
        assert!(template.needs_token() && template.needs_password());
        // RFC 6238 Appendix B, SHA1, T = 59.
        let out = text(
            template
                .render(&values(), Timestamp::from_secs(59), None)
                .unwrap(),
        );
        assert_eq!(
            out,
            "root srv-01 10.0.0.1 corp db pw! 94287082\nroot pw! 10.0.0.1 srv-01 94287082 [x]"
        );
    }

    #[test]
    fn unknown_and_unclosed_tags_say_where() {
        assert_eq!(
            Template::parse("a\nbé [#NOPE#]"),
            Err(TemplateError::UnknownTag {
                name: "NOPE".into(),
                line: 2,
                column: 4
            })
        );
        assert_eq!(
            Template::parse("[#USERNAME#]\n  [#IP"),
            Err(TemplateError::Unclosed { line: 2, column: 3 })
        );
        assert_eq!(
            Template::parse("[#IP\n#]"),
            Err(TemplateError::Unclosed { line: 1, column: 1 })
        );
        let error = Template::parse(&format!("[#{}#]", "x".repeat(100))).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(&format!("[#{}…#]", "x".repeat(40)))
        );
    }

    #[test]
    fn waits_for_the_next_step_when_too_little_is_left() {
        let template = Template::parse("[#TOTP_TOKEN#]").unwrap();
        let at = Timestamp::from_secs(55); // 5 s left of step 1
        assert!(matches!(
            template.render(&values(), at, Some(6)).unwrap(),
            Rendered::WaitUntil(t) if t == Timestamp::from_secs(60)
        ));
        assert_eq!(
            text(template.render(&values(), at, Some(5)).unwrap()).len(),
            8
        );
        assert_eq!(
            template.render(&values(), at, Some(30)).unwrap_err(),
            RenderError::ValidityTooLong {
                min: 30,
                period: 30
            }
        );
        // No token in the template: nothing to wait for.
        let plain = Template::parse("[#USERNAME#]").unwrap();
        assert_eq!(text(plain.render(&values(), at, Some(29)).unwrap()), "root");
    }

    #[test]
    fn missing_secrets_are_errors_not_blanks() {
        let mut values = values();
        values.password = None;
        values.totp = None;
        let token = Template::parse("[token_totp]").unwrap();
        assert_eq!(
            token
                .render(&values, Timestamp::from_secs(0), None)
                .unwrap_err(),
            RenderError::Missing("TOTP token")
        );
        let password = Template::parse("[#CURRENT_PASSWORD#]").unwrap();
        assert_eq!(
            password
                .render(&values, Timestamp::from_secs(0), None)
                .unwrap_err(),
            RenderError::Missing("password")
        );
    }
}
