import Testing
import SimKernel

@Suite struct SimTimeTests {
    @Test func unitConstructorsScaleToMicroseconds() {
        #expect(SimTime.microseconds(7).microseconds == 7)
        #expect(SimTime.milliseconds(3).microseconds == 3_000)
        #expect(SimTime.seconds(2).microseconds == 2_000_000)
        #expect(SimTime.minutes(2).microseconds == 120_000_000)
        #expect(SimTime.hours(1).microseconds == 3_600_000_000)
        #expect(SimTime.days(2).microseconds == 172_800_000_000)
        #expect(SimTime.zero.microseconds == 0)
        #expect(SimTime.max.microseconds == Int64.max)
    }

    @Test func integerLiteralSecondsPicksTheExactOverload() {
        let time: SimTime = .seconds(5)
        #expect(time == SimTime(microseconds: 5_000_000))
    }

    @Test(arguments: [
        (1.5, Int64(1_500_000)),
        (0.000_001_4, Int64(1)),
        (0.000_001_5, Int64(2)),
        (-0.000_001_5, Int64(-2)),
        (0.1, Int64(100_000)),
        (86_400.25, Int64(86_400_250_000)),
    ])
    func fractionalSecondsRoundToNearestMicrosecond(seconds: Double, expectedUS: Int64) {
        #expect(SimTime.seconds(seconds).microseconds == expectedUS)
    }

    @Test func secondsPropertyConvertsBack() {
        #expect(SimTime.milliseconds(1_500).seconds == 1.5)
        #expect(SimTime.microseconds(-250_000).seconds == -0.25)
    }

    @Test func arithmeticAndOrdering() {
        var time = SimTime.hours(1) + .minutes(30) - .seconds(15)
        #expect(time == SimTime.seconds(5_385))
        time += .seconds(15)
        time -= .minutes(30)
        #expect(time == .hours(1))
        #expect(SimTime.minutes(5) * 3 == .minutes(15))
        #expect(3 * SimTime.minutes(5) == .minutes(15))
        #expect(SimTime.seconds(10) / 4 == .milliseconds(2_500))
        #expect(SimTime.microseconds(-7) / 2 == .microseconds(-3))
        #expect(SimTime.microseconds(1) > .zero)
        #expect(SimTime.microseconds(-1) < .zero)
        #expect([SimTime.seconds(3), .zero, .milliseconds(2)].sorted() == [.zero, .milliseconds(2), .seconds(3)])
    }

    @Test(arguments: [
        (SimTime.zero, "00:00:00.000000"),
        (SimTime.milliseconds(1_500), "00:00:01.500000"),
        (SimTime.days(1) + .hours(2) + .minutes(3) + .seconds(4) + .microseconds(5), "1d02:03:04.000005"),
        (SimTime.days(30), "30d00:00:00.000000"),
        (SimTime.zero - .minutes(90), "-01:30:00.000000"),
        (SimTime.max, "106751991d04:00:54.775807"),
        (SimTime(microseconds: Int64.min), "-106751991d04:00:54.775808"),
    ])
    func descriptionShowsDaysAndMicroseconds(time: SimTime, expected: String) {
        #expect(time.description == expected)
    }
}
