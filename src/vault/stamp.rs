//! A date as the vault gives it, in 12 bytes rather than `OffsetDateTime`'s 16 (every
//! credential holds three): its day, time of day to the nanosecond and UTC offset, packed.

use std::fmt;
use std::num::NonZeroU32;

use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Added to the offset in seconds (at most ±25:59:59) to make it a whole number below 2^18.
const OFFSET_BIAS: i32 = 93_599;
/// Added to the Julian day (±1,000,000 years at most) to make it a whole number below 2^30.
const DAY_BIAS: i32 = 1 << 29;
/// Bits from the lowest: nanosecond (30), second of the day (17), offset (18), day (30), and
/// a set bit that keeps the top word from being zero (so `Option<Stamp>` is 12 bytes too).
const SECOND_AT: u32 = 30;
const OFFSET_AT: u32 = 47;
const DAY_AT: u32 = 65;
const SET_AT: u32 = 95;

#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    low: u32,
    middle: u32,
    high: NonZeroU32,
}

impl Stamp {
    pub fn get(self) -> OffsetDateTime {
        let bits = u128::from(self.low)
            | u128::from(self.middle) << 32
            | u128::from(self.high.get()) << 64;
        let field = |at: u32, width: u32| ((bits >> at) & ((1 << width) - 1)) as u32;
        let second = field(SECOND_AT, 17);
        let offset = i32::try_from(field(OFFSET_AT, 18)).unwrap_or_default() - OFFSET_BIAS;
        let day = i32::try_from(field(DAY_AT, 30)).unwrap_or_default() - DAY_BIAS;
        let time = Time::from_hms_nano(
            (second / 3600) as u8,
            (second / 60 % 60) as u8,
            (second % 60) as u8,
            field(0, 30),
        );
        match (
            Date::from_julian_day(day),
            time,
            UtcOffset::from_whole_seconds(offset),
        ) {
            (Ok(day), Ok(time), Ok(offset)) => {
                PrimitiveDateTime::new(day, time).assume_offset(offset)
            }
            // Never: every stamp is made from a valid date.
            _ => OffsetDateTime::UNIX_EPOCH,
        }
    }
}

impl From<OffsetDateTime> for Stamp {
    fn from(value: OffsetDateTime) -> Self {
        let (hour, minute, second, nanosecond) = value.to_hms_nano();
        let second = u128::from(hour) * 3600 + u128::from(minute) * 60 + u128::from(second);
        let offset = (value.offset().whole_seconds() + OFFSET_BIAS).unsigned_abs();
        let day = (value.to_julian_day() + DAY_BIAS).unsigned_abs();
        let bits = u128::from(nanosecond)
            | second << SECOND_AT
            | u128::from(offset) << OFFSET_AT
            | u128::from(day) << DAY_AT
            | 1 << SET_AT;
        Stamp {
            low: bits as u32,
            middle: (bits >> 32) as u32,
            high: NonZeroU32::new((bits >> 64) as u32).unwrap_or(NonZeroU32::MIN),
        }
    }
}

impl fmt::Debug for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}

#[cfg(test)]
mod tests {
    use time::format_description::well_known::Rfc3339;
    use time::macros::{datetime, offset};

    use super::*;

    fn same(value: OffsetDateTime) {
        let back = Stamp::from(value).get();
        // `==` compares instants only: the offset and the local time must come back as well.
        assert_eq!(back.offset(), value.offset(), "{value}");
        assert_eq!(back.to_hms_nano(), value.to_hms_nano(), "{value}");
        assert_eq!(back.date(), value.date(), "{value}");
        assert_eq!(back.format(&Rfc3339).ok(), value.format(&Rfc3339).ok());
    }

    #[test]
    fn every_part_of_a_date_comes_back() {
        same(datetime!(2026-04-09 01:21:28 UTC));
        same(datetime!(2025-06-22 07:32:34.123456789 -03:00));
        same(datetime!(1970-01-01 00:00:00 UTC));
        same(datetime!(0001-01-01 00:00:00 +14:00));
        same(datetime!(2000-02-29 23:59:59.999999999 +05:45));
        same(Date::MIN.midnight().assume_offset(offset!(+25:59:59)));
        let last = Date::MAX.with_hms_nano(23, 59, 59, 999_999_999).unwrap();
        same(last.assume_offset(offset!(-25:59:59)));
    }

    #[test]
    fn a_missing_date_costs_no_more_than_one() {
        assert_eq!(size_of::<Option<Stamp>>(), 12);
    }
}
