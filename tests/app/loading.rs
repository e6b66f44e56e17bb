use crate::helpers::*;

use credview::app::{App, Msg, Settings, update};
use credview::vault::Credential;
use crossterm::event::KeyCode;

// ---------------------------------------------------------------------------------------------
// A vault read while the list is on screen, and searches done in steps
// ---------------------------------------------------------------------------------------------

fn credentials() -> Vec<Credential> {
    credview::vault::parse(VAULT_PATH, VAULT)
        .expect("the test vault parses")
        .credentials
}

/// The test vault arriving in batches of `sizes` (the rest in a last one).
fn arriving(sizes: &[usize], settings: Settings) -> (App, Vec<Vec<Credential>>) {
    let mut left = credentials();
    let mut batches = Vec::new();
    for &size in sizes {
        let rest = left.split_off(size);
        batches.push(std::mem::replace(&mut left, rest));
    }
    batches.push(left);
    let app = App::loading(VAULT_PATH.to_owned(), settings, secs(0));
    (app, batches)
}

fn deliver(app: &mut App, batches: &mut Vec<Vec<Credential>>) {
    let batch = batches.remove(0);
    let done = batches.is_empty();
    assert!(update(app, Msg::Loaded(batch, done)).is_empty());
}

/// Settings whose searches look at two credentials at a time.
fn small_steps() -> Settings {
    Settings {
        search_step: 2,
        ..Settings::default()
    }
}

fn finish_search(app: &mut App) -> usize {
    let mut steps = 0;
    while app.busy() {
        assert!(update(app, Msg::Work).is_empty());
        steps += 1;
    }
    steps
}

#[test]
fn batches_build_the_same_list_as_the_whole_vault() {
    let whole = app_at(secs(0));
    let (mut app, mut batches) = arriving(&[2, 3], Settings::default());
    deliver(&mut app, &mut batches);
    assert!(app.loading);
    assert_eq!(listed_ids(&app), [101, 102]);
    deliver(&mut app, &mut batches);
    deliver(&mut app, &mut batches);
    assert!(!app.loading);
    assert_eq!(listed_ids(&app), ALL);
    assert_eq!(app.rows.rows, whole.rows.rows);
    assert_eq!(app.field_widths, whole.field_widths);
}

#[test]
fn the_selection_stays_on_its_credential_as_credentials_arrive() {
    let (mut app, mut batches) = arriving(&[4], Settings::default());
    deliver(&mut app, &mut batches);
    press(&mut app, KeyCode::End, secs(1));
    assert_eq!(selected_id(&app), Some(201));
    deliver(&mut app, &mut batches);
    assert_eq!(selected_id(&app), Some(201));
}

#[test]
fn a_filter_typed_while_loading_covers_what_arrives_later() {
    let (mut app, mut batches) = arriving(&[3], Settings::default());
    deliver(&mut app, &mut batches);
    key(&mut app, '/', secs(1));
    type_text(&mut app, "fw", secs(1));
    assert!(listed_ids(&app).is_empty());
    deliver(&mut app, &mut batches);
    assert_eq!(listed_ids(&app), [301, 302]);
}

#[test]
fn a_long_search_shows_the_typed_key_first_and_its_result_after() {
    let mut app = App::new(
        credview::vault::parse(VAULT_PATH, VAULT).expect("the test vault parses"),
        VAULT_PATH.to_owned(),
        small_steps(),
        secs(0),
    );
    key(&mut app, '/', secs(1));
    key(&mut app, '1', secs(1));
    // The key is in the query (and so on screen) while the list still shows the last result.
    assert!(app.busy());
    assert_eq!(app.filter.query, "1");
    assert_eq!(listed_ids(&app), ALL);
    assert!(finish_search(&mut app) > 1);
    assert_eq!(listed_ids(&app), ALL, "every credential has a 1 somewhere");
}

#[test]
fn keys_typed_during_a_search_narrow_it_and_give_what_one_search_would() {
    let mut stepped = App::new(
        credview::vault::parse(VAULT_PATH, VAULT).expect("the test vault parses"),
        VAULT_PATH.to_owned(),
        small_steps(),
        secs(0),
    );
    key(&mut stepped, '/', secs(1));
    for c in "10.1".chars() {
        key(&mut stepped, c, secs(1));
        // Only a step or two between keys, as when typing fast over a huge vault.
        update(&mut stepped, Msg::Work);
    }
    finish_search(&mut stepped);

    let mut whole = app_at(secs(0));
    key(&mut whole, '/', secs(1));
    type_text(&mut whole, "10.1", secs(1));
    assert_eq!(listed_ids(&stepped), listed_ids(&whole));
    assert_eq!(listed_ids(&stepped), [201, 202, 203]);

    // Backspace searches afresh; Esc drops the search at once.
    press(&mut stepped, KeyCode::Backspace, secs(1));
    assert!(stepped.busy());
    press(&mut stepped, KeyCode::Esc, secs(1));
    assert!(!stepped.busy());
    assert_eq!(listed_ids(&stepped), ALL);
}

fn title(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .expect("a frame");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, 0)].symbol())
        .collect()
}

#[test]
fn the_title_says_while_the_vault_is_read_and_while_a_search_goes_on() {
    let (mut app, mut batches) = arriving(&[2], small_steps());
    deliver(&mut app, &mut batches);
    assert!(
        title(&app).ends_with("reading… 2 credentials "),
        "{}",
        title(&app)
    );
    deliver(&mut app, &mut batches);
    assert!(title(&app).ends_with(" 8 credentials "), "{}", title(&app));
    key(&mut app, '/', secs(1));
    key(&mut app, 'a', secs(1));
    assert!(
        title(&app).ends_with("searching… 8 of 8 credentials "),
        "{}",
        title(&app)
    );
    assert!(
        title(&app).contains("tests/data/app-v…"),
        "the path gives way"
    );
    finish_search(&mut app);
    assert!(
        title(&app).ends_with(" 6 of 8 credentials "),
        "{}",
        title(&app)
    );
}
