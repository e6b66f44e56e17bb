//! Time at its edges, with a fixed clock (no test sleeps): exact step boundaries, the clock
//! going back (NTP) and jumping forward (suspend and resume: right on the first frame after the
//! jump, whatever message comes first), times before 1970, the year 2038, the year 2500 and
//! the end of `u64` milliseconds.
//!
//! The vault is `tests/data/app-vault.json`: 101 is SHA1, 6 digits, 30 s; 102 the same seed
//! with 60 s; 201 SHA256, 8 digits, 30 s. Each check reads the code and the seconds left off
//! the rendered screen and compares them with the OTP engine at that moment.

use credview::app::state::TokenView;
use credview::app::{App, Msg, Settings, update};
use credview::clipboard::Target;
use credview::otp::{Timestamp, Totp};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const VAULT: &[u8] = include_bytes!("data/app-vault.json");
const BIN: &str = env!("CARGO_BIN_EXE_credview");

/// 2038-01-19T03:14:08Z, the first second a signed 32-bit time_t cannot hold.
const Y2038: u64 = 1 << 31;
/// 2500-01-01T00:00:00Z.
const Y2500: u64 = 16_725_225_600;

fn ms(millis: u64) -> Timestamp {
    Timestamp::from_millis(millis)
}

fn key(c: char, t: Timestamp) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), t)
}

/// An app at `t`, 100×30, with the Details of credential `id` open.
fn details(id: u64, t: Timestamp) -> App {
    let vault = credview::vault::parse("vault", VAULT).expect("the test vault parses");
    let mut app = App::new(vault, "vault".into(), Settings::default(), t);
    update(
        &mut app,
        Msg::Resize {
            width: 100,
            height: 30,
        },
    );
    for _ in 0..app.vault.credentials.len() {
        if app.selected_credential().map(|c| c.id) == Some(id) {
            break;
        }
        update(&mut app, key('j', t));
    }
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), t),
    );
    assert_eq!(app.details_credential().map(|c| c.id), Some(id));
    app
}

fn generator(app: &App) -> Totp {
    match &app.details.as_ref().expect("Details is open").token {
        TokenView::Code(token) => token.totp.clone(),
        other => panic!("no code: {other:?}"),
    }
}

/// The code (digits) and the seconds left, as the Token OTP bar shows them.
fn on_screen(app: &App) -> (String, u64) {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let rows: Vec<String> = buffer
        .content
        .chunks(100)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect();
    let bar = rows
        .iter()
        .position(|row| row.contains("Token OTP"))
        .and_then(|at| rows.get(at + 1))
        .expect("a Token OTP bar");
    // `dc││ 050 471   ━━━━──  30 s    next … ││`: list text can show left of the pop-up.
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    bar.split('│')
        .find_map(|segment| {
            let words: Vec<&str> = segment
                .split(['━', '─'])
                .flat_map(str::split_whitespace)
                .collect();
            let s = words.iter().position(|w| *w == "s")?;
            (s >= 3 && digits(words[0]) && digits(words[1])).then(|| {
                (
                    format!("{}{}", words[0], words[1]),
                    words[s - 1].parse().ok(),
                )
            })
        })
        .and_then(|(code, seconds)| Some((code, seconds?)))
        .unwrap_or_else(|| panic!("no code and seconds in {bar:?}"))
}

/// What the screen shows is the code of `now`'s step and the seconds left in that step.
fn assert_shows_now(app: &App, what: &str) {
    let totp = generator(app);
    let (code, seconds) = on_screen(app);
    assert_eq!(code, totp.code(app.now).to_string(), "{what}: the code");
    assert_eq!(seconds, totp.seconds_left(app.now), "{what}: the seconds");
}

#[test]
fn codes_change_exactly_at_step_boundaries() {
    for (id, period) in [(101, 30_000), (102, 60_000), (201, 30_000)] {
        for boundary in [
            period,
            1_111_111_110_000 / period * period,
            Y2038 * 1000 / period * period,
        ] {
            let mut app = details(id, ms(boundary - 1));
            assert_shows_now(&app, "one millisecond before");
            assert_eq!(on_screen(&app).1, 1);
            let before = on_screen(&app).0;
            update(&mut app, Msg::Tick(ms(boundary)));
            assert_shows_now(&app, "at the boundary");
            assert_eq!(on_screen(&app).1, period / 1000);
            assert_ne!(on_screen(&app).0, before, "{id} at {boundary}");
        }
    }
}

#[test]
fn the_clock_going_back_shows_the_earlier_step_again() {
    // 200 ms into a step, NTP steps the clock 500 ms back, into the step before.
    let boundary = 1_795_608_030_000;
    let mut app = details(101, ms(boundary + 200));
    let later = on_screen(&app).0;
    update(&mut app, Msg::Tick(ms(boundary - 300)));
    assert_shows_now(&app, "300 ms before the boundary");
    assert_eq!(on_screen(&app).1, 1);
    assert_ne!(on_screen(&app).0, later);
    // An hour back, and back within one step (the countdown grows, the code stays).
    let hour_back = boundary - 3_600_000 + 25_000;
    update(&mut app, Msg::Tick(ms(hour_back)));
    assert_shows_now(&app, "an hour back");
    let (code, seconds) = on_screen(&app);
    update(&mut app, Msg::Tick(ms(hour_back - 20_000)));
    assert_shows_now(&app, "20 s further back");
    assert_eq!(on_screen(&app).0, code);
    assert!(on_screen(&app).1 > seconds);
}

/// After a suspend (or any jump forward), the first message of any kind brings the new code.
#[test]
fn the_first_frame_after_a_jump_forward_is_right() {
    let t0 = 1_795_608_010_000;
    let after = ms(t0 + 8 * 3_600_000 + 12_345);
    let scroll = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 3,
        row: 3,
        modifiers: KeyModifiers::NONE,
    };
    let firsts = [
        ("a tick", Msg::Tick(after)),
        ("an unbound key", key('x', after)),
        ("r", key('r', after)),
        ("the wheel", Msg::Mouse(scroll, after)),
        ("a copy result", Msg::Copied(Ok(Target::Osc52), after)),
        ("an audit result", Msg::Audited(Ok(()), after)),
    ];
    for (what, first) in firsts {
        for id in [101, 102, 201] {
            let mut app = details(id, ms(t0));
            let before = on_screen(&app);
            update(&mut app, first.clone());
            assert_eq!(app.now, after);
            assert_shows_now(&app, what);
            assert_ne!(on_screen(&app), before, "{what}: the screen changed");
        }
    }
}

/// The CLI refuses a time before 1970 in so many words; the system clock check is a unit
/// test in `src/clock.rs` (a test cannot set the machine's clock).
#[test]
fn times_before_1970_are_refused_clearly() {
    let vault = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/app-vault.json");
    let runs: [&[&str]; 4] = [
        &["code", "101", "--at", "-1"],
        &["code", "101", "--at", "-9223372036854775808"],
        &["verify", "101", "123456", "--at", "-30"],
        &["render", "--credential", "101", "--at", "-1", "-"],
    ];
    for args in runs {
        let out = std::process::Command::new(BIN)
            .arg("--vault")
            .arg(vault)
            .args(["--no-audit"])
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run credview");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(stderr.contains("before 1970"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Around 2^31 s and in 2500 the codes are totp-rs's, in the app and from `credview code`.
#[test]
fn year_2038_and_2500_codes_are_right() {
    let secret = b"12345678901234567890";
    let reference = |period, t| {
        totp_rs::Builder::new()
            .with_algorithm(totp_rs::Algorithm::SHA1)
            .with_digits(6)
            .with_step_duration(period)
            .with_skew(0)
            .with_secret(secret.to_vec())
            .build_noncompliant()
            .generate(t)
            .to_string()
    };
    for t in [Y2038 - 1, Y2038, Y2038 + 1, 1 << 32, Y2500, Y2500 + 29] {
        let app = details(101, Timestamp::from_secs(t));
        assert_shows_now(&app, &format!("at {t}"));
        assert_eq!(on_screen(&app).0, reference(30, t), "101 at {t}");
        let app = details(102, Timestamp::from_secs(t));
        assert_eq!(on_screen(&app).0, reference(60, t), "102 at {t}");
        let out = std::process::Command::new(BIN)
            .args([
                "--no-audit",
                "--vault",
                concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/app-vault.json"),
            ])
            .args(["code", "101", "--at", &t.to_string()])
            .output()
            .expect("run credview code");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            reference(30, t)
        );
    }
}

/// The largest time a `Timestamp` holds: nothing overflows, the screen still draws.
#[test]
fn the_end_of_time_does_not_overflow() {
    let end = ms(u64::MAX);
    let mut app = details(101, end);
    update(&mut app, Msg::Tick(end));
    let wake = app.next_wakeup().expect("the countdown wants a wake-up");
    assert!(wake >= end);
    let (code, _) = on_screen(&app);
    assert_eq!(code, generator(&app).code(end).to_string());
    // Far past 2500 but a whole number of seconds: `code --at` takes the largest i64.
    let out = std::process::Command::new(BIN)
        .args([
            "--no-audit",
            "--vault",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/app-vault.json"),
        ])
        .args(["code", "101", "--at", &i64::MAX.to_string()])
        .output()
        .expect("run credview code");
    assert!(
        out.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
