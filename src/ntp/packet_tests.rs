use super::*;

const NANOS: u128 = 1_000_000_000;
const MILLI: u128 = 1_000_000;

/// An NTP timestamp `secs` + `millis` after 1970.
fn unix(secs: u128, millis: u128) -> NtpTime {
    NtpTime::from_unix_nanos(secs * NANOS + millis * MILLI)
}

/// Within a microsecond: the 2^-32 s fraction does not land on whole nanoseconds.
fn close(nanos: i64, expected_millis: i64) -> bool {
    (nanos - expected_millis * 1_000_000).abs() < 1_000
}

#[test]
fn era_origins_match_rfc_5905_figure_4() {
    // 1970-01-01: NTP seconds 2,208,988,800; 1972-01-01: 2,272,060,800.
    assert_eq!(unix(0, 0), NtpTime(2_208_988_800 << 32));
    assert_eq!(unix(63_072_000, 0), NtpTime(2_272_060_800 << 32));
    // 2036-02-07 06:28:16 is second 0 of era 1.
    assert_eq!(unix(2_085_978_496, 0), NtpTime(0));
    // Half a second is half of the 32-bit fraction.
    assert_eq!(unix(0, 500).0 & 0xFFFF_FFFF, 1 << 31);
}

#[test]
fn offset_and_round_trip_follow_rfc_4330_section_5() {
    // Server 90 s ahead, 10 ms each way, 1 ms inside the server.
    let exchange = Exchange {
        t1: unix(1_000, 0),
        t2: unix(1_090, 10),
        t3: unix(1_090, 11),
        t4: unix(1_000, 21),
    };
    let sample = exchange.sample();
    assert!(close(sample.offset_nanos, 90_000), "{sample:?}");
    assert!(close(sample.round_trip_nanos, 20), "{sample:?}");
}

#[test]
fn a_client_ahead_gets_a_negative_offset() {
    // Client 20 s ahead; asymmetric paths (30 ms out, 10 ms back) put half the
    // difference into the offset, as the RFC says.
    let exchange = Exchange {
        t1: unix(5_020, 0),
        t2: unix(5_000, 30),
        t3: unix(5_000, 30),
        t4: unix(5_020, 40),
    };
    let sample = exchange.sample();
    assert!(close(sample.offset_nanos, -19_990), "{sample:?}");
    assert!(close(sample.round_trip_nanos, 40), "{sample:?}");
}

#[test]
fn the_arithmetic_holds_across_the_2036_era_wrap() {
    // T1 a second before the wrap, the server's times just after it.
    let exchange = Exchange {
        t1: unix(2_085_978_495, 0),
        t2: unix(2_085_978_497, 5),
        t3: unix(2_085_978_497, 6),
        t4: unix(2_085_978_495, 11),
    };
    let sample = exchange.sample();
    assert!(close(sample.offset_nanos, 2_000), "{sample:?}");
    assert!(close(sample.round_trip_nanos, 10), "{sample:?}");
}

fn reply(sent: NtpTime) -> [u8; PACKET_LEN] {
    let mut packet = [0u8; PACKET_LEN];
    packet[0] = (4 << 3) | 4;
    packet[1] = 2;
    packet[24..32].copy_from_slice(&sent.0.to_be_bytes());
    packet[32..40].copy_from_slice(&unix(7, 1).0.to_be_bytes());
    packet[40..48].copy_from_slice(&unix(7, 2).0.to_be_bytes());
    packet
}

#[test]
fn a_request_is_version_4_mode_3_carrying_t1() {
    let sent = unix(1, 250);
    let packet = request(sent);
    assert_eq!(packet[0], 0x23);
    assert_eq!(&packet[40..48], &sent.0.to_be_bytes());
    assert!(packet[1..40].iter().all(|&b| b == 0));
}

#[test]
fn a_good_reply_gives_the_server_times() {
    let sent = unix(5, 0);
    let times = parse_reply(&reply(sent), sent).unwrap();
    assert_eq!(times.received, unix(7, 1));
    assert_eq!(times.transmitted, unix(7, 2));
    assert_eq!(times.stratum, 2);
}

#[test]
fn every_malformed_reply_is_rejected_with_its_reason() {
    let sent = unix(5, 0);
    let with = |change: &dyn Fn(&mut [u8; PACKET_LEN])| {
        let mut packet = reply(sent);
        change(&mut packet);
        parse_reply(&packet, sent).unwrap_err()
    };
    assert_eq!(
        parse_reply(&reply(sent)[..47], sent),
        Err(Rejected::TooShort(47))
    );
    assert_eq!(with(&|p| p[0] = (4 << 3) | 3), Rejected::NotServerMode(3));
    assert_eq!(with(&|p| p[0] = 4), Rejected::Version(0));
    assert_eq!(with(&|p| p[0] |= 0b1100_0000), Rejected::Unsynchronized);
    assert_eq!(with(&|p| p[1] = 16), Rejected::Stratum(16));
    assert_eq!(with(&|p| p[40..48].fill(0)), Rejected::ZeroTransmit);
    assert_eq!(with(&|p| p[31] ^= 1), Rejected::WrongOriginate);
    let kiss = with(&|p| {
        p[1] = 0;
        p[12..16].copy_from_slice(b"RATE");
    });
    assert_eq!(
        kiss.to_string(),
        "the server refused with kiss-o'-death RATE: asked too often; wait before asking again"
    );
    let odd = with(&|p| {
        p[1] = 0;
        p[12..16].copy_from_slice(&[0x58, 0, 0xFF, 0x41]);
    });
    assert!(odd.to_string().contains("X??A"), "{odd}");
}
