"""Runs a command as a child subreaper and, when it ends, stops every process it left behind.

`strace -f` (in .ci/loopback-only) only ends when every process it traces has ended, so one process a step leaves
running (a daemon that double-forked, a browser helper a killed owner did not take with it) would hold CI until its
time limit, silently. Orphans of the command are re-parented to this process (PR_SET_CHILD_SUBREAPER) instead of
init; when the command ends they get a grace period to exit on their own, then each is named on stderr and stopped
(SIGTERM, then SIGKILL). A leftover is reported, not hidden: the step fails with exit 4 unless it failed already.

Usage: python3 .ci/leftovers.py [--grace SECONDS] COMMAND...
"""
import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def children():
    """(pid, command line) of this process's living children, zombies reaped on the way."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
    me, found = os.getpid(), []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            # The command name is in parentheses and may hold spaces: the fields after the last ')' are fixed.
            state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
            if int(ppid) != me or state == "Z":
                continue
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
            found.append((int(entry), cmdline))
        except (OSError, ValueError):
            continue  # it ended while we looked
    return found


def main(argv):
    grace = 20.0
    if argv[:1] == ["--grace"]:
        grace, argv = float(argv[1]), argv[2:]
    if not argv:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("leftovers: cannot become a child subreaper; running the command unwatched", file=sys.stderr)
        return subprocess.call(argv)
    command = subprocess.Popen(argv)
    # The command gets the terminal's signals through its process group; a TERM sent to us is passed on.
    signal.signal(signal.SIGTERM, lambda *_: command.terminate())
    status = command.wait()

    deadline = time.monotonic() + grace
    left = children()
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = children()
    if not left:
        return status
    print(f"leftovers: {len(left)} process(es) still running {grace:.0f} s after '{' '.join(argv)}' ended; "
          "stopping them:", file=sys.stderr)
    for pid, cmdline in left:
        print(f"  pid {pid}: {cmdline[:300]}", file=sys.stderr)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid, _ in left:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = children()
        # Processes they started in turn are ours now too: the next round takes them.
        if not left:
            break
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (rest := children()):  # anything the stopped ones had started
        for pid, _ in rest:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.2)
    return status if status != 0 else 4


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
