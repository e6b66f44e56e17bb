//! The settings file through the real binary: where it is looked for, what a mistake in it
//! says, and `credview config`'s account of every value and where it came from.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/e2e-vault.json");

/// A HOME with `~/.config/credview/config.toml` holding `settings`.
fn home_with(settings: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join(".config/credview");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), settings).unwrap();
    home
}

fn credview(home: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", home)
        .envs(envs.iter().copied())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `credview config` row of `key`: its value and where it came from.
fn row(report: &str, key: &str) -> String {
    let line = report
        .lines()
        .find(|line| line.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("no {key} in\n{report}"));
    line.split_whitespace()
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_mistake_in_the_file_names_its_line_and_column_and_nothing_runs() {
    let home = home_with("theme = \"dark\"\n  colour = \"red\"\n");
    let out = credview(home.path(), &["list"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let path = home.path().join(".config/credview/config.toml");
    let expected = format!("error: {}:2:3: unknown field `colour`", path.display());
    assert!(
        text(&out.stderr).starts_with(&expected),
        "{}",
        text(&out.stderr)
    );

    let home = home_with("qr_display_seconds = 100000\n");
    let out = credview(home.path(), &["config"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("config.toml:1:22: 100000 is out of range"));
}

#[test]
fn config_says_where_each_value_came_from() {
    let home = home_with("theme = \"high-contrast\"\nclipboard_clear_seconds = 0\n");
    let out = credview(
        home.path(),
        &["config", "--color", "never"],
        &[("LANG", "pt_BR.UTF-8")],
    );
    assert!(out.status.success(), "{out:?}");
    // $LANG chose Portuguese: the report speaks it; keys and values stay as the file has them.
    let report = text(&out.stdout);
    assert!(report.starts_with("arquivo de configurações"), "{report}");
    assert!(report.contains("config.toml (lido)"), "{report}");
    assert_eq!(row(&report, "theme"), "high-contrast arquivo");
    assert_eq!(row(&report, "clipboard_clear_seconds"), "0 arquivo");
    assert_eq!(row(&report, "qr_display_seconds"), "45 padrão");
    assert_eq!(row(&report, "language"), "pt-BR ambiente $LANG");
    assert_eq!(row(&report, "color"), "desligado opção --color");
    assert!(row(&report, "vault").ends_with(" padrão"), "{report}");
    let out = credview(home.path(), &["config", "--color", "never"], &[]);
    let report = text(&out.stdout);
    assert!(report.starts_with("settings file"), "{report}");
    assert!(report.contains("config.toml (read)"), "{report}");
    assert_eq!(row(&report, "theme"), "high-contrast file");
    assert_eq!(row(&report, "qr_display_seconds"), "45 default");
    assert_eq!(row(&report, "color"), "off flag --color");
    assert_eq!(row(&report, "vault"), "demo vault default");
    let out = credview(home.path(), &["config", "--lang", "en", "--no-audit"], &[]);
    let report = text(&out.stdout);
    assert_eq!(row(&report, "language"), "en flag --lang");
    assert_eq!(row(&report, "audit_log"), "off flag --no-audit");
}

#[test]
fn the_file_s_vault_comes_after_the_variable_and_the_flag() {
    let home = home_with(&format!("vault = \"{VAULT}\"\n"));
    let report = text(&credview(home.path(), &["config"], &[]).stdout);
    assert_eq!(row(&report, "vault"), format!("{VAULT} file"));
    let listed = text(&credview(home.path(), &["list"], &[]).stdout);
    assert!(
        listed.contains("501") && listed.contains("e2e-db-01"),
        "{listed}"
    );

    let demo = credview(home.path(), &["list", "--vault", "/nonexistent.json"], &[]);
    assert_eq!(demo.status.code(), Some(2), "--vault wins, and is missing");
    let env = [("CREDVIEW_VAULT", "/also-missing.json")];
    let report = text(&credview(home.path(), &["config"], &env).stdout);
    assert_eq!(
        row(&report, "vault"),
        "/also-missing.json environment $CREDVIEW_VAULT"
    );
}

#[test]
fn the_file_s_audit_log_receives_the_records() {
    let home = home_with("audit_log = \"~/logs/audit.jsonl\"\n");
    std::fs::create_dir(home.path().join("logs")).unwrap();
    let out = credview(home.path(), &["--vault", VAULT, "code", "501"], &[]);
    assert!(out.status.success(), "{out:?}");
    let log = std::fs::read_to_string(home.path().join("logs/audit.jsonl")).unwrap();
    assert!(log.contains("501"), "{log}");
    let shown = credview(home.path(), &["audit"], &[]);
    assert!(text(&shown.stdout).contains("501"), "{shown:?}");
}

#[test]
fn local_time_shows_dates_in_the_zone_of_tz() {
    // The vault's 501 was last viewed at 2026-11-20T14:03:00Z; Sao Paulo is UTC-3 all year.
    let home = home_with("");
    let list = |args: &[&str]| {
        let out = credview(home.path(), args, &[("TZ", "America/Sao_Paulo")]);
        assert!(out.status.success(), "{out:?}");
        text(&out.stdout)
    };
    assert!(list(&["--vault", VAULT, "list"]).contains("2026-11-20 14:03"));
    assert!(list(&["--vault", VAULT, "--local-time", "list"]).contains("2026-11-20 11:03"));
    let home = home_with("local_time = true\n");
    let out = credview(
        home.path(),
        &["--vault", VAULT, "list"],
        &[("TZ", "America/Sao_Paulo")],
    );
    assert!(text(&out.stdout).contains("2026-11-20 11:03"), "{out:?}");
}

#[test]
fn a_named_settings_file_must_exist() {
    let home = tempfile::tempdir().unwrap();
    let out = credview(home.path(), &["--config", "/no/such.toml", "list"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: /no/such.toml: cannot read"));
    let env = [("CREDVIEW_CONFIG", "/no/such.toml")];
    let out = credview(home.path(), &["list"], &env);
    assert_eq!(out.status.code(), Some(2));
    // The usual place may be empty: defaults, and the demo vault.
    let out = credview(home.path(), &["list"], &[]);
    assert!(out.status.success(), "{out:?}");
}
