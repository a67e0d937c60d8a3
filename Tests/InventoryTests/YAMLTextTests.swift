import Testing
@testable import Inventory

@Suite struct YAMLTextTests {
    @Test func quotingEscapesWhatYAMLNeeds() {
        #expect(YAMLText.quoted("web-01") == #""web-01""#)
        #expect(YAMLText.quoted(#"a "b" \c"#) == #""a \"b\" \\c""#)
        #expect(YAMLText.quoted("x: y # z, [w]") == #""x: y # z, [w]""#)
        #expect(YAMLText.quoted("line\nbreak\ttab\u{1}") == #""line\nbreak\ttab\u0001""#)
        #expect(YAMLText.quoted("café") == "\"café\"")
    }

    @Test func decimalsHaveNoExponentNorTrailingZeros() {
        #expect(YAMLText.decimal(0.25, places: 3) == "0.25")
        #expect(YAMLText.decimal(16, places: 10) == "16")
        #expect(YAMLText.decimal(1000.0 / 1024, places: 10) == "0.9765625")
        #expect(YAMLText.decimal(1e-7, places: 3) == "0")
        #expect(YAMLText.decimal(123_456_789, places: 2) == "123456789")
    }

    @Test func flowListsWrapBeforeTheWidth() {
        #expect(YAMLText.flowList([], firstColumn: 0, indent: 4) == "[]")
        #expect(YAMLText.flowList(["a", "b"], firstColumn: 0, indent: 4) == #"["a", "b"]"#)
        let names = (1...6).map { "name-\($0)" }
        let wrapped = YAMLText.flowList(names, firstColumn: 10, indent: 4, width: 40)
        #expect(wrapped == "[\"name-1\", \"name-2\", \"name-3\",\n    \"name-4\", \"name-5\", \"name-6\"]")
        for line in ("x" + String(repeating: " ", count: 9) + wrapped).split(separator: "\n") { #expect(line.count <= 40) }
    }
}
