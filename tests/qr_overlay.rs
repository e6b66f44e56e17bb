//! The QR code the Details pop-up shows (`Q`), read off the rendered screen by a real QR
//! decoder, as a phone would read it off the terminal.

mod enrol_lab;

use credview::app::{App, Msg, Settings, update};
use credview::otp::Timestamp;
use credview::vault::Source;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use enrol_lab::{Lab, drawing_to_pgm, zbar};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers, at: Timestamp) {
    let effects = update(app, Msg::Key(KeyEvent::new(code, modifiers), at));
    if !effects.is_empty() {
        // An audit log that records: the reveal goes ahead.
        update(app, Msg::Audited(Ok(()), at));
    }
}

/// The demo vault at `width`×`height` with credential `id`'s QR code open.
fn screen_with_qr(id: u64, width: u16, height: u16) -> Terminal<TestBackend> {
    let at = Timestamp::from_secs(1_767_225_610);
    let vault = Source::Demo.load().unwrap();
    let mut app = App::new(vault, "demo vault".into(), Settings::default(), at);
    update(&mut app, Msg::Resize { width, height });
    while app.selected_credential().map(|c| c.id) != Some(id) {
        press(&mut app, KeyCode::Char('j'), KeyModifiers::NONE, at);
    }
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE, at);
    press(&mut app, KeyCode::Char('Q'), KeyModifiers::SHIFT, at);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| credview::ui::render(&app, f)).unwrap();
    terminal
}

/// The screen rows that hold the drawing: those made only of half blocks and spaces.
fn drawing(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let rows: Vec<String> = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect();
    let block = |row: &String| row.contains('█') && row.chars().all(|c| " █▀▄".contains(c));
    let rows: Vec<&String> = rows.iter().filter(|r| block(r)).collect();
    let left = rows
        .iter()
        .map(|r| r.len() - r.trim_start().len())
        .min()
        .unwrap_or(0);
    let right = rows.iter().map(|r| r.trim_end().len()).max().unwrap_or(0);
    rows.iter()
        .map(|r| format!("{:<w$}", &r[left..r.len().min(right)], w = right - left))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_qr_code_on_screen_decodes_to_the_credentials_key_uri() {
    let vault = Source::Demo.load().unwrap();
    let lab = Lab::new();
    // 162 has SHA256, 8 digits and 60 s in its URI: a bigger code, on a bigger terminal.
    for (id, width, height) in [(101u64, 80, 24), (112, 80, 24), (162, 100, 32)] {
        let index = vault.credentials.iter().position(|c| c.id == id).unwrap();
        let expected = credview::enrol::key_uri(&vault.credentials[index])
            .unwrap()
            .to_uri();
        let terminal = screen_with_qr(id, width, height);
        let drawn = drawing(&terminal);
        assert!(
            !drawn.is_empty(),
            "no QR code on screen for {id}:\n{:?}",
            terminal.backend()
        );
        let image = lab.path(&format!("screen-{id}.pgm"));
        drawing_to_pgm(&drawn, &image);
        assert_eq!(
            zbar(&image).as_deref(),
            Some(expected.as_str()),
            "credential {id}"
        );
    }
}

#[test]
fn a_code_too_big_for_the_terminal_says_what_it_needs() {
    let terminal = screen_with_qr(162, 80, 24);
    let screen: String = terminal
        .backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("needs a 53×29 terminal"), "{screen}");
    assert!(screen.contains("credview qr 162"), "{screen}");
}
