import GRDB
import InspectCore
import InspectTesting
import Testing

@testable import InspectStore

@Suite("Event outbox")
struct OutboxTests {
    let event = Event(
        kind: .violationRecorded, message: "LATE recorded", fields: ["OFFICE": "UBND-NHANLY", "NOTE": "dòng 1\ndòng 2"])

    @Test("an enqueued event round-trips through its row")
    func roundTrip() throws {
        let fixture = try StoreFixture()
        let id = try fixture.database.write { try Outbox.enqueue($0, event, at: Instant(seconds: 10), claimant: "a") }
        let rows = try fixture.database.read { try Outbox.unsent($0, ids: [id]) }
        #expect(rows.count == 1)
        #expect(rows.first?.event == event)
        #expect(rows.first?.claimedBy == "a")
    }

    @Test("a claim holds until its lease expires, then another process takes the row")
    func leases() throws {
        let fixture = try StoreFixture()
        let start = Instant(seconds: 1000)
        try fixture.database.write { db in
            try Outbox.enqueue(db, event, at: start, claimant: "inspectctl:1")
            try Outbox.enqueue(db, event, at: start, claimant: nil)
        }
        let early = try fixture.database.write {
            try Outbox.claimPending($0, claimant: "inspectd:9", at: start.adding(seconds: 5))
        }
        #expect(early.map(\.id) == [2])
        let late = try fixture.database.write {
            try Outbox.claimPending($0, claimant: "inspectd:9", at: start.adding(seconds: Outbox.lease))
        }
        #expect(late.map(\.id) == [1, 2])
        try fixture.database.write { try Outbox.markSent($0, ids: [1, 2], at: start.adding(seconds: 61)) }
        #expect(try fixture.database.read { try Outbox.pendingCount($0) } == 0)
        let none = try fixture.database.write {
            try Outbox.claimPending($0, claimant: "inspectd:9", at: start.adding(seconds: 999))
        }
        #expect(none.isEmpty)
    }
}
