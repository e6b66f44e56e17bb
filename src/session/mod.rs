//! Sessions: the system's OpenSSH client run to a credential's device, with the password and
//! the TOTP code answered through ssh's askpass mechanism, never shown, copied, or put on a
//! command line or in an environment.
//!
//! `answer` and the plan here are pure; `askpass`, `channel` and `run` are the edge.

pub mod answer;
pub mod askpass;
mod channel;
mod folder;
mod run;

pub use answer::{Answerer, Decision, Patterns, PromptKind};
pub use run::{Ended, NO_SSH, NotStarted, hold_on_failure, run};

use crate::vault::{Credential, Password, TotpConfig};

/// Who to log in as, where, and what to run: everything but the secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub credential_id: u64,
    pub username: String,
    /// The device's ip, else its hostname; `None`: the user is asked for one.
    pub host: Option<String>,
    pub port: Option<u16>,
    /// `-o` options passed to ssh as they are.
    pub options: Vec<String>,
    /// The remote command; empty for an interactive shell.
    pub command: Vec<String>,
}

impl Plan {
    /// A session with `credential`; `port` (from the command line) wins over `device.port`.
    pub fn new(credential: &Credential, port: Option<u16>) -> Self {
        let device = &credential.device;
        let host = [&device.ip, &device.hostname]
            .into_iter()
            .flatten()
            .map(|h| h.trim())
            .find(|h| !h.is_empty())
            .map(str::to_owned);
        Self {
            credential_id: credential.id,
            username: credential.username.to_string(),
            host,
            port: port.or(device.port),
            options: Vec::new(),
            command: Vec::new(),
        }
    }

    /// ssh's arguments for a session to `host`. `--` ends ssh's options, so neither the
    /// host nor the remote command can be read as one.
    pub fn ssh_args(&self, host: &str) -> Vec<String> {
        let mut args = vec!["-l".to_owned(), self.username.clone()];
        if let Some(port) = self.port {
            args.extend(["-p".to_owned(), port.to_string()]);
        }
        for option in &self.options {
            args.extend(["-o".to_owned(), option.clone()]);
        }
        args.extend(["--".to_owned(), host.to_owned()]);
        args.extend(self.command.iter().cloned());
        args
    }

    /// `user@host`, as ssh writes it in its prompts.
    pub fn login(&self, host: &str) -> String {
        format!("{}@{host}", self.username)
    }
}

/// A host that ssh would read as an option, or that is empty, is refused.
pub fn check_host(host: &str) -> Result<(), String> {
    if host.is_empty() {
        Err(crate::t!("err-session-no-host"))
    } else if host.starts_with('-') || host.chars().any(char::is_whitespace) {
        Err(crate::t!(
            "err-session-bad-host",
            host = crate::format::printable(host)
        ))
    } else {
        Ok(())
    }
}

/// A session ready to start: the plan and the secrets credview answers with.
#[derive(Clone, PartialEq, Eq)]
pub struct Start {
    pub plan: Plan,
    pub password: Option<Password>,
    pub totp: Option<TotpConfig>,
}

impl std::fmt::Debug for Start {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Start")
            .field("plan", &self.plan)
            .field("supplied", &self.supplied())
            .finish_non_exhaustive()
    }
}

impl Start {
    /// A session with `credential`'s secrets. Starting a session is what `start_session`
    /// allows: the password is supplied without the user seeing it.
    pub fn new(credential: &Credential, plan: Plan) -> Self {
        Self {
            plan,
            password: credential.password.clone(),
            totp: credential.totp.as_deref().cloned(),
        }
    }

    pub fn supplied(&self) -> Supplied {
        Supplied {
            password: self.password.is_some(),
            code: self.totp.is_some(),
            host: self.plan.host.is_some(),
        }
    }
}

/// Which parts of a login credview can answer for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Supplied {
    pub password: bool,
    pub code: bool,
    pub host: bool,
}

impl Supplied {
    /// The kinds of secret supplied, as the audit log names them.
    pub fn secrets(self) -> Vec<String> {
        [(self.password, "password"), (self.code, "totp")]
            .into_iter()
            .filter(|(given, _)| *given)
            .map(|(_, name)| name.to_owned())
            .collect()
    }

    /// What the user has to answer, in words; empty when credview supplies everything.
    pub fn missing(self) -> Vec<String> {
        let mut missing = Vec::new();
        if !self.password {
            missing.push(crate::t!("err-session-missing-password"));
        }
        if !self.code {
            missing.push(crate::t!("err-session-missing-code"));
        }
        if !self.host {
            missing.push(crate::t!("err-session-missing-host"));
        }
        missing
    }
}

/// The status line after a session: "session to HOST ended (exit N)", and what was not
/// supplied; or why it did not start.
pub fn summary(ended: &Ended, supplied: Supplied) -> String {
    let host = crate::format::printable(&ended.host);
    let text = match &ended.result {
        Ok(code) => crate::t!("err-session-ended", host = host, code = code.to_string()),
        Err(not_started) => crate::t!(
            "err-session-not-started",
            host = host,
            why = &not_started.message
        ),
    };
    let missing = supplied.missing();
    if missing.is_empty() {
        return text;
    }
    crate::t!(
        "err-session-not-supplied",
        summary = text,
        missing = missing.join(", ")
    )
}

#[cfg(test)]
mod tests;
