import Testing
@testable import Scenarios

@Suite struct DurationValueTests {
    @Test(arguments: [
        ("90s", Int64(90_000_000)), ("500ms", 500_000), ("5m", 300_000_000), ("2h", 7_200_000_000),
        ("7d", 604_800_000_000), ("1d6h", 108_000_000_000), ("250us", 250), ("250µs", 250),
        ("1.5h", 5_400_000_000), ("0s", 0), (" 3d2h ", 266_400_000_000), ("1h30m15s500ms", 5_415_500_000),
    ])
    func parsesValidDurations(text: String, microseconds: Int64) throws {
        let value = try DurationValue.parse(text).get()
        #expect(value.microseconds == microseconds)
    }

    @Test(arguments: [
        ("300", "has no unit"), ("300", "'300s' or '5m'"), ("5x", "unknown unit 'x'"), ("-5m", "negative"),
        ("5m2h", "largest to smallest"), ("1h1h", "largest to smallest"), ("", "empty"), ("h", "cannot read"),
        ("0.5us", "finer than one microsecond"), ("40000d", "longer than 100 years"),
    ])
    func refusesInvalidDurations(text: String, expected: String) {
        guard case .failure(let error) = DurationValue.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.message.contains(expected), "\(error.message)")
    }

    @Test(arguments: [
        (Int64(300_000_000), "5m"), (5_400_000_000, "1h30m"), (500_000, "500ms"), (0, "0s"),
        (108_000_000_000, "1d6h"), (1_500_000, "1s500ms"), (250, "250us"),
    ])
    func formatsCanonically(microseconds: Int64, text: String) throws {
        let value = DurationValue(microseconds: microseconds)
        #expect(value.description == text)
        #expect(try DurationValue.parse(text).get() == value)
    }
}
