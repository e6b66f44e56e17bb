//! The main screens at 80×24 in English and in Portuguese (Brazil), side by side: the same
//! script of messages at a fixed clock, rendered into ratatui's `TestBackend` once in each
//! language. Portuguese is longer, so these are where a label that no longer fits would show;
//! each snapshot in `tests/snapshots/` was read by a person, and the checks here catch a
//! sentence cut mid-word.
//!
//! The demo vault is what a first-time user sees (read-only); the test vault
//! (`tests/data/app-vault.json`) can be written, so its Details point to the `t` form.

use credview::app::clock::ClockCheck;
use credview::app::{App, Effect, Msg, Settings, update};
use credview::clipboard::Target;
use credview::i18n::{Language, speak};
use credview::otp::Timestamp;
use credview::vault::Source;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
mod screen_text;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const TEST_VAULT: &[u8] = include_bytes!("data/app-vault.json");

/// 2026-11-25 12:00:10 UTC: 10 s into a 30 s step (20 s left), close to the demo's dates.
const NOW: u64 = 1_795_608_010;
/// 2 s before that step ends: the next code shows, and a copy warns that it expires.
const LATE: u64 = NOW + 18;

const LANGUAGES: [(Language, &str); 2] = [
    (Language::English, "en"),
    (Language::PortugueseBrazil, "pt_br"),
];

fn at(secs: u64) -> Timestamp {
    Timestamp::from_secs(secs)
}

struct Screen {
    app: App,
}

impl Screen {
    fn demo() -> Self {
        let source = Source::Demo;
        let vault = source.load().expect("the demo vault loads");
        Self::start(App::new(vault, source.name(), Settings::default(), at(NOW)))
    }

    fn writable() -> Self {
        let vault = credview::vault::parse("vault.json", TEST_VAULT).expect("the test vault");
        Self::start(App::new(
            vault,
            "vault.json".into(),
            Settings::default(),
            at(NOW),
        ))
    }

    /// An HOTP credential (RFC 4226's key) and a Steam one (KeePassXC's test key).
    fn hotp_and_steam() -> Self {
        const VAULT: &str = include_str!("data/hotp-steam-vault.json");
        let vault = credview::vault::parse("test", VAULT.as_bytes()).expect("the vault parses");
        Self::start(App::new(vault, "test".into(), Settings::default(), at(NOW)))
    }

    fn start(app: App) -> Self {
        let mut screen = Self { app };
        screen.send(Msg::Resize {
            width: 80,
            height: 24,
        });
        screen
    }

    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        update(&mut self.app, msg)
    }

    fn press(&mut self, code: KeyCode, secs: u64) -> Vec<Effect> {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        self.send(Msg::Key(KeyEvent::new(code, modifiers), at(secs)))
    }

    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c), NOW);
        }
    }

    fn open(&mut self, id: u64) {
        self.press(KeyCode::Char('g'), NOW);
        for _ in 0..self.app.vault.credentials.len() {
            if self.app.selected_credential().map(|c| c.id) == Some(id) {
                break;
            }
            self.press(KeyCode::Char('j'), NOW);
        }
        self.press(KeyCode::Enter, NOW);
        assert_eq!(self.app.details_credential().map(|c| c.id), Some(id));
    }

    fn text(&self) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        terminal
            .draw(|frame| credview::ui::render(&self.app, frame))
            .expect("drawing into a test terminal");
        screen_text::text(terminal.backend().buffer())
    }
}

/// Runs `script` in each language and snapshots the screen it leaves as `<name>_<language>`.
/// The catalogue's sentences on it must be whole: `whole` holds some, in both languages.
fn both(name: &str, script: impl Fn() -> Screen, whole: &[(Language, &str)]) {
    for (language, suffix) in LANGUAGES {
        let _speaking = speak(language);
        let text = script().text();
        for line in text.lines() {
            assert!(line.width() <= 80, "{suffix}: wider than 80: {line:?}");
        }
        for (_, sentence) in whole.iter().filter(|(l, _)| *l == language) {
            assert!(
                text.contains(sentence),
                "{suffix}: {sentence:?} is not whole on screen:\n{text}"
            );
        }
        assert_snapshot!(format!("{name}_{suffix}"), text);
    }
}

use Language::{English as En, PortugueseBrazil as Pt};

#[test]
fn the_list() {
    both(
        "both_list",
        Screen::demo,
        &[
            (En, "Credentials > All"),
            (En, "20 credentials"),
            (Pt, "Credenciais > Todas"),
            (Pt, "20 credenciais"),
            (Pt, "Visualizada em"),
            (Pt, "20/11/2026 14:03"),
            (Pt, "Enter detalhes"),
            (Pt, "? ajuda"),
        ],
    );
}

#[test]
fn the_list_filtered_to_one_credential_says_credential_once() {
    both(
        "both_list_one_match",
        || {
            let mut screen = Screen::demo();
            screen.press(KeyCode::Char('/'), NOW);
            screen.typed("tier0");
            screen.press(KeyCode::Enter, NOW);
            screen.press(KeyCode::Esc, NOW);
            screen
        },
        &[
            (En, "1 of 20 credentials"),
            (Pt, "1 de 20 credenciais"),
            (Pt, "filtro: tier0   (/ edita, Esc limpa)"),
        ],
    );
}

#[test]
fn a_filter_that_matches_nothing() {
    both(
        "both_list_no_match",
        || {
            let mut screen = Screen::demo();
            screen.press(KeyCode::Char('/'), NOW);
            screen.typed("zzz");
            screen
        },
        &[
            (En, "No credential matches \"zzz\". Esc clears the filter."),
            (
                Pt,
                "Nenhuma credencial corresponde a \"zzz\". Esc limpa o filtro.",
            ),
        ],
    );
}

#[test]
fn details_with_the_token_otp_bar() {
    both(
        "both_details",
        || {
            let mut screen = Screen::demo();
            screen.open(101);
            screen
        },
        &[
            (Pt, "Detalhes · root@"),
            (Pt, "Token OTP"),
            (Pt, "SHA1 · 6 dígitos · período de 30 s"),
            (Pt, "Visualizada em"),
            (Pt, "Iniciar sessão"),
            (Pt, "c y copiar"),
            (Pt, "q sair"),
        ],
    );
}

#[test]
fn details_in_the_last_seconds_show_the_next_code() {
    both(
        "both_details_next_code",
        || {
            let mut screen = Screen::writable();
            screen.open(101);
            screen.send(Msg::Tick(at(LATE)));
            screen
        },
        &[(En, "next "), (Pt, "próximo ")],
    );
}

#[test]
fn details_without_totp_point_to_t() {
    both(
        "both_details_no_totp",
        || {
            let mut screen = Screen::writable();
            screen.open(103);
            screen
        },
        &[
            (En, "Press t to set its TOTP secret"),
            (Pt, "Nenhum TOTP configurado para esta credencial."),
            (Pt, "Pressione t para definir a chave secreta TOTP"),
        ],
    );
}

#[test]
fn details_without_permission() {
    both(
        "both_details_no_permission",
        || {
            let mut screen = Screen::writable();
            screen.open(202);
            screen.press(KeyCode::Char('c'), NOW);
            screen
        },
        &[
            (Pt, "Você não tem permissão para ver este token."),
            (
                Pt,
                "Seu acesso não permite ver a senha nem iniciar uma sessão.",
            ),
            (Pt, "você não tem permissão para ver este token"),
            (En, "hidden: not permitted"),
            (Pt, "oculta: sem permissão"),
        ],
    );
}

#[test]
fn help() {
    both(
        "both_help",
        || {
            let mut screen = Screen::demo();
            screen.press(KeyCode::Char('?'), NOW);
            screen
        },
        &[
            (Pt, "Ajuda · Esc fecha"),
            (Pt, "definir a chave secreta TOTP"),
            (Pt, "fechar código QR ou Detalhes"),
            (Pt, "Ao digitar um filtro"),
        ],
    );
}

#[test]
fn the_set_totp_secret_form() {
    both(
        "both_form_set_totp",
        || {
            let mut screen = Screen::writable();
            screen.open(103);
            screen.press(KeyCode::Char('t'), NOW);
            screen.typed("gezd gnbv gy3t qojq");
            screen
        },
        &[
            (Pt, "Definir chave secreta TOTP · postgres@srv-db-01"),
            (Pt, "Chave secreta"),
            (Pt, "chave curta: 80 bits (recomenda-se 128 ou mais)"),
            (
                Pt,
                "Enter salva   Tab avança   ←→ muda   cole chave ou URI   Esc cancela",
            ),
        ],
    );
}

#[test]
fn the_add_credential_form_with_a_problem() {
    both(
        "both_form_add",
        || {
            let mut screen = Screen::writable();
            screen.press(KeyCode::Char('a'), NOW);
            screen.press(KeyCode::Enter, NOW);
            screen
        },
        &[(Pt, "Adicionar credencial"), (Pt, "✗ o usuário está vazio")],
    );
}

#[test]
fn the_remove_confirmation() {
    both(
        "both_form_remove",
        || {
            let mut screen = Screen::writable();
            screen.open(101);
            screen.press(KeyCode::Char('x'), NOW);
            screen
        },
        &[
            (
                Pt,
                "A chave secreta é apagada do cofre; seus códigos param aqui.",
            ),
            (Pt, "Remover? y / n"),
            (Pt, "y ou Enter remove   n ou Esc mantém"),
        ],
    );
}

#[test]
fn a_late_copy_on_the_status_line() {
    both(
        "both_status_late_copy",
        || {
            let mut screen = Screen::writable();
            screen.open(101);
            screen.press(KeyCode::Char('c'), LATE);
            screen.send(Msg::Audited(Ok(()), at(LATE)));
            screen.send(Msg::Copied(Ok(Target::System), at(LATE)));
            screen
        },
        &[
            (
                En,
                "token copied to the system clipboard; cleared in 30 s. It expires in 2 s!",
            ),
            (
                Pt,
                "token copiado (área de transferência do sistema); limpa em 30 s. Expira em 2 s!",
            ),
        ],
    );
}

#[test]
fn an_error_on_the_status_line() {
    both(
        "both_status_audit_refused",
        || {
            let mut screen = Screen::writable();
            screen.open(101);
            screen.press(KeyCode::Char('c'), NOW);
            screen.send(Msg::Audited(Err("disk full".into()), at(NOW)));
            screen
        },
        &[(
            Pt,
            "recusado: o registro de auditoria não pôde ser gravado (disk full)",
        )],
    );
}

#[test]
fn a_wrong_clock_on_the_status_line() {
    both(
        "both_status_clock_wrong",
        || {
            let mut screen = Screen::demo();
            screen.send(Msg::ClockChecked(ClockCheck::Measured {
                server: "pool.ntp.org".into(),
                offset_millis: -90_000,
            }));
            screen
        },
        &[
            (
                En,
                "⚠ clock 90 s ahead of pool.ntp.org: codes are wrong; run credview time sync",
            ),
            (
                Pt,
                "⚠ relógio 90 s adiantado: códigos errados; execute credview time sync",
            ),
        ],
    );
}

#[test]
fn a_clock_at_risk_drops_the_server_name_before_the_advice() {
    both(
        "both_status_clock_at_risk",
        || {
            let mut screen = Screen::demo();
            screen.send(Msg::ClockChecked(ClockCheck::Measured {
                server: "pool.ntp.org".into(),
                offset_millis: 4_000,
            }));
            screen
        },
        &[
            (
                En,
                "⚠ clock 4 s behind: codes at risk near each step's end; run credview time sync",
            ),
            (
                Pt,
                "⚠ relógio 4 s atrasado: códigos em risco; execute credview time sync",
            ),
        ],
    );
}

#[test]
fn an_hotp_bar_before_n() {
    both(
        "both_hotp_before_n",
        || {
            let mut screen = Screen::hotp_and_steam();
            screen.open(1);
            screen
        },
        &[
            (En, "HOTP · counter 0"),
            (Pt, "HOTP · contador 0"),
            (
                Pt,
                "Pressione n para o próximo código; o contador é salvo no cofre antes.",
            ),
            (Pt, "n próximo código"),
        ],
    );
}

#[test]
fn a_steam_code() {
    both(
        "both_steam",
        || {
            let mut screen = Screen::hotp_and_steam();
            screen.open(2);
            screen
        },
        &[(Pt, "Steam Guard · 5 caracteres · período de 30 s")],
    );
}

#[test]
fn replacing_a_secret_asks_first() {
    both(
        "both_form_replace",
        || {
            let mut screen = Screen::writable();
            screen.open(101);
            screen.press(KeyCode::Char('t'), NOW);
            screen.typed("gezdgnbvgy3tqojqgezdgnbvgy3tqojq");
            screen.press(KeyCode::Enter, NOW);
            screen
        },
        &[
            (
                En,
                "✗ this credential has a TOTP secret already: Enter again replaces it",
            ),
            (
                Pt,
                "✗ já existe chave secreta TOTP: Enter de novo a substitui",
            ),
        ],
    );
}

#[test]
fn details_without_totp_on_the_demo_vault_point_to_init() {
    both(
        "both_details_no_totp_demo",
        || {
            let mut screen = Screen::demo();
            screen.open(103);
            screen.press(KeyCode::Char('t'), NOW);
            screen
        },
        &[
            (
                En,
                "The demo vault is read-only; `credview init` makes one of your own.",
            ),
            (
                Pt,
                "O cofre de demonstração é somente leitura; `credview init` cria o seu.",
            ),
            (
                Pt,
                "o cofre de demonstração não pode ser alterado: crie o seu com `credview init`",
            ),
        ],
    );
}
