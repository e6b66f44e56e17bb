//! Whole-screen snapshots of the HOTP bar before and after `n`, and of a Steam code, at a
//! fixed clock. The HOTP key is RFC 4226 Appendix D's (counter 0 gives 755224), the Steam key
//! KeePassXC's test key (FR8RV at 1511200518, from its tests/TestTotp.cpp).

use credview::app::msg::AuditRequest;
use credview::app::{App, Effect, Msg, Settings, update};
use credview::otp::Timestamp;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An HOTP credential (RFC 4226's key) and a Steam one (KeePassXC's test key).
const VAULT: &str = include_str!("data/hotp-steam-vault.json");

const NOW: u64 = 1_511_200_518;

fn at() -> Timestamp {
    Timestamp::from_secs(NOW)
}

fn app() -> App {
    let vault = credview::vault::parse("test", VAULT.as_bytes()).expect("the vault parses");
    let mut app = App::new(vault, "test".into(), Settings::default(), at());
    update(
        &mut app,
        Msg::Resize {
            width: 80,
            height: 24,
        },
    );
    app
}

fn key(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), at()),
    )
}

fn open(app: &mut App, id: u64) {
    key(app, 'g');
    while app.selected_credential().map(|c| c.id) != Some(id) {
        key(app, 'j');
    }
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), at()),
    );
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .expect("drawing");
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the edge answers to `Effect::Advance`: the vault's counter moved from 0 to 1.
fn advanced(app: &App, request: &AuditRequest) -> Msg {
    let credential = app
        .vault
        .credentials
        .iter()
        .find(|c| c.id == request.credential_id)
        .expect("the credential");
    let mut written = credential.hotp.as_deref().expect("an HOTP key").clone();
    written.counter += 1;
    Msg::Advanced {
        id: request.credential_id,
        result: Ok((written.counter - 1, written)),
        now: at(),
    }
}

#[test]
fn hotp_bar_hides_the_code_until_n() {
    let mut app = app();
    open(&mut app, 1);
    let before = screen(&app);
    assert!(before.contains("HOTP · counter 0"));
    assert!(!before.contains("755"));
    assert_snapshot!("hotp_bar_before_n", before);

    // `c` and `r` before `n`: plain sentences, nothing copied or advanced.
    assert!(key(&mut app, 'c').is_empty());
    key(&mut app, 'r');
    assert!(screen(&app).contains("HOTP codes do not expire: n gives the next one"));

    let effects = key(&mut app, 'n');
    let [Effect::Advance(request)] = effects.as_slice() else {
        panic!("n must ask the edge to advance the counter first: {effects:?}");
    };
    assert_eq!(request.credential_id, 1);
    // Nothing shows until the vault answers.
    assert!(!screen(&app).contains("755"));
    let answer = advanced(&app, request);
    update(&mut app, answer);
    let after = screen(&app);
    assert!(after.contains("755 224") && after.contains("HOTP · counter 1"));
    assert_snapshot!("hotp_bar_after_n", after);

    // `c` copies the shown code once the audit log has it.
    let effects = key(&mut app, 'c');
    assert!(matches!(effects.as_slice(), [Effect::Audit(_)]));
    let effects = update(&mut app, Msg::Audited(Ok(()), at()));
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("no copy: {effects:?}");
    };
    assert_eq!(text.as_str(), "755224");
}

#[test]
fn a_failed_advance_shows_no_code() {
    let mut app = app();
    open(&mut app, 1);
    let effects = key(&mut app, 'n');
    assert!(matches!(effects.as_slice(), [Effect::Advance(_)]));
    let failed = Msg::Advanced {
        id: 1,
        result: Err("the vault is locked by pid 42".into()),
        now: at(),
    };
    update(&mut app, failed);
    let screen = screen(&app);
    assert!(screen.contains("no code: the vault is locked by pid 42"));
    assert!(screen.contains("HOTP · counter 0") && !screen.contains("755"));
}

#[test]
fn steam_code_on_screen() {
    let mut app = app();
    open(&mut app, 2);
    let screen = screen(&app);
    assert!(screen.contains("FR8RV"), "{screen}");
    assert_snapshot!("steam_code", screen);
}
