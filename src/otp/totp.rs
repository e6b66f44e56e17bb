use super::{Algorithm, Code, Encoder, Hotp, STEAM_CHARS, Secret, Timestamp};

pub const DEFAULT_DIGITS: u8 = 6;
pub const DEFAULT_PERIOD: u64 = 30;
pub const DIGITS_RANGE: std::ops::RangeInclusive<u8> = 6..=8;
pub const PERIOD_RANGE: std::ops::RangeInclusive<u64> = 1..=86_400;
/// Steam Guard's step; its algorithm is SHA-1.
pub const STEAM_PERIOD: u64 = 30;

/// The settings a TOTP credential carries besides its secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Params {
    pub algorithm: Algorithm,
    pub digits: u8,
    pub period: u64,
    pub encoder: Encoder,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamsError {
    #[error("{}", crate::t!("err-otp-digits", digits = .0.to_string()))]
    Digits(u64),
    #[error("{}", crate::t!("err-otp-period", period = .0.to_string()))]
    Period(u64),
    #[error("{}", crate::t!("err-otp-steam-digits", digits = .0.to_string()))]
    SteamDigits(u64),
    #[error("{}", crate::t!("err-otp-steam-algorithm", algorithm = .0.to_string()))]
    SteamAlgorithm(Algorithm),
    #[error("{}", crate::t!("err-otp-steam-period", period = .0.to_string()))]
    SteamPeriod(u64),
}

impl Default for Params {
    fn default() -> Self {
        Self {
            algorithm: Algorithm::Sha1,
            digits: DEFAULT_DIGITS,
            period: DEFAULT_PERIOD,
            encoder: Encoder::Digits,
        }
    }
}

impl Params {
    pub fn new(algorithm: Algorithm, digits: u64, period: u64) -> Result<Self, ParamsError> {
        let digits = u8::try_from(digits)
            .ok()
            .filter(|d| DIGITS_RANGE.contains(d))
            .ok_or(ParamsError::Digits(digits))?;
        if !PERIOD_RANGE.contains(&period) {
            return Err(ParamsError::Period(period));
        }
        Ok(Self {
            algorithm,
            digits,
            period,
            encoder: Encoder::Digits,
        })
    }

    /// Steam Guard: five characters, SHA-1, 30 s; nothing else is configurable.
    pub const fn steam() -> Self {
        Self {
            algorithm: Algorithm::Sha1,
            digits: STEAM_CHARS,
            period: STEAM_PERIOD,
            encoder: Encoder::Steam,
        }
    }

    /// Steam settings, refusing any written value Steam does not use (5 digits, SHA1 and 30 s
    /// may be spelt out, as KeePassXC's URIs do).
    pub fn steam_checked(
        algorithm: Option<Algorithm>,
        digits: Option<u64>,
        period: Option<u64>,
    ) -> Result<Self, ParamsError> {
        let steam = Self::steam();
        match (algorithm, digits, period) {
            (Some(other), _, _) if other != steam.algorithm => {
                Err(ParamsError::SteamAlgorithm(other))
            }
            (_, Some(other), _) if other != u64::from(steam.digits) => {
                Err(ParamsError::SteamDigits(other))
            }
            (_, _, Some(other)) if other != steam.period => Err(ParamsError::SteamPeriod(other)),
            _ => Ok(steam),
        }
    }

    pub fn is_steam(&self) -> bool {
        self.encoder == Encoder::Steam
    }

    /// What most authenticator apps assume when they scan a QR code.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// A TOTP generator (RFC 6238) for one credential. Time always comes in as a value.
#[derive(Clone, Debug)]
pub struct Totp {
    hotp: Hotp,
    params: Params,
    period_millis: u64,
    /// Added to the clock before the step is taken: a service whose own clock is off.
    offset_millis: i64,
}

impl Totp {
    pub fn new(secret: &Secret, params: Params) -> Self {
        Self {
            hotp: Hotp::with_encoder(secret, params.algorithm, params.digits, params.encoder),
            params,
            period_millis: params.period.clamp(1, *PERIOD_RANGE.end()) * 1000,
            offset_millis: 0,
        }
    }

    /// Codes for a service whose clock reads `secs` seconds from ours (a vault's `time_offset`).
    pub fn with_time_offset(mut self, secs: i64) -> Self {
        self.offset_millis = secs.saturating_mul(1000);
        self
    }

    pub fn time_offset_secs(&self) -> i64 {
        self.offset_millis / 1000
    }

    pub fn params(&self) -> Params {
        self.params
    }

    pub fn period_secs(&self) -> u64 {
        self.period_millis / 1000
    }

    /// The time-step counter T of RFC 6238 (T0 = 0).
    pub fn step(&self, at: Timestamp) -> u64 {
        at.offset_by_millis(self.offset_millis).as_millis() / self.period_millis
    }

    /// When `step` ends on our clock (its last millisecond plus one).
    pub fn end_of_step(&self, step: u64) -> Timestamp {
        Timestamp::from_millis(step.saturating_add(1).saturating_mul(self.period_millis))
            .offset_by_millis(self.offset_millis.saturating_neg())
    }

    pub fn code_for_step(&self, step: u64) -> Code {
        self.hotp.code(step)
    }

    pub fn code(&self, at: Timestamp) -> Code {
        self.code_for_step(self.step(at))
    }

    pub fn next_code(&self, at: Timestamp) -> Code {
        self.code_for_step(self.step(at).saturating_add(1))
    }

    /// When the step holding `at` ends and the next code takes over.
    pub fn step_end(&self, at: Timestamp) -> Timestamp {
        self.end_of_step(self.step(at))
    }

    pub fn millis_left(&self, at: Timestamp) -> u64 {
        self.step_end(at).as_millis().saturating_sub(at.as_millis())
    }

    /// Whole seconds left, rounded up, as a countdown shows them: 30 at the step's start, 1 last.
    pub fn seconds_left(&self, at: Timestamp) -> u64 {
        self.millis_left(at).div_ceil(1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(algorithm: Algorithm) -> Secret {
        let ascii = "1234567890";
        let len = match algorithm {
            Algorithm::Sha1 => 20,
            Algorithm::Sha256 => 32,
            Algorithm::Sha512 => 64,
        };
        Secret::from_bytes(ascii.bytes().cycle().take(len).collect())
    }

    /// RFC 6238 Appendix B, every row, each hash with its own seed, 8 digits.
    #[test]
    fn rfc_6238_appendix_b() {
        let rows: [(u64, &str, &str, &str); 6] = [
            (59, "94287082", "46119246", "90693936"),
            (1111111109, "07081804", "68084774", "25091201"),
            (1111111111, "14050471", "67062674", "99943326"),
            (1234567890, "89005924", "91819424", "93441116"),
            (2000000000, "69279037", "90698825", "38618901"),
            (20000000000, "65353130", "77737706", "47863826"),
        ];
        for (time, sha1, sha256, sha512) in rows {
            for (algorithm, expected) in [
                (Algorithm::Sha1, sha1),
                (Algorithm::Sha256, sha256),
                (Algorithm::Sha512, sha512),
            ] {
                let params = Params::new(algorithm, 8, 30).unwrap();
                let totp = Totp::new(&seed(algorithm), params);
                let code = totp.code(Timestamp::from_secs(time));
                assert_eq!(code.to_string(), expected, "{algorithm} at {time}");
            }
        }
    }

    /// Steam Guard codes recorded from Valve's own app for a throw-away account, published in
    /// KeePassXC's tests/TestTotp.cpp (testSteamTotp) and reused by Authenticator Pro's
    /// SteamOtpTest.
    #[test]
    fn steam_guard_reference_codes() {
        let secret = Secret::from_base32("63BEDWCQZKTQWPESARIERL5DTTQFCJTK").unwrap();
        let totp = Totp::new(&secret, Params::steam());
        assert_eq!(
            totp.code(Timestamp::from_secs(1_511_200_518)).to_string(),
            "FR8RV"
        );
        assert_eq!(
            totp.code(Timestamp::from_secs(1_511_200_714)).to_string(),
            "9P3VP"
        );
        assert_eq!(totp.period_secs(), 30);
    }

    #[test]
    fn steps_change_exactly_at_the_boundary() {
        let totp = Totp::new(&seed(Algorithm::Sha1), Params::default());
        let before = Timestamp::from_millis(29_999);
        let at = Timestamp::from_millis(30_000);
        assert_eq!(totp.step(before), 0);
        assert_eq!(totp.step(at), 1);
        assert_eq!(totp.millis_left(before), 1);
        assert_eq!(totp.seconds_left(before), 1);
        assert_eq!(totp.seconds_left(at), 30);
        assert_eq!(totp.next_code(before), totp.code(at));
        assert_ne!(totp.code(before), totp.code(at));
    }

    #[test]
    fn works_far_in_the_future() {
        let year_2500 = Timestamp::from_secs(16_725_225_600);
        let totp = Totp::new(
            &seed(Algorithm::Sha1),
            Params::new(Algorithm::Sha1, 8, 86_400).unwrap(),
        );
        assert_eq!(totp.step(year_2500), 16_725_225_600 / 86_400);
        assert_eq!(totp.code(year_2500).to_string().len(), 8);
    }

    #[test]
    fn refuses_out_of_range_settings() {
        assert_eq!(
            Params::new(Algorithm::Sha1, 5, 30),
            Err(ParamsError::Digits(5))
        );
        assert_eq!(
            Params::new(Algorithm::Sha1, 9, 30),
            Err(ParamsError::Digits(9))
        );
        assert_eq!(
            Params::new(Algorithm::Sha1, 6, 0),
            Err(ParamsError::Period(0))
        );
        assert_eq!(
            Params::new(Algorithm::Sha1, 6, 86_401),
            Err(ParamsError::Period(86_401))
        );
        assert!(Params::new(Algorithm::Sha512, 7, 86_400).is_ok());
    }

    #[test]
    fn a_time_offset_moves_the_clock_for_that_credential_only() {
        // RFC 6238 Appendix B: T = 59 s, SHA-1, 8 digits -> 94287082.
        let params = Params::new(Algorithm::Sha1, 8, 30).unwrap();
        let plain = Totp::new(&seed(Algorithm::Sha1), params);
        let behind = plain.clone().with_time_offset(-7);
        assert_eq!(
            behind.code(Timestamp::from_secs(66)).to_string(),
            "94287082"
        );
        assert_eq!(plain.code(Timestamp::from_secs(59)).to_string(), "94287082");
        // The step the service is in ends at 60 s on its clock: 67 s on ours.
        assert_eq!(
            behind.step_end(Timestamp::from_secs(66)),
            Timestamp::from_secs(67)
        );
        assert_eq!(behind.seconds_left(Timestamp::from_secs(66)), 1);
        let ahead = plain.with_time_offset(9);
        assert_eq!(ahead.code(Timestamp::from_secs(50)).to_string(), "94287082");
        assert_eq!(
            ahead.step_end(Timestamp::from_secs(50)),
            Timestamp::from_secs(51)
        );
        // Near 1970 a negative offset stops at the epoch rather than wrapping.
        assert_eq!(behind.step(Timestamp::from_secs(3)), 0);
    }
}
