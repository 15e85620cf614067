import InspectCore
import InspectService
import InspectStore
import Testing

@Suite("Use cases")
struct UseCaseTests {
    @Test("an office's due inspection is opened rather than a new ad-hoc one")
    func opensDueInspection() throws {
        let fixture = try ServiceFixture()
        _ = try fixture.seed()
        _ = try fixture.service.cancelInspection(id: 1, reason: "test", by: fixture.admin)
        try fixture.service.database.write { db in
            let office = try OfficeRecord.require(StoreTransaction(db), code: "UBND-NHANLY")
            var due = InspectionRecord(
                officeId: office.id!, kind: .planned, status: .due, plan: "monthly",
                dueAt: fixture.clock.now, createdAt: fixture.clock.now, createdBy: "inspectd")
            try due.insert(db)
        }
        let opened = try fixture.service.openInspection(office: "UBND-NHANLY", by: fixture.inspector)
        #expect(opened.id == 2)
        #expect(opened.kind == .planned)
        #expect(opened.plan == "monthly")
        #expect(opened.status == .open)
    }

    @Test("surprise inspections not yet due are listed for admins only")
    func surprisesAreSecret() throws {
        let fixture = try ServiceFixture()
        _ = try fixture.seed()
        try fixture.service.database.write { db in
            let office = try OfficeRecord.require(StoreTransaction(db), code: "UBND-NHANLY")
            var surprise = InspectionRecord(
                officeId: office.id!, kind: .surprise, status: .scheduled,
                dueAt: fixture.clock.now.adding(seconds: 86400),
                createdAt: fixture.clock.now, createdBy: "inspectd")
            try surprise.insert(db)
        }
        let secret = InspectionIDs.secretBase
        #expect(try fixture.service.listInspections(as: fixture.admin).map(\.id) == [1, secret])
        #expect(try fixture.service.listInspections(as: fixture.inspector).map(\.id) == [1])
        // To anyone else, a secret inspection is exactly as absent as an id never used, errors included.
        for id in [secret, 2] {
            #expect(throws: InspectError.notFound(kind: "inspection", key: String(id))) {
                try fixture.service.showInspection(id: id, as: fixture.reader)
            }
        }
        #expect(throws: InspectError.notFound(kind: "inspection", key: String(secret))) {
            try fixture.service.logFinding(.init(inspection: secret, violation: "BADGE"), by: fixture.inspector)
        }
        #expect(throws: InspectError.notFound(kind: "inspection", key: String(secret))) {
            try fixture.service.closeInspection(id: secret, checked: 1, by: fixture.inspector)
        }
    }

    @Test(
        "a waiting surprise takes no id people see: the next inspection gets the next id, the surprise its own when due"
    )
    func surpriseIDs() throws {
        let fixture = try ServiceFixture()
        let open = try fixture.seed()
        _ = try fixture.service.closeInspection(id: open, checked: 2, by: fixture.inspector)
        let waiting = try fixture.service.database.write { db in
            let office = try OfficeRecord.require(StoreTransaction(db), code: "UBND-NHANLY")
            var surprise = InspectionRecord(
                officeId: office.id!, kind: .surprise, status: .scheduled,
                dueAt: fixture.clock.now.adding(seconds: 3600), createdAt: fixture.clock.now, createdBy: "inspectd")
            try surprise.insert(db)
            return surprise.id!
        }
        #expect(InspectionIDs.isSecret(waiting))
        fixture.clock.advance(seconds: 60)
        #expect(try fixture.service.openInspection(office: "UBND-NHANLY", by: fixture.inspector).id == 2)
        fixture.clock.advance(seconds: 3600)
        try fixture.service.markDue(id: waiting)
        let due = try fixture.service.listInspections(.init(status: .due), as: fixture.reader)
        #expect(due.map(\.id) == [3])
        #expect(due.first?.kind == .surprise)
        #expect(try fixture.count("inspection", where: "id >= \(InspectionIDs.secretBase)") == 0)
    }

    @Test("the minutes of an amended LATE finding follow the new arrival time")
    func amendRecomputesMinutes() throws {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        fixture.at("2027-03-01 08:00")
        _ = try fixture.service.logFinding(
            .init(inspection: inspection, violation: "LATE", staff: "CL-1", arrived: TimeOfDay(hour: 7, minute: 52)),
            by: fixture.inspector)
        let amended = try fixture.service.amendFinding(
            .init(finding: 1, reason: "clock was fast", arrived: TimeOfDay(hour: 7, minute: 40)), by: fixture.admin)
        #expect(amended.finding.minutes == 10)
        #expect(amended.finding.corrects == 1)
        let kept = try fixture.service.amendFinding(
            .init(finding: 2, reason: "note", note: "xin lỗi"), by: fixture.admin)
        #expect(kept.finding.minutes == 10)
        #expect(kept.finding.clockTime == TimeOfDay(hour: 7, minute: 40))
    }

    @Test("closing with fewer staff checked than staff recorded is refused")
    func checkedCoversRecordedStaff() throws {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        for badge in ["CL-1", "CL-2"] {
            _ = try fixture.service.logFinding(
                .init(inspection: inspection, violation: "BADGE", staff: badge), by: fixture.inspector)
        }
        #expect(
            throws: InspectError.invalidInput(
                "--checked 1 is less than the 2 staff with findings in inspection \(inspection)")
        ) {
            try fixture.service.closeInspection(id: inspection, checked: 1, by: fixture.inspector)
        }
        #expect(try fixture.service.closeInspection(id: inspection, checked: 2, by: fixture.inspector).checked == 2)
    }

    @Test("a person is recorded against the office they worked in at the time")
    func staffHistory() throws {
        let fixture = try ServiceFixture()
        let first = try fixture.seed()
        _ = try fixture.service.addOffice(
            .init(code: "UBND-BANGHUU", name: "UBND xã Bằng Hữu", kind: .commune), by: fixture.admin)
        let before = fixture.clock.now
        fixture.clock.advance(seconds: 3600)
        _ = try fixture.service.moveStaff(badge: "CL-2", to: "UBND-BANGHUU", by: fixture.admin)
        // Observed before the move: still Nhân Lý's.
        _ = try fixture.service.logFinding(
            .init(inspection: first, violation: "BADGE", staff: "CL-2", observedAt: before), by: fixture.inspector)
        #expect(
            throws: InspectError.invalidInput(
                "staff CL-2 worked in UBND-BANGHUU then, not in the inspected office UBND-NHANLY")
        ) {
            try fixture.service.logFinding(
                .init(inspection: first, violation: "BADGE", staff: "CL-2"), by: fixture.inspector)
        }
        let detail = try fixture.service.showStaff(badge: "CL-2")
        #expect(detail.history.map(\.office) == ["UBND-NHANLY", "UBND-BANGHUU"])
        #expect(detail.history.first?.until == fixture.clock.now)
    }

    @Test("retiring an office with staff is refused; retired staff cannot be recorded")
    func retirement() throws {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        #expect(
            throws: InspectError.conflict("office UBND-NHANLY still has 12 active staff; move or retire them first")
        ) {
            try fixture.service.retireOffice(code: "UBND-NHANLY", by: fixture.admin)
        }
        _ = try fixture.service.retireStaff(badge: "CL-1", by: fixture.admin)
        #expect(throws: InspectError.conflict("staff CL-1 is retired")) {
            try fixture.service.logFinding(
                .init(inspection: inspection, violation: "BADGE", staff: "CL-1"), by: fixture.inspector)
        }
    }
}
