//! Errors in Portuguese through the real binary. Every bad vault of `tests/data/bad/` is read
//! in English and in Portuguese: the `error: PATH:LINE:COLUMN:` a script reads is the same in
//! both, and the words after it are Portuguese (no English sentence is left over). An import
//! names its lines and its reasons in Portuguese too.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn bad_files() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The one stderr line of `credview --vault PATH list` with only `env` set, exit status 2.
fn error_line(path: &Path, env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_credview"));
    cmd.env_clear();
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.arg("--vault").arg(path).arg("list").output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    // A checkout's file modes add `warning:` lines; the error is the last line.
    let line = stderr.lines().last().unwrap_or_default().to_owned();
    assert!(line.starts_with("error: "), "{stderr}");
    line
}

/// `error: PATH:LINE:COLUMN: ` (or `error: PATH: `) and the words after it.
fn split(line: &str, path: &Path) -> (String, String) {
    let head = format!("error: {}:", path.display());
    let rest = line.strip_prefix(&head).unwrap_or_else(|| panic!("{line}"));
    let mut parts = rest.splitn(3, ':');
    let (first, second) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if first.parse::<usize>().is_ok() && second.parse::<usize>().is_ok() {
        let words = parts.next().unwrap_or("").to_owned();
        (format!("{head}{first}:{second}:"), words)
    } else {
        (head, rest.to_owned())
    }
}

/// Words no Portuguese message of the vault reader has (field names and Key URIs aside).
const ENGLISH: &[&str] = &[
    " the ",
    " is ",
    " must ",
    " expected ",
    "credential ",
    " not ",
    " file ",
    "missing",
    "unknown",
    "invalid",
];

#[test]
fn the_place_is_the_same_and_the_words_are_portuguese() {
    let files = bad_files();
    assert!(files.len() >= 30, "{files:?}");
    for path in &files {
        let english = error_line(path, &[("LANG", "C")]);
        let portuguese = error_line(path, &[("LANG", "pt_BR.UTF-8")]);
        let (place, english_words) = split(&english, path);
        let (same_place, words) = split(&portuguese, path);
        assert_eq!(place, same_place, "{english}\n{portuguese}");
        assert_ne!(english_words, words, "{portuguese}");
        // Names from the file and the schema are quoted or after a comma; the sentence
        // around them is what must be Portuguese.
        let sentence: String = words.split('`').step_by(2).collect::<Vec<_>>().join("`");
        for word in ENGLISH {
            assert!(!sentence.contains(word), "{word:?} in: {portuguese}");
        }
    }
}

#[test]
fn the_lang_flag_wins_over_the_environment() {
    let path = &bad_files()[0];
    let flag = {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_credview"));
        cmd.env_clear().env("LANG", "C");
        let output = cmd
            .args(["--lang", "pt-BR", "--vault"])
            .arg(path)
            .arg("list")
            .output()
            .unwrap();
        String::from_utf8(output.stderr).unwrap()
    };
    let line = flag.lines().last().unwrap_or_default();
    assert_eq!(line, error_line(path, &[("LANG", "pt_BR.UTF-8")]));
}

#[test]
fn an_import_names_its_lines_and_reasons_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("cofre.json");
    std::fs::write(&vault, "{\"version\": 1, \"credentials\": []}\n").unwrap();
    let list = dir.path().join("lista.txt");
    std::fs::write(
        &list,
        "otpauth://totp/Ops:root?secret=JBSWY3DPEHPK3PXP\n\
         otpauth://totp/Ops:web?secret=JBSW1\n\
         otpauth://totp/Ops:root?secret=JBSWY3DPEHPK3PXP\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .env("LANG", "pt_BR.UTF-8")
        .arg("--vault")
        .arg(&vault)
        .arg("import")
        .arg(&list)
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(2), "{all}");
    assert!(all.contains("lista de URIs da chave (otpauth://)"), "{all}");
    assert!(
        all.contains("a chave secreta tem um caractere fora do base32 (A-Z, 2-7) na posição 5"),
        "{all}"
    );
    assert!(
        all.contains("mesma conta e chave secreta do novo id 1"),
        "{all}"
    );
    assert!(all.contains("linha 2"), "{all}");
}
