//! Progress for work in the foreground that can take a while (a passphrase's key derivation,
//! reading a large vault, an import): one line on stderr, redrawn in place, erased when the
//! work is done. Only when stderr is a terminal, and only once the work has taken longer than
//! `DELAY`, so quick work prints nothing. The line is drawn with carriage returns and spaces
//! alone: no escape sequences, so it is safe on any terminal, `TERM=dumb` included.
//!
//! ```no_run
//! let progress = credview::progress::Progress::counter("importing", Some(5_000));
//! for done in 1..=5_000 {
//!     // ... one item ...
//!     progress.set(done);
//! }
//! progress.finish();
//! ```

use std::io::{IsTerminal, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use unicode_width::UnicodeWidthStr;

/// Work that ends sooner shows no progress at all.
pub const DELAY: Duration = Duration::from_millis(200);
const FRAME: Duration = Duration::from_millis(100);
const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/// A progress line while it is alive; dropping it (or `finish`) erases the line.
pub struct Progress {
    shared: Arc<Shared>,
    drawer: Option<JoinHandle<()>>,
}

struct Shared {
    label: String,
    total: Option<u64>,
    done: AtomicU64,
    stopped: Mutex<bool>,
    stop: Condvar,
}

impl Progress {
    /// A spinner for work that cannot say how far along it is. The label is made only when
    /// stderr is a terminal: quick commands in scripts never read the catalogue for it.
    pub fn spinner(label: impl FnOnce() -> String) -> Self {
        Self::on_stderr(label, None)
    }

    /// A count of items done, of `total` when it is known.
    pub fn counter(label: impl Into<String>, total: Option<u64>) -> Self {
        let label = label.into();
        Self::on_stderr(|| label, total)
    }

    /// Shows nothing, for callers that may or may not want progress.
    pub fn none() -> Self {
        Self::new(String::new(), None, None, DELAY)
    }

    fn on_stderr(label: impl FnOnce() -> String, total: Option<u64>) -> Self {
        let stderr = std::io::stderr();
        // A copy of the descriptor, not `Stderr`: the caller may hold stderr's lock (main
        // does, for its messages), and the drawing thread must never wait for it.
        let sink = stderr
            .is_terminal()
            .then(|| stderr.as_fd().try_clone_to_owned().ok())
            .flatten()
            .map(|fd| Box::new(std::fs::File::from(fd)) as Box<dyn Write + Send>);
        let label = if sink.is_some() {
            label()
        } else {
            String::new()
        };
        Self::new(label, total, sink, DELAY)
    }

    /// Draws on `sink` after `delay`; with no sink, does nothing at all.
    pub fn new(
        label: String,
        total: Option<u64>,
        sink: Option<Box<dyn Write + Send>>,
        delay: Duration,
    ) -> Self {
        let shared = Arc::new(Shared {
            label,
            total,
            done: AtomicU64::new(0),
            stopped: Mutex::new(false),
            stop: Condvar::new(),
        });
        let drawer = sink.and_then(|sink| {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("progress".into())
                .spawn(move || draw(&shared, sink, delay))
                .ok()
        });
        Self { shared, drawer }
    }

    /// How many items are done.
    pub fn set(&self, done: u64) {
        self.shared.done.store(done, Ordering::Relaxed);
    }

    /// Erases the line; the same as dropping the progress.
    pub fn finish(self) {}
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Ok(mut stopped) = self.shared.stopped.lock() {
            *stopped = true;
        }
        self.shared.stop.notify_all();
        if let Some(drawer) = self.drawer.take() {
            let _ = drawer.join();
        }
    }
}

/// The drawing thread: waits out the delay, then redraws each frame until stopped.
fn draw(shared: &Shared, mut sink: Box<dyn Write + Send>, delay: Duration) {
    let mut wait = delay;
    let mut width: usize = 0;
    for frame in 0.. {
        let Ok(stopped) = shared.stopped.lock() else {
            return;
        };
        let Ok((stopped, _)) = shared.stop.wait_timeout_while(stopped, wait, |s| !*s) else {
            return;
        };
        if *stopped {
            break;
        }
        drop(stopped);
        let done = shared.done.load(Ordering::Relaxed);
        let text = line(&shared.label, frame, done, shared.total);
        // Pad over what a longer previous line left.
        let pad = width.saturating_sub(text.width());
        width = text.width();
        let _ = write!(sink, "\r{text}{:pad$}", "");
        let _ = sink.flush();
        wait = FRAME;
    }
    if width > 0 {
        let _ = write!(sink, "{}", erase(width));
        let _ = sink.flush();
    }
}

/// One frame of the line: `⠋ importing… 120/5000 (2%)`.
pub fn line(label: &str, frame: usize, done: u64, total: Option<u64>) -> String {
    let spinner = SPINNER[frame % SPINNER.len()];
    match total {
        Some(total) if total > 0 => {
            let percent = done.min(total) * 100 / total;
            format!("{spinner} {label}… {done}/{total} ({percent}%)")
        }
        None if done > 0 => format!("{spinner} {label}… {done}"),
        _ => format!("{spinner} {label}…"),
    }
}

/// Blanks a line of `width` columns and returns to its start.
fn erase(width: usize) -> String {
    format!("\r{:width$}\r", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_say_what_and_how_far() {
        assert_eq!(line("unlocking v.age", 0, 0, None), "⠋ unlocking v.age…");
        assert_eq!(
            line("importing", 1, 120, Some(5000)),
            "⠙ importing… 120/5000 (2%)"
        );
        assert_eq!(line("importing", 10, 7, None), "⠋ importing… 7");
        assert_eq!(line("x", 0, 9, Some(3)), "⠋ x… 9/3 (100%)");
        assert_eq!(line("x", 0, 0, Some(0)), "⠋ x…");
    }

    #[test]
    fn erasing_uses_no_escape_sequences() {
        assert_eq!(erase(3), "\r   \r");
    }

    /// A sink the test can read after the drawing thread is done with it.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn work_done_within_the_delay_prints_nothing() {
        let sink = Shared::default();
        let progress = Progress::new("x".into(), None, Some(Box::new(sink.clone())), DELAY * 50);
        progress.set(3);
        progress.finish();
        assert!(sink.0.lock().unwrap().is_empty());
    }

    #[test]
    fn whatever_was_drawn_is_erased_and_has_no_escape() {
        let sink = Shared::default();
        let progress = Progress::new(
            "x".into(),
            Some(2),
            Some(Box::new(sink.clone())),
            Duration::ZERO,
        );
        progress.set(1);
        drop(progress);
        let bytes = sink.0.lock().unwrap().clone();
        assert!(!bytes.contains(&0x1b));
        // Drawn or not (the thread may not have had its turn), nothing is left on the line.
        assert!(bytes.is_empty() || bytes.ends_with(b"\r"), "{bytes:?}");
    }
}
