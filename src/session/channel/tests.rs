use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use super::*;
use crate::clock::FixedClock;
use crate::otp::Timestamp;
use crate::session::answer::{Answerer, Patterns};
use crate::vault::Password;

/// Runs a server in a thread with this process's parent standing in for ssh (so this process,
/// as the client, is "a child of ssh"), and asks it each prompt in turn.
fn exchange(token_sent: &str, prompts: &[&str]) -> Vec<Reply> {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("s");
    let listener = UnixListener::bind(&socket).unwrap();
    let mut answerer = Answerer::new(
        Patterns::default(),
        "root@h".into(),
        Some(Password::new("pw-1".into())),
        None,
    );
    let stop = AtomicBool::new(false);
    // SAFETY: getppid has no preconditions.
    let parent = u32::try_from(unsafe { libc::getppid() }).unwrap();
    let ssh_pid = AtomicU32::new(parent);
    let clock = FixedClock(Timestamp::from_secs(100));
    let shared = Shared {
        token: "right-token",
        clock: &clock,
        stop: &stop,
        ssh_pid: &ssh_pid,
    };
    std::thread::scope(|scope| {
        scope.spawn(|| serve(&listener, &mut answerer, &shared));
        let replies = prompts
            .iter()
            .map(|prompt| ask(&socket, token_sent, prompt).unwrap())
            .collect();
        stop.store(true, Ordering::SeqCst);
        UnixStream::connect(&socket).unwrap();
        replies
    })
}

fn describe(reply: &Reply) -> String {
    match reply {
        Reply::Answer(bytes) => format!("answer {}", String::from_utf8_lossy(bytes)),
        Reply::Ask(why) => format!("ask: {why}"),
        Reply::Nothing => "nothing".into(),
    }
}

#[test]
fn the_password_is_answered_once_over_the_socket() {
    let replies = exchange(
        "right-token",
        &["Password: ", "Password: ", "Host key (yes/no)?"],
    );
    let replies: Vec<String> = replies.iter().map(describe).collect();
    assert_eq!(replies[0], "answer pw-1");
    assert!(replies[1].starts_with("ask: "), "{}", replies[1]);
    assert!(replies[2].starts_with("ask: "), "{}", replies[2]);
}

#[test]
fn a_client_without_the_token_hears_nothing() {
    let replies = exchange("wrong-token", &["Password: "]);
    assert_eq!(describe(&replies[0]), "nothing");
}

#[test]
fn the_parent_process_is_read_from_proc() {
    // SAFETY: getppid has no preconditions.
    let parent = u32::try_from(unsafe { libc::getppid() }).unwrap();
    assert_eq!(parent_of(std::process::id()), Some(parent));
}
