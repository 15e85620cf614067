import Foundation

/// The two astronomical quantities the lunar calendar needs: when new moons happen and where the sun stands.
///
/// These are the truncated series from Jean Meeus, *Astronomical Algorithms*, in the form Hồ Ngọc Đức published for
/// the Vietnamese calendar: accurate to minutes over 1800–2200, which is what decides on which local day a new moon
/// or a solar term falls. All times are Julian dates (days since noon UT, 1 January 4713 BC).
enum LunarAstronomy {
    /// The mean length of a lunation, in days.
    static let synodicMonth = 29.530588853
    /// The Julian day number of 1970-01-01, day 0 of `CivilDate.dayNumber`.
    static let julianDayOfUnixEpoch = 2_440_588
    /// The Julian date of the mean new moon of 1900-01-01, lunation 0.
    static let firstLunation = 2_415_021.076998695

    /// The moment (Julian date, UT) of the new moon of lunation `k`, counted from the new moon of 1900-01-01.
    static func newMoon(lunation k: Int) -> Double {
        let lunation = Double(k)
        let t = lunation / 1236.85  // Julian centuries from 1900
        let t2 = t * t
        let t3 = t2 * t
        var moment = 2_415_020.75933 + 29.53058868 * lunation + 0.0001178 * t2 - 0.000000155 * t3
        moment += 0.00033 * sine(166.56 + 132.87 * t - 0.009173 * t2)
        let sunAnomaly = 359.2242 + 29.10535608 * lunation - 0.0000333 * t2 - 0.00000347 * t3
        let moonAnomaly = 306.0253 + 385.81691806 * lunation + 0.0107306 * t2 + 0.00001236 * t3
        let moonLatitude = 21.2964 + 390.67050646 * lunation - 0.0016528 * t2 - 0.00000239 * t3
        return moment
            + correction(sunAnomaly: sunAnomaly, moonAnomaly: moonAnomaly, moonLatitude: moonLatitude, t: t)
            - deltaT(t: t)
    }

    /// The periodic terms that move the true new moon away from the mean one, in days.
    private static func correction(
        sunAnomaly m: Double, moonAnomaly mp: Double, moonLatitude f: Double, t: Double
    )
        -> Double
    {
        var sum = (0.1734 - 0.000393 * t) * sine(m) + 0.0021 * sine(2 * m)
        sum += -0.4068 * sine(mp) + 0.0161 * sine(2 * mp) - 0.0004 * sine(3 * mp)
        sum += 0.0104 * sine(2 * f) - 0.0051 * sine(m + mp) - 0.0074 * sine(m - mp)
        sum += 0.0004 * sine(2 * f + m) - 0.0004 * sine(2 * f - m) - 0.0006 * sine(2 * f + mp)
        sum += 0.0010 * sine(2 * f - mp) + 0.0005 * sine(m + 2 * mp)
        return sum
    }

    /// ΔT, the difference between dynamical time and universal time, in days.
    private static func deltaT(t: Double) -> Double {
        let t2 = t * t
        let t3 = t2 * t
        if t < -11 {
            return 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        }
        return -0.000278 + 0.000265 * t + 0.000262 * t2
    }

    /// The sun's apparent ecliptic longitude at Julian date `jd`, in radians within 0 ..< 2π.
    static func sunLongitude(julianDate jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525  // Julian centuries from J2000.0
        let t2 = t * t
        let meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t2 * t
        let meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var center = (1.914600 - 0.004817 * t - 0.000014 * t2) * sine(meanAnomaly)
        center += (0.019993 - 0.000101 * t) * sine(2 * meanAnomaly) + 0.000290 * sine(3 * meanAnomaly)
        let longitude = (meanLongitude + center) * .pi / 180
        return longitude - 2 * .pi * (longitude / (2 * .pi)).rounded(.down)
    }

    private static func sine(_ degrees: Double) -> Double { sin(degrees * .pi / 180) }
}
