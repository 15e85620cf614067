import InspectCore
import InspectService
import InspectStore
import Testing

@Suite("Events reach the journal through the outbox")
struct EventDeliveryTests {
    @Test("a violation is sent once, with its structured fields and its outbox id, and marked sent")
    func violationEvent() throws {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        fixture.at("2027-03-01 08:00")
        _ = try fixture.service.logFinding(
            .init(inspection: inspection, violation: "LATE", staff: "CL-2", arrived: TimeOfDay(hour: 7, minute: 52)),
            by: fixture.inspector)
        let violation = try #require(fixture.sink.events.last)
        #expect(violation.kind == .violationRecorded)
        #expect(violation.priority == .warning)
        let record = try fixture.service.database.recordIdentity()
        #expect(record.count == 32)
        // The finding's hash and the ledger's head go to the journal too, for verify to compare the record with.
        let stored = try fixture.service.listFindings().first?.finding
        #expect(violation.fields["HASH"] == stored?.hash)
        #expect(violation.fields["LEDGER_SEQ"] != nil && violation.fields["LEDGER_MAC"]?.count == 64)
        #expect(
            violation.fields.filter { !$0.key.hasPrefix("LEDGER_") && $0.key != "HASH" } == [
                "RECORD": record, "FINDING": "1", "INSPECTION": String(inspection), "OFFICE": "UBND-NHANLY",
                "VIOLATION": "LATE",
                "SEVERITY": "minor", "STAFF": "CL-2", "MINUTES": "22", "USER": "tuan",
            ])
        #expect(fixture.sink.records.allSatisfy { $0.eventID != nil })
        #expect(Set(fixture.sink.records.map(\.eventID)).count == fixture.sink.events.count)
        #expect(try fixture.service.verify(for: fixture.admin).outboxPending == 0)
    }

    @Test("opened and closed inspections are notices")
    func inspectionEvents() throws {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        _ = try fixture.service.closeInspection(id: inspection, checked: 2, by: fixture.inspector)
        let kinds = fixture.sink.events.map(\.kind)
        #expect(kinds.suffix(2) == [.inspectionOpened, .inspectionClosed])
        #expect(fixture.sink.events.suffix(2).allSatisfy { $0.priority == .notice })
        #expect(fixture.sink.events.last?.fields["CHECKED"] == "2")
    }

    @Test("while the journal is down events stay pending, and a later flush sends each exactly once")
    func journalDown() throws {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        fixture.sink.outcome = .fellBack(reason: "journal down")
        _ = try fixture.service.logFinding(.init(inspection: inspection, violation: "BADGE"), by: fixture.inspector)
        #expect(try fixture.service.verify(for: fixture.admin).outboxPending == 1)

        fixture.sink.outcome = .journaled
        let daemon = OutboxSender(
            database: fixture.service.database, sink: fixture.sink, claimant: "inspectd:2",
            clock: fixture.clock.function)
        // The writer's claim still holds: nothing is taken from under it.
        #expect(try daemon.flushPending().sent == 0)
        fixture.clock.advance(seconds: Outbox.lease)
        let report = try daemon.flushPending()
        #expect(report == .init(sent: 1, fellBack: 0))
        #expect(try fixture.service.verify(for: fixture.admin).outboxPending == 0)
        let violations = fixture.sink.events.filter { $0.kind == .violationRecorded }
        #expect(violations.count == 2)  // once falling back, once journaled
        #expect(try daemon.flushPending() == .init(sent: 0, fellBack: 0))
    }

    @Test("an event its stopped sender had already sent is recognised and marked, not sent again")
    func recognisedAfterCrash() throws {
        let fixture = try ServiceFixture()
        let database = fixture.service.database
        let record = try database.recordIdentity()
        let event = Event(kind: .violationRecorded, message: "BADGE recorded", fields: ["FINDING": "7"])
        let (sentBeforeCrash, neverSent) = try database.writeTransaction { db in
            (
                try Outbox.enqueue(db, event, at: fixture.clock.now, claimant: "inspectctl:4"),
                try Outbox.enqueue(db, event, at: fixture.clock.now, claimant: "inspectctl:4")
            )
        }
        // The sender got the first event into the journal, then died before marking it sent.
        var journaled = event
        journaled.fields["RECORD"] = record
        #expect(fixture.sink.deliver(journaled, eventID: sentBeforeCrash) == .journaled)

        fixture.clock.advance(seconds: Outbox.lease)
        let daemon = OutboxSender(
            database: database, sink: fixture.sink, claimant: "inspectd:2", clock: fixture.clock.function)
        #expect(try daemon.flushPending() == .init(sent: 1, fellBack: 0, recognised: 1))
        #expect(fixture.sink.records.map(\.eventID) == [sentBeforeCrash, neverSent])
        #expect(try fixture.service.verify(for: fixture.admin).outboxPending == 0)
    }

    @Test("an event of another record with the same id is not mistaken for this one's")
    func otherRecordSameID() throws {
        let fixture = try ServiceFixture()
        let database = fixture.service.database
        let event = Event(kind: .violationRecorded, message: "BADGE recorded", fields: ["FINDING": "7"])
        let id = try database.writeTransaction {
            try Outbox.enqueue($0, event, at: fixture.clock.now, claimant: "inspectctl:4")
        }
        var elsewhere = event
        elsewhere.fields["RECORD"] = "another database"
        #expect(fixture.sink.deliver(elsewhere, eventID: id) == .journaled)

        fixture.clock.advance(seconds: Outbox.lease)
        let daemon = OutboxSender(
            database: database, sink: fixture.sink, claimant: "inspectd:2", clock: fixture.clock.function)
        #expect(try daemon.flushPending() == .init(sent: 1, fellBack: 0, recognised: 0))
    }

    @Test("a refused write leaves neither a fact nor an event")
    func refusedWrite() throws {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        let before = fixture.sink.events.count
        #expect(throws: InspectError.invalidInput("LATE needs --arrived HH:MM")) {
            try fixture.service.logFinding(
                .init(inspection: inspection, violation: "LATE", staff: "CL-2"), by: fixture.inspector)
        }
        #expect(fixture.sink.events.count == before)
        #expect(try fixture.service.listFindings().isEmpty)
    }
}
