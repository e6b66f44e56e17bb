//! credview as ssh's askpass program. ssh runs it (through a link named `credview-askpass`)
//! with the prompt as its one argument and reads the answer from its standard output. It asks
//! the credview that started the session over the private channel; what that will not answer
//! (a host key, a key file's passphrase, a secret refused once) it asks the user on the
//! terminal, never answering for them.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use age::secrecy::ExposeSecret;

use super::channel::{self, Reply};
use super::folder::{ASKPASS_NAME, FOLDER_ENV, LANGUAGE_ENV, SOCKET_NAME, TOKEN_NAME};
use crate::prompt::Prompt;

/// Whether this process was started as the askpass program (by its name, not by a secret).
pub fn invoked() -> bool {
    std::env::args_os()
        .next()
        .map(PathBuf::from)
        .and_then(|path| path.file_name().map(|name| name == ASKPASS_NAME))
        .unwrap_or(false)
}

pub fn main() -> ExitCode {
    // The credview that started ssh says which language it speaks.
    if let Some(language) = std::env::var(LANGUAGE_ENV)
        .ok()
        .and_then(|name| crate::i18n::Language::parse(&name))
    {
        crate::i18n::set(language);
    }
    // The server writes part of the prompt: it need not be UTF-8.
    let prompt = std::env::args_os()
        .nth(1)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let reply = match std::env::var_os(FOLDER_ENV).map(PathBuf::from) {
        Some(folder) => match std::fs::read_to_string(folder.join(TOKEN_NAME)) {
            Ok(token) => channel::ask(&folder.join(SOCKET_NAME), token.trim(), &prompt)
                .unwrap_or(Reply::Nothing),
            Err(_) => Reply::Nothing,
        },
        None => Reply::Nothing,
    };
    let answer = match reply {
        Reply::Answer(secret) => secret,
        Reply::Ask(why) => match ask_user(&prompt, &why) {
            Ok(typed) => typed,
            Err(message) => return fail(&message),
        },
        Reply::Nothing => match ask_user(&prompt, &crate::t!("err-session-no-answer")) {
            Ok(typed) => typed,
            Err(message) => return fail(&message),
        },
    };
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(&answer)
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&crate::t!(
            "err-session-cannot-answer",
            error = e.to_string()
        )),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("credview: {}", crate::format::printable(message));
    ExitCode::FAILURE
}

/// A yes/no question (a new host key) is typed visibly; anything else hidden.
fn ask_user(prompt: &str, why: &str) -> Result<zeroize::Zeroizing<Vec<u8>>, String> {
    // ssh's prompts span lines (a host key's); each line is cleaned of terminal escapes.
    let prompt: Vec<String> = prompt
        .split('\n')
        .map(|line| crate::format::printable(line).into_owned())
        .collect();
    let prompt = prompt.join("\n");
    let no_terminal = || crate::t!("err-session-no-terminal", why = why, prompt = &prompt);
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| no_terminal())?;
    let _ = writeln!(
        tty,
        "credview: {}",
        crate::t!("err-session-answer-yourself", why = why)
    );
    if prompt.to_lowercase().contains("yes/no") {
        let _ = write!(tty, "{prompt}");
        let _ = tty.flush();
        let mut line = zeroize::Zeroizing::new(String::new());
        std::io::BufReader::new(tty)
            .read_line(&mut line)
            .map_err(|_| no_terminal())?;
        return Ok(zeroize::Zeroizing::new(
            line.trim_end_matches(['\r', '\n']).as_bytes().to_vec(),
        ));
    }
    drop(tty);
    let typed = crate::prompt::Tty.ask(&prompt)?;
    Ok(zeroize::Zeroizing::new(
        typed.expose_secret().as_bytes().to_vec(),
    ))
}
