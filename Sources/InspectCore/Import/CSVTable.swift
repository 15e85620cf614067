/// A CSV file read into named columns, each record remembering the line it started on.
///
/// RFC 4180: comma-separated, fields optionally in double quotes, `""` for a quote inside quotes, quoted fields may
/// span lines; LF or CRLF line ends; a UTF-8 byte-order mark is ignored. The first record is the header and is
/// required. Imports are all-or-nothing, so every problem is reported with the file's name and line.
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        /// 1-based line number where the record starts.
        public var line: Int
        public var fields: [String]
    }

    public let path: String
    public let header: [String]
    public let records: [Record]

    /// Parses `text`, requiring a header whose columns are among `allowed` and include every name in `required`.
    /// - Throws: `InspectError.invalidFile` with the line of the first problem.
    public init(text: String, path: String, required: [String], allowed: [String]) throws {
        self.path = path
        var rows = try CSVTable.parse(text, path: path)
        // Blank lines carry no record.
        rows.removeAll { $0.fields == [""] }
        guard let first = rows.first else {
            throw InspectError.invalidFile(path: path, line: 1, reason: "empty file; expected a header row")
        }
        let names = first.fields.map { $0.trimmingSpaces.lowercased() }
        for name in names where !allowed.contains(name) {
            throw InspectError.invalidFile(
                path: path, line: first.line,
                reason: "unknown column\(Self.shown(name)); allowed: \(allowed.joined(separator: ","))")
        }
        for name in required where !names.contains(name) {
            throw InspectError.invalidFile(path: path, line: first.line, reason: "missing column '\(name)'")
        }
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw InspectError.invalidFile(
                path: path, line: first.line, reason: "column\(Self.shown(duplicate)) appears twice")
        }
        for row in rows.dropFirst() where row.fields.count != names.count {
            throw InspectError.invalidFile(
                path: path, line: row.line, reason: "\(row.fields.count) fields, expected \(names.count)")
        }
        header = names
        records = Array(rows.dropFirst())
        try checkText()
    }

    /// A header cell for a message, as " 'name'", when it could be a column's name (up to 40 letters, digits, `_`,
    /// `-` or spaces); nothing otherwise: the file named may not be CSV at all (a copy of `/etc/shadow`), and its
    /// first line is not repeated.
    static func shown(_ name: String) -> String {
        let plausible =
            name.count <= 40
            && name.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_- ".unicodeScalars.contains($0)
            }
        return plausible ? " '\(name)'" : ""
    }

    /// Checks every cell as a call's parameter of the same name is checked (`InputLimits`): no NUL or other
    /// control character, only notes and reasons over several lines, lengths within limits.
    private func checkText() throws {
        let rules = header.map { InputLimits.rule(forField: $0) }
        for record in records {
            for (index, field) in record.fields.enumerated() {
                do {
                    try rules[index].check(field, as: "column '\(header[index])'")
                } catch let error as InspectError {
                    guard case .invalidInput(let reason) = error else { throw error }
                    throw InspectError.invalidFile(path: path, line: record.line, reason: reason)
                }
            }
        }
    }

    /// The value of `column` in `record`, trimmed; nil when the column is absent or the value empty.
    public func value(_ column: String, in record: Record) -> String? {
        value(at: header.firstIndex(of: column), in: record)
    }

    /// The position of `column` in the header, for reading many records without looking it up each time.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The value at column position `index` in `record`, trimmed; nil when the column is absent or the value empty.
    public func value(at index: Int?, in record: Record) -> String? {
        guard let index else { return nil }
        let field = record.fields[index]
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = field.utf8.first else { return nil }
        // Most fields have nothing to trim; only copy those that do.
        if !isSpace(first) && !isSpace(field.utf8.last!) { return field }
        let value = field.trimmingSpaces
        return value.isEmpty ? nil : value
    }

    /// Runs `body` on `record`, turning any error it throws into one located at the record's line.
    public func located<T>(_ record: Record, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InspectError {
            if case .invalidFile = error { throw error }
            throw InspectError.invalidFile(path: path, line: record.line, reason: error.description)
        }
    }

    static func parse(_ text: String, path: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var index = 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "\""):
                guard field.isEmpty, !afterQuote else {
                    throw InspectError.invalidFile(
                        path: path, line: line, reason: "a quote inside an unquoted field; quote the whole field")
                }
                inQuotes = true
            default:
                guard !afterQuote else {
                    throw InspectError.invalidFile(
                        path: path, line: line, reason: "text after a closing quote; expected ',' or end of line")
                }
                field.append(byte)
            }
        }
        if inQuotes {
            throw InspectError.invalidFile(path: path, line: recordLine, reason: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return records
    }
}
