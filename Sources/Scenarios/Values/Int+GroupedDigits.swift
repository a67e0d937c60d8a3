extension Int {
    /// The number with `,` thousands separators, for messages.
    var groupedDigits: String {
        let digits = String(magnitude)
        var text = ""
        for (position, character) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        return (self < 0 ? "-" : "") + text
    }
}
