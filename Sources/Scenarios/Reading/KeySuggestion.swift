/// Finds the valid name closest to a misspelled one (`treshold` → `threshold`), for "did you mean"
/// hints in unknown-key and unknown-value messages.
enum KeySuggestion {
    /// The candidate with the smallest edit distance to `word`, if that distance is small enough to
    /// be a plausible typo (at most 2 edits, or a third of the word's length); ties go to the
    /// earliest candidate.
    static func closest(to word: String, in candidates: [String], maximumDistance: Int? = nil) -> String? {
        let target = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        let limit = maximumDistance ?? max(2, target.count / 3)
        guard let best, best.distance <= limit, best.distance < target.count else { return nil }
        return best.name
    }

    /// `" (did you mean 'x'?)"` or the empty string.
    static func hint(for word: String, in candidates: [String], maximumDistance: Int? = nil) -> String {
        closest(to: word, in: candidates, maximumDistance: maximumDistance).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Damerau–Levenshtein distance (optimal string alignment): insertions, deletions,
    /// substitutions and adjacent transpositions each cost 1.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
