//! The enrolment forms: "Set TOTP secret" (Details, `t`), "Add credential" (list, `a`) and the
//! confirmation to remove a secret (Details, `x`). Pure state: checked live as the user types,
//! saved through `Effect::Save`, the result back as `Msg::Saved`.
//!
//! Username, hostname and period use `tui-input`'s line editor. The secret does not: that
//! crate keeps its text in a plain `String`, reallocated as it grows and never wiped, and a
//! secret must leave no copy behind. Its field is a wiping buffer with room reserved up front,
//! edited at its end only (type, paste, Backspace, Ctrl-U), which is all a masked field needs.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;
use zeroize::Zeroizing;

use crate::intake;
use crate::otp::{Algorithm, Params};
use crate::t;
use crate::vault::TotpConfig;

/// The longest secret or Key URI the field takes; room for it is reserved, so it never moves.
pub const SECRET_ROOM: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    SetTotp { id: u64, name: String },
    Add,
    RemoveTotp { id: u64, name: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Username,
    Hostname,
    Secret,
    Algorithm,
    Digits,
    Period,
}

/// What the edge is asked to write (`Effect::Save`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    SetTotp {
        id: u64,
        totp: TotpConfig,
    },
    RemoveTotp {
        id: u64,
    },
    Add {
        username: String,
        hostname: Option<String>,
        totp: Option<TotpConfig>,
    },
}

/// The masked secret field's text, wiped on drop.
pub struct SecretText(Zeroizing<String>);

impl Default for SecretText {
    fn default() -> Self {
        Self(Zeroizing::new(String::with_capacity(SECRET_ROOM)))
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretText({} chars, redacted)", self.chars())
    }
}

impl SecretText {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn chars(&self) -> usize {
        self.0.chars().count()
    }

    fn push(&mut self, c: char) {
        if self.0.len() + c.len_utf8() <= SECRET_ROOM && !c.is_control() {
            self.0.push(c);
        }
    }

    fn set(&mut self, text: &str) {
        self.0.clear();
        text.chars().for_each(|c| self.push(c));
    }
}

#[derive(Debug)]
pub struct Form {
    pub kind: FormKind,
    pub focus: Field,
    pub username: Input,
    pub hostname: Input,
    pub secret: SecretText,
    pub algorithm: Algorithm,
    pub digits: u8,
    pub period: Input,
    /// Sent to the edge; waiting for `Msg::Saved`.
    pub saving: bool,
    /// Why the last Enter did not save.
    pub error: Option<String>,
    /// The credential has a secret already: the first Enter asks, the second replaces it.
    pub replacing: Option<bool>,
}

/// The live verdict on what is typed: what would be saved, or why not.
#[derive(Debug)]
pub struct Check {
    pub problem: Option<String>,
    pub warning: Option<String>,
    pub change: Option<Change>,
}

impl Form {
    pub fn new(kind: FormKind) -> Self {
        let defaults = Params::default();
        Self {
            focus: if kind == FormKind::Add {
                Field::Username
            } else {
                Field::Secret
            },
            kind,
            username: Input::default(),
            hostname: Input::default(),
            secret: SecretText::default(),
            algorithm: defaults.algorithm,
            digits: defaults.digits,
            period: Input::new(defaults.period.to_string()),
            saving: false,
            error: None,
            replacing: None,
        }
    }

    /// A "Set TOTP secret" form for a credential that has one: saving asks first.
    pub fn replacing(mut self) -> Self {
        self.replacing = Some(false);
        self
    }

    pub fn fields(&self) -> &'static [Field] {
        match self.kind {
            FormKind::SetTotp { .. } => &[
                Field::Secret,
                Field::Algorithm,
                Field::Digits,
                Field::Period,
            ],
            FormKind::Add => &[
                Field::Username,
                Field::Hostname,
                Field::Secret,
                Field::Algorithm,
                Field::Digits,
                Field::Period,
            ],
            FormKind::RemoveTotp { .. } => &[],
        }
    }

    /// The secret field holds a Key URI: its settings are the URI's.
    pub fn from_uri(&self) -> bool {
        intake::is_key_uri(self.secret.as_str())
    }

    pub fn check(&self) -> Check {
        let fail = |problem: String| Check {
            problem: Some(problem),
            warning: None,
            change: None,
        };
        let secret = self.secret.as_str().trim();
        let totp = if secret.is_empty() {
            None
        } else if self.from_uri() {
            match intake::from_uri(secret) {
                Ok(totp) => Some(totp),
                Err(e) => return fail(e),
            }
        } else {
            let period = self.period.value().trim().parse::<u64>().ok();
            let Some(period) = period else {
                return fail(t!("tui-form-problem-period"));
            };
            let params = intake::params(
                Some(&self.algorithm.to_string()),
                Some(u64::from(self.digits)),
                Some(period),
            );
            match params.and_then(|params| intake::from_secret(secret, params)) {
                Ok(totp) => Some(totp),
                Err(e) => return fail(e),
            }
        };
        let warning = totp
            .as_ref()
            .filter(|totp| totp.is_short())
            .map(|totp| t!("tui-form-short-secret", bits = totp.secret.bits()));
        let change = match &self.kind {
            FormKind::SetTotp { id, .. } => match totp {
                Some(totp) => Change::SetTotp { id: *id, totp },
                None => return fail(t!("tui-form-problem-secret-empty")),
            },
            FormKind::RemoveTotp { id, .. } => Change::RemoveTotp { id: *id },
            FormKind::Add => {
                let username = self.username.value().trim();
                if username.is_empty() {
                    return fail(t!("tui-form-problem-username-empty"));
                }
                let hostname = self.hostname.value().trim();
                Change::Add {
                    username: username.to_owned(),
                    hostname: (!hostname.is_empty()).then(|| hostname.to_owned()),
                    totp,
                }
            }
        };
        Check {
            problem: None,
            warning,
            change: Some(change),
        }
    }

    fn move_focus(&mut self, by: isize) {
        let fields = self.fields();
        if let Some(at) = fields.iter().position(|f| *f == self.focus) {
            let next = (at as isize + by).rem_euclid(fields.len() as isize);
            self.focus = fields[next as usize];
        }
    }

    /// A key for the form; `Some(change)` when Enter asks to save it.
    pub fn key(&mut self, key: KeyEvent) -> Option<Change> {
        self.error = None;
        if key.code != KeyCode::Enter && self.replacing == Some(true) {
            // Anything typed after the question asks it again.
            self.replacing = Some(false);
        }
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => return self.submit(),
            KeyCode::Char('y') if matches!(self.kind, FormKind::RemoveTotp { .. }) => {
                return self.submit();
            }
            KeyCode::Tab | KeyCode::Down => self.move_focus(1),
            KeyCode::BackTab | KeyCode::Up => self.move_focus(-1),
            _ => match self.focus {
                Field::Secret => match key.code {
                    KeyCode::Backspace => {
                        self.secret.0.pop();
                    }
                    KeyCode::Char('u') if control => self.secret.0.clear(),
                    KeyCode::Char(c) if !control && !key.modifiers.contains(KeyModifiers::ALT) => {
                        self.secret.push(c);
                    }
                    _ => {}
                },
                Field::Algorithm => {
                    let step = cycle_step(&key);
                    let all = [Algorithm::Sha1, Algorithm::Sha256, Algorithm::Sha512];
                    let at = all.iter().position(|a| *a == self.algorithm).unwrap_or(0);
                    self.algorithm = all[(at as isize + step).rem_euclid(3) as usize];
                }
                Field::Digits => {
                    let step = cycle_step(&key);
                    self.digits =
                        6 + (i16::from(self.digits) - 6 + step as i16).rem_euclid(3) as u8;
                }
                Field::Username | Field::Hostname | Field::Period => {
                    if let Some(request) = to_input_request(&Event::Key(key)) {
                        self.text_field().handle(request);
                    }
                }
            },
        }
        None
    }

    fn text_field(&mut self) -> &mut Input {
        match self.focus {
            Field::Username => &mut self.username,
            Field::Hostname => &mut self.hostname,
            _ => &mut self.period,
        }
    }

    fn submit(&mut self) -> Option<Change> {
        if self.saving {
            return None;
        }
        let check = self.check();
        if let Some(problem) = check.problem {
            self.error = Some(problem);
            return None;
        }
        if self.replacing == Some(false) {
            self.replacing = Some(true);
            self.error = Some(t!("tui-form-replace-question"));
            return None;
        }
        self.saving = check.change.is_some();
        check.change
    }

    /// Pasted text: a Key URI fills every setting (and, when adding, an empty username and
    /// hostname from its account and issuer); anything else goes into the focused field.
    pub fn paste(&mut self, text: &str) {
        self.error = None;
        if self.replacing == Some(true) {
            self.replacing = Some(false);
        }
        let text = text.trim();
        if intake::is_key_uri(text) {
            self.secret.set(text);
            if let Ok(uri) = crate::otp::KeyUri::parse(text) {
                self.algorithm = uri.params.algorithm;
                self.digits = uri.params.digits;
                self.period = Input::new(uri.params.period.to_string());
                if self.kind == FormKind::Add {
                    if self.username.value().trim().is_empty() {
                        self.username = Input::new(uri.account.clone());
                    }
                    if let Some(issuer) = uri.issuer.filter(|_| self.hostname.value().is_empty()) {
                        self.hostname = Input::new(issuer);
                    }
                }
            }
            self.focus = Field::Secret;
            return;
        }
        match self.focus {
            Field::Secret => text.chars().for_each(|c| self.secret.push(c)),
            Field::Username | Field::Hostname | Field::Period => {
                let field = self.text_field();
                for c in text.chars().filter(|c| !c.is_control()) {
                    field.handle(tui_input::InputRequest::InsertChar(c));
                }
            }
            Field::Algorithm | Field::Digits => {}
        }
    }
}

fn cycle_step(key: &KeyEvent) -> isize {
    match key.code {
        KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('-') => -1,
        KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') | KeyCode::Char('+') => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(form: &mut Form, text: &str) {
        for c in text.chars() {
            form.key(KeyEvent::from(KeyCode::Char(c)));
        }
    }

    #[test]
    fn the_secret_is_checked_as_it_is_typed() {
        let mut form = Form::new(FormKind::SetTotp {
            id: 7,
            name: "x".into(),
        });
        assert_eq!(form.check().problem.as_deref(), Some("the secret is empty"));
        typed(&mut form, "jbsw1");
        let problem = form.check().problem.unwrap();
        assert!(problem.contains("position 5"), "{problem}");
        form.key(KeyEvent::from(KeyCode::Backspace));
        typed(&mut form, "y3dpehpk3pxp");
        let check = form.check();
        assert!(check.problem.is_none());
        assert!(check.warning.unwrap().contains("80 bits"));
        assert!(matches!(
            form.key(KeyEvent::from(KeyCode::Enter)),
            Some(Change::SetTotp { id: 7, .. })
        ));
        assert!(form.saving);
        assert_eq!(form.key(KeyEvent::from(KeyCode::Enter)), None, "saved once");
    }

    #[test]
    fn a_pasted_uri_fills_every_setting() {
        let mut form = Form::new(FormKind::Add);
        form.paste("otpauth://totp/Z-API:me%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Z-API&algorithm=SHA256&digits=8&period=60");
        assert_eq!(form.algorithm, Algorithm::Sha256);
        assert_eq!(form.digits, 8);
        assert_eq!(form.period.value(), "60");
        assert_eq!(form.username.value(), "me@example.com");
        assert_eq!(form.hostname.value(), "Z-API");
        let Some(Change::Add {
            totp: Some(totp), ..
        }) = form.check().change
        else {
            panic!("a change");
        };
        assert_eq!(totp.params.digits, 8);
        assert!(!format!("{form:?}").contains("JBSWY3DPEHPK3PXP"));
    }

    #[test]
    fn settings_cycle_and_the_period_is_text() {
        let mut form = Form::new(FormKind::SetTotp {
            id: 1,
            name: "x".into(),
        });
        form.key(KeyEvent::from(KeyCode::Tab));
        form.key(KeyEvent::from(KeyCode::Right));
        assert_eq!(form.algorithm, Algorithm::Sha256);
        form.key(KeyEvent::from(KeyCode::Tab));
        form.key(KeyEvent::from(KeyCode::Left));
        assert_eq!(form.digits, 8);
        form.key(KeyEvent::from(KeyCode::Tab));
        form.key(KeyEvent::from(KeyCode::Backspace));
        form.key(KeyEvent::from(KeyCode::Backspace));
        typed(&mut form, "0");
        form.focus = Field::Secret;
        form.paste("JBSWY3DPEHPK3PXP");
        assert!(form.check().problem.unwrap().contains("period"));
    }
}
