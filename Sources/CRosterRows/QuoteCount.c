// See CRosterRows.h: the `--jobs` cutter's count of quotes and line feeds, with AVX2.
#include "CRosterRows.h"
#include "RecordScan.h"

#if defined(__x86_64__)

/// The sum of the eight byte counts of each 64-bit lane of `sums` (`_mm256_sad_epu8` against 0).
ROWS_INLINE intptr_t laneSums(__m256i counts) {
    const __m256i sums = _mm256_sad_epu8(counts, _mm256_setzero_si256());
    return (intptr_t)(_mm256_extract_epi64(sums, 0) + _mm256_extract_epi64(sums, 1) + _mm256_extract_epi64(sums, 2)
                      + _mm256_extract_epi64(sums, 3));
}

ROWS_TARGET void CRosterRowsCountQuotesAndLineFeeds(
    const uint8_t *bytes, intptr_t length, intptr_t *quotes, intptr_t *lineFeeds) {
    const __m256i quote = _mm256_set1_epi8('"');
    const __m256i lineFeed = _mm256_set1_epi8('\n');
    intptr_t quoteCount = 0;
    intptr_t lineFeedCount = 0;
    intptr_t done = 0;
    // Byte counters (a match is -1: subtracting it adds one), summed every 63 steps of 128
    // bytes, before a counter could pass 255.
    while (length - done >= 128) {
        const intptr_t steps = (length - done) / 128 < 63 ? (length - done) / 128 : 63;
        __m256i quoteCounts = _mm256_setzero_si256();
        __m256i lineFeedCounts = _mm256_setzero_si256();
        const uint8_t *block = bytes + done;
        const uint8_t *stepsEnd = block + steps * 128;
        for (; block < stepsEnd; block += 128) {
            for (int offset = 0; offset < 128; offset += 32) {
                const __m256i chunk = _mm256_loadu_si256((const __m256i *)(const void *)(block + offset));
                quoteCounts = _mm256_sub_epi8(quoteCounts, _mm256_cmpeq_epi8(chunk, quote));
                lineFeedCounts = _mm256_sub_epi8(lineFeedCounts, _mm256_cmpeq_epi8(chunk, lineFeed));
            }
        }
        quoteCount += laneSums(quoteCounts);
        lineFeedCount += laneSums(lineFeedCounts);
        done += steps * 128;
    }
    for (; done < length; done++) {
        quoteCount += bytes[done] == '"';
        lineFeedCount += bytes[done] == '\n';
    }
    *quotes = quoteCount;
    *lineFeeds = lineFeedCount;
}

#else

void CRosterRowsCountQuotesAndLineFeeds(
    const uint8_t *bytes, intptr_t length, intptr_t *quotes, intptr_t *lineFeeds) {
    (void)bytes;
    (void)length;
    *quotes = 0;
    *lineFeeds = 0;
}

#endif
