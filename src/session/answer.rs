//! Which prompt ssh shows and what to answer it: pure, with the time as a value. Each secret
//! is given at most once per session; a second prompt for it means the first was refused, and
//! goes to the user, as does anything unknown (a host key, a key file's passphrase).

use zeroize::Zeroizing;

use crate::otp::{Timestamp, Totp};
use crate::vault::Password;

/// A code with less than this left of its step waits for the next one: the server would see
/// it expire on the way.
pub const LATE_CODE_MILLIS: u64 = 3_000;

/// The words that mark a prompt, matched case-insensitively as whole words. A parameter so a
/// settings file can add a site's own wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patterns {
    pub password: Vec<String>,
    pub code: Vec<String>,
}

impl Default for Patterns {
    fn default() -> Self {
        Self {
            // Servers speak the user's language too: Portuguese words beside the English ones.
            password: vec!["password".into(), "senha".into()],
            code: [
                "verification code",
                "one-time password",
                "otp",
                "token",
                "passcode",
                "código",
                "senha de uso único",
                "senha única",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Password,
    Code,
    Other,
}

impl Patterns {
    /// The usual words plus `extra` code words (the settings file's `session_code_prompts`).
    pub fn with_code_words(extra: &[String]) -> Self {
        let mut patterns = Self::default();
        patterns
            .code
            .extend(extra.iter().map(|word| word.trim().to_lowercase()));
        patterns
    }

    /// What `prompt` asks for. `login` (`user@host`, which ssh puts in its prompts) is left
    /// out first, so a host named "token-gw" does not make a password prompt a code prompt.
    /// Code words come first: "One-time password" is a code.
    pub fn classify(&self, prompt: &str, login: &str) -> PromptKind {
        let mut text = prompt.to_lowercase();
        if !login.is_empty() {
            text = text.replace(&login.to_lowercase(), " ");
        }
        if self.code.iter().any(|word| contains_word(&text, word)) {
            PromptKind::Code
        } else if self.password.iter().any(|word| contains_word(&text, word)) {
            PromptKind::Password
        } else {
            PromptKind::Other
        }
    }
}

/// `word` in `text` with no letter or digit right before or after it.
fn contains_word(text: &str, word: &str) -> bool {
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return false;
    }
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What to do with one prompt.
#[derive(PartialEq, Eq)]
pub enum Decision {
    /// Print this to ssh.
    Answer(Zeroizing<String>),
    /// The code is about to expire: ask again at this moment, when the next step has begun.
    WaitUntil(Timestamp),
    /// Pass the prompt to the user, saying why.
    AskUser(String),
}

impl std::fmt::Debug for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Answer(_) => f.write_str("Answer(redacted)"),
            Self::WaitUntil(at) => write!(f, "WaitUntil({at:?})"),
            Self::AskUser(why) => write!(f, "AskUser({why:?})"),
        }
    }
}

/// The secrets of one session and which of them have been given.
pub struct Answerer {
    patterns: Patterns,
    login: String,
    password: Option<Password>,
    totp: Option<Totp>,
    password_given: bool,
    code_given: bool,
}

impl Answerer {
    pub fn new(
        patterns: Patterns,
        login: String,
        password: Option<Password>,
        totp: Option<Totp>,
    ) -> Self {
        Self {
            patterns,
            login,
            password,
            totp,
            password_given: false,
            code_given: false,
        }
    }

    pub fn decide(&mut self, prompt: &str, now: Timestamp) -> Decision {
        match self.patterns.classify(prompt, &self.login) {
            PromptKind::Other => Decision::AskUser(crate::t!("err-session-ask-other-prompt")),
            PromptKind::Password => match &self.password {
                None => Decision::AskUser(crate::t!("err-session-ask-no-password")),
                Some(_) if self.password_given => {
                    Decision::AskUser(crate::t!("err-session-ask-password-refused"))
                }
                Some(password) => {
                    self.password_given = true;
                    Decision::Answer(Zeroizing::new(password.expose().to_owned()))
                }
            },
            PromptKind::Code => match &self.totp {
                None => Decision::AskUser(crate::t!("err-session-ask-no-totp")),
                Some(_) if self.code_given => {
                    Decision::AskUser(crate::t!("err-session-ask-code-refused"))
                }
                Some(totp) if totp.millis_left(now) < LATE_CODE_MILLIS => {
                    Decision::WaitUntil(totp.step_end(now))
                }
                Some(totp) => {
                    self.code_given = true;
                    Decision::Answer(Zeroizing::new(totp.code(now).to_string()))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests;
