#!/usr/bin/env python3
"""Puts one user's worst load on inspectd's socket at once, for the stall test (StallTests.swift, scripts/stall).

Runs as the user it is started as (the test starts it under setpriv as a reader). For DURATION seconds, at the same
time:
  - hold: keeps HOLD connections open, sending nothing; a connection the daemon closes (past its per-user cap, or
    idle too long) is opened again every few tenths of a second;
  - flood: FLOODS threads, each on a connection of its own, send a message of FLOOD_BYTES bytes without its NUL
    terminator; once the daemon refuses one (it answers with an error and closes), the thread starts another;
  - report: one connection calls SummaryReport by month (and every other breakdown) over the widest period the API
    accepts, again and again.

Prints one JSON object with what happened to each kind of load. Exits 2 when it cannot start at all.

Usage: stall_load.py SOCKET [--hold N] [--floods N] [--flood-bytes N] [--duration SECONDS] [--ready FILE]
"""
import argparse
import errno
import json
import select
import socket
import sys
import threading
import time

REPORT = {
    "method": "io.inspectd.SummaryReport",
    # InputLimits: instants from 1970 to the end of 2099.
    "parameters": {
        "period": {"from": 0, "to": 4102444799},
        "breakdowns": ["office", "type", "month", "category", "kind"],
    },
}


def connect(path, blocking):
    """A connected socket, or the errno that refused it (a full backlog is EAGAIN for a non-blocking one)."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.setblocking(blocking)
    try:
        connection.connect(path)
    except OSError as error:
        connection.close()
        return None, error.errno or errno.EIO
    return connection, 0


class Holder:
    """Keeps up to `count` idle connections open and notices the ones the daemon closes."""

    def __init__(self, path, count):
        self.path = path
        self.count = count
        self.open = {}
        self.poller = select.poll()
        self.attempts = 0
        self.connected = 0
        self.refused = {}
        self.closed_by_daemon = 0
        self.max_open = 0

    def fill(self):
        while len(self.open) < self.count:
            self.attempts += 1
            connection, code = connect(self.path, blocking=False)
            if connection is None:
                name = errno.errorcode.get(code, str(code))
                self.refused[name] = self.refused.get(name, 0) + 1
                # The backlog is full or the daemon is out of something: try again on the next round.
                break
            self.connected += 1
            self.open[connection.fileno()] = connection
            self.poller.register(connection.fileno(), select.POLLIN)
        self.max_open = max(self.max_open, len(self.open))

    def reap(self, timeout_ms):
        for descriptor, _ in self.poller.poll(timeout_ms):
            connection = self.open.get(descriptor)
            if connection is None:
                continue
            try:
                data = connection.recv(65536, socket.MSG_DONTWAIT)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if data:
                continue
            self.poller.unregister(descriptor)
            del self.open[descriptor]
            connection.close()
            self.closed_by_daemon += 1

    def run(self, until):
        while time.monotonic() < until:
            self.fill()
            self.reap(200)

    def summary(self):
        return {
            "target": self.count,
            "attempts": self.attempts,
            "connected": self.connected,
            "refusedAtConnect": self.refused,
            "closedByDaemon": self.closed_by_daemon,
            "maxOpenSeenByClient": self.max_open,
            "openAtEnd": len(self.open),
        }


class Flooder:
    """Sends unterminated messages of `size` bytes, one connection after another, until `until`."""

    chunk = b"x" * (1 << 20)

    def __init__(self, path, size):
        self.path = path
        self.size = size
        self.messages = 0
        self.refused_at_connect = 0
        self.bytes_taken = 0
        self.largest_taken = 0
        self.answers = {}

    def one(self, deadline):
        connection, code = connect(self.path, blocking=True)
        if connection is None:
            self.refused_at_connect += 1
            time.sleep(0.05)
            return
        self.messages += 1
        sent = 0
        try:
            connection.settimeout(max(1.0, deadline - time.monotonic()))
            while sent < self.size:
                piece = self.chunk[: min(len(self.chunk), self.size - sent)]
                sent += connection.send(piece)
            answer = "sent in full"
        except socket.timeout:
            answer = "timed out sending"
        except OSError as error:
            answer = errno.errorcode.get(error.errno, str(error.errno))
        # What the daemon said before it closed: its error, if it sent one.
        try:
            connection.settimeout(2)
            reply = b""
            while not reply.endswith(b"\0"):
                piece = connection.recv(65536)
                if not piece:
                    break
                reply += piece
            if reply.endswith(b"\0"):
                answer = json.loads(reply[:-1]).get("error", "a reply")
        except (OSError, ValueError):
            pass
        connection.close()
        self.bytes_taken += sent
        self.largest_taken = max(self.largest_taken, sent)
        self.answers[answer] = self.answers.get(answer, 0) + 1

    def run(self, until):
        while time.monotonic() < until:
            self.one(until)


class Reporter:
    """Calls the largest report on one connection, again and again, until `until`."""

    def __init__(self, path):
        self.path = path
        self.runs = 0
        self.seconds = []
        self.reply_bytes = 0
        self.outcomes = {}

    def run(self, until):
        connection = None
        message = json.dumps(REPORT).encode() + b"\0"
        while time.monotonic() < until:
            if connection is None:
                connection, _ = connect(self.path, blocking=True)
                if connection is None:
                    self.count("refused at connect")
                    time.sleep(0.1)
                    continue
                connection.settimeout(max(1.0, until - time.monotonic() + 30))
            started = time.monotonic()
            try:
                connection.sendall(message)
                reply = bytearray()
                while not reply.endswith(b"\0"):
                    piece = connection.recv(1 << 20)
                    if not piece:
                        raise ConnectionResetError(errno.ECONNRESET, "closed")
                    reply += piece
            except OSError as error:
                self.count("connection: " + errno.errorcode.get(error.errno or 0, str(error)))
                connection.close()
                connection = None
                time.sleep(0.1)
                continue
            self.runs += 1
            self.seconds.append(time.monotonic() - started)
            self.reply_bytes = max(self.reply_bytes, len(reply))
            answer = json.loads(bytes(reply[:-1]))
            self.count(answer.get("error", "answered"))
        if connection is not None:
            connection.close()

    def count(self, outcome):
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def summary(self):
        return {
            "runs": self.runs,
            "maxSeconds": round(max(self.seconds, default=0), 3),
            "replyBytes": self.reply_bytes,
            "outcomes": self.outcomes,
        }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("socket")
    parser.add_argument("--hold", type=int, default=2000)
    parser.add_argument("--floods", type=int, default=30)
    parser.add_argument("--flood-bytes", type=int, default=60_000_000)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--ready", help="a file created once every kind of load has started")
    options = parser.parse_args()

    until = time.monotonic() + options.duration
    reporter = Reporter(options.socket)
    flooders = [Flooder(options.socket, options.flood_bytes) for _ in range(options.floods)]
    holder = Holder(options.socket, options.hold)
    # The report first and the floods next: past the per-user cap the daemon refuses new connections, so what
    # connects last (the idle ones) is what it refuses.
    threads = [threading.Thread(target=reporter.run, args=(until,), daemon=True)]
    threads += [threading.Thread(target=flooder.run, args=(until,), daemon=True) for flooder in flooders]
    for thread in threads:
        thread.start()
        time.sleep(0.01)
    holder.fill()
    if options.ready:
        with open(options.ready, "w", encoding="utf-8"):
            pass
    holder.run(until)
    for thread in threads:
        thread.join(timeout=60)

    answers = {}
    for flooder in flooders:
        for answer, count in flooder.answers.items():
            answers[answer] = answers.get(answer, 0) + count
    print(
        json.dumps(
            {
                "hold": holder.summary(),
                "flood": {
                    "connections": options.floods,
                    "messageBytes": options.flood_bytes,
                    "messages": sum(flooder.messages for flooder in flooders),
                    "refusedAtConnect": sum(flooder.refused_at_connect for flooder in flooders),
                    "bytesTaken": sum(flooder.bytes_taken for flooder in flooders),
                    "largestTaken": max((flooder.largest_taken for flooder in flooders), default=0),
                    "answers": answers,
                },
                "report": reporter.summary(),
            },
            sort_keys=True,
        )
    )


if __name__ == "__main__":
    try:
        main()
    except OSError as error:
        print("stall_load.py: %s" % error, file=sys.stderr)
        sys.exit(2)
