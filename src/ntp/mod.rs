//! The clock check: SNTP (RFC 4330) against the servers the user names, what the offset means
//! for the codes, and the correction `credview time sync` stores.

mod client;
pub mod correction;
pub mod packet;
mod verdict;

pub use client::{DEFAULT_PORT, Measurement, QueryError, TIMEOUT, measure_all, query, resolve};
pub use correction::Correction;
pub use packet::{Exchange, NtpTime, Rejected, Sample};
pub use verdict::{
    FINE_MILLIS, MAX_CORRECTION_MILLIS, Verdict, WRONG_MILLIS, ahead_or_behind, nanos_to_millis,
    signed_seconds,
};
