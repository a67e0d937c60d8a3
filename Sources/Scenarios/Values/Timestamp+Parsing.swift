extension Timestamp {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±hh:mm)` (or with a space for `T`);
    /// returns nil when the text is not such a timestamp or names an impossible date.
    /// A time without a zone designator is read as UTC.
    public init?(parsing rawText: String) {
        let text = Array(rawText.trimmingWhitespace().utf8)
        var reader = DigitReader(bytes: text)
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 2), reader.skip("-"),
              let day = reader.number(digits: 2),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        var micros = Self.days(fromYear: year, month: month, day: day) * 86_400_000_000
        if reader.atEnd {
            self.init(unixMicroseconds: micros)
            return
        }
        guard reader.skip("T") || reader.skip("t") || reader.skip(" "),
              let hour = reader.number(digits: 2), hour < 24, reader.skip(":"),
              let minute = reader.number(digits: 2), minute < 60 else { return nil }
        var second: Int64 = 0
        if reader.skip(":") {
            guard let value = reader.number(digits: 2), value < 60 else { return nil }
            second = value
        }
        micros += ((hour * 60 + minute) * 60 + second) * 1_000_000
        if reader.skip(".") {
            guard let (fraction, count) = reader.digits(), count > 0 else { return nil }
            guard count <= 6 else { return nil }
            var scaled = fraction
            for _ in count..<6 { scaled *= 10 }
            micros += scaled
        }
        while reader.skip(" ") {}
        if reader.skip("Z") || reader.skip("z") || reader.atEnd {
            guard reader.atEnd else { return nil }
            self.init(unixMicroseconds: micros)
            return
        }
        let sign: Int64
        if reader.skip("+") { sign = 1 } else if reader.skip("-") { sign = -1 } else { return nil }
        guard let offsetHours = reader.number(digits: 2), offsetHours < 24 else { return nil }
        var offsetMinutes: Int64 = 0
        if reader.skip(":") || !reader.atEnd {
            guard let value = reader.number(digits: 2), value < 60 else { return nil }
            offsetMinutes = value
        }
        guard reader.atEnd else { return nil }
        micros -= sign * (offsetHours * 60 + offsetMinutes) * 60_000_000
        self.init(unixMicroseconds: micros)
    }

    static func isLeap(_ year: Int64) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A cursor over ASCII bytes that reads fixed-width decimal fields.
private struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard !atEnd, let ascii = character.asciiValue, bytes[position] == ascii else { return false }
        position += 1
        return true
    }

    mutating func number(digits count: Int) -> Int64? {
        guard position + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[position..<(position + count)] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        position += count
        return value
    }

    mutating func digits() -> (value: Int64, count: Int)? {
        var value: Int64 = 0
        var count = 0
        while !atEnd, (48...57).contains(bytes[position]), count < 18 {
            value = value * 10 + Int64(bytes[position] - 48)
            count += 1
            position += 1
        }
        return (value, count)
    }
}
