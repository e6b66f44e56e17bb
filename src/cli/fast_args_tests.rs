use clap::Parser;
use proptest::prelude::*;

use super::*;

fn line(words: &[&str]) -> Vec<OsString> {
    std::iter::once("credview")
        .chain(words.iter().copied())
        .map(OsString::from)
        .collect()
}

/// What clap makes of the line, as text (`Cli` holds no secret).
fn by_clap(args: &[OsString]) -> Option<String> {
    Cli::try_parse_from(args).ok().map(|cli| format!("{cli:?}"))
}

fn by_fast_reader(args: &[OsString]) -> Option<String> {
    read(args).map(|cli| format!("{cli:?}"))
}

#[test]
fn the_common_lines_are_read_as_clap_reads_them() {
    let lines: &[&[&str]] = &[
        &["code", "1"],
        &["--vault", "/tmp/v.json", "--no-audit", "code", "1"],
        &["--vault=/tmp/v.json", "code", "admin@db-01"],
        &["code", "7", "--vault", "v.json", "--next"],
        &["--audit", "a.jsonl", "code", "--at", "-100", "12"],
        &["code", "--at=1700000000", "3", "--local-time"],
        &["--config=c.toml", "code", "--peek", "4"],
        &["uri", "5", "--no-audit"],
        &["code", "help"],
    ];
    for words in lines {
        let args = line(words);
        let fast = by_fast_reader(&args);
        assert!(fast.is_some(), "not read: {words:?}");
        assert_eq!(fast, by_clap(&args), "{words:?}");
    }
}

#[test]
fn what_clap_refuses_or_explains_is_left_to_clap() {
    let lines: &[&[&str]] = &[
        &[],
        &["code"],
        &["--help"],
        &["code", "--help"],
        &["-h", "code", "1"],
        &["--version"],
        &["code", "1", "2"],
        &["code", "--", "1"],
        &["code", "-1"],
        &["--no-audit", "--audit", "a", "code", "1"],
        &["code", "1", "--peek", "--next"],
        &["code", "1", "--at", "x"],
        &["code", "1", "--at", "99999999999999999999"],
        &["--vault", "a", "code", "1", "--vault", "b"],
        &["--vault", "code", "1"],
        &["--vault="],
        &["--next", "code", "1"],
        &["uri", "1", "--peek"],
        &["list"],
        &["--no-audit=true", "code", "1"],
        &["--color", "never", "code", "1"],
        &["--lang", "en", "code", "1"],
        &["--identity", "k", "code", "1"],
    ];
    for words in lines {
        assert_eq!(by_fast_reader(&line(words)), None, "{words:?}");
    }
}

#[cfg(unix)]
#[test]
fn text_that_is_not_utf8_is_left_to_clap() {
    use std::os::unix::ffi::OsStringExt;
    let mut args = line(&["--vault", "x", "code", "1"]);
    args[2] = OsString::from_vec(b"v\xff.json".to_vec());
    assert_eq!(by_fast_reader(&args), None);
}

/// Words that make up the lines read…
const GOOD: &[&str] = &[
    "code",
    "uri",
    "1",
    "admin@db",
    "--vault",
    "--vault=v.json",
    "v.json",
    "--audit",
    "--audit=a.log",
    "--no-audit",
    "--config",
    "--config=c.toml",
    "--local-time",
    "--next",
    "--peek",
    "--at",
    "--at=5",
    "--at=-5",
    "-5",
    "007",
];

/// …and words near them that must not be, or must be read another way.
const NEAR: &[&str] = &[
    "list",
    "help",
    "-1",
    "-",
    "--",
    "",
    "x=y",
    "--vault=",
    "--vault=-v",
    "--no-audit=1",
    "--next=",
    "--at=",
    "+5",
    "--help",
    "-h",
    "-V",
    "--color",
    "--color=never",
    "--lang=en",
    "--identity",
    "--vaul",
    "-n",
    "--Next",
    "99999999999999999999",
];

fn word() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => prop::sample::select(GOOD),
        1 => prop::sample::select(NEAR),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// Any mix of these words: whenever the fast reader takes the line, clap gives the same.
    #[test]
    fn whatever_the_fast_reader_takes_clap_reads_the_same(
        words in prop::collection::vec(word(), 0..8)
    ) {
        let args = line(&words);
        if let Some(fast) = by_fast_reader(&args) {
            prop_assert_eq!(Some(fast), by_clap(&args), "{:?}", words);
        }
    }

    /// Well-formed lines in any order of their flags: the fast reader takes each, as clap.
    #[test]
    fn the_shapes_people_type_are_all_read(
        uri in any::<bool>(),
        credential in "[a-z0-9@.]{1,8}",
        globals in prop::sample::subsequence(
            vec!["--vault", "--audit", "--config", "--no-audit", "--local-time"], 0..=5),
        inline in any::<[bool; 5]>(),
        // Each global flag's place: before the command, just after its name, or at the end.
        places in any::<[u8; 5]>(),
        at in prop::option::of(any::<i64>()),
        switch in 0..3u8,
        credential_first in any::<bool>(),
    ) {
        let mut placed: [Vec<String>; 3] = Default::default();
        let globals = globals
            .iter()
            .filter(|&&name| !(name == "--audit" && globals.contains(&"--no-audit")));
        for (i, &name) in globals.enumerate() {
            let place = &mut placed[usize::from(places[i] % 3)];
            let value = format!("{}.path", &name[2..]);
            match (name, inline[i]) {
                ("--no-audit" | "--local-time", _) => place.push(name.to_owned()),
                (_, true) => place.push(format!("{name}={value}")),
                (_, false) => place.extend([name.to_owned(), value]),
            }
        }
        let [before, after_name, at_end] = placed;
        let mut own: Vec<String> = Vec::new();
        if !uri {
            match (switch, at) {
                (1, _) => own.push("--next".into()),
                (2, None) => own.push("--peek".into()),
                _ => {}
            }
            if let (0 | 1, Some(at)) = (switch, at) {
                own.extend(["--at".to_owned(), at.to_string()]);
            }
        }
        let mut words = before;
        words.push(if uri { "uri" } else { "code" }.to_owned());
        words.extend(after_name);
        if credential_first {
            words.push(credential.clone());
            words.extend(own);
        } else {
            words.extend(own);
            words.push(credential.clone());
        }
        words.extend(at_end);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let args = line(&words);
        let fast = by_fast_reader(&args);
        prop_assert!(fast.is_some(), "not read: {:?}", words);
        prop_assert_eq!(fast, by_clap(&args), "{:?}", words);
    }
}
