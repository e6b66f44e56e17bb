use super::*;

use crate::app::settings::Theme;
use crate::test_env::env;

/// A config folder holding `credview/config.toml` with `text`.
fn config_home(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("credview")).unwrap();
    std::fs::write(dir.path().join("credview/config.toml"), text).unwrap();
    dir
}

#[test]
fn no_file_means_defaults() {
    let home = tempfile::tempdir().unwrap();
    let home_text = home.path().to_str().unwrap();
    let effective = resolve(&Flags::default(), env(&[("HOME", home_text)])).unwrap();
    let expected = home.path().join(".config/credview/config.toml");
    assert_eq!(effective.file, ConfigFile::Absent(expected));
    assert_eq!(effective.settings.clear_clipboard_after_millis, 30_000);
    assert_eq!(effective.settings.qr_display_millis, 45_000);
    assert_eq!(effective.settings.theme, Theme::Dark);
    assert!(effective.settings.color);
    assert!(effective.origins.iter().all(|(_, o)| *o == Origin::Default));
    let nowhere = resolve(&Flags::default(), env(&[])).unwrap();
    assert_eq!(nowhere.file, ConfigFile::Nowhere);
}

#[test]
fn the_file_sets_values_and_says_so() {
    let dir = config_home("theme = \"light\"\nclipboard_clear_seconds = 0\nvault = \"v.json\"\n");
    let xdg = dir.path().to_str().unwrap();
    let effective = resolve(&Flags::default(), env(&[("XDG_CONFIG_HOME", xdg)])).unwrap();
    assert_eq!(effective.settings.theme, Theme::Light);
    assert_eq!(effective.settings.clear_clipboard_after_millis, 0);
    // Relative to the settings file's folder.
    let vault = dir.path().join("credview/v.json");
    assert_eq!(effective.settings.vault, Some(vault));
    assert_eq!(effective.origin("theme"), Origin::File);
    assert_eq!(effective.origin("vault"), Origin::File);
    assert_eq!(effective.origin("qr_display_seconds"), Origin::Default);
}

#[test]
fn flags_beat_the_environment_which_beats_the_file() {
    let dir = config_home("vault = \"~/file.json\"\naudit_log = \"/f/audit\"\nlanguage = \"en\"\n");
    let xdg = dir.path().to_str().unwrap();
    let pairs = [
        ("XDG_CONFIG_HOME", xdg),
        ("HOME", "/home/u"),
        ("LANG", "pt_BR.UTF-8"),
    ];
    let effective = resolve(&Flags::default(), env(&pairs)).unwrap();
    assert_eq!(effective.settings.vault, Some("/home/u/file.json".into()));
    assert_eq!(effective.settings.audit_log, Some("/f/audit".into()));
    // The settings file beats the locale.
    assert_eq!(effective.settings.language, Language::English);
    assert_eq!(effective.origin("language"), Origin::File);

    let with_env = [pairs.as_slice(), &[("CREDVIEW_VAULT", "/e.json")]].concat();
    let effective = resolve(&Flags::default(), env(&with_env)).unwrap();
    assert_eq!(
        effective.origin("vault"),
        Origin::Environment("CREDVIEW_VAULT")
    );
    // The variable is read where the vault is chosen; the app keeps only the file's value.
    assert_eq!(effective.settings.vault, None);

    let flags = Flags {
        vault: Some("/flag.json".into()),
        audit: Some("/flag.audit".into()),
        language: Some(Language::PortugueseBrazil),
        ..Flags::default()
    };
    let effective = resolve(&flags, env(&with_env)).unwrap();
    assert_eq!(effective.origin("vault"), Origin::Flag("--vault"));
    assert_eq!(effective.origin("audit_log"), Origin::Flag("--audit"));
    assert_eq!(effective.settings.audit_log, Some("/flag.audit".into()));
    assert_eq!(effective.settings.language, Language::PortugueseBrazil);
}

#[test]
fn the_language_follows_lc_all_then_lc_messages_then_lang() {
    let language = |pairs: &[(&str, &str)]| {
        let effective = resolve(&Flags::default(), env(pairs)).unwrap();
        (effective.settings.language, effective.origin("language"))
    };
    assert_eq!(
        language(&[("LANG", "pt_BR.UTF-8")]),
        (Language::PortugueseBrazil, Origin::Environment("LANG"))
    );
    assert_eq!(
        language(&[("LANG", "pt_BR.UTF-8"), ("LC_MESSAGES", "C")]),
        (Language::English, Origin::Environment("LC_MESSAGES"))
    );
    assert_eq!(
        language(&[("LC_ALL", "pt"), ("LC_MESSAGES", "C"), ("LANG", "C")]),
        (Language::PortugueseBrazil, Origin::Environment("LC_ALL"))
    );
    assert_eq!(
        language(&[("LC_ALL", "")]),
        (Language::English, Origin::Default)
    );
}

#[test]
fn colour_follows_the_flag_then_no_color_then_a_dumb_terminal() {
    let color = |when: ColorWhen, pairs: &[(&str, &str)]| {
        let flags = Flags {
            color: when,
            ..Flags::default()
        };
        let effective = resolve(&flags, env(pairs)).unwrap();
        (effective.settings.color, effective.origin("color"))
    };
    assert_eq!(color(ColorWhen::Auto, &[]), (true, Origin::Default));
    let no_color = Origin::Environment("NO_COLOR");
    assert_eq!(
        color(ColorWhen::Auto, &[("NO_COLOR", "1")]),
        (false, no_color)
    );
    // no-color.org: an empty NO_COLOR does not count.
    assert_eq!(
        color(ColorWhen::Auto, &[("NO_COLOR", "")]),
        (true, Origin::Default)
    );
    let dumb = Origin::Environment("TERM");
    assert_eq!(color(ColorWhen::Auto, &[("TERM", "dumb")]), (false, dumb));
    let flag = Origin::Flag("--color");
    assert_eq!(color(ColorWhen::Always, &[("NO_COLOR", "1")]), (true, flag));
    assert_eq!(color(ColorWhen::Never, &[]), (false, flag));
}

#[test]
fn a_named_file_must_exist_and_errors_name_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let flags = Flags {
        config: Some(missing.clone()),
        ..Flags::default()
    };
    let error = resolve(&flags, env(&[])).unwrap_err();
    assert!(
        error.starts_with(&format!("{}: cannot read", missing.display())),
        "{error}"
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "theme = \"dark\"\nclipboard = 3\n").unwrap();
    let bad_text = bad.to_str().unwrap();
    let error = resolve(&Flags::default(), env(&[(CONFIG_ENV, bad_text)])).unwrap_err();
    assert!(
        error.starts_with(&format!("{bad_text}:2:1: unknown field `clipboard`")),
        "{error}"
    );
}

#[test]
fn local_time_from_the_flag_or_the_file() {
    let dir = config_home("local_time = true\n");
    let xdg = dir.path().to_str().unwrap();
    let effective = resolve(&Flags::default(), env(&[("XDG_CONFIG_HOME", xdg)])).unwrap();
    assert_eq!(effective.origin("local_time"), Origin::File);
    let flags = Flags {
        local_time: true,
        ..Flags::default()
    };
    let effective = resolve(&flags, env(&[])).unwrap();
    assert_eq!(effective.origin("local_time"), Origin::Flag("--local-time"));
    let effective = resolve(&Flags::default(), env(&[])).unwrap();
    assert!(effective.settings.time_zone.is_none());
}
