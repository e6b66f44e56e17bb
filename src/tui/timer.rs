//! Sleeping until a wall-clock moment. TOTP steps are wall-clock times, so on Linux a
//! `timerfd` on CLOCK_REALTIME wakes the loop once, exactly then, and at once if the clock
//! jumps past it (suspend, NTP). tokio's own sleep is the portable fallback; its timer wheel
//! wakes a second time on the way to a deadline a second off.

use std::io;

use crate::otp::Timestamp;

#[cfg(target_os = "linux")]
pub use linux::WallTimer;

#[cfg(not(target_os = "linux"))]
pub use portable::WallTimer;

#[cfg(target_os = "linux")]
mod linux {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

    use tokio::io::unix::AsyncFd;

    use super::{Timestamp, io};

    pub struct WallTimer {
        fd: AsyncFd<OwnedFd>,
    }

    impl WallTimer {
        pub fn new() -> io::Result<Self> {
            // SAFETY: plain syscall with constant flags; the result is checked below.
            let raw = unsafe {
                libc::timerfd_create(libc::CLOCK_REALTIME, libc::TFD_NONBLOCK | libc::TFD_CLOEXEC)
            };
            if raw < 0 {
                return Err(io::Error::last_os_error());
            }
            // SAFETY: `raw` is a fresh descriptor that nothing else owns.
            let fd = unsafe { OwnedFd::from_raw_fd(raw) };
            // SAFETY: the OwnedFd stays open, and names the same timer, as long as the AsyncFd
            // that owns it lives.
            let fd = unsafe { AsyncFd::register(fd) }.map_err(io::Error::from)?;
            Ok(Self { fd })
        }

        pub async fn sleep_until(&self, at: Timestamp) -> io::Result<()> {
            let millis = at.as_millis().max(1);
            let spec = libc::itimerspec {
                it_interval: libc::timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
                it_value: libc::timespec {
                    tv_sec: libc::time_t::try_from(millis / 1000).unwrap_or(libc::time_t::MAX),
                    tv_nsec: ((millis % 1000) * 1_000_000) as libc::c_long,
                },
            };
            let fd = self.fd.get_ref().as_raw_fd();
            // SAFETY: `spec` is valid for the call; the old value is not asked for.
            let set = unsafe {
                libc::timerfd_settime(fd, libc::TFD_TIMER_ABSTIME, &spec, std::ptr::null_mut())
            };
            if set < 0 {
                return Err(io::Error::last_os_error());
            }
            loop {
                let mut guard = self.fd.readable().await?;
                let mut expirations = 0u64;
                // SAFETY: reads 8 bytes into a u64 owned by this frame.
                let read = unsafe {
                    libc::read(
                        fd,
                        (&raw mut expirations).cast(),
                        std::mem::size_of::<u64>(),
                    )
                };
                if read > 0 {
                    return Ok(());
                }
                guard.clear_ready();
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod portable {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use super::{Timestamp, io};

    pub struct WallTimer;

    impl WallTimer {
        pub fn new() -> io::Result<Self> {
            Ok(Self)
        }

        pub async fn sleep_until(&self, at: Timestamp) -> io::Result<()> {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64);
            tokio::time::sleep(Duration::from_millis(at.as_millis().saturating_sub(now))).await;
            Ok(())
        }
    }
}
