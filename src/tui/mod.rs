//! The edge that runs the TUI: terminal events, timers and signals in, effects out.

pub mod clock_check;
mod gone;
mod loader;
pub mod save;
mod terminal;
mod timer;

use std::collections::VecDeque;
use std::io;
use std::task::Poll;

use crossterm::event::{Event, EventStream, MouseEventKind};
use futures::StreamExt;
use tokio::signal::unix::{SignalKind, signal};

use crate::app::form::Change;
use crate::app::msg::{AuditRequest, Pasted, Saved};
use crate::app::state::Sensitive;
use crate::app::{App, Effect, Msg, apply, settle};
use crate::audit::{AuditAction, AuditLog, AuditRecord};
use crate::clipboard::Clipboard;
use crate::clock::Clock;
use crate::session::Patterns;
use crate::vault::HotpConfig;

pub use loader::{Loaded, Loader, read_vault};
pub use terminal::restore;

/// Why the screen closed other than by the user's choice.
#[derive(Debug)]
pub enum Failed {
    Terminal(io::Error),
    /// The vault had an error after its first credentials were on screen.
    Vault(crate::vault::VaultError),
}

impl From<io::Error> for Failed {
    fn from(error: io::Error) -> Self {
        Self::Terminal(error)
    }
}

/// Writes one audit record; an error refuses the action it was for.
pub type Audit<'a> = &'a mut dyn FnMut(&AuditRequest) -> Result<(), String>;

/// Writes a change to the vault (`save::save` with the vault's source and keys).
pub type Save<'a> = &'a mut dyn FnMut(&Change) -> Result<Saved, String>;

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
            Sensitive::HotpAdvance => AuditAction::HotpAdvance,
            Sensitive::SessionStart => AuditAction::SessionStart,
        };
        let mut record = AuditRecord::new(
            action,
            request.credential_id,
            request.credential.clone(),
            request.reason.clone(),
            clock.now(),
        );
        if let Some(counter) = request.counter {
            record = record.with_counter(counter);
        }
        if let Some(session) = &request.session {
            record = record.with_session(session.host.clone(), session.supplied.clone());
        }
        log.append(&record).map_err(|e| e.to_string())
    }
}

/// Advances an HOTP counter in the vault (lock, re-read, write): the counter whose code may
/// be shown and the settings as written, or why not.
pub type Counters<'a> = &'a mut dyn FnMut(u64, &str) -> Result<(u64, HotpConfig), String>;

/// A vault that cannot be written: every advance is refused, with the reason.
pub fn no_counters(id: u64, _: &str) -> Result<(u64, HotpConfig), String> {
    Err(crate::t!("tui-save-no-counters", id = id.to_string()))
}

/// Advances counters through `store`, the vault's write path.
pub fn counters_in(
    store: &mut dyn crate::cli::CounterStore,
) -> impl FnMut(u64, &str) -> Result<(u64, HotpConfig), String> + '_ {
    move |id, name| crate::cli::hotp::advance_id(store, id, name).map_err(|f| f.message)
}

/// The edges the app's effects reach.
pub struct Edges<'a> {
    pub clipboard: &'a mut dyn Clipboard,
    /// Shared with the thread that answers a session's prompts.
    pub clock: &'a (dyn Clock + Sync),
    pub audit: Audit<'a>,
    pub counters: Counters<'a>,
    /// The rest of the vault, while it is still being read.
    pub vault: Option<Loader>,
    /// Background clock checks (`clock_check::start`), when NTP servers are configured.
    pub clock_checks: Option<clock_check::ClockChecks>,
    /// Where the enrolment forms save; `None`: the vault cannot be written from here.
    pub save: Option<Save<'a>>,
}

/// Runs the app until the user quits, the terminal goes away, or SIGTERM/SIGHUP arrives.
pub fn run(app: App, edges: Edges<'_>) -> Result<(), Failed> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    match runtime.block_on(event_loop(app, edges)) {
        // A draw that found the terminal gone is a hang-up that beat its SIGHUP, not a failure.
        Err(Failed::Terminal(e)) if gone::is_hangup(&e) => Ok(()),
        other => other,
    }
}

async fn event_loop(mut app: App, edges: Edges<'_>) -> Result<(), Failed> {
    let Edges {
        clipboard,
        clock,
        audit,
        counters,
        vault: mut loader,
        mut clock_checks,
        mut save,
    } = edges;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut session = terminal::Session::start()?;
    let size = session.terminal.size()?;
    let mut events = EventStream::new();
    let timer = timer::WallTimer::new()?;
    let tty = gone::TerminalGone::new()?;
    let mut pending = VecDeque::from([Msg::Resize {
        width: size.width,
        height: size.height,
    }]);
    loop {
        // Only a handled message can change the screen; an ignored event costs no redraw,
        // and neither does a step of a search that is not over.
        let dirty = !pending.is_empty();
        let working = pending.iter().all(|msg| matches!(msg, Msg::Work));
        // Everything that woke the loop is applied, in order, before the one frame drawn for
        // it; what an effect reports comes next, before the rest of the batch.
        while let Some(msg) = pending.pop_front() {
            for effect in apply(&mut app, msg) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Suspend => {
                        // As for a session: the key reader lets go of the terminal first, so
                        // the shell gets the keys and the redraw on `fg` reads its answers.
                        drop(events);
                        settle_key_reader();
                        session.suspend()?;
                        events = EventStream::new();
                        let size = session.terminal.size()?;
                        pending.push_front(Msg::Tick(clock.now()));
                        pending.push_front(Msg::Resize {
                            width: size.width,
                            height: size.height,
                        });
                    }
                    Effect::StartSession(start) => {
                        // The key reader must not take the session's keystrokes: it stops
                        // before ssh starts and a new one begins after.
                        drop(events);
                        settle_key_reader();
                        let supplied = start.supplied();
                        let patterns =
                            Patterns::with_code_words(&app.settings.session_code_prompts);
                        let ended = session.hand_over(|| {
                            let ended = crate::session::run(&start, patterns, clock);
                            crate::session::hold_on_failure(&ended, supplied);
                            ended
                        })?;
                        events = EventStream::new();
                        let size = session.terminal.size()?;
                        pending.push_front(Msg::SessionEnded(ended, supplied, clock.now()));
                        pending.push_front(Msg::Resize {
                            width: size.width,
                            height: size.height,
                        });
                    }
                    Effect::Audit(request) => {
                        pending.push_front(Msg::Audited(audit(&request), clock.now()));
                    }
                    Effect::Save(change) => {
                        let saved = match save.as_mut() {
                            Some(save) => save(&change),
                            None => Err(crate::t!("tui-save-read-only")),
                        };
                        pending.push_front(Msg::Saved(saved, clock.now()));
                    }
                    // Saved first, recorded next, shown last: a code is never shown twice.
                    Effect::Advance(request) => {
                        let name = crate::t!(
                            "tui-save-credential-name",
                            id = request.credential_id.to_string(),
                            name = &request.credential,
                        );
                        let result =
                            counters(request.credential_id, &name).and_then(|(used, written)| {
                                let record = AuditRequest {
                                    counter: Some(used),
                                    ..request.clone()
                                };
                                audit(&record).map(|()| (used, written)).map_err(|e| {
                                    crate::t!(
                                        "tui-save-advance-not-audited",
                                        counter = used.to_string(),
                                        reason = e,
                                    )
                                })
                            });
                        pending.push_front(Msg::Advanced {
                            id: request.credential_id,
                            result,
                            now: clock.now(),
                        });
                    }
                    Effect::Copy(text) => {
                        let result = clipboard.copy(&text).map_err(|e| e.to_string());
                        pending.push_front(Msg::Copied(result, clock.now()));
                    }
                    // Nothing to tell the user: the status line has long moved on.
                    Effect::ClearClipboard { expected, target } => {
                        let _ = clipboard.clear_if_unchanged(&expected, target);
                    }
                }
            }
        }
        settle(&mut app);
        if dirty && !(working && app.busy()) {
            session
                .terminal
                .draw(|frame| crate::ui::render(&app, frame))?;
        }

        // The app's times are the (possibly corrected) clock's; the timer runs on the system's.
        let wake = app.next_wakeup().map(|at| clock.to_system(at));
        let timer = async {
            match wake {
                Some(at) => timer.sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            // Keys before the vault's next credentials, and both before more searching.
            biased;
            event = events.next() => {
                if !take_event(event, clock, &mut pending) {
                    return Ok(());
                }
                // The rest of a burst (a paste, a fast typist) joins this batch: one frame.
                while let Poll::Ready(event) = futures::poll!(events.next()) {
                    if !take_event(event, clock, &mut pending) {
                        return Ok(());
                    }
                }
            },
            slept = timer => {
                slept?;
                pending.push_back(Msg::Tick(clock.now()));
            }
            _ = terminate.recv() => return Ok(()),
            _ = hangup.recv() => return Ok(()),
            // The terminal closed without a SIGHUP reaching us (see gone.rs).
            _ = tty.closed() => return Ok(()),
            loaded = next_batch(&mut loader) => {
                let (credentials, done) = batches(loaded, &mut loader, &app)?;
                pending.push_back(Msg::Loaded(credentials, done));
            }
            check = clock_check::next(&mut clock_checks) => pending.push_back(Msg::ClockChecked(check)),
            () = std::future::ready(()), if app.busy() => pending.push_back(Msg::Work),
        }
    }
}

/// Queues what a terminal event means to the app; false when the terminal is gone (closed
/// stdin, hung-up tty), and the screen should close quietly.
fn take_event(
    event: Option<io::Result<Event>>,
    clock: &dyn Clock,
    pending: &mut VecDeque<Msg>,
) -> bool {
    let Some(Ok(event)) = event else {
        return false;
    };
    if let Some(msg) = message(event, clock) {
        // A resize carries no time: the tick with it keeps code and countdown current even
        // when it is the first event after a clock jump.
        if matches!(msg, Msg::Resize { .. }) {
            pending.push_back(Msg::Tick(clock.now()));
        }
        pending.push_back(msg);
    }
    true
}

/// Waits until crossterm's reader thread, told to stop when its stream was dropped, has let
/// go of the terminal: it holds the reader's lock while it polls, and this poll waits for that
/// lock. A zero wait would give up at once while the thread is still waking. The wake-up the
/// drop sent is taken here too, so it cannot cut short a later read.
fn settle_key_reader() {
    let _ = crossterm::event::poll(std::time::Duration::from_millis(20));
}

async fn next_batch(loader: &mut Option<Loader>) -> Option<Loaded> {
    match loader {
        Some(receiver) => receiver.recv().await,
        None => std::future::pending().await,
    }
}

/// The batch that came and any that queued up behind it, as one message: one redraw.
fn batches(
    first: Option<Loaded>,
    loader: &mut Option<Loader>,
    app: &App,
) -> Result<(Vec<crate::vault::Credential>, bool), Failed> {
    let mut next = first;
    let mut credentials = Vec::new();
    loop {
        match next {
            Some(Loaded::Batch(more, done)) => {
                if credentials.is_empty() {
                    credentials = more;
                } else {
                    credentials.extend(more);
                }
                if done {
                    *loader = None;
                    return Ok((credentials, true));
                }
            }
            Some(Loaded::Failed(error)) => return Err(Failed::Vault(error)),
            None => {
                let origin = app.vault_name.clone();
                let stopped = crate::t!("tui-loader-stopped");
                return Err(Failed::Vault(loader::stopped(origin, &stopped)));
            }
        }
        next = match loader.as_mut().map(|receiver| receiver.try_recv()) {
            Some(Ok(loaded)) => Some(loaded),
            _ => return Ok((credentials, false)),
        };
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
        Event::Paste(text) => Some(Msg::Paste(
            Pasted(zeroize::Zeroizing::new(text)),
            clock.now(),
        )),
        _ => None,
    }
}
