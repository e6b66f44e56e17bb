//! Process hardening, done first thing in `main`, as ssh-agent does: a core dump or a
//! debugger attached by another user of the same account must not get the decrypted vault.

use std::io;

/// Disables core dumps and (on Linux) ptrace by others, and makes every file the process
/// creates private to its owner.
pub fn harden() -> io::Result<()> {
    private_umask();
    disable_core_dumps()
}

/// What std's own entry point does before `main`, for an entry point of its own: each of the
/// standard streams that is closed is opened on /dev/null (else the first file opened would
/// take its place, and output meant for the terminal would go into it), and SIGPIPE is
/// ignored, so that writing to a closed pipe is an error the command handles, not a death by
/// signal.
#[cfg(unix)]
pub fn standard_streams() {
    for fd in 0..3 {
        // SAFETY: F_GETFD only reads the descriptor's flags.
        let closed = unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1
            && io::Error::last_os_error().raw_os_error() == Some(libc::EBADF);
        // SAFETY: the path is a NUL-terminated constant; the lowest free descriptor is `fd`.
        if closed && unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) } != fd {
            // As std does: carrying on could write secrets into whatever file opens next.
            std::process::abort();
        }
    }
    // SAFETY: setting a signal's disposition to SIG_IGN installs no handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

#[cfg(unix)]
fn private_umask() {
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

#[cfg(not(unix))]
fn private_umask() {}

#[cfg(unix)]
pub fn disable_core_dumps() -> io::Result<()> {
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `none` is a valid rlimit that outlives the call.
    if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &none) } != 0 {
        return Err(io::Error::last_os_error());
    }
    not_dumpable()
}

#[cfg(not(unix))]
pub fn disable_core_dumps() -> io::Result<()> {
    Ok(())
}

/// Also stops ptrace and /proc/PID/mem reads by the same user's other processes.
#[cfg(target_os = "linux")]
fn not_dumpable() -> io::Result<()> {
    // SAFETY: PR_SET_DUMPABLE takes plain integer arguments.
    if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(all(unix, not(target_os = "linux")))]
fn not_dumpable() -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn core_dumps_are_off_and_the_process_is_not_dumpable() {
        disable_core_dumps().unwrap();
        let mut limit = libc::rlimit {
            rlim_cur: 1,
            rlim_max: 1,
        };
        // SAFETY: `limit` is a valid, writable rlimit.
        assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
        assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
        // SAFETY: PR_GET_DUMPABLE takes no pointer arguments.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) }, 0);
    }
}
