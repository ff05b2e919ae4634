import CRosterRows

#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// Finds the bytes that matter to a CSV reader many at a time: 16 bytes per step with SSE2
/// compares and a movemask on x86-64, eight at a time with word-at-a-time arithmetic
/// elsewhere. Each step answers with a bit mask, bit `i` for byte `i`, so a caller walks only
/// the interesting bytes (a separator, a quote, a line end) with `trailingZeroBitCount`.
enum RecordScanner {
    /// The bytes one step of ``specials(_:delimiter:)`` and ``quotesAndLineFeeds(_:)`` reads.
    static let width = 16

    /// Whether this processor runs the C code of `CRosterRows` (x86-64 with AVX2, BMI1, BMI2,
    /// POPCNT and PCLMULQDQ), checked once.
    static let hasAVX2 = CRosterRowsAvailable()

    /// A bit per byte of the `width` bytes at `bytes` that is `delimiter`, a quote, an LF or a CR.
    @inline(__always)
    static func specials(_ bytes: UnsafePointer<UInt8>, delimiter: UInt8) -> UInt32 {
        #if arch(x86_64)
            let block = _mm_loadu_si128(UnsafeRawPointer(bytes).assumingMemoryBound(to: __m128i.self))
            let separators = _mm_cmpeq_epi8(block, _mm_set1_epi8(CChar(bitPattern: delimiter)))
            let quotes = _mm_cmpeq_epi8(block, _mm_set1_epi8(0x22))
            let lineFeeds = _mm_cmpeq_epi8(block, _mm_set1_epi8(0x0A))
            let returns = _mm_cmpeq_epi8(block, _mm_set1_epi8(0x0D))
            let any = _mm_or_si128(_mm_or_si128(separators, quotes), _mm_or_si128(lineFeeds, returns))
            return UInt32(truncatingIfNeeded: _mm_movemask_epi8(any))
        #else
            return Portable.specials(bytes, delimiter: delimiter)
        #endif
    }

    /// Two bit masks over the `width` bytes at `bytes`: where `delimiter` is, and where a byte
    /// is that ends a plain record's scan: a quote, or a control byte up to CR (`0x00 ... 0x0D`,
    /// LF and CR among them). For a delimiter above `0x0D` and not a quote.
    @inline(__always)
    static func delimitersAndStops(_ bytes: UnsafePointer<UInt8>, delimiter: UInt8) -> (
        delimiters: UInt32, stops: UInt32
    ) {
        #if arch(x86_64)
            let block = _mm_loadu_si128(UnsafeRawPointer(bytes).assumingMemoryBound(to: __m128i.self))
            let delimiters = _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(CChar(bitPattern: delimiter))))
            // Unsigned `byte <= 0x0D`: the smaller of the byte and 0x0D is the byte itself.
            let controls = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x0D)), block)
            let stops = _mm_movemask_epi8(_mm_or_si128(controls, _mm_cmpeq_epi8(block, _mm_set1_epi8(0x22))))
            return (UInt32(truncatingIfNeeded: delimiters), UInt32(truncatingIfNeeded: stops))
        #else
            return Portable.delimitersAndStops(bytes, delimiter: delimiter)
        #endif
    }

    /// Two bit masks over the `width` bytes at `bytes`: where the quotes are, and where the LFs are.
    @inline(__always)
    static func quotesAndLineFeeds(_ bytes: UnsafePointer<UInt8>) -> (quotes: UInt32, lineFeeds: UInt32) {
        #if arch(x86_64)
            let block = _mm_loadu_si128(UnsafeRawPointer(bytes).assumingMemoryBound(to: __m128i.self))
            let quotes = _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(0x22)))
            let lineFeeds = _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(0x0A)))
            return (UInt32(truncatingIfNeeded: quotes), UInt32(truncatingIfNeeded: lineFeeds))
        #else
            return Portable.quotesAndLineFeeds(bytes)
        #endif
    }

    /// The quotes and the line feeds in the `blocks` blocks of `width` bytes at `bytes`: on
    /// x86-64 each block adds its compare results to byte counters (summed every 255 blocks),
    /// so counting costs no population count per block.
    static func countQuotesAndLineFeeds(_ bytes: UnsafePointer<UInt8>, blocks: Int) -> (quotes: Int, lineFeeds: Int) {
        if hasAVX2 {
            var quotes = 0
            var lineFeeds = 0
            CRosterRowsCountQuotesAndLineFeeds(bytes, blocks * width, &quotes, &lineFeeds)
            return (quotes, lineFeeds)
        }
        return countQuotesAndLineFeedsSSE2(bytes, blocks: blocks)
    }

    /// ``countQuotesAndLineFeeds(_:blocks:)`` without AVX2: 16 bytes a step on x86-64, each
    /// block's quotes and line feeds counted one by one elsewhere.
    static func countQuotesAndLineFeedsSSE2(_ bytes: UnsafePointer<UInt8>, blocks: Int) -> (
        quotes: Int, lineFeeds: Int
    ) {
        var quotes = 0
        var lineFeeds = 0
        #if arch(x86_64)
            let quote = _mm_set1_epi8(0x22)
            let lineFeed = _mm_set1_epi8(0x0A)
            let zero = _mm_setzero_si128()
            var done = 0
            while done < blocks {
                let chunk = min(blocks - done, 255)
                var quoteCounts = zero
                var lineFeedCounts = zero
                // A match is 0xFF, that is -1: subtracting it adds one to the byte's counter.
                var block = bytes + done * width
                let chunkEnd = block + chunk * width
                // Four blocks a step, so that the loop's own count and branch are shared.
                while chunkEnd - block >= 4 * width {
                    for offset in stride(from: 0, to: 4 * width, by: width) {
                        let bytes = _mm_loadu_si128(
                            UnsafeRawPointer(block + offset).assumingMemoryBound(to: __m128i.self))
                        quoteCounts = _mm_sub_epi8(quoteCounts, _mm_cmpeq_epi8(bytes, quote))
                        lineFeedCounts = _mm_sub_epi8(lineFeedCounts, _mm_cmpeq_epi8(bytes, lineFeed))
                    }
                    block += 4 * width
                }
                while block < chunkEnd {
                    let bytes = _mm_loadu_si128(UnsafeRawPointer(block).assumingMemoryBound(to: __m128i.self))
                    quoteCounts = _mm_sub_epi8(quoteCounts, _mm_cmpeq_epi8(bytes, quote))
                    lineFeedCounts = _mm_sub_epi8(lineFeedCounts, _mm_cmpeq_epi8(bytes, lineFeed))
                    block += width
                }
                quotes += sum(_mm_sad_epu8(quoteCounts, zero))
                lineFeeds += sum(_mm_sad_epu8(lineFeedCounts, zero))
                done += chunk
            }
        #else
            for index in 0..<blocks {
                let (blockQuotes, blockLineFeeds) = quotesAndLineFeeds(bytes + index * width)
                quotes += blockQuotes.nonzeroBitCount
                lineFeeds += blockLineFeeds.nonzeroBitCount
            }
        #endif
        return (quotes, lineFeeds)
    }

    #if arch(x86_64)
        /// The two 64-bit halves of `sums` added.
        @inline(__always)
        private static func sum(_ sums: __m128i) -> Int {
            Int(_mm_cvtsi128_si64(sums)) + Int(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)))
        }
    #endif

    /// The masks of ``specials(_:delimiter:)``, ``delimitersAndStops(_:delimiter:)`` and
    /// ``quotesAndLineFeeds(_:)`` with word-at-a-time arithmetic on two 8-byte words: what runs
    /// off x86-64, compiled everywhere so that tests on x86-64 compare it with the SSE2 path.
    enum Portable {
        @inline(__always)
        static func specials(_ bytes: UnsafePointer<UInt8>, delimiter: UInt8) -> UInt32 {
            let low = word(bytes)
            let high = word(bytes + 8)
            let lowMask = matches(low, delimiter) | matches(low, 0x22) | matches(low, 0x0A) | matches(low, 0x0D)
            let highMask = matches(high, delimiter) | matches(high, 0x22) | matches(high, 0x0A) | matches(high, 0x0D)
            return gather(lowMask) | gather(highMask) << 8
        }

        @inline(__always)
        static func delimitersAndStops(_ bytes: UnsafePointer<UInt8>, delimiter: UInt8) -> (
            delimiters: UInt32, stops: UInt32
        ) {
            let low = word(bytes)
            let high = word(bytes + 8)
            return (
                gather(matches(low, delimiter)) | gather(matches(high, delimiter)) << 8,
                gather(matches(low, 0x22) | controls(low)) | gather(matches(high, 0x22) | controls(high)) << 8
            )
        }

        @inline(__always)
        static func quotesAndLineFeeds(_ bytes: UnsafePointer<UInt8>) -> (quotes: UInt32, lineFeeds: UInt32) {
            let low = word(bytes)
            let high = word(bytes + 8)
            return (
                gather(matches(low, 0x22)) | gather(matches(high, 0x22)) << 8,
                gather(matches(low, 0x0A)) | gather(matches(high, 0x0A)) << 8
            )
        }

        /// Eight bytes in memory order: byte `i` in bits `8i ..< 8i + 8`.
        @inline(__always)
        private static func word(_ bytes: UnsafePointer<UInt8>) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        }

        /// The top bit of each byte of `word` that equals `byte`, exactly (no false positives).
        @inline(__always)
        private static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let zeroed = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
            return ~(((zeroed & low7) &+ low7) | zeroed | low7)
        }

        /// The top bit of each byte of `word` that is at most `0x0D`, exactly: `byte | 0x80` minus
        /// `0x0E` never borrows from the next byte, and keeps its top bit for bytes `0x0E ... 0x7F`
        /// (and for bytes from `0x80`, which the last mask drops).
        @inline(__always)
        private static func controls(_ word: UInt64) -> UInt64 {
            let high: UInt64 = 0x8080_8080_8080_8080
            return ~((word | high) &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & high
        }

        /// The top bits of a word's eight bytes as eight bits, byte `i` to bit `i`.
        @inline(__always)
        private static func gather(_ topBits: UInt64) -> UInt32 {
            UInt32(truncatingIfNeeded: ((topBits >> 7) &* 0x0102_0408_1020_4080) >> 56)
        }
    }
}
