#!/usr/bin/env python3
"""Runs a batch of inspectd calls as the user this process runs as, and prints what each returned.

The noninterference tests start this under setpriv as a reader or an inspector. It reads one JSON object from
stdin: {"socket": PATH, "varlink": [{"method": NAME, "parameters": {...}}], "cli": [{"argv": [...], "env": {...},
"output": PATH or null}]}, makes each Varlink call on a fresh connection with a raw client (independent of ours: the
protocol is NUL-terminated JSON), runs each command, and prints one JSON object: {"varlink": [reply text],
"cli": [{"status", "stdout", "stderr", "output"}]}. A reply text is the exact bytes the daemon sent, so two daemons
can be compared byte for byte.
"""
import json
import os
import socket
import subprocess
import sys


def call(path, method, parameters):
    """The daemon's raw reply to one call, or a description of what went wrong with the connection."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(60)
        try:
            connection.connect(path)
            message = json.dumps({"method": method, "parameters": parameters}, ensure_ascii=False)
            connection.sendall(message.encode("utf-8") + b"\0")
            reply = b""
            while not reply.endswith(b"\0"):
                chunk = connection.recv(65536)
                if not chunk:
                    return "<connection closed after %d bytes>" % len(reply)
                reply += chunk
            return reply[:-1].decode("utf-8", errors="replace")
        except OSError as error:
            return "<%s>" % type(error).__name__


def run(command):
    """Runs one command line and returns its status, its output and the file it was asked to write, if any."""
    output = command.get("output")
    if output and os.path.exists(output):
        os.remove(output)
    environment = dict(os.environ)
    environment.update(command.get("env", {}))
    try:
        result = subprocess.run(
            command["argv"], env=environment, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        status, stdout, stderr = result.returncode, result.stdout, result.stderr
    except subprocess.TimeoutExpired:
        status, stdout, stderr = "timeout", b"", b""
    written = None
    if output and os.path.exists(output):
        with open(output, "rb") as file:
            written = file.read().decode("utf-8", errors="replace")
        os.remove(output)
    return {
        "status": status,
        "stdout": stdout.decode("utf-8", errors="replace"),
        "stderr": stderr.decode("utf-8", errors="replace"),
        "output": written,
    }


def main():
    batch = json.load(sys.stdin)
    replies = [call(batch["socket"], c["method"], c["parameters"]) for c in batch.get("varlink", [])]
    commands = [run(c) for c in batch.get("cli", [])]
    json.dump({"varlink": replies, "cli": commands}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
