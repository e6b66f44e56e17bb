/// A point in time as milliseconds since the Unix epoch. Times before 1970 are not representable,
/// so callers refuse them at the edge (the command line, the clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp {
    millis: u64,
}

impl Timestamp {
    pub const fn from_millis(millis: u64) -> Self {
        Self { millis }
    }

    /// Saturates far beyond any date a user can type (year 584 million).
    pub const fn from_secs(secs: u64) -> Self {
        Self {
            millis: secs.saturating_mul(1000),
        }
    }

    pub const fn as_millis(self) -> u64 {
        self.millis
    }

    pub const fn as_secs(self) -> u64 {
        self.millis / 1000
    }

    /// Moved by `millis` either way, saturating at 1970 and at the end of time.
    pub const fn offset_by_millis(self, millis: i64) -> Self {
        Self {
            millis: self.millis.saturating_add_signed(millis),
        }
    }

    pub const fn plus_millis(self, millis: u64) -> Self {
        Self {
            millis: self.millis.saturating_add(millis),
        }
    }
}
