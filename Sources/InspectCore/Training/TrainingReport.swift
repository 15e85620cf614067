/// A year's training as the leadership reads it: how many attendances, how many of them in degree programmes and
/// how many in short courses, by the level of those who went.
///
/// An attendance counts in the year its course starts; a person sent to two courses counts twice (the article's
/// "lượt").
public struct TrainingReport: Codable, Sendable, Hashable {
    /// Attendances of one level: `level` is nil for people whose level was not recorded when their course started.
    public struct Row: Codable, Sendable, Hashable {
        public var level: StaffLevel?
        public var degree: Int
        public var shortCourse: Int
        public var total: Int { degree + shortCourse }

        public init(level: StaffLevel?, degree: Int, shortCourse: Int) {
            self.level = level
            self.degree = degree
            self.shortCourse = shortCourse
        }

        enum CodingKeys: String, CodingKey { case level, degree, shortCourse, total }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            level = try container.decodeIfPresent(StaffLevel.self, forKey: .level)
            degree = try container.decode(Int.self, forKey: .degree)
            shortCourse = try container.decode(Int.self, forKey: .shortCourse)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(level, forKey: .level)
            try container.encode(degree, forKey: .degree)
            try container.encode(shortCourse, forKey: .shortCourse)
            try container.encode(total, forKey: .total)
        }
    }

    public var year: Int
    /// One row per level with attendances (province, district, commune, then unrecorded).
    public var byLevel: [Row]
    /// Every level together.
    public var total: Row

    /// Counts `attendances` (each a course's kind and the person's level) of `year`.
    public init(year: Int, attendances: [(kind: TrainingKind, level: StaffLevel?)]) {
        self.year = year
        let levels: [StaffLevel?] = StaffLevel.allCases.map { $0 } + [nil]
        byLevel = levels.compactMap { level in
            let own = attendances.filter { $0.level == level }
            guard !own.isEmpty else { return nil }
            return Row(
                level: level, degree: own.count(where: { $0.kind == .degree }),
                shortCourse: own.count(where: { $0.kind == .shortCourse }))
        }
        total = Row(
            level: nil, degree: byLevel.reduce(0) { $0 + $1.degree },
            shortCourse: byLevel.reduce(0) { $0 + $1.shortCourse })
    }

    /// The report's sentence, in the article's form: "Năm 2018, … 848 lượt, trong đó 89 lượt … 759 lượt …".
    public func narrative(_ language: Language) -> String {
        let numbers = ReportNumbers(language)
        let (all, degree, short) = (
            numbers.integer(total.total), numbers.integer(total.degree), numbers.integer(total.shortCourse)
        )
        switch language {
        case .vi:
            return "Năm \(year), cán bộ, công chức, viên chức được cử đi đào tạo, bồi dưỡng \(all) lượt, trong đó "
                + "\(degree) lượt đào tạo sau đại học, đại học (vừa làm vừa học), \(short) lượt bồi dưỡng chuyên môn, "
                + "nghiệp vụ."
        case .en:
            return "In \(year), cadres, civil servants and public employees were sent to training \(all) times: "
                + "\(degree) to master's or university degrees while working, \(short) to professional courses."
        }
    }

    /// The name of a row's level in `language`; nil is a level not recorded.
    public static func levelName(_ level: StaffLevel?, _ language: Language) -> String {
        switch (level, language) {
        case (.province, .vi): "Cấp tỉnh"
        case (.district, .vi): "Cấp huyện"
        case (.commune, .vi): "Cấp xã"
        case (nil, .vi): "Chưa ghi cấp"
        case (.province, .en): "Province"
        case (.district, .en): "District"
        case (.commune, .en): "Commune"
        case (nil, .en): "Level not recorded"
        }
    }
}
