//! Bytes to a script of messages (keys, mouse, resizes, ticks, clipboard and audit answers)
//! for `update`, with the vault read whole or delivered in batches (`Loaded`) and searches
//! carried on in turns (`Work`), each message followed by a render and the invariants:
//! - the selection is in range and the list scroll inside the list;
//! - a pop-up belongs to an existing credential and shows what its access allows;
//! - after any message that carries a time, the code held is the code of that time's step,
//!   and the countdown is inside that step;
//! - a copied token is the code of the moment of the copy;
//! - rendering never panics and never puts a control character on screen.

use credview::app::state::TokenView;
use credview::app::{App, Effect, Msg, Settings, update};
use credview::clipboard::Target;
use credview::otp::Timestamp;
use credview::vault::Credential;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const VAULTS: [&[u8]; 4] = [
    include_bytes!("../data/app-vault.json"),
    include_bytes!("../data/fuzz-vault.json"),
    include_bytes!("../data/e2e-vault.json"),
    br#"{"version": 1, "credentials": []}"#,
];

/// 2026-11-25 12:00:10 UTC.
const START: u64 = 1_795_608_010_000;
/// Scripts longer than this are cut: the fuzzer should spend its time on variety.
const MAX_MESSAGES: usize = 64;
const MAX_WIDTH: u16 = 260;
const MAX_HEIGHT: u16 = 90;

/// Reads the script's bytes front to back; past the end, every read is zero.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        let Some((&first, rest)) = self.0.split_first() else {
            return 0;
        };
        self.0 = rest;
        first
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }

    fn u64(&mut self) -> u64 {
        let (value, rest) = super::take_u64(self.0);
        self.0 = rest;
        value
    }
}

const KEYS: [KeyCode; 16] = [
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Backspace,
    KeyCode::Tab,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Delete,
    KeyCode::F(1),
    KeyCode::Null,
    KeyCode::BackTab,
];

/// Characters the app binds, and a few that stress the filter (wide, combining, control).
const CHARS: &[char] = &[
    'j', 'k', 'g', 'G', '/', '?', 'q', 'r', 'c', 'y', 'v', 'p', 'Q', 'z', 'b', 'f', 'u', 'w', ' ',
    '1', '0', 'a', 'e', 's', 'o', 'x', '.', '@', '東', '\u{301}', '\u{1b}', '\u{0}', 'ß', 'İ',
    '🔑', '\u{202e}',
];

fn key(bytes: &mut Bytes) -> KeyEvent {
    let pick = bytes.u8();
    let code = if pick < 64 {
        KEYS[usize::from(pick) % KEYS.len()]
    } else if pick < 250 {
        KeyCode::Char(CHARS[usize::from(pick) % CHARS.len()])
    } else {
        KeyCode::Char(char::from_u32(u32::from(bytes.u16())).unwrap_or('\u{fffd}'))
    };
    let flags = bytes.u8();
    let modifiers = KeyModifiers::from_bits_truncate(flags & 0b111);
    let kind = match flags >> 6 {
        0 | 1 => KeyEventKind::Press,
        2 => KeyEventKind::Repeat,
        _ => KeyEventKind::Release,
    };
    KeyEvent {
        code,
        modifiers,
        kind,
        state: KeyEventState::NONE,
    }
}

fn mouse(bytes: &mut Bytes) -> MouseEvent {
    let button = [MouseButton::Left, MouseButton::Right, MouseButton::Middle];
    let pick = bytes.u8();
    let kind = match pick % 8 {
        0..=2 => MouseEventKind::Down(button[usize::from(pick / 8) % 3]),
        3 => MouseEventKind::Up(MouseButton::Left),
        4 => MouseEventKind::ScrollDown,
        5 => MouseEventKind::ScrollUp,
        6 => MouseEventKind::Drag(MouseButton::Left),
        _ => MouseEventKind::ScrollRight,
    };
    MouseEvent {
        kind,
        column: u16::from(bytes.u8()),
        row: u16::from(bytes.u8()),
        modifiers: KeyModifiers::NONE,
    }
}

/// The next moment: mostly small steps forward, sometimes jumps either way or to extremes.
fn advance(bytes: &mut Bytes, now: u64) -> u64 {
    match bytes.u8() {
        0..=159 => now.saturating_add(u64::from(bytes.u16())),
        160..=199 => now.saturating_add(u64::from(bytes.u16()) * 1000),
        200..=219 => now.saturating_sub(u64::from(bytes.u16()) * 1000),
        220..=229 => now.saturating_add(bytes.u64() % (1 << 50)),
        230..=239 => now.saturating_sub(bytes.u64() % (1 << 50)),
        240 => 0,
        241 => (1u64 << 31) * 1000 - 1 + u64::from(bytes.u8() % 3),
        242 => 16_725_225_600_000,
        243 => u64::MAX - u64::from(bytes.u16()),
        _ => now,
    }
}

/// The next message; `unread` holds credentials the vault reader has still to deliver.
fn message(bytes: &mut Bytes, now: &mut u64, unread: &mut Vec<Credential>) -> Msg {
    let op = bytes.u8();
    if op % 20 >= 16 {
        if op % 20 >= 18 && !unread.is_empty() {
            let take = usize::from(bytes.u8() % 4).min(unread.len());
            let batch: Vec<Credential> = unread.drain(..take).collect();
            return Msg::Loaded(batch, unread.is_empty());
        }
        return Msg::Work;
    }
    *now = advance(bytes, *now);
    let at = Timestamp::from_millis(*now);
    match op % 16 {
        0..=7 => Msg::Key(key(bytes), at),
        8 | 9 => Msg::Mouse(mouse(bytes), at),
        10 => Msg::Resize {
            width: bytes.u16() % (MAX_WIDTH + 1),
            height: bytes.u16() % (MAX_HEIGHT + 1),
        },
        11 | 12 => Msg::Tick(at),
        13 => Msg::Copied(
            match bytes.u8() % 3 {
                0 => Ok(Target::System),
                1 => Ok(Target::Osc52),
                _ => Err("no clipboard".to_owned()),
            },
            at,
        ),
        _ => Msg::Audited(
            if bytes.u8().is_multiple_of(4) {
                Err("disk full".to_owned())
            } else {
                Ok(())
            },
            at,
        ),
    }
}

/// Runs the script in `data` and checks the invariants after every message.
pub fn app_update(data: &[u8]) {
    let mut bytes = Bytes(data);
    let vault_bytes = VAULTS[usize::from(bytes.u8()) % VAULTS.len()];
    let Ok(vault) = credview::vault::parse("fuzz", vault_bytes) else {
        panic!("a fuzz vault does not parse");
    };
    let mut now = START;
    let mode = bytes.u8();
    // A small search step, so that `Work` messages carry a search on in several turns.
    let settings = Settings {
        search_step: usize::from(mode >> 4) + 1,
        ..Settings::default()
    };
    let start = Timestamp::from_millis(now);
    // Half the scripts read the vault as the TUI does: a first batch, then the rest in `Loaded`.
    let (mut app, mut unread) = if mode & 1 == 0 {
        (
            App::new(vault, "fuzz".to_owned(), settings, start),
            Vec::new(),
        )
    } else {
        let mut app = App::loading("fuzz".to_owned(), settings, start);
        let mut unread = vault.credentials;
        let first: Vec<Credential> = unread.drain(..unread.len().min(1)).collect();
        update(&mut app, Msg::Loaded(first, unread.is_empty()));
        (app, unread)
    };
    let mut terminal = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(terminal) => terminal,
        Err(e) => panic!("a test terminal: {e}"),
    };
    for _ in 0..MAX_MESSAGES {
        if bytes.0.is_empty() {
            break;
        }
        let msg = message(&mut bytes, &mut now, &mut unread);
        let effects = update(&mut app, msg);
        check(&app, &effects);
        render(&mut terminal, &app);
    }
}

pub fn check(app: &App, effects: &[Effect]) {
    let items = app.rows.item_count();
    assert!(
        app.selected < items || (items == 0 && app.selected == 0),
        "selected {} of {items}",
        app.selected
    );
    assert!(
        app.offset <= app.rows.rows.len(),
        "offset {} past the list",
        app.offset
    );
    assert_eq!(effects.contains(&Effect::Quit), app.quit);
    // A wake-up that is not in the future would spin the event loop.
    if let Some(wake) = app.next_wakeup() {
        assert!(
            wake > app.now || wake.as_millis() == u64::MAX,
            "wake at {wake:?}, now {:?}",
            app.now
        );
    }
    let Some(details) = &app.details else {
        return;
    };
    let Some(credential) = app.vault.credentials.get(details.credential) else {
        panic!(
            "a pop-up for credential #{} of {}",
            details.credential,
            app.vault.credentials.len()
        );
    };
    match (&details.token, &credential.totp) {
        (TokenView::NoTotp, None) => assert!(credential.hotp.is_none()),
        (TokenView::NoPermission, _) => assert!(!credential.access.can_see_token()),
        (TokenView::Hotp(hotp), None) => {
            assert!(credential.access.can_see_token());
            let stored = credential.hotp.as_ref().map(|h| h.counter);
            assert_eq!(
                Some(hotp.counter),
                stored,
                "the bar's counter is not the stored one"
            );
        }
        (TokenView::Code(token), Some(totp)) => {
            assert!(credential.access.can_see_token());
            // Every message leaves the code of the app's time, timed or not.
            let generator = totp.generator();
            assert_eq!(
                token.step,
                generator.step(app.now),
                "the code is of another step"
            );
            assert!(token.code == generator.code(app.now), "a wrong code");
            let left = token.millis_left(app.now);
            let period = generator.period_secs() * 1000;
            assert!(
                left > 0 || app.now.as_millis() > u64::MAX - period,
                "{left} ms left"
            );
            assert!(left <= period, "{left} ms left of a {period} ms step");
            for effect in effects {
                if let (Effect::Copy(text), Some((_, credview::app::state::Sensitive::TokenCopy))) =
                    (effect, &app.copying)
                {
                    assert_eq!(text.as_str(), token.code.to_string(), "copied another code");
                }
            }
        }
        (view, totp) => panic!("{view:?} for a credential with totp {}", totp.is_some()),
    }
}

fn render(terminal: &mut Terminal<TestBackend>, app: &App) {
    let (width, height) = app.size;
    terminal.backend_mut().resize(width, height);
    if let Err(e) = terminal.resize(ratatui::layout::Rect::new(0, 0, width, height)) {
        panic!("resize to {width}×{height}: {e}");
    }
    if let Err(e) = terminal.draw(|frame| credview::ui::render(app, frame)) {
        panic!("draw at {width}×{height}: {e}");
    }
    for cell in &terminal.backend().buffer().content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "a control character on screen: {:?}",
            cell.symbol()
        );
    }
}
