import InspectCore

/// The yearly classification is personal, like test results: administrators propose and record the council's
/// decisions; a reader lists only their own classification, inspectors and administrators everyone's; the report
/// and the review list, which name people or could through small groups, are for inspectors.
extension Operations {
    static let classification: [any APIOperation.Type] = [
        ProposeClassification.self, ListClassifications.self, DecideClassification.self, ClassificationYearReport.self,
        ClassificationReviewList.self,
    ]

    public enum ProposeClassification: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: YearRequest
        ) throws
            -> ClassificationRun
        { try service.proposeClassification(p, by: caller) }
    }

    /// A reader's listing is narrowed to their own badge (asking for another's is refused).
    public enum ListClassifications: APIOperation {
        public struct Reply: Codable, Sendable { public var classifications: [YearClassification] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ClassificationFilter
        ) throws
            -> Reply
        {
            var filter = p
            if let own = try service.ownBadge(of: caller) {
                if let badge = p.badge { try InspectService.require(badge, isOwn: own, by: caller) }
                filter.badge = own
            }
            return Reply(classifications: try service.classifications(filter))
        }
    }

    public enum DecideClassification: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ClassificationDecisionRequest
        ) throws
            -> YearClassification
        { try service.decideClassification(p, by: caller) }
    }

    public enum ClassificationYearReport: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: YearRequest
        ) throws
            -> ClassificationReport
        { try service.classificationReport(p) }
    }

    public enum ClassificationReviewList: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: YearRequest) throws -> ReviewList
        {
            try service.reviewList(p)
        }
    }
}
