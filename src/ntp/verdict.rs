//! What an offset means for the codes: pure, so the thresholds are tested without a network.

/// Under this the codes are right (a service accepts a step either side anyway).
pub const FINE_MILLIS: u64 = 2_000;
/// Over this a code is wrong for much of each 30 s step.
pub const WRONG_MILLIS: u64 = 15_000;
/// A correction larger than this is a misconfigured clock or server, not drift.
pub const MAX_CORRECTION_MILLIS: u64 = 3_600_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Fine,
    AtRisk,
    Wrong,
}

impl Verdict {
    /// Fine under 2 s, at risk from 2 s to 15 s, wrong beyond.
    pub fn of(offset_millis: i64) -> Self {
        match offset_millis.unsigned_abs() {
            off if off < FINE_MILLIS => Self::Fine,
            off if off <= WRONG_MILLIS => Self::AtRisk,
            _ => Self::Wrong,
        }
    }

    /// `credview time`'s exit status, for scripts: 0, 1, 2.
    pub fn exit_status(self) -> u8 {
        match self {
            Self::Fine => 0,
            Self::AtRisk => 1,
            Self::Wrong => 2,
        }
    }

    pub fn sentence(self) -> String {
        match self {
            Self::Fine => crate::t!("err-ntp-verdict-fine"),
            Self::AtRisk => crate::t!("err-ntp-verdict-at-risk"),
            Self::Wrong => crate::t!("err-ntp-verdict-wrong"),
        }
    }
}

/// `+42 s`, `-0.250 s`: whole seconds when whole, else milliseconds.
pub fn signed_seconds(millis: i64) -> String {
    let sign = if millis < 0 { '-' } else { '+' };
    let abs = millis.unsigned_abs();
    if abs.is_multiple_of(1000) {
        format!("{sign}{} s", abs / 1000)
    } else {
        format!("{sign}{}.{:03} s", abs / 1000, abs % 1000)
    }
}

/// `1.250 s behind`, `90 s ahead of`: how a clock that needs `offset` stands to the server.
pub fn ahead_or_behind(offset_millis: i64) -> String {
    let amount = signed_seconds(offset_millis);
    let amount = amount.trim_start_matches(['+', '-']);
    if offset_millis < 0 {
        crate::t!("err-ntp-ahead-of", amount = amount)
    } else {
        crate::t!("err-ntp-behind", amount = amount)
    }
}

/// Nanoseconds to milliseconds, rounded to nearest.
pub fn nanos_to_millis(nanos: i64) -> i64 {
    let millis = nanos / 1_000_000;
    let rest = nanos % 1_000_000;
    if rest >= 500_000 {
        millis + 1
    } else if rest <= -500_000 {
        millis - 1
    } else {
        millis
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_2_and_15_seconds_either_way() {
        assert_eq!(Verdict::of(0), Verdict::Fine);
        assert_eq!(Verdict::of(1_999), Verdict::Fine);
        assert_eq!(Verdict::of(-1_999), Verdict::Fine);
        assert_eq!(Verdict::of(2_000), Verdict::AtRisk);
        assert_eq!(Verdict::of(-15_000), Verdict::AtRisk);
        assert_eq!(Verdict::of(15_001), Verdict::Wrong);
        assert_eq!(Verdict::of(-90_000), Verdict::Wrong);
        assert_eq!(Verdict::of(i64::MIN), Verdict::Wrong);
        let statuses = [Verdict::Fine, Verdict::AtRisk, Verdict::Wrong].map(Verdict::exit_status);
        assert_eq!(statuses, [0, 1, 2]);
    }

    #[test]
    fn offsets_read_as_signed_seconds() {
        assert_eq!(signed_seconds(42_000), "+42 s");
        assert_eq!(signed_seconds(-90_000), "-90 s");
        assert_eq!(signed_seconds(-250), "-0.250 s");
        assert_eq!(signed_seconds(0), "+0 s");
        assert_eq!(ahead_or_behind(-90_000), "90 s ahead of");
        assert_eq!(ahead_or_behind(4_250), "4.250 s behind");
        assert_eq!(nanos_to_millis(1_499_999), 1);
        assert_eq!(nanos_to_millis(-1_500_000), -2);
    }

    #[test]
    fn verdicts_and_positions_read_in_portuguese() {
        let _pt = crate::i18n::speak(crate::i18n::Language::PortugueseBrazil);
        assert_eq!(
            Verdict::Wrong.sentence(),
            "códigos errados: o serviço espera outro código"
        );
        assert_eq!(
            Verdict::Fine.sentence(),
            "tudo certo: os códigos estão corretos"
        );
        assert_eq!(ahead_or_behind(-90_000), "90 s adiantado em relação a");
        assert_eq!(ahead_or_behind(4_250), "4.250 s atrasado em relação a");
    }
}
