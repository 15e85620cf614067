/// Where a configuration value was written: a file and a 1-based line.
///
/// Every value read from `/etc/inspectd` keeps its origin, so an error names the exact line to fix even after the
/// main file and its drop-ins have been merged.
public struct IniLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 when the problem concerns the file as a whole.
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    /// A configuration error at this location.
    public func error(_ reason: String) -> InspectError {
        .invalidConfig(path: path, line: line, reason: reason)
    }

    /// `path:line`.
    public var description: String { line > 0 ? "\(path):\(line)" : path }
}

/// One `Key=Value` assignment, with the section it appeared in and where it was written.
public struct IniEntry: Hashable, Sendable {
    public var section: String
    public var key: String
    /// The value with surrounding spaces removed; empty for `Key=`, which resets the key (see `IniDocument`).
    public var value: String
    public var location: IniLocation

    public init(section: String, key: String, value: String, location: IniLocation) {
        self.section = section
        self.key = key
        self.value = value
        self.location = location
    }

    /// A configuration error about this assignment, quoting it so the reader sees what was written (escaped, and at
    /// most 80 characters of it).
    public func error(_ expectation: String) -> InspectError {
        location.error("\(TerminalText.excerpt("\(key)=\(value)")): \(expectation)")
    }

    // MARK: - Typed values

    /// The value as a whole number within `range`.
    /// - Throws: `InspectError.invalidConfig` at this entry's line.
    public func int(in range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The value as a boolean, spelt as systemd accepts: `yes/no`, `true/false`, `1/0`, `on/off` (any case).
    /// - Throws: `InspectError.invalidConfig` at this entry's line.
    public func bool() throws -> Bool {
        switch value.lowercased() {
        case "yes", "true", "1", "on": return true
        case "no", "false", "0", "off": return false
        default: throw error("expected yes or no (also true/false, 1/0, on/off)")
        }
    }

    /// The value as a wall-clock time `HH:MM` or `HH:MM:SS`.
    /// - Throws: `InspectError.invalidConfig` at this entry's line.
    public func timeOfDay() throws -> TimeOfDay {
        guard let time = TimeOfDay(parsing: value) else { throw error("expected a time as HH:MM (24-hour clock)") }
        return time
    }

    /// The value as a span of the day, `HH:MM-HH:MM`, ending after it starts.
    /// - Throws: `InspectError.invalidConfig` at this entry's line.
    public func timeSpan() throws -> Session {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = TimeOfDay(parsing: parts[0].trimmingSpaces),
            let end = TimeOfDay(parsing: parts[1].trimmingSpaces)
        else { throw error("expected a span of time as HH:MM-HH:MM, like 07:30-11:30") }
        guard start < end else { throw error("the span must end after it starts") }
        return Session(start: start, end: end)
    }
}
