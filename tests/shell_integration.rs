//! `credview completions SHELL` and `credview man`: the bash script, sourced into a real bash,
//! offers the commands; the man page renders with `man -l` and lists them. Without bash or man
//! on PATH those tests pass with a note.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_credview");

/// Commands a user should be offered (and find in the man page).
const COMMANDS: [&str; 12] = [
    "list",
    "code",
    "encrypt",
    "decrypt",
    "uri",
    "qr",
    "verify",
    "render",
    "audit",
    "config",
    "completions",
    "man",
];

fn credview(args: &[&str]) -> Vec<u8> {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn tool_missing(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("note: {tool} is not on PATH; skipping");
    }
    !found
}

/// What bash's completion offers for the words typed so far (the last one being completed).
fn complete(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let line = words.join(" ");
    let program = format!(
        "source '{}'
complete -p credview || exit 3
COMP_WORDS=({})
COMP_CWORD={}
COMP_LINE='{line}'
COMP_POINT={}
_credview credview '{}' '{}'
printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words.len() - 1,
        line.len(),
        words.last().unwrap(),
        words[words.len().saturating_sub(2)],
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1) // the `complete -p` line
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_bash_completion_offers_the_commands_and_flags() {
    if tool_missing("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("credview.bash");
    std::fs::write(&script, credview(&["completions", "bash"])).unwrap();

    let offered = complete(&script, &["credview", ""]);
    for command in COMMANDS {
        assert!(
            offered.iter().any(|o| o == command),
            "{command} not in {offered:?}"
        );
    }
    let offered = complete(&script, &["credview", "com"]);
    assert_eq!(offered, ["completions"], "prefix completion");
    let offered = complete(&script, &["credview", "completions", ""]);
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert!(
            offered.iter().any(|o| o == shell),
            "{shell} not in {offered:?}"
        );
    }
    let offered = complete(&script, &["credview", "--col"]);
    assert_eq!(offered, ["--color"]);
}

#[test]
fn every_shell_gets_a_script_naming_credview() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = String::from_utf8(credview(&["completions", shell])).unwrap();
        assert!(script.contains("credview"), "{shell}");
        assert!(script.contains("completions"), "{shell}: no subcommands");
    }
}

/// `man -l` on a file, formatted for 80 columns, as plain text.
fn man(page: &std::path::Path) -> String {
    let out = Command::new("man")
        .arg("-l")
        .arg(page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    // Whatever bold or underline survived the pipe (backspace overstrikes) goes.
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    plain
}

#[test]
fn the_man_page_renders_with_man_and_lists_the_commands() {
    if tool_missing("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("credview.1");
    std::fs::write(&page, credview(&["man"])).unwrap();
    let text = man(&page);
    for heading in ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS"] {
        assert!(text.contains(heading), "no {heading}:\n{text}");
    }
    for command in COMMANDS {
        assert!(
            text.contains(&format!("credview-{command}(1)")),
            "{command}:\n{text}"
        );
    }
    for flag in ["--vault", "--config", "--color", "--lang", "--local-time"] {
        assert!(text.contains(flag), "{flag}:\n{text}");
    }
    assert!(
        text.lines().all(|line| line.chars().count() <= 80),
        "{text}"
    );
}

#[test]
fn man_dir_writes_a_page_per_command() {
    if tool_missing("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = credview(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert!(out.is_empty());
    for command in COMMANDS {
        let page = dir.path().join(format!("credview-{command}.1"));
        assert!(page.exists(), "{}", page.display());
    }
    let text = man(&dir.path().join("credview-code.1"));
    assert!(text.contains("--next") && text.contains("--at"), "{text}");
}
