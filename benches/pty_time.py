#!/usr/bin/env python3
"""Times a full-screen program in a pseudo-terminal, as a user waits for it.

Usage: pty_time.py [--size COLSxROWS] [--keys KEYS] [--resize COLSxROWS] [--settle SECS] -- CMD...

Prints one line of `name=value` pairs:
  first   seconds from start to the end of the first screenful of output (the last byte of the
          first burst holding at least --min bytes, a burst ending at a 0.25 s silence);
  key     seconds from sending each of KEYS (one character each) to the end of the answer burst;
  resize  seconds from the window-size change (SIGWINCH) to the end of the redraw burst;
  hwm     the program's peak resident memory (VmHWM, MB) just before it is told to quit,
          after --settle more seconds.
"""
import argparse, fcntl, os, pty, select, signal, struct, sys, termios, time

QUIET = 0.25


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def burst(fd, since, min_bytes, limit=120.0):
    """Reads until `min_bytes` arrived and then QUIET seconds pass; time of the last byte."""
    got, last = 0, None
    while True:
        wait = QUIET if got >= min_bytes else max(0.0, since + limit - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return None if last is None else last - since
        try:
            data = os.read(fd, 1 << 16)
        except OSError:
            return None if last is None else last - since
        if not data:
            return None if last is None else last - since
        got += len(data)
        last = time.monotonic()


def drain(fd, secs):
    end = time.monotonic() + secs
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], max(0.0, end - time.monotonic()))
        if ready:
            try:
                if not os.read(fd, 1 << 16):
                    return
            except OSError:
                return


def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", default="100x30")
    p.add_argument("--keys", default="")
    p.add_argument("--resize")
    p.add_argument("--settle", type=float, default=0.0)
    p.add_argument("--min", type=int, default=2000)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    cols, rows = map(int, a.size.split("x"))
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("LESS", None)
        os.execvp(cmd[0], cmd)
    set_size(fd, cols, rows)
    out = {"first": burst(fd, start, a.min)}
    for i, key in enumerate(a.keys):
        sent = time.monotonic()
        os.write(fd, key.encode())
        out[f"key{i}"] = burst(fd, sent, 1)
    if a.resize:
        c, r = map(int, a.resize.split("x"))
        set_size(fd, c, r)
        sent = time.monotonic()
        os.kill(pid, signal.SIGWINCH)
        out["resize"] = burst(fd, sent, 1)
    drain(fd, a.settle)
    out["hwm"] = hwm(pid)
    os.write(fd, b"q")
    drain(fd, 0.5)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    print(" ".join(f"{k}={'-' if v is None else (f'{v:.3f}' if isinstance(v, float) else v)}"
                   for k, v in out.items()))


if __name__ == "__main__":
    main()
