/// What a value may be where it enters inspectd (a call, a command line, an import row): every text, instant and
/// count is checked here once, so that nothing stored can later break a hash, a terminal, a report's arithmetic or
/// the memory of whoever reads it. The limits are documented in the README and in the interface's comments.
public enum InputLimits {
    /// A name: an office's, a person's, a team's, a title.
    public static let nameLength = 200
    /// Free text: a note, a reason, a requirement.
    public static let noteLength = 2000
    /// A path named in a call (an import's file name, for messages).
    public static let pathLength = 4096
    /// The CSV text of one import, in bytes (a district's whole roster, findings or inspections fit many times).
    public static let csvBytes = 64 << 20
    /// Staff checked in one inspection: no office holds more.
    public static let checkedLimit = 100_000

    /// The instants inspectd stores and computes with: from 1970 up to the end of 2099, the years its calendars
    /// (lunar dates, holidays, working hours) are known to hold for.
    public static let earliest = Instant(seconds: 0)
    public static let latest = Instant(seconds: 4_102_444_799)  // 2099-12-31 23:59:59 UTC

    /// The rule for a text parameter called `field`.
    public static func rule(forField field: String) -> TextRule {
        switch field {
        case "note", "reason", "requirement", "doneNote", "verifiedNote", "cancelReason", "beyondStaff",
            "cancel_reason":
            .paragraph(maxCharacters: noteLength)
        case "path": .line(maxCharacters: pathLength)
        case "csv": .csv(maxBytes: csvBytes)
        default: .line(maxCharacters: nameLength)
        }
    }

    /// Checks that `instant` lies within ``earliest``...``latest``.
    /// - Throws: `InspectError.invalidInput` naming `what`.
    public static func check(_ instant: Instant, as what: String) throws {
        guard instant >= earliest, instant <= latest else {
            throw InspectError.invalidInput("\(what) must lie between 1970 and 2099 (it is \(instant))")
        }
    }

    /// Parses a time of an imported row (`TimeParsing`) and checks it as a call's instant is checked.
    /// - Throws: `InspectError.invalidInput`.
    public static func storedInstant(_ text: String, in zone: LocalZone) throws -> Instant {
        let instant = try TimeParsing.instant(text, in: zone)
        try check(instant, as: "'\(text)'")
        return instant
    }

    /// Checks that `date` lies in the years ``check(_:as:)`` allows for instants.
    /// - Throws: `InspectError.invalidInput` naming `what`.
    public static func check(_ date: CivilDate, as what: String) throws {
        guard (1970...2099).contains(date.year) else {
            throw InspectError.invalidInput("\(what) must be a date from 1970 to 2099, not \(date)")
        }
    }

    /// Checks a count or number parameter called `field` against its documented range, if it has one.
    /// - Throws: `InspectError.invalidInput` naming the field and the range.
    public static func check(_ number: Int, as field: String) throws {
        let range: ClosedRange<Int>? =
            switch field {
            case "checked": 0...checkedLimit
            case "recent": 0...100
            default: nil
            }
        if let range, !range.contains(number) {
            throw InspectError.invalidInput(
                "\(field) must be from \(range.lowerBound) to \(range.upperBound), not \(number)")
        }
    }
}

/// What a text may contain, and how long it may be.
public enum TextRule: Sendable, Equatable {
    /// One line: no control characters at all (no newline, tab, escape or NUL).
    case line(maxCharacters: Int)
    /// Free text over several lines: line breaks (LF or CR LF) and tabs, and no other control character.
    case paragraph(maxCharacters: Int)
    /// CSV text: checked for size here, and cell by cell, with line numbers, by the import that reads it.
    case csv(maxBytes: Int)

    /// Checks `text`; `what` names it in the message.
    ///
    /// Control characters are refused rather than stored: a NUL cut the stored text short of what was hashed, and an
    /// escape sequence in a note would take over the terminal of whoever lists it.
    /// - Throws: `InspectError.invalidInput`: `note contains a control character (U+001B)`.
    public func check(_ text: String, as what: String) throws {
        switch self {
        case .csv(let maxBytes):
            guard text.utf8.count <= maxBytes else {
                throw InspectError.invalidInput("\(what) is longer than \(maxBytes / (1 << 20)) MiB")
            }
        case .line(let limit), .paragraph(let limit):
            let multiline = if case .paragraph = self { true } else { false }
            var count = 0
            let scalars = Array(text.unicodeScalars)
            for (index, scalar) in scalars.enumerated() {
                count += 1
                guard count <= limit else {
                    throw InspectError.invalidInput("\(what) is longer than \(limit) characters")
                }
                if !multiline && (scalar == "\n" || scalar == "\r") {
                    throw InspectError.invalidInput("\(what) contains a line break; it must be one line")
                }
                // A line break may be written CR LF (a file from Windows); a CR alone moves a terminal's cursor.
                let lineBreak =
                    scalar == "\n" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
                if Self.isControl(scalar) && !(multiline && (lineBreak || scalar == "\t")) {
                    throw InspectError.invalidInput(
                        "\(what) contains a control character (\(Self.name(scalar)))"
                            + (multiline ? "; only line breaks and tabs are allowed" : ""))
                }
            }
        }
    }

    /// C0 controls, DEL and C1 controls: the characters a terminal acts on instead of showing.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
