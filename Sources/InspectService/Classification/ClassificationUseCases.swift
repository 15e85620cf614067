import InspectCore
import InspectStore

extension InspectService {
    /// Proposes the classification of `year` for everyone on the roll, under the configured rules. A person whose
    /// latest proposal of the year says the same under the same rules and facts gets no new one; anyone else gets a
    /// new proposal beside the old ones, which stay.
    /// - Throws: `.invalidInput` (year out of range or not begun, no `classification.conf`).
    public func proposeClassification(_ request: YearRequest, by caller: Caller) throws -> ClassificationRun {
        let year = try request.checked()
        let rules = try classificationRules()
        let bands = policy.configuration.bands
        let days = (CivilDate(year: year, month: 1, day: 1), CivilDate(year: year + 1, month: 1, day: 1))
        let (start, end) = (policy.zone.startOfDay(days.0), policy.zone.startOfDay(days.1))
        let hash = rules.hash
        return try perform { db, log in
            guard start <= log.now else {
                throw InspectError.invalidInput(
                    "the classification of \(year) cannot be proposed before the year begins")
            }
            let facts = try ClassificationStore.facts(db, from: start, to: end, now: log.now, days: days) {
                try? bands.band(for: $0).code
            }
            var latest: [String: YearClassification.Proposed] = [:]
            for current in try ClassificationStore.classifications(db, year: year, badge: nil) {
                latest[current.badge] = current.proposal
            }
            var run = ClassificationRun(year: year, proposed: 0, unchanged: 0, rulesHash: hash)
            for person in try ClassificationStore.people(db, from: start) {
                let personal = facts[person.badge] ?? .clean
                let proposal = rules.propose(personal)
                if let old = latest[person.badge], old.rulesHash == hash, old.facts == personal,
                    old.level == proposal.level,
                    old.reasons == proposal.reasons, old.review == proposal.review
                {
                    run.unchanged += 1
                    continue
                }
                _ = try ClassificationStore.propose(
                    db, year: year, staffID: person.staffID, proposal: proposal, facts: personal, rulesHash: hash,
                    by: caller.user, at: log.now)
                run.proposed += 1
            }
            try log.emit(
                Event(
                    kind: .classificationProposed,
                    message: "Classification of \(year) proposed by \(caller.user): \(run.proposed) new proposals, "
                        + "\(run.unchanged) unchanged",
                    fields: [
                        "YEAR": String(year), "COUNT": String(run.proposed), "RULES": hash, "USER": caller.user,
                    ]))
            return run
        }
    }

    /// Records the council's decision on a person's latest proposal of the year, beside it: a later decision
    /// supersedes an earlier one, which stays.
    /// - Throws: `.invalidInput` (year, empty note), `.notFound` (staff, or no proposal of that year).
    public func decideClassification(
        _ request: ClassificationDecisionRequest, by caller: Caller
    ) throws -> YearClassification {
        let year = try YearRequest(year: request.year).checked()
        let note = request.note.trimmingSpaces
        guard !note.isEmpty else {
            throw InspectError.invalidInput("a decision needs its note (the council's minutes, or why)")
        }
        return try perform { db, log in
            _ = try StaffRecord.require(db, badge: request.badge)
            guard let current = try ClassificationStore.classifications(db, year: year, badge: request.badge).first
            else {
                throw InspectError.notFound(kind: "classification proposal", key: "\(request.badge) \(year)")
            }
            _ = try ClassificationStore.decide(
                db, proposalID: current.proposal.id, level: request.level, note: note, by: caller.user, at: log.now)
            try log.emit(
                Event(
                    kind: .classificationDecided,
                    message: "Classification of \(request.badge) for \(year) decided by \(caller.user): "
                        + request.level.rawValue,
                    fields: [
                        "STAFF": request.badge, "YEAR": String(year), "LEVEL": request.level.rawValue,
                        "USER": caller.user,
                    ]))
            return try ClassificationStore.classifications(db, year: year, badge: request.badge)[0]
        }
    }

    /// The classifications `filter` selects: each person's latest proposal and decision of the year.
    /// - Throws: `.invalidInput` for a year out of range.
    public func classifications(_ filter: ClassificationFilter) throws -> [YearClassification] {
        let year = try YearRequest(year: filter.year).checked()
        return try query { db in try ClassificationStore.classifications(db, year: year, badge: filter.badge) }
    }

    /// How a year's proposals and decisions fall in the four levels.
    /// - Throws: `.invalidInput` for a year out of range.
    public func classificationReport(_ request: YearRequest) throws -> ClassificationReport {
        ClassificationReport(
            year: request.year,
            classifications: try classifications(ClassificationFilter(year: request.year, badge: nil)))
    }

    /// Those whose latest proposal of the year flags them for the streamlining review.
    /// - Throws: `.invalidInput` for a year out of range.
    public func reviewList(_ request: YearRequest) throws -> ReviewList {
        ReviewList(
            year: request.year,
            people: try classifications(ClassificationFilter(year: request.year, badge: nil)).filter(\.proposal.review))
    }

    /// The configured rules.
    /// - Throws: `.invalidInput` when there is no `classification.conf`.
    private func classificationRules() throws -> ClassificationRules {
        guard let rules = policy.configuration.classification else {
            throw InspectError.invalidInput(
                "no classification rules are configured (classification.conf next to the configuration)")
        }
        return rules
    }
}
