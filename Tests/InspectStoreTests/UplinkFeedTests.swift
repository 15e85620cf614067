import GRDB
import InspectCore
import InspectTesting
import Testing

@testable import InspectStore

/// What the uplink reads: ledger entries marked with their place among the findings, and the secrecy rule.
@Suite("Uplink feed")
struct UplinkFeedTests {
    @Test("each new ledger entry notes how many findings were there, so entries and findings merge in commit order")
    func entriesMarkTheirPlace() throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(2)
        try fixture.database.write { db in
            var office = OfficeRecord(
                code: "UBND-BANGHUU", name: "UBND xã Bằng Hữu", parentId: nil, kind: .commune,
                hoursProfile: "default", createdAt: Instant(seconds: 0))
            try office.insert(db)
        }
        try fixture.appendFindings(1)
        let (entries, findings, backlog) = try fixture.database.readTransaction { transaction in
            (
                try UplinkFeed.entries(transaction, after: 0, limit: 10_000),
                try UplinkFeed.findings(transaction, after: 0, limit: 10),
                try UplinkFeed.backlog(transaction, after: UplinkState())
            )
        }
        let office = try #require(entries.last { $0.table == "office" })
        #expect(office.findingsBefore == 2)
        #expect(office["code"] == .text("UBND-BANGHUU"))
        #expect(office.writtenAt != nil)
        #expect(findings.map(\.id) == [1, 2, 3])
        let merged = UplinkOrder.merge(
            entries: entries, entriesComplete: true, findings: findings, findingsComplete: true, limit: 10_000)
        let order = merged.map { item -> String in
            switch item {
            case .entry(let entry): entry.table == "office" && entry.seq == office.seq ? "office" : "other"
            case .finding(let finding): "finding \(finding.id)"
            }
        }.filter { $0 != "other" }
        #expect(order == ["finding 1", "finding 2", "office", "finding 3"])
        #expect(backlog.findings == 3)
        #expect(backlog.entries == entries.count)
    }

    @Test("the site's copy of the cursor is saved and read back")
    func stateRoundTrip() throws {
        let fixture = try StoreFixture()
        let state = UplinkState(
            ledgerSeq: 7, findingID: 3, factsSent: 12, lastSuccess: Instant(seconds: 100), lastError: "down",
            lastErrorAt: Instant(seconds: 90), diverged: nil)
        try fixture.database.writeTransaction { try UplinkFeed.save($0, state) }
        #expect(try fixture.database.readTransaction { try UplinkFeed.state($0) } == state)
    }

    static func entry(_ table: String, key: Int64, _ row: [String: UplinkValue]?) -> UplinkEntry {
        UplinkEntry(seq: 1, table: table, key: "[\(key)]", row: row, mac: "", findingsBefore: 0, writtenAt: nil)
    }

    @Test(
        "what is secret until due is withheld, and what reveals it is not",
        arguments: [
            ("inspection", InspectionIDs.secretBase + 1, ["kind": "surprise", "status": "scheduled"], true),
            ("inspection", InspectionIDs.secretBase + 1, nil, true),
            ("inspection", 5, ["kind": "surprise", "status": "scheduled"], true),
            ("inspection", 5, ["kind": "follow-up", "status": "scheduled"], true),
            ("inspection", 5, ["kind": "surprise", "status": "due"], false),
            ("inspection", 5, ["kind": "follow-up", "status": "cancelled"], false),
            ("inspection", 5, ["kind": "planned", "status": "scheduled"], false),
            ("surprise_draw", 2, ["revealed_at": nil], true),
            ("surprise_draw", 2, ["revealed_at": "100"], false),
            ("follow_up_draw", 2, ["revealed_at": nil], true),
            ("follow_up_draw", 2, ["revealed_at": "100"], false),
            ("office", 2, ["code": "X"], false),
        ] as [(String, Int64, [String: String?]?, Bool)])
    func secrecy(table: String, key: Int64, row: [String: String?]?, withheld: Bool) {
        let values = row?.mapValues { value -> UplinkValue in
            guard let value else { return .null }
            return Int64(value).map(UplinkValue.int) ?? .text(value)
        }
        #expect(UplinkSecrecy.withholds(Self.entry(table, key: key, values)) == withheld)
    }
}
