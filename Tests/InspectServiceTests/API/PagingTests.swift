import InspectCore
import InspectService
import Testing

/// Listings longer than a page arrive in pages of at most `Page.size` rows that, followed by their `next`, give the
/// whole listing once, in order; the same through both transports, since both perform the same operations.
@Suite("Listings come in pages")
struct PagingTests {
    private static let rows = 2_345

    /// Nhân Lý with `rows` findings on its open inspection and `rows` more staff.
    private func recorded() throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        var findings = "inspection,type,staff,observed_at,arrived,left,note\n"
        for row in 1...Self.rows { findings += "\(inspection),SMOKE,,,,,lần \(row)\n" }
        _ = try fixture.service.importFindings(csv: findings, path: "findings.csv", by: fixture.admin)
        var staff = "badge,name,office,title,category\n"
        for row in 1...Self.rows { staff += "PG-\(row),Người \(row),UBND-NHANLY,,civil-servant\n" }
        _ = try fixture.service.importStaff(csv: staff, path: "staff.csv", by: fixture.admin)
        return fixture
    }

    /// Every page of an operation, following `next` from the first.
    private func pages<Op: APIOperation, Row, Cursor>(
        _ operation: Op.Type, _ fixture: ServiceFixture, _ first: Op.Parameters,
        after: WritableKeyPath<Op.Parameters, Cursor?>, rows: (Op.Reply) -> [Row], next: (Op.Reply) -> Cursor?
    ) throws -> [[Row]] {
        var parameters = first
        var pages: [[Row]] = []
        while true {
            let reply = try Op.authorizedPerform(fixture.service, as: fixture.admin, parameters)
            pages.append(rows(reply))
            guard let cursor = next(reply) else { return pages }
            parameters[keyPath: after] = cursor
        }
    }

    @Test(
        "findings, staff, their exports and the standards check come in full pages, each row once, in the listing's order"
    )
    func pagesCoverTheListing() throws {
        let fixture = try recorded()
        let service = fixture.service
        let findings = try service.listFindings().map(\.finding.id)
        let staff = try service.listStaff(includeRetired: true).map(\.badge)
        let paged: [(name: String, pages: [[String]], whole: [String])] = [
            (
                "ListFindings",
                try pages(
                    Operations.ListFindings.self, fixture, FindingFilter(), after: \.after,
                    rows: { $0.findings.map { "\($0.finding.id)" } }, next: \.next),
                findings.map { "\($0)" }
            ),
            (
                "ExportFindings",
                try pages(
                    Operations.ExportFindings.self, fixture, .init(from: nil, to: nil), after: \.after,
                    rows: { $0.findings.map { "\($0.finding.id)" } }, next: \.next),
                findings.map { "\($0)" }
            ),
            (
                "ListStaff",
                try pages(
                    Operations.ListStaff.self, fixture, .init(office: nil, includeRetired: true), after: \.after,
                    rows: { $0.staff.map(\.badge) }, next: \.next),
                staff
            ),
            (
                "ExportStaff",
                try pages(
                    Operations.ExportStaff.self, fixture, .init(), after: \.after, rows: { $0.staff.map(\.badge) },
                    next: \.next),
                staff
            ),
            (
                "CheckStandards",
                try pages(
                    Operations.CheckStandards.self, fixture, .init(asOf: nil, office: nil), after: \.after,
                    rows: { $0.people.map(\.badge) }, next: \.next),
                staff
            ),
        ]
        for listing in paged {
            #expect(listing.whole.count >= Self.rows, "\(listing.name)")
            #expect(listing.pages.count == (listing.whole.count + Page.size - 1) / Page.size, "\(listing.name)")
            #expect(listing.pages.dropLast().allSatisfy { $0.count == Page.size }, "\(listing.name)")
            #expect(Array(listing.pages.joined()) == listing.whole, "\(listing.name)")
        }
    }

    @Test("a finding recorded while a caller pages through comes at the end, and none comes twice")
    func rowsAddedWhilePaging() throws {
        let fixture = try recorded()
        let inspection = try fixture.service.listInspections(as: fixture.admin).first!.id
        let first = try Operations.ListFindings.authorizedPerform(fixture.service, as: fixture.admin, FindingFilter())
        let added = try fixture.service.logFinding(
            .init(inspection: inspection, violation: "BADGE"), by: fixture.inspector
        ).finding.id
        var seen = first.findings.map(\.finding.id)
        var filter = FindingFilter()
        filter.after = first.next
        while filter.after != nil {
            let page = try Operations.ListFindings.authorizedPerform(fixture.service, as: fixture.admin, filter)
            seen += page.findings.map(\.finding.id)
            filter.after = page.next
        }
        #expect(seen.last == added)
        #expect(Set(seen).count == seen.count)
        #expect(seen.count == Self.rows + 1)
    }
}
