use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use super::*;
use crate::clock::FixedClock;
use crate::otp::Timestamp;
use crate::session::answer::{Answerer, Patterns};
use crate::vault::Password;

/// How a test client picks the token it sends.
enum Client {
    /// The current one, as the askpass process reads it from the folder.
    Current,
    /// The very first one, again.
    Replayed,
    Wrong,
}

/// Runs a server in a thread with this process's parent standing in for ssh (so this process,
/// as the client, is "a child of ssh"), and asks it each prompt in turn.
fn exchange(client: Client, prompts: &[&str]) -> Vec<String> {
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
    let current = Mutex::new("token-0".to_owned());
    let issued = AtomicU32::new(0);
    let new_token = || {
        let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
        let token = format!("token-{n}");
        *current.lock().unwrap() = token.clone();
        Ok(token)
    };
    let shared = Shared {
        new_token: &new_token,
        clock: &clock,
        stop: &stop,
        ssh_pid: &ssh_pid,
    };
    std::thread::scope(|scope| {
        scope.spawn(|| serve(&listener, &mut answerer, &shared, "token-0".into()));
        let replies = prompts
            .iter()
            .map(|prompt| {
                let token = match client {
                    Client::Current => current.lock().unwrap().clone(),
                    Client::Replayed => "token-0".into(),
                    Client::Wrong => "wrong".into(),
                };
                describe(&ask(&socket, &token, prompt).unwrap())
            })
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
        Client::Current,
        &["Password: ", "Password: ", "Host key (yes/no)?"],
    );
    assert_eq!(replies[0], "answer pw-1");
    assert!(replies[1].starts_with("ask: "), "{}", replies[1]);
    assert!(replies[2].starts_with("ask: "), "{}", replies[2]);
}

#[test]
fn a_client_without_the_token_hears_nothing() {
    assert_eq!(exchange(Client::Wrong, &["Password: "]), ["nothing"]);
}

#[test]
fn a_token_is_good_for_one_connection() {
    let replies = exchange(Client::Replayed, &["Host key (yes/no)?", "Password: "]);
    assert!(replies[0].starts_with("ask: "), "{}", replies[0]);
    assert_eq!(replies[1], "nothing");
}

#[test]
fn the_parent_process_is_read_from_proc() {
    // SAFETY: getppid has no preconditions.
    let parent = u32::try_from(unsafe { libc::getppid() }).unwrap();
    assert_eq!(parent_of(std::process::id()), Some(parent));
}
