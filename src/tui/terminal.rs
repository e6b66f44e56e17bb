//! Entering and leaving the full-screen terminal, on every way out: quit, error, panic, signal.

use std::io::{self, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
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
    /// Dropped by hand, only while the terminal is there (see `Drop`).
    pub terminal: ManuallyDrop<Tui>,
}

impl Session {
    pub fn start() -> io::Result<Self> {
        install_panic_hook();
        enter()?;
        let stdout = io::stdout();
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(Self {
                terminal: ManuallyDrop::new(terminal),
            }),
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

/// Whether the screen is in our modes. Leaving the alternate screen a second time (the panic
/// hook, then the drop while unwinding) jumps the cursor back up over what was printed since:
/// the panic message.
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Raw mode, the alternate screen and the mouse; undone by `restore` if any step fails.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    ENTERED.store(true, Ordering::SeqCst);
    let entered = execute!(
        io::stdout(),
        EnterAlternateScreen,
        Print(MOUSE_CLICKS_AND_WHEEL),
        EnableBracketedPaste,
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
        // The shell drew over the screen meanwhile.
        self.forget_screen()
    }

    #[cfg(not(unix))]
    pub fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }

    /// Runs `f` with the terminal as the shell left it (a session in it), then takes it back.
    pub fn hand_over<T>(&mut self, f: impl FnOnce() -> T) -> io::Result<T> {
        restore();
        let result = f();
        enter()?;
        // What ran drew over the screen.
        self.forget_screen()?;
        Ok(result)
    }

    /// Blanks the screen and forgets what ratatui thinks is on it, so the next frame is drawn
    /// whole. Not `Terminal::clear`: that asks the terminal where its cursor is, and an answer
    /// that comes late (a loaded machine, a key reader that just let go) fails the resume.
    fn forget_screen(&mut self) -> io::Result<()> {
        use ratatui::backend::Backend;
        self.terminal.backend_mut().clear()?;
        // Each swap resets the buffer it makes current: two leave both blank.
        self.terminal.swap_buffers();
        self.terminal.swap_buffers();
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
        // ratatui's drop prints to stderr when it cannot show the cursor, and printing to a
        // terminal that has gone away panics: with the terminal gone, the Terminal is leaked.
        if self.terminal.show_cursor().is_ok() {
            // SAFETY: dropped once, here, and never used again: `self` is going away.
            unsafe { ManuallyDrop::drop(&mut self.terminal) };
        }
    }
}

/// Best effort: each step is tried even if an earlier one failed. Only once per `enter`.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableMouseCapture,
        DisableBracketedPaste,
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
