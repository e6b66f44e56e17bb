//! Noticing that the terminal went away. When the pseudo-terminal's other end closes and no
//! SIGHUP comes (the app is not in the terminal's session, or the signal was lost), crossterm's
//! reader sees end-of-file and polls again at once, forever: the app would spin at full CPU
//! with no one to see it. This watches the same terminal for a hang-up and ends the loop.

use std::io;

/// The error a terminal gives once it is gone: EIO on reads and writes after a hang-up.
/// (ENXIO, no terminal to open at all, is a real failure and is reported.)
pub fn is_hangup(error: &io::Error) -> bool {
    #[cfg(unix)]
    return error.raw_os_error() == Some(libc::EIO);
    #[cfg(not(unix))]
    return error.kind() == io::ErrorKind::BrokenPipe;
}

#[cfg(unix)]
pub use unix::TerminalGone;

#[cfg(not(unix))]
pub use portable::TerminalGone;

#[cfg(unix)]
mod unix {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

    use tokio::io::Interest;
    use tokio::io::unix::AsyncFd;

    use super::io;

    pub struct TerminalGone {
        fd: AsyncFd<OwnedFd>,
    }

    impl TerminalGone {
        /// Watches the terminal crossterm reads: standard input when it is one, else /dev/tty.
        pub fn new() -> io::Result<Self> {
            // SAFETY: isatty and dup only look at or copy a descriptor; results are checked.
            let raw = unsafe {
                if libc::isatty(libc::STDIN_FILENO) == 1 {
                    libc::fcntl(libc::STDIN_FILENO, libc::F_DUPFD_CLOEXEC, 0)
                } else {
                    libc::open(c"/dev/tty".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC)
                }
            };
            if raw < 0 {
                return Err(io::Error::last_os_error());
            }
            // SAFETY: `raw` is a fresh descriptor that nothing else owns.
            let fd = unsafe { OwnedFd::from_raw_fd(raw) };
            // SAFETY: the AsyncFd owns the OwnedFd, which stays open as long as it lives.
            let fd = unsafe { AsyncFd::register_with_interest(fd, Interest::READABLE) }
                .map_err(io::Error::from)?;
            Ok(Self { fd })
        }

        /// Resolves once the terminal is hung up. Never reads: the keys stay crossterm's.
        pub async fn closed(&self) -> io::Result<()> {
            loop {
                let mut guard = self.fd.readable().await?;
                if guard.ready().is_read_closed() || hung_up(self.fd.as_raw_fd()) {
                    return Ok(());
                }
                // Plain input (a key): wait for the next change.
                guard.clear_ready();
            }
        }
    }

    fn hung_up(fd: i32) -> bool {
        let mut poll = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, no waiting.
        let ready = unsafe { libc::poll(&mut poll, 1, 0) };
        ready > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}

#[cfg(not(unix))]
mod portable {
    use super::io;

    /// Elsewhere crossterm reports a vanished console itself.
    pub struct TerminalGone;

    impl TerminalGone {
        pub fn new() -> io::Result<Self> {
            Ok(Self)
        }

        pub async fn closed(&self) -> io::Result<()> {
            std::future::pending().await
        }
    }
}
