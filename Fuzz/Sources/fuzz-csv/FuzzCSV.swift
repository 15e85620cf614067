import FuzzSupport

@testable import InspectCore

/// Feeds the CSV reader arbitrary text. A rejection must be a thrown error; what it reads, `CSVWriter` must write
/// back as text that reads the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = text(data, size)
    // The columns of the office and staff imports.
    _ = try? CSVTable(text: input, path: "fuzz.csv", required: [], allowed: columns)
    guard let records = try? CSVTable.parse(input, path: "fuzz.csv"), let first = records.first else { return 0 }
    // A file's leading byte-order mark is not data, so a first field that starts with a second one cannot survive.
    if first.fields[0].utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return 0 }
    var writer = CSVWriter(header: first.fields)
    for record in records.dropFirst() { writer.append(record.fields) }
    guard let again = try? CSVTable.parse(writer.text, path: "fuzz.csv") else {
        fatalError("CSVWriter wrote text that does not read back: \(writer.text.debugDescription)")
    }
    precondition(
        again.map(\.fields) == records.map(\.fields),
        "read \(records.map(\.fields)), wrote \(writer.text.debugDescription), read back \(again.map(\.fields))")
    return 0
}

private let columns = ["code", "name", "parent", "kind", "hours", "active", "badge", "office", "title", "category"]

@main
enum FuzzCSV {
    static func main() { runLibFuzzer(fuzz) }
}
