"""A program in a pseudo-terminal, its output recorded with the time of each read.

The screen is read by replaying the recorded output through pyte afterwards (or between
bursts of output), so parsing escape sequences never delays a read and never adds to a timing.
"""

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time

COLS, ROWS = 120, 40


def ensure_pyte(root):
    """Imports pyte, or installs it into target/bench-venv and runs the script again there."""
    try:
        import pyte  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("CREDVIEW_BENCH_VENV"):
        sys.exit("error: pyte is still missing inside target/bench-venv")
    venv = os.path.join(root, "target", "bench-venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        print("installing pyte into target/bench-venv ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "pyte==0.8.2"], check=True)
    os.environ["CREDVIEW_BENCH_VENV"] = "1"
    os.execv(python, [python] + sys.argv)


def new_screen():
    import pyte

    screen = pyte.Screen(COLS, ROWS)
    return screen, pyte.ByteStream(screen)


class Term:
    def __init__(self, argv, env, stdin_path=None):
        self.chunks = []  # (monotonic time of the read, bytes)
        self.screen, self.stream = new_screen()
        self.fed = 0  # chunks already fed to self.screen
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                if stdin_path:
                    # fzf reads the list from stdin and the keys from /dev/tty, this pty.
                    os.dup2(os.open(stdin_path, os.O_RDONLY), 0)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def read(self, timeout):
        """One read, if output comes within `timeout`; False when none did."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            raise RuntimeError("the program closed the terminal")
        self.chunks.append((time.monotonic(), data))
        return True

    def burst(self, quiet, deadline):
        """Reads until `quiet` seconds pass without output; then brings the screen up to date."""
        while time.monotonic() < deadline and self.read(min(quiet, deadline - time.monotonic())):
            pass
        return self.feed()

    def feed(self):
        """Feeds what is new to the screen; returns (time, display) after each new chunk."""
        snapshots = []
        for at, data in self.chunks[self.fed:]:
            self.stream.feed(data)
            snapshots.append((at, list(self.screen.display)))
        self.fed = len(self.chunks)
        return snapshots

    def pump_until(self, condition, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.burst(0.02, deadline)
            if condition(self.screen.display):
                return
        raise RuntimeError(f"the screen did not come within {timeout} s:\n" + self.text())

    def first_time(self, condition):
        """When the output first made `condition` true, replaying from the start."""
        screen, stream = new_screen()
        for at, data in self.chunks:
            stream.feed(data)
            if condition(screen.display):
                return at
        raise RuntimeError("the condition never held")

    def settle(self, condition, quiet, timeout):
        """Waits for `condition` on the screen and then `quiet` seconds without output."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.burst(quiet, deadline)
            if condition(self.screen.display) and not self.read(quiet):
                self.feed()
                return
        raise RuntimeError(f"the screen did not settle within {timeout} s:\n" + self.text())

    def type_and_settle(self, data, echoed=None, quiet=0.3, timeout=60):
        """Seconds from writing `data` to the screen it leads to (the settled one), and to the
        first screen on which `echoed` holds (the key is shown), if it is given."""
        self.burst(0.0, time.monotonic())
        sent = time.monotonic()
        os.write(self.fd, data)
        snapshots = self.burst(quiet, sent + timeout)
        if not snapshots:
            raise RuntimeError(f"no output after {data!r}")
        final = snapshots[-1][1]
        settled = next(at for at, display in snapshots if display == final) - sent
        shown = next((at for at, display in snapshots if echoed and echoed(display)), None)
        return settled, None if shown is None else shown - sent

    def text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def peak_rss(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        return 0

    def close(self, key):
        """Sends the key that quits, and waits; kills what does not quit within 3 s."""
        try:
            os.write(self.fd, key)
        except OSError:
            pass
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                self.read(0.05)
            except RuntimeError:
                pass
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
