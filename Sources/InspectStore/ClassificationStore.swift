import Foundation
import GRDB
import InspectCore

/// The yearly classification: the facts a year's proposals read, and the proposals and decisions, inserted and never
/// changed (the migration's triggers refuse the rest).
public enum ClassificationStore {
    /// A person on the roll in a year.
    package struct Person: Sendable {
        package var staffID: Int64
        package var badge: String
    }

    /// Everyone on the roll in a year starting at `start`: not retired before it, by badge. When a person was added
    /// to the record says nothing of when they began to serve (a record set up in March imports everyone then), so it
    /// does not limit the roll.
    package static func people(_ transaction: StoreTransaction, from start: Instant) throws -> [Person] {
        try Row.fetchAll(
            transaction.db,
            sql: "SELECT id, badge FROM staff WHERE retired_at IS NULL OR retired_at >= ? ORDER BY badge",
            arguments: [start]
        ).map { Person(staffID: $0["id"], badge: $0["badge"]) }
    }

    /// Every person's facts of the year from `start` to `end`, by badge; `band` reads a score. People with nothing
    /// in the year are absent.
    ///
    /// Findings count as they stand (the last version of each, retracted ones not at all) when observed in the year;
    /// escalations when raised in it; a corrective action when it was due by the year's end and not done by then, or
    /// by `now` for a year not over yet, against the person its finding names as it stands (an action on a finding
    /// since retracted does not count, and one whose finding was amended to name another person counts against that
    /// person); the band is that of the person's current result in the year's last session they sat.
    package static func facts(
        _ transaction: StoreTransaction, from start: Instant, to end: Instant, now: Instant,
        days: (CivilDate, CivilDate), band: (Tenths) -> String?
    ) throws -> [String: ClassificationFacts] {
        var facts: [String: ClassificationFacts] = [:]
        func update(_ badge: String, _ change: (inout ClassificationFacts) -> Void) {
            change(&facts[badge, default: .clean])
        }
        for row in try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT f.staff_badge AS badge, count(*) AS n FROM finding f
                WHERE f.staff_badge IS NOT NULL AND f.action <> 'retract' AND f.observed_at >= ? AND f.observed_at < ?
                    AND NOT EXISTS (SELECT 1 FROM finding c WHERE c.corrects_id = f.id)
                GROUP BY f.staff_badge
                """, arguments: [start, end])
        {
            update(row["badge"]) { $0.findings = row["n"] }
        }
        for row in try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT subject AS badge, count(*) AS n, sum(level = 'referral') AS referrals FROM escalation
                WHERE subject_kind = 'staff' AND raised_at >= ? AND raised_at < ? GROUP BY subject
                """, arguments: [start, end])
        {
            update(row["badge"]) {
                $0.escalations = row["n"]
                $0.referrals = row["referrals"]
            }
        }
        for row in try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT f.staff_badge AS badge, count(*) AS n FROM corrective_action a
                JOIN finding_lineage l ON l.root_id = a.finding_id JOIN finding f ON f.id = l.finding_id
                WHERE f.staff_badge IS NOT NULL AND f.action <> 'retract'
                    AND NOT EXISTS (SELECT 1 FROM finding c WHERE c.corrects_id = f.id)
                    AND a.due_at < ? AND (a.done_at IS NULL OR a.done_at >= ?)
                GROUP BY f.staff_badge
                """, arguments: [min(end, now), min(end, now)])
        {
            update(row["badge"]) { $0.undoneActions = row["n"] }
        }
        for row in try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT s.badge, r.score FROM test_result r JOIN test_session t ON t.id = r.session_id
                JOIN staff s ON s.id = r.staff_id
                WHERE t.held_on >= ? AND t.held_on < ?
                    AND NOT EXISTS (SELECT 1 FROM test_result a WHERE a.amends = r.id)
                ORDER BY t.held_on, t.id
                """, arguments: [days.0, days.1])
        {
            update(row["badge"]) { $0.band = band(Tenths(tenths: row["score"])) }
        }
        return facts
    }

    /// Adds a proposal; returns its row id.
    package static func propose(
        _ transaction: StoreTransaction, year: Int, staffID: Int64, proposal: ClassificationProposal,
        facts: ClassificationFacts, rulesHash: String, by user: String, at now: Instant
    ) throws -> Int64 {
        try transaction.db.execute(
            sql: """
                INSERT INTO classification_proposal
                    (year, staff_id, level, review, reasons, facts, rules_hash, proposed_by, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                year, staffID, proposal.level.rawValue, proposal.review, try json(proposal.reasons), try json(facts),
                rulesHash, user, now,
            ])
        return transaction.db.lastInsertedRowID
    }

    /// Adds the council's decision on the proposal `proposalID`; returns its row id.
    package static func decide(
        _ transaction: StoreTransaction, proposalID: Int64, level: ClassificationLevel, note: String, by user: String,
        at now: Instant
    ) throws -> Int64 {
        try transaction.db.execute(
            sql: """
                INSERT INTO classification_decision (year, staff_id, proposal_id, level, note, decided_by, decided_at)
                SELECT year, staff_id, id, ?, ?, ?, ? FROM classification_proposal WHERE id = ?
                """,
            arguments: [level.rawValue, note, user, now, proposalID])
        return transaction.db.lastInsertedRowID
    }

    /// The classifications of `year`, each person's latest proposal with the latest decision made on it, by badge;
    /// only `badge`'s when given.
    package static func classifications(
        _ transaction: StoreTransaction, year: Int, badge: String?
    ) throws -> [YearClassification] {
        let only = badge == nil ? "" : " AND s.badge = ?"
        var arguments: StatementArguments = [year]
        if let badge { arguments += [badge] }
        let proposals = try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT p.*, s.badge, s.name, o.code AS office,
                    (SELECT count(*) FROM classification_proposal e
                        WHERE e.year = p.year AND e.staff_id = p.staff_id AND e.id < p.id) AS earlier
                FROM classification_proposal p JOIN staff s ON s.id = p.staff_id JOIN office o ON o.id = s.office_id
                WHERE p.year = ?\(only) AND p.id = (SELECT max(id) FROM classification_proposal l
                    WHERE l.year = p.year AND l.staff_id = p.staff_id)
                ORDER BY s.badge
                """, arguments: arguments)
        let decisions = try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT d.*, (SELECT count(*) FROM classification_decision e
                        WHERE e.year = d.year AND e.staff_id = d.staff_id AND e.id < d.id) AS earlier
                FROM classification_decision d
                WHERE d.year = ? AND d.id = (SELECT max(id) FROM classification_decision l
                    WHERE l.year = d.year AND l.staff_id = d.staff_id)
                """, arguments: [year])
        var decided: [Int64: Row] = [:]
        for row in decisions { decided[row["staff_id"]] = row }
        return try proposals.map { row in
            // A decision stands beside the proposal it was made on; one made on an earlier proposal (the facts or
            // the rules have changed since) leaves the newest undecided, and counts among the earlier ones.
            let latest = decided[row["staff_id"]]
            let decision = latest.flatMap { ($0["proposal_id"] as Int64) == (row["id"] as Int64) ? $0 : nil }
            let earlierDecisions: Int = latest.map { ($0["earlier"] as Int) + (decision == nil ? 1 : 0) } ?? 0
            return YearClassification(
                year: year, badge: row["badge"], name: row["name"], office: row["office"],
                proposal: .init(
                    id: row["id"],
                    proposal: ClassificationProposal(
                        level: try level(row["level"]), reasons: try decode(row["reasons"]), review: row["review"]),
                    facts: try decode(row["facts"]), rulesHash: row["rules_hash"], proposedBy: row["proposed_by"],
                    proposedAt: row["proposed_at"]),
                decision: try decision.map {
                    YearClassification.Decided(
                        id: $0["id"], proposal: $0["proposal_id"], level: try level($0["level"]), note: $0["note"],
                        decidedBy: $0["decided_by"], decidedAt: $0["decided_at"])
                },
                earlierProposals: row["earlier"], earlierDecisions: earlierDecisions)
        }
    }

    private static func level(_ text: String) throws -> ClassificationLevel {
        guard let level = ClassificationLevel(rawValue: text) else {
            throw InspectError.integrity("a classification holds the unknown level '\(text)'")
        }
        return level
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ text: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw InspectError.integrity("a classification's stored reasons or facts do not read: \(error)")
        }
    }
}
