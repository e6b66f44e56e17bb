//! No wrong code is ever shown: at random times, after random jumps of the clock either way
//! and random kinds of message, the code on the rendered screen is the code of the step its
//! countdown is counting down, that step is the one holding the app's time, and the "next"
//! code shown in the last seconds is the following step's.

use credview::app::state::TokenView;
use credview::app::{App, Msg, Settings, update};
use credview::otp::{Timestamp, Totp};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Periods from 1 s to a day, every digit count and algorithm.
const VAULT: &str = r#"{"version": 1, "credentials": [
  {"id": 1, "username": "a", "totp": {"secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "period": 1}},
  {"id": 2, "username": "b", "totp": {"secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "period": 7, "digits": 7}},
  {"id": 3, "username": "c", "totp": {"secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "algorithm": "SHA256", "digits": 8}},
  {"id": 4, "username": "d", "totp": {"secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "period": 60, "algorithm": "SHA512"}},
  {"id": 5, "username": "e", "totp": "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=86400&digits=8"}
]}"#;

const WIDTH: u16 = 90;
const HEIGHT: u16 = 28;
/// 2500-01-01T00:00:00Z, in milliseconds.
const Y2500_MS: u64 = 16_725_225_600_000;

/// What the Token OTP bar says: the code, the seconds left, and the next code if shown.
#[derive(Debug)]
struct Bar {
    code: String,
    seconds: u64,
    next: Option<String>,
}

fn read_bar(app: &App) -> Bar {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .expect("draw");
    let rows: Vec<String> = terminal
        .backend()
        .buffer()
        .content
        .chunks(usize::from(WIDTH))
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect();
    let at = rows
        .iter()
        .position(|row| row.contains("Token OTP"))
        .expect("a Token OTP bar");
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    // `3 ││ 050 471   ━━━━──  4 s   next 123 456 ││`: list text can show left of the pop-up.
    rows[at + 1]
        .split('│')
        .find_map(|segment| {
            let words: Vec<&str> = segment
                .split(['━', '─'])
                .flat_map(str::split_whitespace)
                .collect();
            let s = words.iter().position(|w| *w == "s")?;
            if s < 3 || !digits(words[0]) || !digits(words[1]) {
                return None;
            }
            let next = words.iter().position(|w| *w == "next");
            Some(Bar {
                code: format!("{}{}", words[0], words[1]),
                seconds: words[s - 1].parse().ok()?,
                next: next.map(|n| words[n + 1..].concat()),
            })
        })
        .unwrap_or_else(|| panic!("no Token OTP bar in {:?}", rows[at + 1]))
}

/// The step whose end the countdown announces: the one multiple of the period in
/// (now + (seconds − 1) s, now + seconds s], minus one.
fn counted_step(totp: &Totp, now: Timestamp, seconds: u64) -> u64 {
    let period = totp.period_secs() * 1000;
    let high = now.as_millis() + seconds * 1000;
    let end = high / period * period;
    assert!(
        end > high - 1000 && end > 0,
        "{seconds} s left at {now:?} is no step's end (period {period} ms)"
    );
    end / period - 1
}

fn open(id: u64, now: Timestamp) -> App {
    let vault = credview::vault::parse("vault", VAULT.as_bytes()).expect("the vault parses");
    let mut app = App::new(vault, "vault".into(), Settings::default(), now);
    update(
        &mut app,
        Msg::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    for _ in 1..id {
        update(
            &mut app,
            Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE), now),
        );
    }
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), now),
    );
    assert_eq!(app.details_credential().map(|c| c.id), Some(id));
    app
}

fn check(app: &App) {
    let Some(TokenView::Code(token)) = app.details.as_ref().map(|d| &d.token) else {
        panic!("no code shown");
    };
    let totp = &token.totp;
    let bar = read_bar(app);
    let step = counted_step(totp, app.now, bar.seconds);
    assert_eq!(
        step,
        totp.step(app.now),
        "the countdown is not counting down now's step"
    );
    assert_eq!(
        bar.code,
        totp.code_for_step(step).to_string(),
        "{bar:?} at {:?}",
        app.now
    );
    if let Some(next) = bar.next {
        assert_eq!(
            next,
            totp.code_for_step(step + 1).to_string(),
            "next, at {:?}",
            app.now
        );
    }
}

/// A message at `now` of the kind `kind` picks: each of them brings the time.
fn message(kind: u8, now: Timestamp) -> Msg {
    let key = |code| Msg::Key(KeyEvent::new(code, KeyModifiers::NONE), now);
    match kind % 4 {
        0 => Msg::Tick(now),
        1 => key(KeyCode::Char('r')),
        2 => key(KeyCode::Char('x')),
        _ => Msg::Mouse(
            MouseEvent {
                kind: MouseEventKind::ScrollUp,
                column: 1,
                row: 1,
                modifiers: KeyModifiers::NONE,
            },
            now,
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Open at a random moment (1970 to 2500), then move the clock in random jumps.
    #[test]
    fn the_code_on_screen_is_the_code_of_the_counted_step(
        id in 1u64..=5,
        start in 0u64..Y2500_MS,
        moves in proptest::collection::vec((any::<u8>(), -90_000_000i64..90_000_000), 1..12),
    ) {
        let mut app = open(id, Timestamp::from_millis(start));
        check(&app);
        let mut now = start;
        for (kind, jump) in moves {
            // Mostly small steps, sometimes hours, either way.
            let jump = if kind & 0x80 == 0 { jump / 1000 } else { jump };
            now = now.saturating_add_signed(jump);
            update(&mut app, message(kind, Timestamp::from_millis(now)));
            check(&app);
        }
    }
}

/// Every millisecond around one boundary of each period: the pair is right on both sides.
#[test]
fn around_each_boundary_the_pair_is_right() {
    for (id, period) in [
        (1, 1_000),
        (2, 7_000),
        (3, 30_000),
        (4, 60_000),
        (5, 86_400_000),
    ] {
        let boundary = 1_795_608_000_000 / period * period;
        let mut app = open(id, Timestamp::from_millis(boundary - 1_500));
        for t in (boundary - 1_200..boundary + 1_200).step_by(7) {
            update(&mut app, Msg::Tick(Timestamp::from_millis(t)));
            check(&app);
        }
    }
}
