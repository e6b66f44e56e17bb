//! `credview completions SHELL` and `credview man`: generated from the clap definitions, so
//! they list exactly the commands and flags there are. Their words are the English catalogue's,
//! whatever the language: they are installed for every user of a system, and the man page's
//! own headings (NAME, SYNOPSIS, OPTIONS) are English.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;

use super::{Cli, Failure};
use crate::i18n::{self, Language};

/// The command tree with the English catalogue's help.
fn english() -> clap::Command {
    let _english = i18n::speak(Language::English);
    super::help::described(Cli::command())
}

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<(), Failure> {
    let mut command = english();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "credview", &mut script);
    written(out.write_all(&script))
}

pub fn man(out: &mut dyn Write) -> Result<(), Failure> {
    let mut page = Vec::new();
    let result = clap_mangen::Man::new(english())
        .render(&mut page)
        .and_then(|()| out.write_all(&page));
    written(result)
}

/// The main page and one per command, as `man` finds them in a `man1` folder.
pub fn man_pages(dir: &Path) -> Result<(), Failure> {
    clap_mangen::generate_to(english(), dir).map_err(|e| {
        Failure::usage(crate::t!(
            "cli-man-pages-failed",
            dir = dir.display().to_string(),
            error = e.to_string()
        ))
    })
}

/// A reader that went away (`credview man | head`) is no failure.
fn written(result: std::io::Result<()>) -> Result<(), Failure> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(super::output_failed(&e)),
        _ => Ok(()),
    }
}
