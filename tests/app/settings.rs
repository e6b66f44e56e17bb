use crate::helpers::*;

use credview::app::{App, Settings};
use credview::clipboard::Target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

// ---------------------------------------------------------------------------------------------
// Settings from the settings file reach the app
// ---------------------------------------------------------------------------------------------

fn app_with(settings: Settings, now: credview::otp::Timestamp) -> App {
    let mut app = app_at(now);
    app.settings = settings;
    app
}

#[test]
fn clipboard_clear_seconds_sets_the_clear_and_zero_never_clears() {
    let settings = Settings {
        clear_clipboard_after_millis: 10_000,
        ..Settings::default()
    };
    let mut app = app_with(settings, ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', secs(1));
    copied(&mut app, Ok(Target::System), secs(1));
    assert!(
        status_text(&app).contains("cleared in 10 s"),
        "{}",
        status_text(&app)
    );
    assert!(clears(&tick(&mut app, ms(10_999))).is_empty());
    assert_eq!(clears(&tick(&mut app, secs(11))).len(), 1);

    let never = Settings {
        clear_clipboard_after_millis: 0,
        ..Settings::default()
    };
    let mut app = app_with(never, ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', secs(1));
    copied(&mut app, Ok(Target::System), secs(1));
    assert!(
        status_text(&app).contains("not cleared"),
        "{}",
        status_text(&app)
    );
    assert!(app.clipboard.is_none());
    assert!(clears(&tick(&mut app, secs(3_600))).is_empty());
}

#[test]
fn qr_display_seconds_closes_the_qr_code_when_asked() {
    let settings = Settings {
        qr_display_millis: 5_000,
        ..Settings::default()
    };
    let mut app = app_with(settings, ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'Q', secs(1));
    let shown = |app: &App| app.details.as_ref().is_some_and(|d| d.qr_until.is_some());
    assert!(shown(&app));
    tick(&mut app, ms(5_999));
    assert!(shown(&app));
    tick(&mut app, secs(6));
    assert!(!shown(&app));
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .unwrap();
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|cell| cell.symbol()).collect()
}

#[test]
fn next_code_preview_seconds_sets_when_the_next_code_shows() {
    let settings = Settings {
        next_code_preview_millis: 12_000,
        ..Settings::default()
    };
    // Credential 101's step ends at 30 s.
    let mut app = app_with(settings.clone(), secs(17));
    resize(&mut app, 100, 30);
    open(&mut app, 101, secs(17));
    assert!(!screen(&app).contains("next "), "13 s left: no preview yet");
    tick(&mut app, secs(18));
    assert!(
        screen(&app).contains("next "),
        "12 s left: the preview shows"
    );

    let never = Settings {
        next_code_preview_millis: 0,
        ..Settings::default()
    };
    let mut app = app_with(never, secs(29));
    resize(&mut app, 100, 30);
    open(&mut app, 101, secs(29));
    assert!(!screen(&app).contains("next "));
}
