import Foundation
import GRDB
import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Testing

/// No finding, and no other fact, changes or disappears without it showing: every tampering a person with write
/// access to the file could try, done as they would (another SQLite connection, triggers dropped, chains recomputed
/// where they can be), is named by `verify`. The recording sink stands for the journal: what it took is what the
/// journal witnessed.
@Suite("verify names every tampering", .serialized)
struct TamperingTests {
    /// A record with findings (a LATE escalated, an amendment), a closed inspection and its follow-up, a corrective
    /// action, an acknowledged escalation, a login, and surprise draws.
    static func record() throws -> ServiceFixture {
        let plan = try IniDocument(
            text: """
                [Plan]
                Kind=surprise
                OfficeKinds=commune
                Team=doan-1 doan-2
                Window=4h
                Period=month
                Total=2
                MaxPerOffice=6
                TeamCapacity=2
                """, path: "plans.d/surprise.conf")
        let configuration = try InspectConfiguration(
            main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [plan],
            escalationFile: IniDocument(
                text: "[Rule late]\nViolations=LATE\nCount=2\nWindow=30 days\nLevel=reminder\n", path: "e.conf"),
            titlesFile: IniDocument(text: "[Title tu-phap-ho-tich]\nName=Tư pháp – hộ tịch\n", path: "titles.conf"),
            bandsFile: IniDocument(text: "[Band all]\nName=All\nNameVi=Tất cả\nFrom=0\n", path: "bands.conf"),
            classificationFile: IniDocument(
                text: "[Rule late]\nFindings=2\nAllows=done\nReason=Late\nReasonVi=Đi muộn\n", path: "c.conf"))
        let fixture = try ServiceFixture(configuration: configuration)
        _ = try fixture.service.cancelInspection(id: try fixture.seed(), reason: "seeded", by: fixture.admin)
        try fixture.visit(at: "2027-03-02 08:00", [("LATE", "CL-1"), ("BADGE", "CL-2")])
        try fixture.visit(at: "2027-03-03 08:00", [("LATE", "CL-1"), ("OFFPOST", "CL-2"), ("SMOKE", nil)])
        fixture.at("2027-03-03 09:00")
        _ = try fixture.service.amendFinding(
            .init(finding: 2, reason: "ghi chú", note: "thẻ trong cặp"), by: fixture.admin)
        _ = try fixture.service.requireAction(
            finding: 4, requirement: "Có mặt tại vị trí", due: CivilDate(year: 2027, month: 3, day: 10),
            by: fixture.inspector)
        _ = try fixture.service.acknowledgeEscalation(id: 1, note: "đã nhắc", by: fixture.admin)
        _ = try fixture.service.linkStaff(badge: "CL-1", login: "hoa", by: fixture.admin)
        _ = try fixture.service.qualifyStaff(
            .init(
                badge: "CL-2",
                qualification: .init(
                    kind: .informationTechnology, level: "basic", field: nil,
                    date: CivilDate(year: 2019, month: 5, day: 1), evidence: "Chứng chỉ số 7"), reason: nil),
            by: fixture.admin)
        _ = try fixture.service.addCourse(
            .init(
                code: "2018-TS-LUAT", name: "Thạc sĩ Luật", kind: .degree, level: "master", field: "Luật",
                provider: "Trường Đại học Luật Hà Nội", starts: CivilDate(year: 2018, month: 3, day: 10),
                ends: CivilDate(year: 2020, month: 3, day: 10)), by: fixture.admin)
        _ = try fixture.service.attendCourse(
            .init(
                course: "2018-TS-LUAT", badge: "CL-2", completed: CivilDate(year: 2020, month: 3, day: 10),
                evidence: "Bằng thạc sĩ số 101"), by: fixture.admin)
        _ = try fixture.service.planTestSession(
            .init(
                name: "Sát hạch", titles: ["tu-phap-ho-tich"], offices: ["UBND-NHANLY"],
                day: CivilDate(year: 2027, month: 3, day: 2)), by: fixture.admin)
        for (badge, score) in [("CL-2", 815), ("CL-1", 640)] {
            _ = try fixture.service.recordTestResult(
                .init(session: 1, badge: badge, score: Tenths(tenths: score), title: "tu-phap-ho-tich"),
                by: fixture.admin)
        }
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        _ = try fixture.service.decideClassification(
            .init(badge: "CL-1", year: 2027, level: .good, note: "Đã nhắc"), by: fixture.admin)
        var random = SplitMix64(seed: 7)
        let planned = try fixture.service.applyPlans(by: fixture.admin, using: &random)
        guard planned.failed.isEmpty, planned.drawn.count == 2 else { throw FixtureFailure(planned.failed.joined()) }
        return fixture
    }

    /// Changes the file as an attacker would: their own connection, no foreign keys, `triggers` dropped first.
    static func tamper(_ fixture: ServiceFixture, dropping triggers: [String] = [], _ sql: String) throws {
        let attacker = try DatabaseQueue(path: fixture.directory.file("inspectd.db"))
        try attacker.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for trigger in triggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)") }
            try db.execute(sql: sql)
        }
    }

    /// Rewrites the findings from `id` on with `note` in the first, recomputing every hash after it and the head:
    /// the chain then checks out against itself.
    static func rewrite(_ fixture: ServiceFixture, from id: Int64, note: String) throws {
        let attacker = try DatabaseQueue(path: fixture.directory.file("inspectd.db"))
        try attacker.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER finding_is_not_updated")
            let rows = try FindingRecord.fetchAll(db, sql: "SELECT * FROM finding ORDER BY id")
            var previous = FindingChain.genesis
            for var record in rows {
                var finding = record.finding
                if finding.id == id { finding.note = note }
                if finding.id >= id { finding = FindingChain.linked(finding, after: previous) }
                record = FindingRecord(finding)
                try record.update(db)
                previous = finding.hash
            }
            try db.execute(sql: "UPDATE finding_chain_head SET last_hash = ?", arguments: [previous])
        }
    }

    /// Rewrites the test results with `score` in the first, recomputing every hash and the head, as `rewrite` does
    /// for findings.
    static func rewriteResults(_ fixture: ServiceFixture, score: Int) throws {
        let attacker = try DatabaseQueue(path: fixture.directory.file("inspectd.db"))
        try attacker.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER test_result_is_not_updated")
            let transaction = StoreTransaction(db)
            var previous = TestResultChain.genesis
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM test_result ORDER BY id") {
                var link = try #require(try CompetencyStore.link(transaction, id: id))
                if id == 1 { link.score = score }
                link = TestResultChain.linked(link, after: previous)
                try db.execute(
                    sql: "UPDATE test_result SET score = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    arguments: [link.score, link.prevHash, link.hash, id])
                previous = link.hash
            }
            try db.execute(sql: "UPDATE test_result_chain_head SET last_hash = ?", arguments: [previous])
        }
    }

    /// One tampering and what `verify` must say about it.
    struct Tampering: Sendable, CustomTestStringConvertible {
        var name: String
        var expected: String
        var apply: @Sendable (ServiceFixture) throws -> Void
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        .init(name: "a finding edited", expected: "finding 3: contents do not match its hash") {
            try tamper($0, dropping: ["finding_is_not_updated"], "UPDATE finding SET note = 'x' WHERE id = 3")
        },
        .init(name: "a finding deleted from the middle", expected: "finding 4: prev_hash does not match") {
            try tamper($0, dropping: ["finding_is_not_deleted"], "DELETE FROM finding WHERE id = 3")
        },
        .init(
            name: "the newest findings cut, the head reset",
            expected: "the record ends at finding 4; the journal witnessed finding 6"
        ) {
            try tamper(
                $0, dropping: ["finding_is_not_deleted"],
                """
                DELETE FROM finding WHERE id > 4;
                UPDATE finding_chain_head SET last_id = 4, count = 4,
                    last_hash = (SELECT hash FROM finding WHERE id = 4);
                """)
        },
        .init(name: "a finding appended with its hash computed", expected: "finding 7 was never witnessed") {
            let attacker = try DatabaseQueue(path: $0.directory.file("inspectd.db"))
            try attacker.write { db in
                var forged = try FindingRecord.fetchOne(db, sql: "SELECT * FROM finding WHERE id = 5")!.finding
                let head = try FindingLedger.head(StoreTransaction(db))
                forged.id = 7
                forged.note = "forged"
                forged = FindingChain.linked(forged, after: head.lastHash)
                try FindingRecord(forged).insert(db)
            }
        },
        .init(
            name: "history rewritten from a middle finding on",
            expected: "finding 6's hash is not the one the journal witnessed"
        ) {
            try rewrite($0, from: 3, note: "rewritten")
        },
        .init(
            name: "the newest test result cut, the head reset",
            expected: "the record ends at test result 1; the journal witnessed test result 2"
        ) {
            try tamper(
                $0, dropping: ["test_result_is_not_deleted"],
                """
                DELETE FROM test_result WHERE id = 2;
                UPDATE test_result_chain_head SET last_id = 1, count = 1,
                    last_hash = (SELECT hash FROM test_result WHERE id = 1);
                """)
        },
        .init(name: "a test result appended with its hash computed", expected: "test result 3 was never witnessed") {
            let attacker = try DatabaseQueue(path: $0.directory.file("inspectd.db"))
            try attacker.write { db in
                var forged = try #require(try CompetencyStore.link(StoreTransaction(db), id: 2))
                forged.amends = 2
                forged.reason = "forged"
                forged.score = 1000
                _ = try CompetencyStore.append(StoreTransaction(db), forged)
            }
        },
        .init(
            name: "a test score rewritten, the results' chain recomputed",
            expected: "test result 1's hash is not the one the journal witnessed"
        ) {
            try rewriteResults($0, score: 1000)
        },
        .init(name: "how many were checked", expected: "inspection [2] was changed outside inspectd (checked: 5 → 99)")
        {
            try tamper($0, dropping: ["ledger_inspection_update"], "UPDATE inspection SET checked = 99 WHERE id = 2")
        },
        .init(name: "who closed", expected: "inspection [3] was changed outside inspectd (closed_by: tuan → mallory)") {
            try tamper(
                $0, dropping: ["ledger_inspection_update"], "UPDATE inspection SET closed_by = 'mallory' WHERE id = 3")
        },
        .init(
            name: "an escalation's acknowledgement",
            expected: "escalation [1] was changed outside inspectd (acknowledged_by: nga → mallory)"
        ) {
            try tamper(
                $0, dropping: ["ledger_escalation_update", "escalation_keeps_its_facts"],
                "UPDATE escalation SET acknowledged_by = 'mallory' WHERE id = 1")
        },
        .init(name: "a login", expected: "was changed outside inspectd (login: hoa → mallory)") {
            try tamper($0, dropping: ["ledger_staff_update"], "UPDATE staff SET login = 'mallory' WHERE badge = 'CL-1'")
        },
        .init(name: "the lineage", expected: "finding_lineage puts finding 6 under 6") {
            try tamper($0, "UPDATE finding_lineage SET root_id = finding_id WHERE finding_id = 6")
        },
        .init(name: "a ledger entry edited", expected: "does not match its MAC: it was edited") {
            try tamper(
                $0, dropping: ["ledger_is_sealed_once"],
                "UPDATE ledger SET snapshot = replace(snapshot, 'hoa', 'mallory') WHERE snapshot LIKE '%\"hoa\"%'")
        },
        .init(name: "the ledger cut, its head reset", expected: "the journal witnessed entry") {
            try tamper(
                $0, dropping: ["ledger_is_not_deleted", "ledger_staff_update"],
                """
                DELETE FROM ledger WHERE seq > (SELECT max(seq) - 3 FROM ledger);
                UPDATE ledger_head SET last_seq = (SELECT max(seq) FROM ledger),
                    last_mac = (SELECT mac FROM ledger ORDER BY seq DESC LIMIT 1), count = count - 3;
                """)
        },
        .init(name: "a row changed with its ledger entry, no event", expected: "names no event") {
            try tamper($0, "UPDATE staff SET title = 'Chủ tịch' WHERE badge = 'CL-2'")
            // The attacker's entry is left for the next write to seal, as inspectd seals what it finds.
            _ = try $0.service.database.write { _ in () }
        },
    ]

    @Test("each tampering is named", arguments: tamperings)
    func named(_ tampering: Tampering) throws {
        let fixture = try Self.record()
        let before = try fixture.service.verify(for: fixture.admin)
        #expect(before.isValid, "\(before.problems)")
        try tampering.apply(fixture)
        let report = try fixture.service.verify(for: fixture.admin)
        #expect(!report.isValid)
        let said = ([report.chainBreak].compactMap { $0 } + report.problems).joined(separator: "\n")
        #expect(said.contains(tampering.expected), "verify said:\n\(said)")
    }

    @Test("a change to any row of any table in the ledger is named, the table's own triggers dropped")
    func everyTable() throws {
        for table in Ledger.tables {
            let fixture = try Self.record()
            let attacker = try DatabaseQueue(path: fixture.directory.file("inspectd.db"))
            let (columns, triggers) = try attacker.read { db in
                (
                    try String.fetchAll(
                        db,
                        sql: "SELECT name FROM pragma_table_info(?) WHERE pk = 0 AND type = 'TEXT' ORDER BY cid DESC",
                        arguments: [table]),
                    try String.fetchAll(
                        db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                        arguments: [table])
                )
            }
            // The last text column whose change the table's constraints allow.
            let changed = columns.first { column in
                (try? Self.tamper(
                    fixture, dropping: triggers,
                    "UPDATE \"\(table)\" SET \"\(column)\" = coalesce(\"\(column)\", '') || '!' "
                        + "WHERE rowid = (SELECT min(rowid) FROM \"\(table)\")")) != nil
            }
            #expect(changed != nil, "no text column of \(table) could be changed")
            let problems = try fixture.service.verify(for: fixture.admin).problems
            #expect(
                problems.contains { $0.hasPrefix("\(table) ") && $0.contains("changed outside inspectd") },
                "\(table).\(changed ?? "?"): \(problems)")
        }
    }

    @Test("a draw deleted and drawn again is refuted: the journal holds both commitments")
    func redrawn() throws {
        let fixture = try Self.record()
        try Self.tamper(
            fixture,
            dropping: ["ledger_surprise_draw_delete", "ledger_inspection_delete"],
            """
            DELETE FROM inspection WHERE draw_id = (SELECT id FROM surprise_draw WHERE period = '2027-03');
            DELETE FROM surprise_draw WHERE period = '2027-03';
            """)
        var random = SplitMix64(seed: 8)
        _ = try fixture.service.applyPlans(by: fixture.admin, using: &random)
        fixture.at("2027-04-02 08:00")
        _ = try fixture.service.applyPlans(by: fixture.admin, using: &random)
        let audit = try #require(try fixture.service.auditDraws(period: "2027-03").first)
        #expect(!audit.isConfirmed)
        #expect(
            audit.problems.contains { $0.contains("the journal holds 2 different commitments") }, "\(audit.problems)")
    }
}

struct FixtureFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
