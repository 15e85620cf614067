/// How the results of a session, or of a year's sessions, fall in the bands: overall, by title and by office, each
/// as counts and shares (one decimal, adding up to 100% by the largest remainder: `LargestRemainder`).
///
/// Only current results count: a result corrected by an amendment counts as its correction.
public struct TestReport: Codable, Sendable, Hashable {
    /// One band's count and share of a group's results.
    public struct BandCount: Codable, Sendable, Hashable {
        public var band: String
        public var count: Int
        public var share: Tenths?
    }

    /// The results of a group: all of them, one title's or one office's.
    public struct Group: Codable, Sendable, Hashable {
        /// The title's or office's code; nil for all results.
        public var key: String?
        /// Its name, when the record or the configuration knows one.
        public var name: String?
        public var results: Int
        public var bands: [BandCount]
    }

    /// The session reported on, or the year.
    public var session: Int64?
    public var year: Int?
    /// The bands in order, highest first, with their names.
    public var bands: [CompetencyBand]
    public var total: Group
    public var byTitle: [Group]
    public var byOffice: [Group]

    /// Counts `results` (current ones only) into `bands`; `names` gives titles' and offices' names by code.
    public init(
        session: Int64?, year: Int?, results: [TestResult], bands: CompetencyBands, names: [String: String]
    ) throws {
        self.session = session
        self.year = year
        self.bands = bands.bands
        let amended = Set(results.compactMap(\.amends))
        let current = results.filter { !amended.contains($0.id) }
        let banded = try current.map { (result: $0, band: try bands.band(for: $0.score).code) }
        func group(_ key: String?, _ members: [(result: TestResult, band: String)]) -> Group {
            let counts = bands.bands.map { band in members.count(where: { $0.band == band.code }) }
            let shares = LargestRemainder.shares(counts)
            return Group(
                key: key, name: key.flatMap { names[$0] }, results: members.count,
                bands: zip(bands.bands, zip(counts, shares)).map {
                    BandCount(band: $0.code, count: $1.0, share: $1.1)
                })
        }
        total = group(nil, banded)
        byTitle = Set(banded.map(\.result.title)).sorted().map { title in
            group(title, banded.filter { $0.result.title == title })
        }
        byOffice = Set(banded.map(\.result.office)).sorted().map { office in
            group(office, banded.filter { $0.result.office == office })
        }
    }

    /// The report's sentence, in the article's form: "… 106 công chức …: 15,1% giỏi, 30,2% khá, …".
    public func narrative(_ language: Language) -> String {
        let numbers = ReportNumbers(language)
        let parts = zip(bands, total.bands).map { band, count in
            (count.share.map(numbers.percent) ?? "-") + " " + band.name(in: language).lowercased()
        }
        let scope: String
        switch (language, session, year) {
        case (.vi, let session?, _): scope = "Kỳ sát hạch số \(session)"
        case (.vi, nil, let year): scope = "Năm \(year.map(String.init) ?? "")"
        case (.en, let session?, _): scope = "Session \(session)"
        case (.en, nil, let year): scope = "In \(year.map(String.init) ?? "")"
        }
        let people = numbers.integer(total.results)
        let offices = numbers.integer(byOffice.count)
        switch language {
        case .vi:
            return "\(scope): \(people) công chức của \(offices) cơ quan, đơn vị được sát hạch, kết quả: "
                + parts.joined(separator: ", ") + "."
        case .en:
            return "\(scope): \(people) civil servants from \(offices) offices were tested: "
                + parts.joined(separator: ", ") + "."
        }
    }
}
