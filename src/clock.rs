//! The one place that reads the wall clock. Everything else receives time as a value.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::otp::Timestamp;

pub trait Clock {
    fn now(&self) -> Timestamp;

    /// The system clock's reading at the moment this clock reads `at`: what a timer on the
    /// system clock (the TUI's wake-ups) must be set to.
    fn to_system(&self, at: Timestamp) -> Timestamp {
        at
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    /// A clock set before 1970 reads as the epoch; `main` refuses to start on one (`check`).
    fn now(&self) -> Timestamp {
        since_epoch(SystemTime::now()).unwrap_or_default()
    }
}

impl SystemClock {
    /// The time now, or why there is no right code at this time.
    pub fn check(&self) -> Result<Timestamp, BeforeEpoch> {
        since_epoch(SystemTime::now())
    }
}

/// A wall clock set before 1970: TOTP has no step there, so every code would be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "the system clock reads {seconds} s before 1970; TOTP codes and audit times need the \
     right time: set the clock (or use --at with `code`, `verify` and `render` elsewhere)"
)]
pub struct BeforeEpoch {
    pub seconds: u64,
}

/// A wall-clock reading as milliseconds since 1970, refusing times before it.
pub fn since_epoch(time: SystemTime) -> Result<Timestamp, BeforeEpoch> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(since) => Ok(Timestamp::from_millis(
            u64::try_from(since.as_millis()).unwrap_or(u64::MAX),
        )),
        Err(before) => Err(BeforeEpoch {
            seconds: before.duration().as_secs().max(1),
        }),
    }
}

/// The system clock plus the correction `credview time sync` stored: what every code is
/// computed for once the machine's clock is known to be off.
#[derive(Debug, Clone, Copy, Default)]
pub struct CorrectedClock {
    pub offset_millis: i64,
}

impl Clock for CorrectedClock {
    fn now(&self) -> Timestamp {
        SystemClock.now().offset_by_millis(self.offset_millis)
    }

    fn to_system(&self, at: Timestamp) -> Timestamp {
        at.offset_by_millis(self.offset_millis.saturating_neg())
    }
}

/// A clock that says what it is told, for tests and `--at`.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_corrected_clock_sets_system_timers_back_by_its_offset() {
        let behind = CorrectedClock {
            offset_millis: -90_000,
        };
        let at = Timestamp::from_secs(1_000);
        assert_eq!(behind.to_system(at), Timestamp::from_secs(1_090));
        let ahead = CorrectedClock {
            offset_millis: 42_000,
        };
        assert_eq!(ahead.to_system(at), Timestamp::from_secs(958));
        assert_eq!(FixedClock(at).to_system(at), at);
    }

    #[test]
    fn times_before_1970_are_refused_and_the_epoch_is_not() {
        let before = UNIX_EPOCH - Duration::from_millis(1500);
        assert_eq!(since_epoch(before), Err(BeforeEpoch { seconds: 1 }));
        let error = since_epoch(UNIX_EPOCH - Duration::from_secs(86_400)).unwrap_err();
        assert!(error.to_string().contains("86400 s before 1970"), "{error}");
        assert_eq!(since_epoch(UNIX_EPOCH), Ok(Timestamp::from_millis(0)));
        let y2038 = UNIX_EPOCH + Duration::from_secs(1 << 31);
        assert_eq!(since_epoch(y2038), Ok(Timestamp::from_secs(1 << 31)));
    }
}
