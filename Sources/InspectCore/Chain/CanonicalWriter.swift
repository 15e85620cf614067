/// Writes the canonical bytes of a record for hashing: findings (`FindingChain`) and surprise-draw inputs.
///
/// A tag naming the format and its version comes first; then each field as `<byte count>:<UTF-8>`, or `~` for an
/// absent value, separated by `;`. A list is its element count followed by its elements. Lengths and counts make
/// the encoding unambiguous, and it never depends on how Swift formats numbers other than integers.
struct CanonicalWriter {
    private(set) var bytes: [UInt8] = []

    init(tag: String) {
        field(tag)
    }

    mutating func field(_ text: String?) {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: ";")) }
        guard let text else {
            bytes.append(UInt8(ascii: "~"))
            return
        }
        bytes.append(contentsOf: String(text.utf8.count).utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func field(_ number: Int) { field(String(number)) }

    mutating func field(_ number: Int64?) { field(number.map { String($0) }) }

    mutating func field(_ instant: Instant) { field(String(instant.seconds)) }

    /// The count of `elements`, then each element as `write` encodes it.
    mutating func list<Element>(_ elements: [Element], _ write: (inout CanonicalWriter, Element) -> Void) {
        field(elements.count)
        for element in elements { write(&self, element) }
    }
}
