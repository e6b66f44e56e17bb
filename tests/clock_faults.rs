//! Servers that misbehave: one that never answers is reported as such (after the 1 s
//! timeout, not waited on), and replies that are malformed are rejected with their reason.
//! The servers are tiny UDP sockets in test threads.

use std::net::UdpSocket;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_credview");

fn credview(args: &[&str]) -> Output {
    let state = tempfile::tempdir().unwrap();
    Command::new(BIN)
        .env_clear()
        .env("XDG_STATE_HOME", state.path())
        .arg("--no-audit")
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A server that answers one request with `reply(request)`.
fn fake_server(reply: fn(&[u8]) -> Vec<u8>) -> String {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    let server = socket.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 512];
        if let Ok((n, from)) = socket.recv_from(&mut buffer) {
            let _ = socket.send_to(&reply(&buffer[..n]), from);
        }
    });
    server
}

/// A proper server reply to `request`, at an arbitrary time, stratum 2.
fn good(request: &[u8]) -> Vec<u8> {
    let mut packet = vec![0u8; 48];
    packet[0] = (4 << 3) | 4;
    packet[1] = 2;
    packet[24..32].copy_from_slice(&request[40..48]);
    packet[32..40].copy_from_slice(&request[40..48]);
    packet[40..48].copy_from_slice(&request[40..48]);
    packet
}

fn rejected(reply: fn(&[u8]) -> Vec<u8>) -> String {
    let server = fake_server(reply);
    let out = credview(&["time", "--ntp", &server]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("no time server answered"),
        "{}",
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    stdout
        .lines()
        .find(|l| l.starts_with(&format!("{server}: ")))
        .unwrap_or_else(|| panic!("{stdout}"))
        .to_owned()
}

#[test]
fn a_well_formed_reply_is_accepted() {
    let server = fake_server(good);
    let out = credview(&["time", "--ntp", &server]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains(&format!("{server}: offset ")));
}

#[test]
fn a_reply_in_the_wrong_mode_is_rejected() {
    let line = rejected(|request| {
        let mut packet = good(request);
        packet[0] = (4 << 3) | 3;
        packet
    });
    assert!(
        line.ends_with("the reply is not from a server (mode 3, expected 4)"),
        "{line}"
    );
}

#[test]
fn a_reply_with_a_zero_transmit_time_is_rejected() {
    let line = rejected(|request| {
        let mut packet = good(request);
        packet[40..48].fill(0);
        packet
    });
    assert!(
        line.ends_with("the reply's transmit timestamp is zero"),
        "{line}"
    );
}

#[test]
fn a_kiss_o_death_is_rejected_with_its_code() {
    let line = rejected(|request| {
        let mut packet = good(request);
        packet[1] = 0;
        packet[12..16].copy_from_slice(b"DENY");
        packet
    });
    assert!(
        line.ends_with(
            "the server refused with kiss-o'-death DENY: access denied; use another server"
        ),
        "{line}"
    );
}

#[test]
fn a_reply_to_another_request_is_rejected() {
    let line = rejected(|request| {
        let mut packet = good(request);
        packet[31] ^= 0xFF;
        packet
    });
    assert!(line.ends_with("its originate timestamp differs)"), "{line}");
}

#[test]
fn a_server_that_never_answers_is_reported_not_waited_on() {
    // Bound, so the request is taken and dropped (no ICMP "port unreachable" to shortcut it).
    let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
    let server = silent.local_addr().unwrap().to_string();
    let out = credview(&["time", "--ntp", &server]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!("{server}: no answer within 1 s")),
        "{stdout}"
    );
    drop(silent);
}

#[test]
fn time_without_a_server_says_how_to_name_one_and_sends_nothing() {
    let out = credview(&["time"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--ntp HOST[:PORT]"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("correction:   none"));
}

#[test]
fn reset_without_a_correction_is_not_an_error() {
    let out = credview(&["time", "reset"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("no clock correction was stored"));
}
