//! Snapshots of the enrolment forms, driven like the other screens by a script of messages at
//! a fixed clock: "Set TOTP secret" and "Add credential", each empty, while typing, with an
//! error, and saved (the edge's `Msg::Saved` answering the form's `Effect::Save`). The saved
//! code is RFC 6238's SHA1 seed at the fixed time, checked here against totp-rs.

use credview::app::form::Change;
use credview::app::msg::{Pasted, Saved};
use credview::app::{App, Effect, Msg, Settings, update};
use credview::otp::Timestamp;
use credview::vault::write::blank_credential;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
mod screen_text;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zeroize::Zeroizing;

const VAULT: &[u8] = include_bytes!("data/app-vault.json");
/// 2026-11-25 12:00:10 UTC: 20 s left in the step.
const NOW: u64 = 1_795_608_010;
/// The RFC 6238 SHA1 seed, in base32.
const SEED: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

fn at() -> Timestamp {
    Timestamp::from_secs(NOW)
}

struct Screen {
    app: App,
}

impl Screen {
    fn new() -> Self {
        let vault = credview::vault::parse("vault.json", VAULT).unwrap();
        let mut app = App::new(vault, "vault.json".into(), Settings::default(), at());
        update(
            &mut app,
            Msg::Resize {
                width: 90,
                height: 30,
            },
        );
        Self { app }
    }

    fn press(&mut self, code: KeyCode) -> Vec<Effect> {
        update(
            &mut self.app,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE), at()),
        )
    }

    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    fn open(&mut self, id: u64) {
        self.press(KeyCode::Char('g'));
        while self.app.selected_credential().map(|c| c.id) != Some(id) {
            self.press(KeyCode::Char('j'));
        }
        self.press(KeyCode::Enter);
    }

    fn text(&self) -> String {
        let mut terminal = Terminal::new(TestBackend::new(90, 30)).unwrap();
        terminal
            .draw(|frame| credview::ui::render(&self.app, frame))
            .unwrap();
        screen_text::text(terminal.backend().buffer())
    }
}

/// The code of `seed` (SHA1, 30 s) at `NOW`, from totp-rs.
fn reference_code(seed: &str, digits: usize) -> String {
    let secret = totp_rs::Secret::try_from_base32(seed).unwrap();
    let code = totp_rs::Builder::new()
        .with_secret(secret)
        .with_digits(digits as u8)
        .build_noncompliant()
        .generate(NOW);
    format!("{code:0digits$}")
}

#[test]
fn set_totp_secret_form() {
    let mut screen = Screen::new();
    screen.open(103);
    screen.press(KeyCode::Char('t'));
    assert_snapshot!("form_set_totp_empty", screen.text());
    screen.typed("gezd gnbv gy3t qojq");
    assert_snapshot!("form_set_totp_typing", screen.text());
    screen.typed("!");
    assert_snapshot!("form_set_totp_error", screen.text());
    screen.press(KeyCode::Backspace);
    screen.typed("gezdgnbvgy3tqojq");
    let effects = screen.press(KeyCode::Enter);
    let [Effect::Save(Change::SetTotp { id: 103, totp })] = effects.as_slice() else {
        panic!("Enter saves: {effects:?}");
    };
    assert_eq!(totp.secret.to_base32().as_str(), SEED);
    // The edge wrote it; the credential comes back as written.
    let mut credential = screen.app.vault.credentials[2].clone();
    credential.totp = Some(Box::new(totp.clone()));
    update(
        &mut screen.app,
        Msg::Saved(
            Ok(Saved {
                credential,
                warning: None,
            }),
            at(),
        ),
    );
    let saved = screen.text();
    assert!(saved.contains(&format!(
        "{} {}",
        &reference_code(SEED, 6)[..3],
        &reference_code(SEED, 6)[3..]
    )));
    assert_snapshot!("form_set_totp_saved", saved);
}

#[test]
fn replacing_a_secret_asks_first_and_a_failed_save_says_why() {
    let mut screen = Screen::new();
    screen.open(101);
    screen.press(KeyCode::Char('t'));
    screen.typed(SEED);
    assert!(
        screen.press(KeyCode::Enter).is_empty(),
        "the first Enter asks"
    );
    assert!(screen.text().contains("Enter again replaces it"));
    assert!(matches!(
        screen.press(KeyCode::Enter).as_slice(),
        [Effect::Save(Change::SetTotp { id: 101, .. })]
    ));
    let failed = "vault.json: no space left to write the new version; the vault is unchanged";
    update(&mut screen.app, Msg::Saved(Err(failed.into()), at()));
    assert!(
        screen.text().contains("✗ vault.json: no space left"),
        "{}",
        screen.text()
    );
    screen.press(KeyCode::Esc);
    assert!(screen.app.form.is_none());
    assert!(screen.text().contains("cancelled: nothing was written"));
}

#[test]
fn add_credential_form() {
    let mut screen = Screen::new();
    screen.press(KeyCode::Char('a'));
    assert_snapshot!("form_add_empty", screen.text());
    screen.typed("me@example.com");
    screen.press(KeyCode::Tab);
    screen.typed("z-api.io");
    assert_snapshot!("form_add_typing", screen.text());
    screen.press(KeyCode::Tab);
    screen.typed("8");
    assert_snapshot!("form_add_error", screen.text());
    screen.press(KeyCode::Backspace);
    let uri = format!("otpauth://totp/Z-API:me?secret={SEED}&issuer=Z-API&digits=8");
    update(
        &mut screen.app,
        Msg::Paste(Pasted(Zeroizing::new(uri)), at()),
    );
    let effects = screen.press(KeyCode::Enter);
    let [
        Effect::Save(Change::Add {
            username,
            hostname,
            totp: Some(totp),
        }),
    ] = effects.as_slice()
    else {
        panic!("Enter saves: {effects:?}");
    };
    assert_eq!(
        (username.as_str(), hostname.as_deref()),
        ("me@example.com", Some("z-api.io"))
    );
    let mut credential = blank_credential(username);
    credential.id = 303;
    credential.device = std::sync::Arc::new(credview::vault::Device {
        hostname: Some("z-api.io".into()),
        ..Default::default()
    });
    credential.totp = Some(Box::new(totp.clone()));
    update(
        &mut screen.app,
        Msg::Saved(
            Ok(Saved {
                credential,
                warning: None,
            }),
            at(),
        ),
    );
    let saved = screen.text();
    let code = reference_code(SEED, 8);
    assert!(
        saved.contains(&format!("{} {}", &code[..4], &code[4..])),
        "{saved}"
    );
    assert_snapshot!("form_add_saved", saved);
}

#[test]
fn the_demo_vault_keeps_the_keys_but_says_why_not() {
    let vault = credview::vault::Source::Demo.load().unwrap();
    let mut app = App::new(
        vault,
        credview::vault::DEMO_NAME.into(),
        Settings::default(),
        at(),
    );
    update(
        &mut app,
        Msg::Resize {
            width: 90,
            height: 30,
        },
    );
    let mut screen = Screen { app };
    screen.press(KeyCode::Char('a'));
    assert!(screen.app.form.is_none());
    assert!(screen.text().contains("demo vault cannot be changed"));
    screen.press(KeyCode::Enter);
    screen.press(KeyCode::Char('t'));
    assert!(screen.app.form.is_none());
    assert!(screen.text().contains("credview init"));
}
