//! SNTP packets and the four-timestamp arithmetic (RFC 4330; client side of RFC 5905).
//! Pure: every time arrives as a value, nothing here reads the clock or the network.

use std::fmt;

/// Seconds from the NTP era origin (1900-01-01) to the Unix epoch.
pub const UNIX_TO_NTP_SECS: u64 = 2_208_988_800;
/// An NTP packet without extensions or authentication.
pub const PACKET_LEN: usize = 48;
const NANOS_PER_SEC: u128 = 1_000_000_000;

/// A 64-bit NTP timestamp: seconds since 1900 in the high 32 bits, the fraction in the low.
/// The seconds wrap every 136 years (era 1 begins in 2036); the differences the arithmetic
/// takes are modular, so they stay right across the wrap as long as they are under 68 years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NtpTime(pub u64);

impl NtpTime {
    /// Nanoseconds since 1970 as an NTP timestamp (of whichever era holds them).
    pub fn from_unix_nanos(nanos: u128) -> Self {
        let secs = nanos / NANOS_PER_SEC + u128::from(UNIX_TO_NTP_SECS);
        let fraction = ((nanos % NANOS_PER_SEC) << 32) / NANOS_PER_SEC;
        // Truncation to 32 bits is the era wrap the format defines.
        Self(((secs as u64) << 32) | fraction as u64)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// `self - earlier` in nanoseconds, modulo the era (RFC 5905 §6: signed 64-bit difference).
    fn nanos_since(self, earlier: NtpTime) -> i128 {
        let units = i128::from(self.0.wrapping_sub(earlier.0) as i64);
        (units * NANOS_PER_SEC as i128) >> 32
    }
}

/// The four timestamps of one exchange (RFC 4330 §5): T1 request sent (client clock),
/// T2 request received and T3 reply sent (server clock), T4 reply received (client clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exchange {
    pub t1: NtpTime,
    pub t2: NtpTime,
    pub t3: NtpTime,
    pub t4: NtpTime,
}

/// What one exchange says about the local clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// What to add to the local clock to read the server's time: `((T2-T1) + (T3-T4)) / 2`.
    pub offset_nanos: i64,
    /// Time on the wire, without the server's own processing: `(T4-T1) - (T3-T2)`.
    pub round_trip_nanos: i64,
}

impl Exchange {
    pub fn sample(&self) -> Sample {
        let outbound = self.t2.nanos_since(self.t1);
        let inbound = self.t3.nanos_since(self.t4);
        let offset = (outbound + inbound) / 2;
        let round_trip = self.t4.nanos_since(self.t1) - self.t3.nanos_since(self.t2);
        Sample {
            offset_nanos: clamp_i64(offset),
            round_trip_nanos: clamp_i64(round_trip),
        }
    }
}

fn clamp_i64(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

/// A client request (version 4, mode 3) whose transmit timestamp is `t1`; the server copies
/// it into the reply's originate field, which is how a reply is matched to its request.
pub fn request(t1: NtpTime) -> [u8; PACKET_LEN] {
    let mut packet = [0u8; PACKET_LEN];
    packet[0] = (4 << 3) | 3;
    packet[40..48].copy_from_slice(&t1.0.to_be_bytes());
    packet
}

/// The server's two timestamps from a reply that passed every check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerTimes {
    pub received: NtpTime,
    pub transmitted: NtpTime,
    pub stratum: u8,
}

/// Why a reply cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    #[error("{}", crate::t!("err-ntp-too-short", bytes = *.0))]
    TooShort(usize),
    #[error("{}", crate::t!("err-ntp-not-server", mode = .0.to_string()))]
    NotServerMode(u8),
    #[error("{}", crate::t!("err-ntp-version", version = .0.to_string()))]
    Version(u8),
    #[error("{}", crate::t!("err-ntp-kiss", code = .code.to_string(), meaning = .meaning))]
    KissOfDeath { code: KissCode, meaning: String },
    #[error("{}", crate::t!("err-ntp-unsynchronized"))]
    Unsynchronized,
    #[error("{}", crate::t!("err-ntp-stratum", stratum = .0.to_string()))]
    Stratum(u8),
    #[error("{}", crate::t!("err-ntp-zero-transmit"))]
    ZeroTransmit,
    #[error("{}", crate::t!("err-ntp-wrong-originate"))]
    WrongOriginate,
}

/// The four ASCII characters of a kiss-o'-death reply (`RATE`, `DENY`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KissCode(pub [u8; 4]);

impl fmt::Display for KissCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &byte in &self.0 {
            let shown = if byte.is_ascii_graphic() {
                byte as char
            } else {
                '?'
            };
            write!(f, "{shown}")?;
        }
        Ok(())
    }
}

impl KissCode {
    /// RFC 5905 §7.4's meanings for the codes a client is likely to meet.
    pub fn meaning(self) -> String {
        match &self.0 {
            b"RATE" => crate::t!("err-ntp-kiss-rate"),
            b"DENY" | b"RSTR" => crate::t!("err-ntp-kiss-deny"),
            b"INIT" => crate::t!("err-ntp-kiss-init"),
            b"STEP" => crate::t!("err-ntp-kiss-step"),
            _ => crate::t!("err-ntp-kiss-other"),
        }
    }
}

/// Checks a reply to the request sent at `sent` (T1) and returns the server's timestamps.
pub fn parse_reply(bytes: &[u8], sent: NtpTime) -> Result<ServerTimes, Rejected> {
    if bytes.len() < PACKET_LEN {
        return Err(Rejected::TooShort(bytes.len()));
    }
    let leap = bytes[0] >> 6;
    let version = (bytes[0] >> 3) & 0b111;
    let mode = bytes[0] & 0b111;
    let stratum = bytes[1];
    let word = |at: usize| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&bytes[at..at + 8]);
        NtpTime(u64::from_be_bytes(eight))
    };
    if mode != 4 {
        return Err(Rejected::NotServerMode(mode));
    }
    if !(1..=4).contains(&version) {
        return Err(Rejected::Version(version));
    }
    if stratum == 0 {
        let code = KissCode([bytes[12], bytes[13], bytes[14], bytes[15]]);
        return Err(Rejected::KissOfDeath {
            code,
            meaning: code.meaning(),
        });
    }
    if leap == 3 {
        return Err(Rejected::Unsynchronized);
    }
    if stratum > 15 {
        return Err(Rejected::Stratum(stratum));
    }
    let transmitted = word(40);
    if transmitted.is_zero() {
        return Err(Rejected::ZeroTransmit);
    }
    if word(24) != sent {
        return Err(Rejected::WrongOriginate);
    }
    Ok(ServerTimes {
        received: word(32),
        transmitted,
        stratum,
    })
}

#[cfg(test)]
#[path = "packet_tests.rs"]
mod tests;
