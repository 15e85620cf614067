import InspectCore
import Testing

@Suite("Finding hash chain")
struct FindingChainTests {
    static func sample(id: Int64, note: String? = "thẻ để trong cặp") -> Finding {
        Finding(
            id: id, inspection: 7, violation: "BADGE", staff: "CL-00413", observedAt: Instant(seconds: 1_800_000_000),
            clockTime: nil, minutes: nil, note: note, recordedBy: "nga", recordedAt: Instant(seconds: 1_800_000_060),
            action: .record, corrects: nil, reason: nil)
    }

    static func chain(_ count: Int) -> [Finding] {
        var previous = FindingChain.genesis
        return (1...Int64(count)).map { id in
            let linked = FindingChain.linked(sample(id: id), after: previous)
            previous = linked.hash
            return linked
        }
    }

    @Test("the canonical encoding is fixed, so stored hashes stay valid across versions")
    func canonicalEncodingIsPinned() {
        let finding = Self.sample(id: 1)
        let text = String(decoding: FindingChain.canonical(finding), as: UTF8.self)
        #expect(
            text
                == "19:inspectd.finding.v1;1:1;1:7;5:BADGE;8:CL-00413;10:1800000000;~;~;23:thẻ để trong cặp;3:nga;"
                + "10:1800000060;6:record;~;~")
        // The same value as `sha256(32 zero bytes + text)` computed by any other tool.
        #expect(
            FindingChain.hash(finding, prevHash: FindingChain.genesis)
                == "33c12226d146de525eaa90932f9938ad0b2c1a1dba24928bee08b6b400658dbe")
    }

    @Test("absent and empty values hash differently")
    func absentIsNotEmpty() {
        let absent = FindingChain.hash(Self.sample(id: 1, note: nil), prevHash: FindingChain.genesis)
        let empty = FindingChain.hash(Self.sample(id: 1, note: ""), prevHash: FindingChain.genesis)
        #expect(absent != empty)
    }

    @Test("a field boundary cannot be moved without changing the hash")
    func lengthPrefixesPreventShifting() {
        var a = Self.sample(id: 1)
        a.staff = "AB"
        a.note = "C"
        var b = Self.sample(id: 1)
        b.staff = "A"
        b.note = "BC"
        #expect(FindingChain.canonical(a) != FindingChain.canonical(b))
    }

    @Test("an intact chain verifies and ends at its head")
    func intactChainVerifies() {
        let rows = Self.chain(5)
        var verifier = FindingChain.Verifier()
        for row in rows { #expect(verifier.check(row) == nil) }
        #expect(verifier.checkEnd(headID: 5, headHash: rows[4].hash, headCount: 5) == nil)
    }

    @Test("an edited row is named as the first break")
    func editedRowIsNamed() {
        var rows = Self.chain(5)
        rows[2].note = "edited"
        var verifier = FindingChain.Verifier()
        let breaks = rows.compactMap { verifier.check($0) }
        #expect(breaks.first?.row == 3)
        #expect(breaks.first?.reason.contains("edited") == true)
    }

    @Test("a deleted row breaks the link of the row after it")
    func deletedRowBreaksNextLink() {
        var rows = Self.chain(5)
        rows.remove(at: 1)
        var verifier = FindingChain.Verifier()
        let first = rows.compactMap { verifier.check($0) }.first
        #expect(first?.row == 3)
        #expect(first?.reason.contains("finding 1") == true)
    }

    @Test("a deleted last row is caught by the head")
    func deletedLastRowIsCaughtByHead() {
        let rows = Self.chain(5)
        var verifier = FindingChain.Verifier()
        for row in rows.dropLast() { #expect(verifier.check(row) == nil) }
        let end = verifier.checkEnd(headID: 5, headHash: rows[4].hash, headCount: 5)
        #expect(end?.row == 5)
    }

    @Test("hex round-trips and rejects non-hex")
    func hexRoundTrip() {
        let bytes: [UInt8] = [0, 1, 0x7F, 0x80, 0xFE, 0xFF]
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
        #expect(Hex.encode(bytes) == "00017f80feff")
        #expect(Hex.decode("0g") == nil)
        #expect(Hex.decode("abc") == nil)
    }
}
