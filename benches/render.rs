//! One frame of the list (120x40, ratatui's `TestBackend`) at 1k and at 100k credentials:
//! a frame costs what it shows, so both sizes should take the same time, within noise.
//! Measured at the top of the list, at its end (`End`), and with a filter typed (`/backup`).
//!
//! `cargo bench --bench render`. The vaults are `benches/common/generate.rs`'s, seed 42.

#[path = "common/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use credview::app::{App, Msg, Settings, update};
use credview::otp::Timestamp;

const SEED: u64 = 42;
const NOW: Timestamp = Timestamp::from_secs(1_790_000_000);

fn app(n: usize) -> App {
    let bytes = generate::vault_json(n, SEED).into_bytes();
    let vault = credview::vault::parse("bench", &bytes).expect("generated vault loads");
    let mut app = App::new(vault, "bench".to_owned(), Settings::default(), NOW);
    update(
        &mut app,
        Msg::Resize {
            width: 120,
            height: 40,
        },
    );
    app
}

fn keys(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE), NOW));
    }
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("render_frame");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (n, label) in [(1_000, "1k"), (100_000, "100k")] {
        let mut app = app(n);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
        let mut draw = |app: &App| {
            terminal
                .draw(|frame| credview::ui::render(black_box(app), frame))
                .map(|_| ())
                .expect("a frame")
        };
        group.bench_function(format!("{label}/top"), |b| b.iter(|| draw(&app)));
        keys(&mut app, &[KeyCode::End]);
        group.bench_function(format!("{label}/end"), |b| b.iter(|| draw(&app)));
        let typed: Vec<KeyCode> = "/backup".chars().map(KeyCode::Char).collect();
        keys(&mut app, &typed);
        assert!(!app.busy(), "the search is done in one step at these sizes");
        group.bench_function(format!("{label}/filtered"), |b| b.iter(|| draw(&app)));
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
