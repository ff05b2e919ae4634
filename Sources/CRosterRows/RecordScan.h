// The record scan of the AVX2 row loop (private to CRosterRows): 64-byte windows of masks
// (the delimiters, and the bytes that stop a plain scan: a quote, or a control byte up to CR),
// a record with quoted fields read from one window, and the general scan of any record the
// Swift loop writes, which stores every delimiter's offset as `RosterFastRows.scanRecord` does.
#ifndef C_ROSTER_ROWS_RECORD_SCAN_H
#define C_ROSTER_ROWS_RECORD_SCAN_H

#include "CRosterRows.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

/// The instructions every function of the loop may use; `CRosterRowsAvailable()` checks them.
#define ROWS_TARGET __attribute__((target("avx2,bmi,bmi2,popcnt,pclmul")))
#define ROWS_INLINE static inline __attribute__((always_inline)) ROWS_TARGET

/// The constants every window compares with.
typedef struct {
    __m256i delimiter;
    __m256i quote;
    __m256i controlMax;
} Splats;

/// The delimiters of a window, and its stops: quotes and bytes `0x00 ... 0x0D`.
typedef struct {
    uint64_t delimiters;
    uint64_t stops;
} Masks;

/// The masks of the 64 bytes at `window`.
ROWS_INLINE Masks masks(const uint8_t *base, intptr_t window, const Splats *splats) {
    const __m256i low = _mm256_loadu_si256((const __m256i *)(const void *)(base + window));
    const __m256i high = _mm256_loadu_si256((const __m256i *)(const void *)(base + window + 32));
    const uint64_t delimiters =
        (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, splats->delimiter))
        | (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, splats->delimiter)) << 32;
    // Unsigned `byte <= 0x0D`: the smaller of the byte and 0x0D is the byte itself.
    const __m256i lowStops = _mm256_or_si256(
        _mm256_cmpeq_epi8(_mm256_min_epu8(low, splats->controlMax), low), _mm256_cmpeq_epi8(low, splats->quote));
    const __m256i highStops = _mm256_or_si256(
        _mm256_cmpeq_epi8(_mm256_min_epu8(high, splats->controlMax), high), _mm256_cmpeq_epi8(high, splats->quote));
    const uint64_t stops = (uint64_t)(uint32_t)_mm256_movemask_epi8(lowStops)
        | (uint64_t)(uint32_t)_mm256_movemask_epi8(highStops) << 32;
    return (Masks){delimiters, stops};
}

/// The masks of the bytes `window ..< limit` (at most 64 of them; bits past `limit` are 0).
ROWS_INLINE Masks masksBefore(const uint8_t *base, intptr_t window, intptr_t limit, const Splats *splats) {
    const Masks found = masks(base, window, splats);
    const intptr_t available = limit - window;
    const uint64_t keep = _bzhi_u64(~(uint64_t)0, (unsigned)(available < 64 ? available : 64));
    return (Masks){found.delimiters & keep, found.stops & keep};
}

/// Reads a record with quoted fields from one window's masks `bytes`, for records whose LF is
/// the window's first control byte, at most at offset 62: checks what `scanRecord` checks of
/// quoted fields (each opens a field, closes before the delimiter or the LF, and needs its
/// quotes: it holds a delimiter or a doubled quote) and gives the LF's offset and the mask of
/// the delimiters outside quotes. False for any other record, which `scanRecord` then reads.
ROWS_INLINE bool readQuotedWindow(
    const uint8_t *base, intptr_t recordStart, const Splats *splats, Masks bytes, unsigned *lineFeed,
    uint64_t *delimiters) {
    const __m256i low = _mm256_loadu_si256((const __m256i *)(const void *)(base + recordStart));
    const __m256i high = _mm256_loadu_si256((const __m256i *)(const void *)(base + recordStart + 32));
    const uint64_t quotes = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, splats->quote))
        | (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, splats->quote)) << 32;
    const unsigned at = (unsigned)_tzcnt_u64(bytes.stops & ~quotes);
    if (at > 62 || base[recordStart + at] != '\n') return false;
    const uint64_t before = _bzhi_u64(quotes, at);
    // Bit `i` set when byte `i` follows an odd number of quotes: from an opening quote up to the
    // byte before its closing one (a doubled quote closes and opens again).
    const uint64_t inside = (uint64_t)_mm_cvtsi128_si64(
        _mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)before), _mm_set1_epi8((char)0xFF), 0));
    if ((inside >> at) & 1) return false;
    const uint64_t outside = _bzhi_u64(bytes.delimiters, at) & ~inside;
    const uint64_t openers = before & inside;
    const uint64_t closers = before & ~inside;
    // A quote opens a field (after a delimiter or at the record's start) or follows a closing
    // one; a closing quote is followed by a delimiter, the LF or another quote.
    if (openers & ~(outside << 1 | 1 | closers << 1)) return false;
    if (closers & ~((outside | (uint64_t)1 << at | openers) >> 1)) return false;
    const uint64_t doubled = closers & (openers >> 1);
    const uint64_t needs = (bytes.delimiters & inside) | doubled;
    uint64_t fieldOpens = openers & ~(closers << 1);
    uint64_t fieldCloses = closers & ~(openers >> 1);
    while (fieldOpens != 0) {
        const unsigned open = (unsigned)_tzcnt_u64(fieldOpens);
        const unsigned close = (unsigned)_tzcnt_u64(fieldCloses);
        if ((_bzhi_u64(needs, close) >> open) == 0) return false;
        fieldOpens = _blsr_u64(fieldOpens);
        fieldCloses = _blsr_u64(fieldCloses);
    }
    *lineFeed = at;
    *delimiters = outside;
    return true;
}

/// The closing quote of the quoted field opened at `open`, when the field needs its quotes (it
/// holds the delimiter or a doubled quote), holds no control byte, and closes before `limit`
/// with a byte after it before `limit`; -1 otherwise.
ROWS_INLINE intptr_t closingQuote(const uint8_t *base, intptr_t open, intptr_t limit, const Splats *splats) {
    intptr_t position = open + 1;
    bool needsQuotes = false;
    while (position < limit) {
        const Masks found = masksBefore(base, position, limit, splats);
        if (found.stops == 0) {
            if (found.delimiters != 0) needsQuotes = true;
            position += 64;
            continue;
        }
        const unsigned at = (unsigned)_tzcnt_u64(found.stops);
        if (_bzhi_u64(found.delimiters, at) != 0) needsQuotes = true;
        const intptr_t quote = position + at;
        if (base[quote] != '"' || quote + 1 >= limit) return -1;
        if (base[quote + 1] != '"') return needsQuotes ? quote : -1;
        needsQuotes = true;
        position = quote + 2;
    }
    return -1;
}

/// Finds the fields of the record at `recordStart` in `ends` (field `i` is
/// `ends[i] + 1 ..< ends[i + 1]`) and returns its LF's offset, for the records
/// `RosterFastRows.scanRecord` accepts: the header's number of fields, unquoted fields without
/// a quote or a control byte, quoted fields that need their quotes, ending in an LF within
/// `maxRecordBytes` and before `end`; -1 for any other. Every record the loop writes can take
/// this way; most take the shorter one of `writeRows`.
ROWS_INLINE intptr_t scanRecord(
    const CRosterRowsJob *job, intptr_t recordStart, const Splats *splats) {
    const uint8_t *base = job->base;
    intptr_t *ends = job->ends;
    const intptr_t lastField = job->columnCount - 1;
    const intptr_t limit = job->end - recordStart > job->maxRecordBytes ? recordStart + job->maxRecordBytes : job->end;
    ends[0] = recordStart - 1;
    intptr_t found = 0;
    intptr_t window = recordStart;
    bool afterQuote = false;
    while (window < limit) {
        Masks bytes = masksBefore(base, window, limit, splats);
        // A closing quote must be followed by the delimiter or the record's end.
        if (afterQuote && ((bytes.delimiters | bytes.stops) & 1) == 0) return -1;
        afterQuote = false;
        if (bytes.stops == 0) {
            while (bytes.delimiters != 0) {
                ends[++found] = window + (intptr_t)_tzcnt_u64(bytes.delimiters);
                bytes.delimiters = _blsr_u64(bytes.delimiters);
            }
            window += 64;
            continue;
        }
        const unsigned at = (unsigned)_tzcnt_u64(bytes.stops);
        uint64_t before = _bzhi_u64(bytes.delimiters, at);
        while (before != 0) {
            ends[++found] = window + (intptr_t)_tzcnt_u64(before);
            before = _blsr_u64(before);
        }
        const intptr_t stop = window + at;
        if (base[stop] == '\n') {
            if (found != lastField || stop == recordStart) return -1;
            ends[job->columnCount] = stop;
            return stop;
        }
        // A quote that opens a field: the scan goes on after its closing quote.
        if (base[stop] != '"' || found > lastField || stop != ends[found] + 1) return -1;
        const intptr_t closing = closingQuote(base, stop, limit, splats);
        if (closing < 0) return -1;
        window = closing + 1;
        afterQuote = true;
    }
    return -1;
}

/// A cell: the offset of its first byte, and its length.
typedef struct {
    intptr_t start;
    intptr_t length;
} Cell;

/// Cell `column` of the record `scanRecord` just read into `ends`.
ROWS_INLINE Cell cellAt(const intptr_t *ends, intptr_t column) {
    const intptr_t start = ends[column] + 1;
    return (Cell){start, ends[column + 1] - start};
}

/// The memo's key word of a year cell: its four bytes, or 0 when empty; false for a cell of
/// another length or of four NUL bytes (as `RosterFastCells.yearKey`).
ROWS_INLINE bool yearWord(const uint8_t *base, Cell cell, uint64_t *word) {
    if (cell.length == 0) {
        *word = 0;
        return true;
    }
    if (cell.length != 4) return false;
    uint32_t bytes;
    memcpy(&bytes, base + cell.start, 4);
    *word = bytes;
    return bytes != 0;
}

#endif

#endif
