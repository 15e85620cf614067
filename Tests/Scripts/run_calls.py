#!/usr/bin/env python3
"""Runs a batch of inspectd calls as the user this process runs as, and prints what each returned.

The noninterference tests start this under setpriv as a reader or an inspector. It reads one JSON object from
stdin: {"socket": PATH, "varlink": [{"method": NAME, "parameters": {...}}], "cli": [{"argv": [...], "env": {...},
"output": PATH or null}], "timeout": SECONDS}, makes each Varlink call on a fresh connection with a raw client
(independent of ours: the protocol is NUL-terminated JSON), runs each command, and prints one JSON object:
{"varlink": [reply text], "cli": [{"status", "stdout", "stderr", "output"}]}. A reply text is the exact bytes the
daemon sent, so two daemons can be compared byte for byte. A Varlink call given as {"message": TEXT} sends TEXT as
it is (the API fuzzer writes JSON no encoder would); a call with "repeat": N is made N times, and only the last
reply is kept; "seconds" gives how long each took.
"""
import json
import os
import socket
import subprocess
import sys
import time


def call(path, request, timeout=60):
    """The daemon's raw reply to one call, or a description of what went wrong with the connection."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        try:
            connection.connect(path)
            message = request.get("message")
            if message is None:
                message = json.dumps(
                    {"method": request["method"], "parameters": request["parameters"]}, ensure_ascii=False)
            try:
                connection.sendall(message.encode("utf-8", errors="surrogatepass") + b"\0")
            except (BrokenPipeError, ConnectionResetError):
                # A server that refuses a message too large to read may answer before it stops reading it.
                pass
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
    timeout = batch.get("timeout", 60)
    replies = []
    seconds = []
    for request in batch.get("varlink", []):
        started = time.monotonic()
        for _ in range(request.get("repeat", 1)):
            reply = call(batch["socket"], request, timeout)
        seconds.append(time.monotonic() - started)
        replies.append(reply)
    commands = [run(c) for c in batch.get("cli", [])]
    json.dump({"varlink": replies, "seconds": seconds, "cli": commands}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
