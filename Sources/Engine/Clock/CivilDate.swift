/// Proleptic Gregorian calendar arithmetic on day numbers, without Foundation's calendars.
///
/// DateFormatter is slow, locale-sensitive and not thread-safe to share; every response carries a
/// date, so the conversions below are plain integer arithmetic (Howard Hinnant, "chrono-Compatible
/// Low-Level Date Algorithms": days_from_civil / civil_from_days, exact for all Int64 day counts in range).
struct CivilDate: Equatable {
    var year: Int64
    var month: Int64  // 1...12
    var day: Int64    // 1...31

    /// The date `days` after 1970-01-01.
    init(daysSinceEpoch days: Int64) {
        let shifted = days + 719_468  // from 0000-03-01, so leap days fall at the end of the year
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    var daysSinceEpoch: Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday.
    static func weekday(daysSinceEpoch days: Int64) -> Int {
        Int((days + 4).floorModulo(7))
    }
}
