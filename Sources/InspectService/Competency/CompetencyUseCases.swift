import InspectCore
import InspectStore

extension InspectService {
    /// Plans a session on a working day, for configured titles and known offices.
    /// - Throws: `.invalidInput` (no title or office, unknown title, empty name, not a working day), `.notFound`
    ///   (office).
    public func planTestSession(_ request: TestSessionRequest, by caller: Caller) throws -> TestSession {
        let name = request.name.trimmingSpaces
        guard !name.isEmpty else { throw InspectError.invalidInput("a test session needs a name") }
        guard !request.titles.isEmpty, !request.offices.isEmpty else {
            throw InspectError.invalidInput("a test session needs at least one title and one office")
        }
        let titles = try Array(Set(request.titles.map { try policy.configuration.titles.require($0).code })).sorted()
        guard policy.configuration.calendar.isWorkingDay(request.day) else {
            throw InspectError.invalidInput("\(request.day) is not a working day (see 'inspectctl calendar')")
        }
        return try perform { db, log in
            let id = try CompetencyStore.plan(
                db, name: name, day: request.day, titles: titles, offices: Array(Set(request.offices)).sorted(),
                by: caller.user, at: log.now)
            try log.emit(
                Event(
                    kind: .testSessionPlanned,
                    message: "Competency test session \(id) planned for \(request.day) by \(caller.user)",
                    fields: ["SESSION": String(id), "USER": caller.user]))
            return try CompetencyStore.sessions(db, id: id)[0]
        }
    }

    /// The sessions held from `from` to `to` (inclusive): public, as the schedule is.
    public func testSessions(from: CivilDate?, to: CivilDate?) throws -> [TestSession] {
        try query { db in try CompetencyStore.sessions(db, from: from, to: to) }
    }

    /// Records one person's result.
    /// - Throws: `.notFound` (session, badge), `.conflict` (a result is recorded already: amend it), `.invalidInput`
    ///   (score, title not tested in the session, office not in it, no title).
    public func recordTestResult(_ request: TestResultRequest, by caller: Caller) throws -> TestResult {
        try perform { db, log in
            let link = try appendResult(db, request, at: log.now, by: caller)
            try log.emit(
                Event(
                    kind: .testResultRecorded,
                    message: "Competency test result of \(request.badge) in session \(request.session) recorded by "
                        + caller.user,
                    fields: Self.witnessFields(link, from: nil).merging([
                        "SESSION": String(request.session), "STAFF": request.badge, "USER": caller.user,
                    ]) { $1 }))
            return try banded(CompetencyStore.results(db, session: request.session, year: nil, badge: request.badge))
                .first { $0.id == link.id }!
        }
    }

    /// Imports a session's results (`badge,score[,title]`), all or nothing.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importTestResults(_ request: TestImportRequest, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: request.csv, path: request.path, required: ["badge", "score"], allowed: ["badge", "score", "title"])
        return try perform { db, log in
            var first: TestResultChain.Link?
            var last: TestResultChain.Link?
            for record in table.records {
                try table.located(record) {
                    let text = table.value("score", in: record) ?? ""
                    guard let score = CompetencyScore.parse(text) else {
                        throw InspectError.invalidInput(
                            "score '\(text)' is not a score from 0 to 100 with at most one decimal")
                    }
                    let result = TestResultRequest(
                        session: request.session, badge: table.value("badge", in: record) ?? "", score: score,
                        title: table.value("title", in: record))
                    try ParameterCheck.validate(result)
                    last = try appendResult(db, result, at: log.now, by: caller)
                    first = first ?? last
                }
            }
            try log.emit(
                Event(
                    kind: .testResultsImported,
                    message: "\(table.records.count) competency test results of session \(request.session) imported "
                        + "from \(request.path) by \(caller.user)",
                    fields: (last.map { Self.witnessFields($0, from: first?.id) } ?? [:]).merging([
                        "SESSION": String(request.session), "USER": caller.user,
                        "COUNT": String(table.records.count),
                    ]) { $1 }))
            return ImportSummary(path: request.path, rows: table.records.count)
        }
    }

    /// Corrects a current result with a new score and its reason: a new link that amends it.
    /// - Throws: `.notFound` (result), `.conflict` (amended already: amend its correction), `.invalidInput` (score,
    ///   empty reason).
    public func amendTestResult(_ request: TestAmendRequest, by caller: Caller) throws -> TestResult {
        try CompetencyScore.check(request.score)
        let reason = request.reason.trimmingSpaces
        guard !reason.isEmpty else { throw InspectError.invalidInput("a correction needs its reason") }
        return try perform { db, log in
            guard let old = try CompetencyStore.link(db, id: request.result) else {
                throw InspectError.notFound(kind: "test result", key: String(request.result))
            }
            let current = try CompetencyStore.currentResultID(db, session: old.session, staffID: old.staff)
            guard current == old.id else {
                throw InspectError.conflict(
                    "test result \(old.id) was corrected already by result \(current.map(String.init) ?? "-"): amend that one"
                )
            }
            let link = try CompetencyStore.append(
                db,
                TestResultChain.Link(
                    id: 0, session: old.session, staff: old.staff, title: old.title, office: old.office,
                    score: request.score.tenths, amends: old.id, reason: reason, recordedBy: caller.user,
                    recordedAt: log.now))
            try log.emit(
                Event(
                    kind: .testResultAmended,
                    message: "Competency test result \(old.id) corrected by result \(link.id) by \(caller.user): "
                        + reason,
                    fields: Self.witnessFields(link, from: nil).merging([
                        "RESULT": String(old.id), "REASON": reason, "USER": caller.user,
                    ]) { $1 }))
            return try banded(CompetencyStore.results(db, session: old.session, year: nil, badge: nil))
                .first { $0.id == link.id }!
        }
    }

    /// The results `filter` selects, amended ones included, each with its band as the bands are configured now.
    /// - Throws: `.invalidInput` for a year out of range.
    public func testResults(_ filter: TestResultFilter) throws -> [TestResult] {
        let year = try filter.year.map { try YearRequest(year: $0).checked() }
        return try query { db in
            try banded(CompetencyStore.results(db, session: filter.session, year: year, badge: filter.badge))
        }
    }

    /// How a session's results, or a year's, fall in the bands, by title and by office.
    /// - Throws: `.invalidInput` (neither or both of session and year, year out of range, no bands), `.notFound`
    ///   (session).
    public func testReport(_ filter: TestResultFilter) throws -> TestReport {
        guard (filter.session == nil) != (filter.year == nil) else {
            throw InspectError.invalidInput("a test report is of one session or of one year: give one of them")
        }
        let year = try filter.year.map { try YearRequest(year: $0).checked() }
        return try query { db in
            if let session = filter.session, try CompetencyStore.sessions(db, id: session).isEmpty {
                throw InspectError.notFound(kind: "test session", key: String(session))
            }
            var names = try CompetencyStore.officeNames(db)
            for title in policy.configuration.titles.titles { names[title.code] = title.name }
            return try TestReport(
                session: filter.session, year: year,
                results: CompetencyStore.results(db, session: filter.session, year: year, badge: nil),
                bands: policy.configuration.bands, names: names)
        }
    }

    // MARK: - Shared steps

    /// Checks and appends one first result in the current transaction; returns its id.
    private func appendResult(
        _ db: StoreTransaction, _ request: TestResultRequest, at now: Instant, by caller: Caller
    ) throws -> TestResultChain.Link {
        try CompetencyScore.check(request.score)
        _ = try policy.configuration.bands.band(for: request.score)
        guard let session = try CompetencyStore.sessions(db, id: request.session).first else {
            throw InspectError.notFound(kind: "test session", key: String(request.session))
        }
        let staff = try StaffRecord.require(db, badge: request.badge)
        let staffDetail = try StaffRecord.value(db, badge: request.badge)
        guard session.offices.contains(staffDetail.office) else {
            throw InspectError.invalidInput(
                "staff \(request.badge) works at \(staffDetail.office), which session \(session.id) does not test")
        }
        let recorded = try StaffProfileChangeRecord.latest(db, staffID: staff.id, aspect: ProfileChange.title)?.value
        guard let title = request.title?.trimmingSpaces ?? recorded else {
            throw InspectError.invalidInput(
                "staff \(request.badge) has no title recorded ('staff title'); give the title tested")
        }
        guard session.titles.contains(title) else {
            throw InspectError.invalidInput(
                "session \(session.id) tests \(session.titles.joined(separator: ", ")), not \(title)")
        }
        if let existing = try CompetencyStore.currentResultID(db, session: session.id, staffID: staff.id!) {
            throw InspectError.conflict(
                "staff \(request.badge) has result \(existing) in session \(session.id) already: amend it instead")
        }
        return try CompetencyStore.append(
            db,
            TestResultChain.Link(
                id: 0, session: session.id, staff: staff.id!, title: title,
                office: try CompetencyStore.officeID(db, code: staffDetail.office), score: request.score.tenths,
                amends: nil, reason: nil, recordedBy: caller.user, recordedAt: now))
    }

    /// The fields by which an event has the journal witness the result it wrote (its id and hash), or an import's
    /// results from `first` to the last, whose hash links every row between: `verify` then names results cut from
    /// the record, or rewritten with the rest of their chain recomputed.
    private static func witnessFields(_ last: TestResultChain.Link, from first: Int64?) -> [String: String] {
        var fields = ["TEST_RESULT": String(last.id), "TEST_RESULT_HASH": last.hash]
        if let first { fields["TEST_RESULTS_FROM"] = String(first) }
        return fields
    }

    /// `results` with their bands as configured now (none without bands).
    private func banded(_ results: [TestResult]) -> [TestResult] {
        results.map { result in
            var banded = result
            banded.band = try? policy.configuration.bands.band(for: result.score).code
            return banded
        }
    }
}
