//! The background clock check: at start and then every 30 minutes, off the event loop's
//! thread, so a server that does not answer never holds up a key. No servers, no network.

use std::time::Duration;

use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use crate::app::clock::ClockCheck;
use crate::ntp;

/// Rarely: a clock drifts seconds a day, and each check is a packet to someone's server.
pub const INTERVAL: Duration = Duration::from_secs(30 * 60);

pub type ClockChecks = UnboundedReceiver<ClockCheck>;

/// Starts checking against `servers`; `None` (and no thread, no socket) when there are none.
pub fn start(servers: Vec<String>) -> Option<ClockChecks> {
    if servers.is_empty() {
        return None;
    }
    let (sender, receiver) = unbounded_channel();
    // A plain thread: the blocking exchange (1 s at most per server) must not delay quitting,
    // which waiting for a runtime's blocking task would.
    let spawned = std::thread::Builder::new()
        .name("clock-check".into())
        .spawn(move || {
            loop {
                let measured = ntp::measure_all(&servers, ntp::TIMEOUT);
                let check = match crate::cli::best_offset(&measured) {
                    Some((server, offset_millis)) => ClockCheck::Measured {
                        server: server.to_owned(),
                        offset_millis,
                    },
                    None => ClockCheck::NoAnswer,
                };
                if sender.send(check).is_err() {
                    return;
                }
                std::thread::sleep(INTERVAL);
            }
        });
    spawned.ok().map(|_| receiver)
}

/// The next result, or never once the checks have stopped.
pub async fn next(checks: &mut Option<ClockChecks>) -> ClockCheck {
    if let Some(receiver) = checks {
        if let Some(check) = receiver.recv().await {
            return check;
        }
        *checks = None;
    }
    std::future::pending().await
}
