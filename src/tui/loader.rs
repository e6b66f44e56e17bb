//! The vault is read on a thread of its own, so the list is on screen once its first
//! credentials are read rather than its last, and keys are answered while the rest come in.

use std::thread;

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::t;
use crate::vault::{Credential, VaultError, VaultText, read_each};

/// A first screen's worth, sent as soon as it is read; later batches grow with what has been
/// read (up to `LARGEST`), so a large vault costs the list few rebuilds.
const FIRST: usize = 128;
/// Two batches are in memory at a time (one indexed, one being read), each the size of 8,192
/// credentials (about 1.6 MB); larger ones cost more memory than the list's rebuilds save.
const LARGEST: usize = 8_192;

pub enum Loaded {
    /// Credentials in vault order; `true`: the last of them.
    Batch(Vec<Credential>, bool),
    /// The vault has an error, found after the credentials already sent.
    Failed(VaultError),
}

/// The rest of the vault, while it is being read.
pub type Loader = UnboundedReceiver<Loaded>;

/// Starts reading `text` and waits for the first batch: a small vault, or one whose error
/// comes early, is read whole (or refused) before the screen opens, as it always was.
pub fn read_vault(
    origin: String,
    text: VaultText,
) -> Result<(Vec<Credential>, Option<Loader>), VaultError> {
    let (sender, mut receiver) = unbounded_channel();
    let reader_origin = origin.clone();
    let spawned = thread::Builder::new()
        .name("vault reader".to_owned())
        .spawn(move || read(&reader_origin, text, &sender));
    if let Err(e) = spawned {
        let reason = e.to_string();
        return Err(stopped(
            origin,
            &t!("tui-loader-cannot-start", reason = reason),
        ));
    }
    match receiver.blocking_recv() {
        Some(Loaded::Batch(credentials, true)) => Ok((credentials, None)),
        Some(Loaded::Batch(credentials, false)) => Ok((credentials, Some(receiver))),
        Some(Loaded::Failed(error)) => Err(error),
        None => Err(stopped(origin, &t!("tui-loader-stopped"))),
    }
}

/// What the event loop gets when the reader is gone without a word (it never is, but for a
/// bug it would be).
pub fn stopped(origin: String, message: &str) -> VaultError {
    VaultError {
        origin,
        position: None,
        message: message.to_owned(),
    }
}

fn read(origin: &str, text: VaultText, sender: &UnboundedSender<Loaded>) {
    let mut batch = Vec::with_capacity(FIRST);
    let mut size = FIRST;
    let mut sent = 0;
    let read = read_each(origin, text, &mut |credential| {
        batch.push(credential);
        if batch.len() < size {
            return true;
        }
        sent += batch.len();
        size = sent.clamp(FIRST, LARGEST);
        let full = std::mem::replace(&mut batch, Vec::with_capacity(size));
        // The screen has closed: stop reading.
        sender.send(Loaded::Batch(full, false)).is_ok()
    });
    let last = match read {
        Ok(()) => Loaded::Batch(batch, true),
        Err(error) => Loaded::Failed(error),
    };
    let _ = sender.send(last);
}
