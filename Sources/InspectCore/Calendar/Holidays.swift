/// The public holidays of the Labour Code 2019 (Bộ luật Lao động, art. 112), computed for a year when no
/// announcement for that year is configured.
///
/// The law fixes the occasions; the Prime Minister fixes the exact Tết and National Day days each year. Until the
/// year's announcement is configured (`holidays.d/YYYY.conf`), these rules stand in:
/// - New Year's Day, 1 January.
/// - Tết, five days: the last day of the old lunar year and the first four of the new one, the split the government
///   announces most often.
/// - Hùng Kings' Commemoration Day, the 10th day of the 3rd lunar month.
/// - Reunification Day, 30 April, and International Labour Day, 1 May.
/// - National Day, 2 September, plus the adjacent day that joins it to the weekend: 1 September when 2 September is a
///   Tuesday, Friday or Saturday, 3 September otherwise (the choices announced for 2021–2025).
///
/// Art. 111(3): a holiday falling on a weekly rest day is compensated on the next working day. Each such holiday
/// takes the first following day that is neither a rest day nor already a day off, in date order; a holiday that
/// falls on another holiday (Giỗ Tổ can fall on 30 April) is compensated the same way.
public enum StatutoryHolidays {
    /// The statutory occasions, named in English and Vietnamese.
    enum Occasion: CaseIterable {
        case newYear, lunarNewYear, hungKings, reunification, labourDay, nationalDay

        var names: (english: String, vietnamese: String) {
            switch self {
            case .newYear: ("New Year's Day", "Tết Dương lịch")
            case .lunarNewYear: ("Lunar New Year", "Tết Nguyên đán")
            case .hungKings: ("Hùng Kings' Commemoration Day", "Giỗ Tổ Hùng Vương")
            case .reunification: ("Reunification Day", "Ngày Chiến thắng")
            case .labourDay: ("International Labour Day", "Ngày Quốc tế Lao động")
            case .nationalDay: ("National Day", "Quốc khánh")
            }
        }
    }

    /// The holidays of `year`, compensatory days included, sorted by date.
    /// - Parameters:
    ///   - lunar: the lunar calendar giving Tết and Giỗ Tổ (`LunarCalendar.vietnam`).
    ///   - weeklyRestDays: the days of the week offices do not work, which trigger compensation.
    public static func holidays(in year: Int, lunar: LunarCalendar, weeklyRestDays: Set<Weekday>) -> [Holiday] {
        let days = occasions(in: year, lunar: lunar).sorted { $0.date < $1.date }
        // A compensatory day must not land on a day that is off anyway.
        var taken = Set(days.map(\.date))
        var seen: Set<CivilDate> = []
        var result: [Holiday] = []
        for (date, occasion) in days {
            let (name, nameVietnamese) = occasion.names
            result.append(Holiday(date: date, name: name, nameVietnamese: nameVietnamese, source: .computed))
            let sharesItsDate = !seen.insert(date).inserted
            guard weeklyRestDays.contains(date.weekday) || sharesItsDate else { continue }
            var substitute = date.adding(days: 1)
            while weeklyRestDays.contains(substitute.weekday) || taken.contains(substitute) {
                substitute = substitute.adding(days: 1)
            }
            taken.insert(substitute)
            result.append(
                Holiday(
                    date: substitute, name: "Compensatory day off for \(name)",
                    nameVietnamese: "Nghỉ bù \(nameVietnamese)", source: .computed))
        }
        return result.sorted { $0.date < $1.date }
    }

    /// Each statutory day off of `year` with its occasion, before compensation.
    static func occasions(in year: Int, lunar: LunarCalendar) -> [(date: CivilDate, occasion: Occasion)] {
        let tet = lunar.newYear(of: year)
        let hungKings = try! lunar.solarDate(of: LunarDate(day: 10, month: 3, year: year))  // every year has a 10/3
        let nationalDay = CivilDate(year: year, month: 9, day: 2)
        let joinsBefore: Set<Weekday> = [.tuesday, .friday, .saturday]
        let adjacent = nationalDay.adding(days: joinsBefore.contains(nationalDay.weekday) ? -1 : 1)
        return [(CivilDate(year: year, month: 1, day: 1), .newYear)]
            + (-1...3).map { (tet.adding(days: $0), .lunarNewYear) }
            + [
                (hungKings, .hungKings),
                (CivilDate(year: year, month: 4, day: 30), .reunification),
                (CivilDate(year: year, month: 5, day: 1), .labourDay),
                (nationalDay, .nationalDay),
                (adjacent, .nationalDay),
            ]
    }
}
