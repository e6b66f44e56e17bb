//! A clipboard for tests of other modules: records what it is asked, fails on demand.

use std::{fmt, io};

use zeroize::Zeroizing;

use super::{Cleared, Clipboard, ClipboardError, Target, same_text};

/// A clipboard in memory for tests of other modules.
///
/// It acts as one target (System by default). As System it holds contents that
/// `set_contents` can change behind the app's back; as OSC 52 a clear is always `Blind`.
pub struct FakeClipboard {
    target: Target,
    contents: Option<Zeroizing<String>>,
    copies: Vec<String>,
    clears: Vec<(Target, Cleared)>,
    failing: bool,
}

impl Default for FakeClipboard {
    fn default() -> Self {
        Self::new(Target::System)
    }
}

impl FakeClipboard {
    pub fn new(target: Target) -> Self {
        Self {
            target,
            contents: None,
            copies: Vec::new(),
            clears: Vec::new(),
            failing: false,
        }
    }

    /// Which target later copies report.
    pub fn set_target(&mut self, target: Target) {
        self.target = target;
    }

    /// Someone else copied `text`.
    pub fn set_contents(&mut self, text: &str) {
        self.contents = Some(Zeroizing::new(text.to_owned()));
    }

    /// While failing, `copy` and `clear_if_unchanged` return an error and record nothing.
    pub fn set_failing(&mut self, failing: bool) {
        self.failing = failing;
    }

    /// What the clipboard holds now.
    pub fn contents(&self) -> Option<&str> {
        self.contents.as_deref().map(String::as_str)
    }

    /// Every successful copy, oldest first.
    pub fn copies(&self) -> &[String] {
        &self.copies
    }

    /// Every successful clear: the target asked for and the outcome, oldest first.
    pub fn clears(&self) -> &[(Target, Cleared)] {
        &self.clears
    }

    fn failure(&self) -> ClipboardError {
        match self.target {
            Target::System => ClipboardError::System(arboard::Error::Unknown {
                description: "simulated failure".to_owned(),
            }),
            Target::Osc52 => ClipboardError::Terminal(io::Error::other("simulated failure")),
        }
    }
}

impl Clipboard for FakeClipboard {
    fn copy(&mut self, text: &str) -> Result<Target, ClipboardError> {
        if self.failing {
            return Err(self.failure());
        }
        self.set_contents(text);
        self.copies.push(text.to_owned());
        Ok(self.target)
    }

    fn clear_if_unchanged(
        &mut self,
        expected: &str,
        target: Target,
    ) -> Result<Cleared, ClipboardError> {
        if self.failing {
            return Err(self.failure());
        }
        let outcome = match target {
            Target::Osc52 => Cleared::Blind,
            Target::System if self.contents().is_some_and(|c| same_text(c, expected)) => {
                Cleared::Cleared
            }
            Target::System => Cleared::Changed,
        };
        if outcome != Cleared::Changed {
            self.contents = None;
        }
        self.clears.push((target, outcome));
        Ok(outcome)
    }
}

impl fmt::Debug for FakeClipboard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeClipboard")
            .field("target", &self.target)
            .field("holds_text", &self.contents.is_some())
            .field("copies", &self.copies.len())
            .field("clears", &self.clears)
            .field("failing", &self.failing)
            .finish()
    }
}
