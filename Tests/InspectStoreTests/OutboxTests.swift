import Foundation
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
        let id = try fixture.database.writeTransaction {
            try Outbox.enqueue($0, event, at: Instant(seconds: 10), claimant: "a")
        }
        let rows = try fixture.database.readTransaction { try Outbox.unsent($0, ids: [id]) }
        #expect(rows.count == 1)
        // The row carries the event, and the ledger's head for the journal to witness.
        var witnessed = event
        let head = try fixture.database.readTransaction { try Ledger.head($0) }
        witnessed.fields["LEDGER_SEQ"] = head.seq.map(String.init)
        witnessed.fields["LEDGER_MAC"] = head.mac
        #expect(rows.first?.event == witnessed)
        #expect(rows.first?.claimedBy == "a")
    }

    @Test("a claim holds until its lease expires, then another process takes the row")
    func leases() throws {
        let fixture = try StoreFixture()
        let start = Instant(seconds: 1000)
        try fixture.database.writeTransaction { db in
            try Outbox.enqueue(db, event, at: start, claimant: "inspectctl:1")
            try Outbox.enqueue(db, event, at: start, claimant: nil)
        }
        let early = try fixture.database.writeTransaction {
            try Outbox.claimPending($0, claimant: "inspectd:9", at: start.adding(seconds: 5))
        }
        #expect(early.map(\.record.id) == [2])
        #expect(early.map(\.mayHaveBeenSent) == [false])
        let late = try fixture.database.writeTransaction {
            try Outbox.claimPending($0, claimant: "inspectd:9", at: start.adding(seconds: Outbox.lease))
        }
        #expect(late.map(\.record.id) == [1, 2])
        #expect(late.map(\.mayHaveBeenSent) == [true, true])
        try fixture.database.writeTransaction { try Outbox.markSent($0, ids: [1, 2], at: start.adding(seconds: 61)) }
        #expect(try fixture.database.readTransaction { try Outbox.pendingCount($0) } == 0)
        let none = try fixture.database.writeTransaction {
            try Outbox.claimPending($0, claimant: "inspectd:9", at: start.adding(seconds: 999))
        }
        #expect(none.isEmpty)
    }

    @Test("the rows of a stopped claimant are taken at once, and marked as possibly sent")
    func stoppedClaimant() throws {
        let fixture = try StoreFixture()
        let start = Instant(seconds: 1000)
        try fixture.database.writeTransaction { db in
            try Outbox.enqueue(db, event, at: start, claimant: "inspectctl:1")
            try Outbox.enqueue(db, event, at: start, claimant: "inspectctl:2")
        }
        var asked: [String] = []
        let claims = try fixture.database.writeTransaction { db in
            try Outbox.claimPending(db, claimant: "inspectd:9", at: start.adding(seconds: 1)) { holder in
                asked.append(holder)
                return holder == "inspectctl:2"
            }
        }
        #expect(asked.sorted() == ["inspectctl:1", "inspectctl:2"])
        #expect(claims.map(\.record.id) == [2])
        #expect(claims.first?.mayHaveBeenSent == true)
        #expect(claims.first?.record.claimedBy == "inspectd:9")
        let stored = try fixture.database.readTransaction { try Outbox.unsent($0, ids: [1, 2]) }
        #expect(stored.map(\.claimedBy) == ["inspectctl:1", "inspectd:9"])
    }

    @Test("a claimant is stopped only when its process is gone")
    func claimantLiveness() throws {
        #expect(!Outbox.claimantHasStopped("inspectctl:\(getpid())"))
        #expect(!Outbox.claimantHasStopped("inspectctl:1"), "init runs, even if it may not be signalled")
        #expect(!Outbox.claimantHasStopped("no pid here"))
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        #expect(Outbox.claimantHasStopped("inspectctl:\(child.processIdentifier)"))
    }
}
