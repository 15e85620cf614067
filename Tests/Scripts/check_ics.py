#!/usr/bin/env python3
"""Parses an iCalendar file with the `icalendar` package (an independent RFC 5545 parser) and prints what it read.

  check_ics.py FILE.ics

Prints one JSON object: {"name", "prodid", "version", "events": [{uid, start, summary, location, description,
status}]}, with start in ISO 8601 UTC. Exits 1 if the file does not parse, if an event lacks a property RFC 5545
requires (UID, DTSTAMP, DTSTART), or if a line is longer than 75 octets or does not end with CRLF.
"""
import json
import sys

import icalendar


def main():
    raw = open(sys.argv[1], "rb").read()
    problems = []
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append("line %d: a bare line break" % number)
        if len(line) > 75:
            problems.append("line %d: %d octets, more than 75" % (number, len(line)))
    calendar = icalendar.Calendar.from_ical(raw)
    events = []
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if required not in event:
                problems.append("an event without %s" % required)
        start = event.decoded("DTSTART")
        events.append({
            "uid": str(event.get("UID")), "start": start.astimezone(__import__("datetime").timezone.utc).isoformat(),
            "summary": str(event.get("SUMMARY")), "location": str(event.get("LOCATION")),
            "description": str(event.get("DESCRIPTION")), "status": str(event.get("STATUS")),
        })
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(json.dumps({"name": str(calendar.get("X-WR-CALNAME")), "prodid": str(calendar.get("PRODID")),
                      "version": str(calendar.get("VERSION")), "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main()
