import Testing
@testable import Scenarios

@Suite struct TimestampTests {
    @Test func defaultStartIsAMondayAtMidnight() {
        #expect(Timestamp.defaultStart.description == "2026-01-05T00:00:00Z")
        #expect(Timestamp.defaultStart.weekday == 0)
        #expect(Timestamp.defaultStart.spreadsheetText == "2026-01-05 00:00:00")
    }

    @Test(arguments: [
        ("2026-01-05T00:00:00Z", "2026-01-05T00:00:00Z"), ("2026-01-05", "2026-01-05T00:00:00Z"),
        ("2024-02-29 13:45:10z", "2024-02-29T13:45:10Z"), ("2026-01-05T02:00:00+02:00", "2026-01-05T00:00:00Z"),
        ("2026-01-05T00:00:00.25Z", "2026-01-05T00:00:00.250000Z"), ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ])
    func parsesAndFormats(text: String, canonical: String) throws {
        let value = try #require(Timestamp(parsing: text))
        #expect(value.description == canonical)
    }

    @Test(arguments: ["2026-13-01", "2025-02-29", "2026-01-05T25:00:00Z", "yesterday", "2026-01-05T00:00:00Q"])
    func refusesInvalidTimestamps(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func weekdaysFollowTheCalendar() throws {
        let saturday = try #require(Timestamp(parsing: "2026-01-10T12:00:00Z"))
        #expect(saturday.weekday == 5)
        #expect(saturday.secondOfDay == 43_200)
    }
}
