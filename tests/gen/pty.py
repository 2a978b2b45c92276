#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""pty.py - run a command with one of its outputs on a pseudo-terminal (tests only).

usage: pty.py stderr|stdout|both OUT CMD [ARG]...

The named stream of CMD is the slave side of a new pseudo-terminal (80 columns),
so isatty() is true there; what the terminal received is written to OUT with
the CRs the terminal adds to each newline taken out. The other stream, when
there is one, is inherited. Exits with CMD's status.
"""
import fcntl
import os
import struct
import subprocess
import sys
import termios


def main():
    which, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    kw = {}
    if which in ("stderr", "both"):
        kw["stderr"] = slave
    if which in ("stdout", "both"):
        kw["stdout"] = slave
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, **kw)
    os.close(slave)
    got = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every slave descriptor is closed
            break
        if not chunk:
            break
        got += chunk
    os.close(master)
    status = p.wait()
    with open(out, "wb") as f:
        f.write(bytes(got).replace(b"\r\n", b"\n"))
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main()
