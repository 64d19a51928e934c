"""Reads an `strace -f` log written by .ci/loopback-only and lists, with the program that made it, every attempt to
reach an address outside loopback: any DNS query (port 53, wherever it goes), any TCP connect, and any datagram sent.
Exit 3 if there is one, else 0.

A UDP connect sends nothing: the kernel only picks a route. Chromium's network service makes one when it starts (its
IPv6 reachability probe to 2001:4860:4860::8888 port 443) and no flag turns it off; such a connect is listed as a note,
and becomes an attempt the moment anything is sent on that socket.

Usage: python3 .ci/loopback_check.py LOG
"""
import collections
import ipaddress
import re
import sys

LINE = re.compile(r"^(\d+)\s+(.*)$")  # strace pads short ids
RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>(.*)$")
CALL = re.compile(r"^(\w+)\((.*)\)\s+= (-?\d+)")
# strace's socket addresses: {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.2")} and
# {sa_family=AF_INET6, sin6_port=htons(443), ..., inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), ...}.
INET = re.compile(r'sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)')
INET6 = re.compile(r'sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"')


def outside(address, port):
    if port == 53:
        return True
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_loopback or ip.is_unspecified)


def calls(lines):
    """(tid, name, arguments, result, started, ended) per finished call, joining strace's '<unfinished ...>' and
    '<... resumed>'; started and ended are the numbers of the lines where the call began and returned."""
    pending = {}
    for number, line in enumerate(lines):
        m = LINE.match(line.rstrip("\n"))
        if not m:
            continue
        tid, text = m.groups()
        if text.endswith("<unfinished ...>"):
            pending[tid] = (text[: -len("<unfinished ...>")].rstrip(), number)
            continue
        started = number
        if r := RESUMED.match(text):
            begun, started = pending.pop(tid, (r.group(1) + "(", number))
            text = begun + r.group(2)
        if c := CALL.match(text):
            yield tid, c.group(1), c.group(2), int(c.group(3)), started, number


class Processes:
    """What each thread runs and which sockets its process holds (threads share their process's fd table)."""

    def __init__(self):
        self.program, self.table = {}, {}

    def fds(self, tid):
        return self.table.setdefault(tid, {})

    def spawned(self, parent, child, args, started):
        self.program.setdefault(child, self.program.get(parent, "?"))
        shares = "CLONE_FILES" in args or "CLONE_THREAD" in args
        table = self.fds(parent) if shares else dict(self.fds(parent))
        # The child often runs before its parent's clone returns in the log: keep the sockets it opened since the
        # clone began (older entries under its id belong to an ended thread that had the same id).
        table.update({fd: sock for fd, sock in self.fds(child).items() if sock["line"] > started})
        self.table[child] = table


def attempts(lines):
    procs = Processes()
    notes = collections.Counter()
    for tid, name, args, result, started, ended in calls(lines):
        if name == "execve":
            if result == 0:
                procs.program[tid] = args.split('"')[1]
            continue
        if name in ("clone", "clone3", "fork", "vfork"):
            if result > 0:
                procs.spawned(tid, str(result), args, started)
            continue
        program, fds = procs.program.get(tid, "?"), procs.fds(tid)
        if name == "socket":
            if result >= 0:
                fds[result] = {"udp": "SOCK_DGRAM" in args, "peer": None, "line": ended}
            continue
        if name == "close":
            # Its number may come back as another socket; a close that began before that socket's call returned (and
            # is logged after it, from another thread) closed the number's previous holder.
            if args.isdigit() and fds.get(int(args), {}).get("line", -1) < started:
                fds.pop(int(args), None)
            continue
        fd = int(args.split(",", 1)[0]) if args[:1].isdigit() else -1
        sock = fds.get(fd, {"udp": False, "peer": None, "line": started})
        addresses = [(a, int(p)) for p, a in INET.findall(args) + INET6.findall(args)]
        for address, port in addresses:
            if not outside(address, port):
                continue
            if name == "connect" and sock["udp"] and port != 53:
                sock["peer"] = (address, port)  # a route lookup; sending on it would be traffic
                notes[(program, address, port)] += 1
            else:
                yield program, name, address, port
        if name == "connect" and not addresses:
            sock["peer"] = None
        if name != "connect" and not addresses and sock["peer"]:
            yield (program, name) + sock["peer"]
        fds[fd] = sock
    for (program, address, port), n in sorted(notes.items()):
        print(f"loopback-only: note: {program}: UDP connect to {address} port {port} sent nothing ({n}x): "
              "a route lookup, not traffic", file=sys.stderr)


def main(log):
    with open(log, errors="replace") as f:
        found = collections.Counter(attempts(f))
    if not found:
        print(f"loopback-only: nothing left 127.0.0.1 ({log})")
        return 0
    print(f"loopback-only: FAILED: {sum(found.values())} attempts to leave 127.0.0.1 ({log}):", file=sys.stderr)
    for (program, call, address, port), n in sorted(found.items()):
        what = "DNS query to" if port == 53 else "to"
        print(f"  {program}: {call} {what} {address} port {port} ({n}x)", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
