/// "Did you mean" suggestions for misspelled keys and names.
package enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            let threshold = max(1, min(3, candidate.count / 3))
            guard distance <= threshold else { continue }
            if best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    package static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousRow = Array(0...rhs.count)
        var rowBefore = previousRow
        var current = previousRow
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                current[j] = min(previousRow[j] + 1, current[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], rowBefore[j - 2] + 1)
                }
            }
            rowBefore = previousRow
            previousRow = current
        }
        return previousRow[rhs.count]
    }
}
