//! Colour rules: `NO_COLOR` (no-color.org) and `--color never` take every colour off the
//! screen (bold and reverse video stay, so the selection still shows); `--color always` puts it
//! back; `TERM=dumb` and output that is not a terminal get no escape sequences at all.
//!
//! The screen is read as a person's terminal shows it: the real binary in tmux, the pane
//! captured with its attributes (`capture-pane -e`). A dumb terminal's bytes are read raw,
//! through `script`'s pseudo-terminal. Without tmux or script on PATH those tests pass with a
//! note.

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use credview::app::settings::Theme;
use credview::app::{App, Settings};
use credview::otp::Timestamp;
use credview::vault::Source;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/e2e-vault.json");
const PATIENCE: Duration = Duration::from_secs(15);
const NOW: Timestamp = Timestamp::from_secs(1_795_608_010);

fn render(settings: Settings) -> ratatui::buffer::Buffer {
    let source = Source::Demo;
    let vault = source.load().unwrap();
    let app = App::new(vault, source.name(), settings, NOW);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| credview::ui::render(&app, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn monochrome_draws_no_colour_and_keeps_the_selection_reversed() {
    let settings = Settings {
        color: false,
        ..Settings::default()
    };
    let buffer = render(settings);
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let reversed = buffer
        .content()
        .iter()
        .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
        .count();
    // The title bar and the selected row, at least.
    assert!(reversed >= 2 * 100, "only {reversed} reversed cells");
}

#[test]
fn the_theme_setting_chooses_the_palette() {
    let title = |theme| {
        let buffer = render(Settings {
            theme,
            ..Settings::default()
        });
        buffer[(0, 0)].bg
    };
    assert_eq!(title(Theme::Dark), Color::Cyan);
    assert_eq!(title(Theme::Light), Color::Blue);
    assert_eq!(title(Theme::HighContrast), Color::White);
}

fn credview(args: &[&str], envs: &[(&str, &str)]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", home.path())
        .env("TERM", "xterm-256color")
        .envs(envs.iter().copied())
        .output()
        .unwrap()
}

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

#[test]
fn output_that_is_not_a_terminal_has_no_escape_sequences() {
    let runs: [&[&str]; 8] = [
        &["list"],
        &["--vault", VAULT, "list"],
        &["--vault", VAULT, "--no-audit", "code", "501", "--at", "0"],
        &["config"],
        &["--help"],
        &["man"],
        &["completions", "bash"],
        &["--vault", VAULT, "--no-audit", "code", "999"],
    ];
    for args in runs {
        let out = credview(args, &[]);
        assert!(!has_escape(&out.stdout), "{args:?}: stdout has ESC");
        assert!(!has_escape(&out.stderr), "{args:?}: stderr has ESC");
    }
    let bad_usage = credview(&["list", "--frobnicate"], &[]);
    assert_eq!(bad_usage.status.code(), Some(2));
    assert!(!has_escape(&bad_usage.stderr));
}

#[test]
fn the_color_flag_reaches_clap_and_beats_no_color() {
    let always = credview(&["--color", "always", "--help"], &[("NO_COLOR", "1")]);
    assert!(has_escape(&always.stdout), "--color always gives colour");
    let always = credview(&["--color=always", "--help"], &[]);
    assert!(has_escape(&always.stdout));
    let never = credview(&["--color", "never", "--help"], &[]);
    assert!(!has_escape(&never.stdout));
    let bad = credview(&["--color", "sometimes", "list"], &[]);
    assert_eq!(bad.status.code(), Some(2));
}

fn tool_missing(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("note: {tool} is not on PATH; skipping");
    }
    !found
}

/// A private tmux server running the app; killed on drop.
struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str, env: &[&str], argv: &[&str]) -> Self {
        let home = tempfile::tempdir().unwrap();
        let vault = home.path().join("vault.json");
        std::fs::copy(VAULT, &vault).unwrap();
        std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600)).unwrap();
        let tmux = Self {
            socket: format!("credview-colour-{name}-{}", std::process::id()),
            _home: home,
        };
        let vault_env = format!("CREDVIEW_VAULT={}", vault.display());
        let home_env = format!("HOME={}", tmux._home.path().display());
        let mut args = vec![
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "--",
            "env",
            "-i",
        ];
        args.extend([home_env.as_str(), vault_env.as_str(), "TERM=tmux-256color"]);
        args.extend(env);
        args.push(BIN);
        args.extend(argv);
        tmux.run(&args);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap();
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane with its attributes, once the list is drawn.
    fn screen(&self) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.run(&["capture-pane", "-e", "-p"]);
            if screen.contains("Credentials > All") && screen.contains("root") {
                return screen;
            }
            assert!(Instant::now() < deadline, "no list on screen:\n{screen}");
            sleep(Duration::from_millis(40));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// The SGR parameter lists (`ESC [ ... m`) in `text`.
fn sgr_codes(text: &str) -> Vec<Vec<u16>> {
    text.split('\x1b')
        .filter_map(|part| part.strip_prefix('['))
        .filter_map(|part| part.split_once('m').map(|(params, _)| params))
        .filter(|params| params.chars().all(|c| c.is_ascii_digit() || c == ';'))
        .map(|params| params.split(';').filter_map(|p| p.parse().ok()).collect())
        .collect()
}

/// A foreground or background colour other than the terminal's default.
fn is_colour(code: u16) -> bool {
    matches!(code, 30..=38 | 40..=48 | 90..=97 | 100..=107)
}

#[test]
fn no_color_and_color_never_leave_the_screen_without_colour() {
    if tool_missing("tmux") {
        return;
    }
    let coloured = Tmux::start("default", &[], &[]).screen();
    let codes = sgr_codes(&coloured);
    assert!(codes.iter().flatten().any(|&c| is_colour(c)), "{coloured}");

    for (name, env, argv) in [
        ("no-color", &["NO_COLOR=1"][..], &[][..]),
        ("never", &[], &["--color", "never"]),
    ] {
        let screen = Tmux::start(name, env, argv).screen();
        let codes = sgr_codes(&screen);
        let colours: Vec<_> = codes
            .iter()
            .filter(|c| c.iter().any(|&n| is_colour(n)))
            .collect();
        assert!(
            colours.is_empty(),
            "{name}: colour codes {colours:?} in\n{screen}"
        );
        // Reverse video (7) still marks the title and the selected row.
        assert!(
            codes.iter().flatten().any(|&c| c == 7),
            "{name}: no reverse video"
        );
    }
}

/// Runs `credview` on a pseudo-terminal with `TERM=dumb` and returns every byte it wrote.
fn on_dumb_terminal(home: &Path, args: &str) -> Vec<u8> {
    let command = format!("{BIN} {args}");
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .env_clear()
        .env("HOME", home)
        .env("TERM", "dumb")
        .env("CREDVIEW_VAULT", VAULT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // script ends the session when its stdin closes: keep it open until the output is read.
    let stdin = child.stdin.take();
    let mut bytes = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    assert!(
        status.success(),
        "{status}: {:?}",
        String::from_utf8_lossy(&bytes)
    );
    bytes
}

#[test]
fn a_dumb_terminal_gets_the_table_and_no_escape_sequences() {
    if tool_missing("script") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let bytes = on_dumb_terminal(home.path(), "");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!has_escape(&bytes), "{text:?}");
    assert!(text.contains("ID") && text.contains("root"), "{text}");
    let bytes = on_dumb_terminal(home.path(), "--help");
    assert!(!has_escape(&bytes), "{:?}", String::from_utf8_lossy(&bytes));
}
