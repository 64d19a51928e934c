"""Runs a command as a child subreaper and, when it ends, stops every process it left behind.

`strace -f` (in .ci/loopback-only) only ends when every process it traces has ended, so one process a step leaves
running (a daemon that double-forked, a browser helper a killed owner did not take with it) would hold CI until its
time limit, silently. Orphans of the command are re-parented to this process (PR_SET_CHILD_SUBREAPER) instead of
init; when the command ends they get a grace period to exit on their own, then each is named on stderr and stopped
(SIGTERM, then SIGKILL). The step keeps the command's exit code: what a leftover did while it ran is judged by the
loopback check and the tests (chromium's own lifetime tests among them); here it is named, so it can be fixed.

With --timeout, a command still running after that many seconds is stopped the same way, every process of its tree
named first (exit 124): a step that hangs says what it was waiting for, instead of running into CI's own time limit.

Usage: python3 .ci/leftovers.py [--grace SECONDS] [--timeout SECONDS] COMMAND...
"""
import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def processes():
    """{pid: (parent pid, state, command line)} of every process we can see."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            # The command name is in parentheses and may hold spaces: the fields after the last ')' are fixed.
            state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
            found[int(entry)] = (int(ppid), state, cmdline)
        except (OSError, ValueError):
            continue  # it ended while we looked
    return found


def children():
    """(pid, command line) of this process's living children, zombies reaped on the way."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
    me = os.getpid()
    return [(pid, cmd) for pid, (ppid, state, cmd) in processes().items() if ppid == me and state != "Z"]


def tree():
    """(pid, depth, command line) of every process below this one, parents first."""
    table, me, out = processes(), os.getpid(), []

    def walk(parent, depth):
        for pid in sorted(p for p, (ppid, _, _) in table.items() if ppid == parent):
            out.append((pid, depth, table[pid][2]))
            walk(pid, depth + 1)
    walk(me, 0)
    return out


def main(argv):
    grace, timeout = 20.0, None
    while argv[:1] in (["--grace"], ["--timeout"]):
        if argv[0] == "--grace":
            grace = float(argv[1])
        else:
            timeout = float(argv[1])
        argv = argv[2:]
    if not argv:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("leftovers: cannot become a child subreaper; running the command unwatched", file=sys.stderr)
        return subprocess.call(argv)
    command = subprocess.Popen(argv)
    # The command gets the terminal's signals through its process group; a TERM sent to us is passed on.
    signal.signal(signal.SIGTERM, lambda *_: command.terminate())
    try:
        status = command.wait(timeout)
    except subprocess.TimeoutExpired:
        print(f"leftovers: '{' '.join(argv)}' still runs after {timeout:.0f} s; its processes:", file=sys.stderr)
        for pid, depth, cmdline in tree():
            print(f"  {'  ' * depth}pid {pid}: {cmdline[:300]}", file=sys.stderr)
        command.kill()
        command.wait()
        status, grace = 124, 0

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
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
