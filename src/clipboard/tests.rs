use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::*;

const VARS: [&str; 5] = [
    "SSH_CONNECTION",
    "SSH_TTY",
    "TMUX",
    "DISPLAY",
    "WAYLAND_DISPLAY",
];

fn env_of(set: &[&str]) -> impl Fn(&str) -> Option<OsString> {
    let map: HashMap<String, OsString> = set
        .iter()
        .map(|name| ((*name).to_owned(), OsString::from("x")))
        .collect();
    move |name| map.get(name).cloned()
}

/// Every subset of the five variables, on a platform with and without display servers.
#[test]
fn choose_target_for_every_env_combination() {
    for bits in 0u32..(1 << VARS.len()) {
        let set: Vec<&str> = (0..VARS.len())
            .filter(|i| bits & (1 << i) != 0)
            .map(|i| VARS[i])
            .collect();
        let has = |name| set.contains(&name);
        let remote = has("SSH_CONNECTION") || has("SSH_TTY") || has("TMUX");
        let display = has("DISPLAY") || has("WAYLAND_DISPLAY");

        let unix_expected = if remote || !display {
            Target::Osc52
        } else {
            Target::System
        };
        assert_eq!(
            choose_target_with(env_of(&set), true),
            unix_expected,
            "{set:?}"
        );

        let other_expected = if remote {
            Target::Osc52
        } else {
            Target::System
        };
        assert_eq!(
            choose_target_with(env_of(&set), false),
            other_expected,
            "{set:?}"
        );
    }
}

#[test]
fn choose_target_examples() {
    assert_eq!(
        choose_target_with(env_of(&["DISPLAY"]), true),
        Target::System
    );
    assert_eq!(
        choose_target_with(env_of(&["WAYLAND_DISPLAY"]), true),
        Target::System
    );
    assert_eq!(choose_target_with(env_of(&[]), true), Target::Osc52);
    assert_eq!(choose_target_with(env_of(&[]), false), Target::System);
    assert_eq!(
        choose_target_with(env_of(&["DISPLAY", "TMUX"]), true),
        Target::Osc52
    );
    assert_eq!(
        choose_target_with(env_of(&["SSH_TTY"]), false),
        Target::Osc52
    );
}

#[test]
fn choose_target_treats_empty_as_unset() {
    let env = |name: &str| match name {
        "DISPLAY" => Some(OsString::from(":0")),
        "SSH_CONNECTION" | "SSH_TTY" | "TMUX" => Some(OsString::new()),
        _ => None,
    };
    assert_eq!(choose_target_with(env, true), Target::System);
    let env = |name: &str| (name == "DISPLAY").then(OsString::new);
    assert_eq!(choose_target_with(env, true), Target::Osc52);
}

#[test]
fn choose_target_on_this_platform() {
    assert_eq!(choose_target(env_of(&["SSH_CONNECTION"])), Target::Osc52);
    assert_eq!(choose_target(env_of(&["DISPLAY"])), Target::System);
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd"
    )) {
        assert_eq!(choose_target(env_of(&[])), Target::Osc52);
    }
}

#[test]
fn describe_targets() {
    assert_eq!(Target::System.describe(), "the system clipboard");
    assert_eq!(Target::Osc52.describe(), "the terminal clipboard (OSC 52)");
}

#[test]
fn osc52_sequence_bytes() {
    assert_eq!(osc52_sequence("123456").as_str(), "\x1b]52;c;MTIzNDU2\x07");
    assert_eq!(
        osc52_sequence("123456").as_bytes(),
        b"\x1b\x5d\x35\x32\x3b\x63\x3bMTIzNDU2\x07"
    );
    assert_eq!(osc52_sequence("").as_str(), "\x1b]52;c;\x07");
    // Padding, and text that is not ASCII.
    assert_eq!(
        osc52_sequence("12345678").as_str(),
        "\x1b]52;c;MTIzNDU2Nzg=\x07"
    );
    assert_eq!(osc52_sequence("é").as_str(), "\x1b]52;c;w6k=\x07");
    assert_eq!(OSC52_CLEAR.as_bytes(), b"\x1b]52;c;\x07");
}

#[test]
fn same_text_compares_whole_strings() {
    assert!(same_text("123456", "123456"));
    assert!(same_text("", ""));
    assert!(!same_text("123456", "123457"));
    assert!(!same_text("123456", "023456"));
    assert!(!same_text("123456", "12345"));
    assert!(!same_text("", "1"));
}

#[derive(Clone, Default)]
struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl SharedBuf {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct Broken;

impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(io::ErrorKind::BrokenPipe, "terminal gone"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn system_clipboard_forced_to_osc52_writes_exact_bytes() {
    let buf = SharedBuf::default();
    let mut clipboard = SystemClipboard::with_target(Box::new(buf.clone()), Target::Osc52);
    assert_eq!(clipboard.target(), Target::Osc52);

    assert_eq!(clipboard.copy("123456").unwrap(), Target::Osc52);
    assert_eq!(buf.take(), b"\x1b]52;c;MTIzNDU2\x07");

    let cleared = clipboard
        .clear_if_unchanged("123456", Target::Osc52)
        .unwrap();
    assert_eq!(cleared, Cleared::Blind);
    assert_eq!(buf.take(), b"\x1b]52;c;\x07");

    // OSC 52 can't be read back, so the expected text does not matter.
    let cleared = clipboard
        .clear_if_unchanged("other", Target::Osc52)
        .unwrap();
    assert_eq!(cleared, Cleared::Blind);
    assert_eq!(buf.take(), b"\x1b]52;c;\x07");
}

#[test]
fn system_clipboard_flushes_after_each_write() {
    #[derive(Clone, Default)]
    struct Buffered {
        pending: Arc<Mutex<Vec<u8>>>,
        flushed: Arc<Mutex<Vec<u8>>>,
    }
    impl Write for Buffered {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.pending.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            let pending = std::mem::take(&mut *self.pending.lock().unwrap());
            self.flushed.lock().unwrap().extend(pending);
            Ok(())
        }
    }
    let out = Buffered::default();
    let mut clipboard = SystemClipboard::with_target(Box::new(out.clone()), Target::Osc52);
    clipboard.copy("42").unwrap();
    assert_eq!(*out.flushed.lock().unwrap(), b"\x1b]52;c;NDI=\x07");
    clipboard.clear_if_unchanged("42", Target::Osc52).unwrap();
    assert_eq!(
        *out.flushed.lock().unwrap(),
        b"\x1b]52;c;NDI=\x07\x1b]52;c;\x07"
    );
    assert!(out.pending.lock().unwrap().is_empty());
}

#[test]
fn write_errors_do_not_contain_the_text() {
    let mut clipboard = SystemClipboard::with_target(Box::new(Broken), Target::Osc52);
    let error = clipboard.copy("987654").unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(matches!(error, ClipboardError::Terminal(_)));
    assert!(shown.contains("terminal gone"), "{shown}");
    assert!(
        !shown.contains("987654") && !shown.contains("OTg3NjU0"),
        "{shown}"
    );
    let error = clipboard
        .clear_if_unchanged("987654", Target::Osc52)
        .unwrap_err();
    assert!(!format!("{error} {error:?}").contains("987654"));
}

#[test]
fn debug_does_not_show_the_text() {
    let buf = SharedBuf::default();
    let mut system = SystemClipboard::with_target(Box::new(buf), Target::Osc52);
    system.copy("135791").unwrap();
    assert!(!format!("{system:?}").contains("135791"));

    let mut fake = FakeClipboard::default();
    fake.copy("135791").unwrap();
    fake.set_contents("246802");
    let shown = format!("{fake:?}");
    assert!(
        !shown.contains("135791") && !shown.contains("246802"),
        "{shown}"
    );
}

#[test]
fn fake_records_copies_and_clears_what_it_holds() {
    let mut fake = FakeClipboard::default();
    assert_eq!(fake.copy("111111").unwrap(), Target::System);
    assert_eq!(fake.copy("222222").unwrap(), Target::System);
    assert_eq!(fake.copies(), ["111111", "222222"]);
    assert_eq!(fake.contents(), Some("222222"));

    // Not what it holds now.
    let outcome = fake.clear_if_unchanged("111111", Target::System).unwrap();
    assert_eq!(outcome, Cleared::Changed);
    assert_eq!(fake.contents(), Some("222222"));

    let outcome = fake.clear_if_unchanged("222222", Target::System).unwrap();
    assert_eq!(outcome, Cleared::Cleared);
    assert_eq!(fake.contents(), None);

    // Nothing left to clear.
    let outcome = fake.clear_if_unchanged("222222", Target::System).unwrap();
    assert_eq!(outcome, Cleared::Changed);
    assert_eq!(
        fake.clears(),
        [
            (Target::System, Cleared::Changed),
            (Target::System, Cleared::Cleared),
            (Target::System, Cleared::Changed),
        ]
    );
}

#[test]
fn fake_leaves_alone_what_someone_else_copied() {
    let mut fake = FakeClipboard::new(Target::System);
    fake.copy("123456").unwrap();
    fake.set_contents("a password from elsewhere");
    let outcome = fake.clear_if_unchanged("123456", Target::System).unwrap();
    assert_eq!(outcome, Cleared::Changed);
    assert_eq!(fake.contents(), Some("a password from elsewhere"));
    assert_eq!(fake.copies(), ["123456"]);
}

#[test]
fn fake_as_osc52_clears_blind() {
    let mut fake = FakeClipboard::new(Target::Osc52);
    assert_eq!(fake.copy("123456").unwrap(), Target::Osc52);
    fake.set_contents("something else");
    let outcome = fake.clear_if_unchanged("123456", Target::Osc52).unwrap();
    assert_eq!(outcome, Cleared::Blind);
    assert_eq!(fake.contents(), None);
    assert_eq!(fake.clears(), [(Target::Osc52, Cleared::Blind)]);

    fake.set_target(Target::System);
    assert_eq!(fake.copy("654321").unwrap(), Target::System);
}

#[test]
fn fake_fails_when_told_and_records_nothing() {
    for target in [Target::System, Target::Osc52] {
        let mut fake = FakeClipboard::new(target);
        fake.set_failing(true);
        let error = fake.copy("123456").unwrap_err();
        assert!(!error.to_string().contains("123456"));
        assert!(error.to_string().contains("simulated failure"), "{error}");
        assert!(fake.clear_if_unchanged("123456", target).is_err());
        assert!(fake.copies().is_empty() && fake.clears().is_empty());
        assert_eq!(fake.contents(), None);

        fake.set_failing(false);
        assert_eq!(fake.copy("123456").unwrap(), target);
    }
}

#[test]
fn clipboards_can_be_boxed_as_the_trait() {
    let mut clipboards: Vec<Box<dyn Clipboard>> = vec![
        Box::new(FakeClipboard::default()),
        Box::new(SystemClipboard::with_target(
            Box::new(io::sink()),
            Target::Osc52,
        )),
    ];
    for clipboard in &mut clipboards {
        assert!(clipboard.copy("1").is_ok());
    }
}

/// Needs an X server: `DISPLAY=:99 cargo test --lib clipboard -- --ignored` under Xvfb.
#[test]
#[ignore = "needs a display"]
fn system_clipboard_on_a_real_display() {
    let buf = SharedBuf::default();
    let mut clipboard = SystemClipboard::with_target(Box::new(buf.clone()), Target::System);
    assert_eq!(clipboard.copy("314159").unwrap(), Target::System);
    assert!(buf.take().is_empty());
    let outcome = clipboard.clear_if_unchanged("271828", Target::System);
    assert_eq!(outcome.unwrap(), Cleared::Changed);
    let outcome = clipboard.clear_if_unchanged("314159", Target::System);
    assert_eq!(outcome.unwrap(), Cleared::Cleared);
    let outcome = clipboard.clear_if_unchanged("314159", Target::System);
    assert_eq!(outcome.unwrap(), Cleared::Changed);
}

#[test]
fn system_clipboard_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<SystemClipboard>();
    assert_send::<FakeClipboard>();
}
