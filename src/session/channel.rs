//! The private channel between credview and its askpass process: a Unix socket in the
//! session's 0700 folder. A client proves itself three ways before it hears anything: it knows
//! the token in that folder, it runs as our user, and (on Linux) its parent is our ssh. Each
//! token is good for one connection: the next askpass process reads a new one.
//!
//! Client to server: `TOKEN\nPROMPT`, then end of stream. Server to client: any number of
//! `wait SECONDS\n` lines, then `answer\nSECRET` or `ask\nWHY`.

use std::io::{self, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use zeroize::Zeroizing;

use super::answer::{Answerer, Decision};
use crate::clock::Clock;

/// Longer prompts are cut here; ssh's own are a line or two.
pub const MAX_PROMPT: u64 = 4096;
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// What the server and the session share.
pub struct Shared<'a> {
    /// Writes a new token where the askpass process reads it, and returns it.
    pub new_token: &'a (dyn Fn() -> io::Result<String> + Sync),
    pub clock: &'a (dyn Clock + Sync),
    /// Set once the session is over: the next connection ends the server.
    pub stop: &'a AtomicBool,
    /// ssh's process id, once it runs.
    pub ssh_pid: &'a AtomicU32,
}

/// Answers askpass clients one at a time until `stop` is set; `first` is the token the
/// first client must bring.
pub fn serve(listener: &UnixListener, answerer: &mut Answerer, shared: &Shared<'_>, first: String) {
    // `None` (a new token could not be written): nobody is answered; ssh asks the user.
    let mut token = Some(first);
    loop {
        // The session wakes the wait by connecting once `stop` is set; the timeout ends it
        // even if that connection cannot be made.
        let ready = readable(listener, STOP_CHECK_MILLIS);
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        if !ready {
            continue;
        }
        if let Ok((stream, _)) = listener.accept() {
            // A client that fails or lies gets nothing; ssh then sees an empty answer.
            let _ = handle(stream, answerer, shared, &mut token);
        }
    }
}

/// How often the server looks at `stop` while no client comes.
const STOP_CHECK_MILLIS: i32 = 250;

/// Waits up to `millis` for a client to connect.
fn readable(listener: &UnixListener, millis: i32) -> bool {
    use std::os::fd::AsRawFd;
    let mut poll = libc::pollfd {
        fd: listener.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, alive for the call, and the count says one.
    unsafe { libc::poll(&mut poll, 1, millis) > 0 }
}

fn handle(
    mut stream: UnixStream,
    answerer: &mut Answerer,
    shared: &Shared<'_>,
    token: &mut Option<String>,
) -> io::Result<()> {
    if !trusted_peer(&stream, shared.ssh_pid.load(Ordering::SeqCst)) {
        return Ok(());
    }
    stream.set_read_timeout(Some(CLIENT_TIMEOUT))?;
    stream.set_write_timeout(Some(CLIENT_TIMEOUT))?;
    let mut request = Vec::new();
    (&mut stream)
        .take(MAX_PROMPT + 200)
        .read_to_end(&mut request)?;
    let text = String::from_utf8_lossy(&request);
    let Some((sent, prompt)) = text.split_once('\n') else {
        return Ok(());
    };
    let Some(expected) = token.take() else {
        return Ok(());
    };
    let matches = same(sent.as_bytes(), expected.as_bytes());
    // Used up, right or wrong: a guess gets one try per token.
    *token = (shared.new_token)().ok();
    if !matches {
        return Ok(());
    }
    loop {
        let now = shared.clock.now();
        match answerer.decide(prompt, now) {
            Decision::Answer(secret) => {
                let mut reply = Zeroizing::new(b"answer\n".to_vec());
                reply.extend_from_slice(secret.as_bytes());
                return stream.write_all(&reply);
            }
            Decision::AskUser(why) => return stream.write_all(format!("ask\n{why}").as_bytes()),
            Decision::WaitUntil(at) => {
                let millis = at.as_millis().saturating_sub(now.as_millis());
                writeln!(stream, "wait {}", millis.div_ceil(1000))?;
                // Bounded: the step ends at most a few seconds away.
                std::thread::sleep(Duration::from_millis(millis.clamp(1, 10_000)));
            }
        }
    }
}

/// Compares in time independent of where the two differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Our own user, and on Linux a child of our ssh.
#[cfg(target_os = "linux")]
fn trusted_peer(stream: &UnixStream, ssh_pid: u32) -> bool {
    use std::os::fd::AsRawFd;
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: `cred` and `len` are live locals of the sizes given; the fd is the stream's.
    let got = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&raw mut cred).cast(),
            &mut len,
        )
    };
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    got == 0
        && cred.uid == me
        && u32::try_from(cred.pid).is_ok_and(|pid| parent_of(pid) == Some(ssh_pid))
}

#[cfg(all(unix, not(target_os = "linux")))]
fn trusted_peer(_stream: &UnixStream, _ssh_pid: u32) -> bool {
    true
}

/// The parent process id, from `/proc/PID/stat` (after the command name, which may hold
/// spaces and parentheses: the last `)` ends it).
#[cfg(target_os = "linux")]
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// The askpass side: asks the server and returns its reply.
pub fn ask(socket: &std::path::Path, token: &str, prompt: &str) -> io::Result<Reply> {
    let mut stream = UnixStream::connect(socket)?;
    let prompt: String = prompt.chars().take(MAX_PROMPT as usize).collect();
    stream.write_all(format!("{token}\n{prompt}").as_bytes())?;
    stream.shutdown(std::net::Shutdown::Write)?;
    let mut reply = Zeroizing::new(Vec::new());
    let mut byte = [0u8; 1];
    let mut line = Vec::new();
    loop {
        // Byte by byte until the answer: each `wait` line is shown as it comes.
        if stream.read(&mut byte)? == 0 {
            return Ok(Reply::Nothing);
        }
        if byte[0] != b'\n' {
            line.push(byte[0]);
            continue;
        }
        match std::str::from_utf8(&line).unwrap_or("") {
            "answer" => {
                stream.read_to_end(&mut reply)?;
                return Ok(Reply::Answer(reply));
            }
            "ask" => {
                let mut why = Vec::new();
                stream.read_to_end(&mut why)?;
                return Ok(Reply::Ask(String::from_utf8_lossy(&why).into_owned()));
            }
            wait => {
                if let Some(seconds) = wait.strip_prefix("wait ") {
                    eprintln!(
                        "credview: {}",
                        crate::t!("err-session-waiting-for-code", seconds = seconds)
                    );
                }
                line.clear();
            }
        }
    }
}

pub enum Reply {
    Answer(Zeroizing<Vec<u8>>),
    Ask(String),
    /// The server said nothing: it did not trust this process, or the session is over.
    Nothing,
}

#[cfg(all(test, target_os = "linux"))]
mod tests;
