//! The edge that runs the TUI: terminal events, timers and signals in, effects out.

mod terminal;
mod timer;

use std::io;

use crossterm::event::{Event, EventStream, MouseEventKind};
use futures::StreamExt;
use tokio::signal::unix::{SignalKind, signal};

use crate::app::msg::AuditRequest;
use crate::app::state::Sensitive;
use crate::app::{App, Effect, Msg, update};
use crate::audit::{AuditAction, AuditLog, AuditRecord};
use crate::clipboard::Clipboard;
use crate::clock::Clock;

pub use terminal::restore;

/// Writes one audit record; an error refuses the action it was for.
pub type Audit<'a> = &'a mut dyn FnMut(&AuditRequest) -> Result<(), String>;

/// Records the app's sensitive actions in `log`, stamped with the clock's time.
pub fn audit_to<'a>(
    log: &'a mut dyn AuditLog,
    clock: &'a dyn Clock,
) -> impl FnMut(&AuditRequest) -> Result<(), String> + 'a {
    move |request| {
        let action = match request.action {
            Sensitive::TokenCopy => AuditAction::TokenCopy,
            Sensitive::PasswordView => AuditAction::PasswordView,
            Sensitive::PasswordCopy => AuditAction::PasswordCopy,
            Sensitive::QrDisplay => AuditAction::QrDisplay,
        };
        let record = AuditRecord::new(
            action,
            request.credential_id,
            request.credential.clone(),
            request.reason.clone(),
            clock.now(),
        );
        log.append(&record).map_err(|e| e.to_string())
    }
}

/// The edges the app's effects reach.
pub struct Edges<'a> {
    pub clipboard: &'a mut dyn Clipboard,
    pub clock: &'a dyn Clock,
    pub audit: Audit<'a>,
}

/// Runs the app until the user quits, the terminal goes away, or SIGTERM/SIGHUP arrives.
pub fn run(app: App, edges: Edges<'_>) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(event_loop(app, edges))
}

async fn event_loop(mut app: App, edges: Edges<'_>) -> io::Result<()> {
    let Edges {
        clipboard,
        clock,
        audit,
    } = edges;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut session = terminal::Session::start()?;
    let size = session.terminal.size()?;
    let mut events = EventStream::new();
    let timer = timer::WallTimer::new()?;
    let mut pending = vec![Msg::Resize {
        width: size.width,
        height: size.height,
    }];
    loop {
        // Only a handled message can change the screen; an ignored event costs no redraw.
        let dirty = !pending.is_empty();
        while let Some(msg) = pending.pop() {
            for effect in update(&mut app, msg) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Suspend => {
                        session.suspend()?;
                        let size = session.terminal.size()?;
                        pending.push(Msg::Resize {
                            width: size.width,
                            height: size.height,
                        });
                        pending.push(Msg::Tick(clock.now()));
                    }
                    Effect::Audit(request) => {
                        pending.push(Msg::Audited(audit(&request), clock.now()));
                    }
                    Effect::Copy(text) => {
                        let result = clipboard.copy(&text).map_err(|e| e.to_string());
                        pending.push(Msg::Copied(result, clock.now()));
                    }
                    // Nothing to tell the user: the status line has long moved on.
                    Effect::ClearClipboard { expected, target } => {
                        let _ = clipboard.clear_if_unchanged(&expected, target);
                    }
                }
            }
        }
        if dirty {
            session
                .terminal
                .draw(|frame| crate::ui::render(&app, frame))?;
        }

        let wake = app.next_wakeup();
        let timer = async {
            match wake {
                Some(at) => timer.sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => {
                    if let Some(msg) = message(event, clock) {
                        pending.push(msg);
                    }
                }
                // The terminal is gone (closed stdin, hung-up tty): leave quietly.
                Some(Err(_)) | None => return Ok(()),
            },
            slept = timer => {
                slept?;
                pending.push(Msg::Tick(clock.now()));
            }
            _ = terminate.recv() => return Ok(()),
            _ = hangup.recv() => return Ok(()),
        }
    }
}

/// Terminal events the app cares about; mouse motion and focus changes are dropped so they
/// cost no redraw.
fn message(event: Event, clock: &dyn Clock) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key, clock.now())),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Moved | MouseEventKind::Drag(_) | MouseEventKind::Up(_) => None,
            _ => Some(Msg::Mouse(mouse, clock.now())),
        },
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        _ => None,
    }
}
