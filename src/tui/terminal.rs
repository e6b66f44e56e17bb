//! Entering and leaving the full-screen terminal, on every way out: quit, error, panic, signal.

use std::io::{self, Stdout, Write};
use std::sync::Once;

use crossterm::event::DisableMouseCapture;
use crossterm::style::Print;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal while the app runs; dropping it puts the terminal back as it was.
pub struct Session {
    pub terminal: Tui,
}

impl Session {
    pub fn start() -> io::Result<Self> {
        install_panic_hook();
        enter()?;
        let stdout = io::stdout();
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(Self { terminal }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

/// Button presses, drags and the wheel in SGR encoding, but not bare motion (mode 1003, which
/// crossterm's `EnableMouseCapture` turns on): moving the pointer must not wake the app.
const MOUSE_CLICKS_AND_WHEEL: &str = "\x1b[?1000h\x1b[?1002h\x1b[?1006h";

/// Raw mode, the alternate screen and the mouse; undone by `restore` if any step fails.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let entered = execute!(
        io::stdout(),
        EnterAlternateScreen,
        Print(MOUSE_CLICKS_AND_WHEEL),
        cursor::Hide
    );
    if entered.is_err() {
        restore();
    }
    entered
}

impl Session {
    /// Ctrl-Z: hand the terminal back to the shell, stop, and take it again on `fg`.
    #[cfg(unix)]
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        // SAFETY: raise only sends a signal to this process; SIGTSTP's default action stops it
        // here and `fg` (SIGCONT) lets the call return.
        unsafe {
            libc::raise(libc::SIGTSTP);
        }
        enter()?;
        // The shell drew over the screen meanwhile: forget what ratatui thinks is there.
        self.terminal.clear()
    }

    #[cfg(not(unix))]
    pub fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Best effort: each step is tried even if an earlier one failed.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// A panic message printed on the alternate screen would vanish with it: restore first.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
