//! The command lines of `code` and `uri` as scripts and key bindings type them, read without
//! clap: building clap's definitions was a third of what starting `credview code` cost.
//!
//! It reads `code ID` (with `--next`, `--peek`, `--at SECONDS`) and `uri ID`, with the global
//! flags `--vault`, `--audit`, `--config` (each `--NAME VALUE` or `--NAME=VALUE`),
//! `--no-audit` and `--local-time`, anywhere after the command's name for the globals. Anything
//! else (another flag or command, a word it could read two ways, a flag given twice, `--help`,
//! `--`, text that is not UTF-8) is left to clap, so a line it reads gives the very `Cli` that
//! clap would, and every error and help text is still clap's.

use std::ffi::OsString;
use std::path::PathBuf;

use super::{Cli, Command};
use crate::config::ColorWhen;

/// The `Cli` of `args` (the program's name first), or `None` when clap is to read them.
pub fn read(args: &[OsString]) -> Option<Cli> {
    let mut words = Vec::with_capacity(args.len());
    for arg in args.get(1..)? {
        words.push(arg.to_str()?);
    }
    let mut line = Line::default();
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        if let Some(flag) = word.strip_prefix("--") {
            let (name, inline) = match flag.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (flag, None),
            };
            let mut value = || inline.or_else(|| words.next());
            line.flag(name, inline.is_some(), &mut value)?;
        } else {
            line.word(word)?;
        }
    }
    line.finish()
}

/// The command named, as far as it has been read.
#[derive(Clone, Copy, PartialEq)]
enum Name {
    Code,
    Uri,
}

#[derive(Default)]
struct Line<'a> {
    vault: Option<&'a str>,
    audit: Option<&'a str>,
    config: Option<&'a str>,
    no_audit: bool,
    local_time: bool,
    command: Option<Name>,
    credential: Option<&'a str>,
    at: Option<i64>,
    next: bool,
    peek: bool,
}

impl<'a> Line<'a> {
    /// A word that is not a flag: the command's name, then its credential.
    fn word(&mut self, word: &'a str) -> Option<()> {
        match self.command {
            None => {
                self.command = Some(match word {
                    "code" => Name::Code,
                    "uri" => Name::Uri,
                    _ => return None,
                });
            }
            Some(_) => {
                // A word starting with `-` clap may read as a flag; an empty one, either way.
                if self.credential.is_some() || word.is_empty() || word.starts_with('-') {
                    return None;
                }
                self.credential = Some(word);
            }
        }
        Some(())
    }

    /// `--NAME`, its value from `value` when it takes one (`inline`: given as `--NAME=VALUE`).
    fn flag(
        &mut self,
        name: &str,
        inline: bool,
        value: &mut dyn FnMut() -> Option<&'a str>,
    ) -> Option<()> {
        let code = self.command == Some(Name::Code);
        match name {
            "vault" => set_path(&mut self.vault, value()?),
            "audit" => set_path(&mut self.audit, value()?),
            "config" => set_path(&mut self.config, value()?),
            "no-audit" if !inline => set_true(&mut self.no_audit),
            "local-time" if !inline => set_true(&mut self.local_time),
            "next" if code && !inline => set_true(&mut self.next),
            "peek" if code && !inline => set_true(&mut self.peek),
            "at" if code && self.at.is_none() => {
                self.at = Some(seconds(value()?)?);
                Some(())
            }
            _ => None,
        }
    }

    fn finish(self) -> Option<Cli> {
        let credential = self.credential?.to_owned();
        // clap refuses these pairs; let it say so.
        let refused = (self.no_audit && self.audit.is_some())
            || (self.peek && (self.next || self.at.is_some()));
        if refused {
            return None;
        }
        let command = match self.command? {
            Name::Code => Command::Code {
                credential,
                at: self.at,
                next: self.next,
                peek: self.peek,
            },
            Name::Uri => Command::Uri { credential },
        };
        Some(Cli {
            vault: self.vault.map(PathBuf::from),
            identity: Vec::new(),
            key_file: None,
            audit: self.audit.map(PathBuf::from),
            no_audit: self.no_audit,
            config: self.config.map(PathBuf::from),
            lang: None,
            color: ColorWhen::Auto,
            local_time: self.local_time,
            ntp: Vec::new(),
            command: Some(command),
        })
    }
}

/// A path given once, neither empty nor what clap could take for a flag.
fn set_path<'a>(slot: &mut Option<&'a str>, value: &'a str) -> Option<()> {
    if slot.is_some() || value.is_empty() || value.starts_with('-') {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// A switch given once.
fn set_true(slot: &mut bool) -> Option<()> {
    if *slot {
        return None;
    }
    *slot = true;
    Some(())
}

/// `--at`'s seconds: ASCII digits with an optional leading `-`, within an `i64`.
fn seconds(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
#[path = "fast_args_tests.rs"]
mod tests;
