import Foundation
import GRDB
import InspectCore
import InspectTesting
import Testing

@testable import InspectStore

/// The `v3-discipline` migration: finding lineage, escalations, follow-up draws and corrective actions.
@Suite("Discipline schema")
struct DisciplineSchemaTests {
    /// A finding row about office-level SMOKE, correcting `corrects` when given.
    static func row(_ inspection: Int64, action: FindingAction = .record, corrects: Int64? = nil) -> Finding {
        Finding(
            id: 0, inspection: inspection, violation: "SMOKE", staff: nil, observedAt: Instant(seconds: 100),
            clockTime: nil, minutes: nil, note: nil, recordedBy: "test", recordedAt: Instant(seconds: 100),
            action: action, corrects: corrects, reason: corrects == nil ? nil : "because")
    }

    @Test("a v2 database with corrections is migrated: every row gets the row that first recorded its finding")
    func lineageBackfill() throws {
        // Given a database at the v2 schema, with a finding amended twice, one retracted and one untouched
        let directory = TemporaryDirectory()
        let path = directory.file("old.db")
        let queue = try DatabaseQueue(path: path)
        try InspectDatabase.migrator.migrate(queue, upTo: "v2-planning")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO office (code, name, kind, created_at) VALUES ('X', 'X', 'commune', 0);
                    INSERT INTO inspection (office_id, kind, status, created_at, created_by)
                        VALUES (1, 'ad-hoc', 'open', 0, 'test');
                    """)
            var previous = FindingChain.genesis
            for (index, (action, corrects)) in [
                (FindingAction.record, nil), (.record, nil), (.amend, 1), (.retract, 2), (.amend, 3), (.record, nil),
            ].enumerated() as EnumeratedSequence<[(FindingAction, Int64?)]> {
                var finding = Self.row(1, action: action, corrects: corrects)
                finding.id = Int64(index + 1)
                finding = FindingChain.linked(finding, after: previous)
                previous = finding.hash
                // The columns of the v2 schema, as inspectd wrote them then.
                try db.execute(
                    sql: """
                        INSERT INTO finding (id, inspection_id, violation, observed_at, recorded_by, recorded_at,
                            action, corrects_id, reason, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        finding.id, finding.inspection, finding.violation, finding.observedAt.seconds,
                        finding.recordedBy, finding.recordedAt.seconds, finding.action.rawValue, finding.corrects,
                        finding.reason, finding.prevHash, finding.hash,
                    ])
            }
        }
        try queue.close()
        // When inspectd opens it
        let database = try InspectDatabase.open(path: path, mode: .readWrite)
        // Then the lineage is complete, and rows written from now on get theirs from the trigger
        let lineage = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT finding_id, root_id FROM finding_lineage ORDER BY finding_id")
                .map { [$0["finding_id"], $0["root_id"]] as [Int64] }
        }
        #expect(lineage == [[1, 1], [2, 2], [3, 1], [4, 2], [5, 1], [6, 6]])
        try database.writeTransaction { db in _ = try FindingLedger.append(db, Self.row(1, action: .amend, corrects: 5))
        }
        #expect(
            try database.read {
                try Int64.fetchOne($0, sql: "SELECT root_id FROM finding_lineage WHERE finding_id = 7")
            } == 1)
        #expect(try database.readTransaction { try FindingLedger.verify($0).firstBreak } == nil)
    }

    @Test("an escalation changes only by its acknowledgement, once, and is never deleted")
    func escalationIsKept() throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(2)
        let draft = EscalationDraft(
            rule: "r", level: .reminder, subject: .office("UBND-NHANLY"), threshold: 2, window: .days(30),
            firstDay: CivilDate(iso: "2027-03-01")!, lastDay: CivilDate(iso: "2027-03-02")!, findings: [1, 2],
            trigger: 2)
        var record = try fixture.database.writeTransaction { db in
            try EscalationLedger.insert(db, draft, at: Instant(seconds: 200), by: "test")
        }
        #expect(record.window == .days(30))
        #expect(record.anchorId == 1)
        var changed = record
        changed.count = 5
        let onlyAcknowledged = "an escalation only changes when it is acknowledged, once"
        let recounted = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { try changed.update($0) }
        }
        #expect(recounted?.message == onlyAcknowledged)
        record.acknowledgedAt = Instant(seconds: 300)
        record.acknowledgedBy = "nga"
        try fixture.database.write { try record.update($0) }
        record.note = "again"
        let reacknowledged = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { try record.update($0) }
        }
        #expect(reacknowledged?.message == onlyAcknowledged)
        let deleted = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { try $0.execute(sql: "DELETE FROM escalation") }
        }
        #expect(deleted?.message == "escalations are kept: acknowledge instead")
        // The same findings cannot be counted again for the same rule and subject, under any anchor: a window of one
        // finding, which meets its threshold, starting at the second.
        var again = draft
        again.findings = [2]
        again.threshold = 1
        let counted = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write {
                _ = try EscalationLedger.insert(StoreTransaction($0), again, at: Instant(seconds: 400), by: "t")
            }
        }
        #expect(
            counted?.message
                == "UNIQUE constraint failed: escalation_finding.rule, escalation_finding.subject_kind, "
                + "escalation_finding.subject, escalation_finding.finding_id")
        // Another rule may count them.
        again.rule = "other"
        _ = try fixture.database.writeTransaction {
            try EscalationLedger.insert($0, again, at: Instant(seconds: 400), by: "t")
        }
        let tally = try fixture.database.readTransaction {
            try EscalationLedger.tally($0, subjects: [.office("UBND-NHANLY")])
        }
        #expect(tally.findings(rule: "r", subject: .office("UBND-NHANLY")) == [1, 2])
        #expect(tally.findings(rule: "other", subject: .office("UBND-NHANLY")) == [2])
    }

    @Test("JSON text for json_each escapes quotes, backslashes and control characters")
    func jsonText() throws {
        let values = ["a\"b", "c\\d", "e\nf", "Nhân Lý"]
        let text = JSONText.array(values)
        let decoded = try JSONDecoder().decode([String].self, from: Data(text.utf8))
        #expect(decoded == values)
        #expect(JSONText.array([Int64(1), 22]) == "[1,22]")
    }
}
