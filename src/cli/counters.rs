//! HOTP counters kept in the vault file, changed through its one write path (lock, re-read,
//! change, atomic write), so two processes never hand out the same counter.

use super::Failure;
use super::hotp::CounterStore;
use crate::vault::encrypted::Keys;
use crate::vault::{HotpConfig, Source, update};

pub struct VaultCounters<'a> {
    source: &'a Source,
    keys: &'a mut dyn Keys,
}

impl<'a> VaultCounters<'a> {
    pub fn new(source: &'a Source, keys: &'a mut dyn Keys) -> Self {
        Self { source, keys }
    }
}

impl CounterStore for VaultCounters<'_> {
    fn change(
        &mut self,
        id: u64,
        change: &mut dyn FnMut(&mut HotpConfig) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let mut refused = None;
        let written = update(self.source, self.keys, |vault| {
            // The file as it is now, under the lock: the credential may have changed or gone.
            let credential = vault
                .credentials
                .iter_mut()
                .find(|c| c.id == id)
                .ok_or_else(|| crate::t!("cli-counter-gone", id = id.to_string()))?;
            let hotp = credential
                .hotp
                .as_deref_mut()
                .ok_or_else(|| crate::t!("cli-counter-no-hotp", id = id.to_string()))?;
            change(hotp).map_err(|failure| {
                let message = failure.message.clone();
                refused = Some(failure);
                message
            })
        });
        match (written, refused) {
            (Ok(()), _) => Ok(()),
            // The change's own answer (no match, a counter at its end) keeps its exit status.
            (Err(_), Some(failure)) => Err(failure),
            (Err(e), None) => Err(Failure::usage(e.to_string())),
        }
    }
}
