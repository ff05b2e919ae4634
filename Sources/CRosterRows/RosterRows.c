// See CRosterRows.h. Each row is scanned in 64-byte windows from its first byte: one mask of
// the delimiters and one of the bytes that stop a plain scan (a quote, or a control byte up to
// CR), the delimiters' offsets taken with TZCNT and BLSR, as `RosterFastRows.scanRecord` does
// with 16-byte SSE2 blocks.
#include "CRosterRows.h"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

#define ROWS_TARGET __attribute__((target("avx2,bmi,bmi2,popcnt,pclmul")))
#define ROWS_INLINE static inline __attribute__((always_inline)) ROWS_TARGET

bool CRosterRowsAvailable(void) {
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX) || !(ecx & bit_POPCNT) || !(ecx & bit_PCLMUL)) return false;
    // The system saves the SSE and AVX registers on a switch (XCR0 bits 1 and 2).
    unsigned low = 0, high = 0;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    if ((low & 6) != 6) return false;
    if (__get_cpuid_max(0, 0) < 7) return false;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    return (ebx & bit_AVX2) && (ebx & bit_BMI) && (ebx & bit_BMI2);
}

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

/// The day of the ten-byte date cell at `cell` from the date cache, as
/// `RosterDateCache.day` finds it; false when the cache does not hold it.
ROWS_INLINE bool cachedDay(const CRosterRowsJob *job, const uint8_t *cell, intptr_t *day) {
    uint64_t head;
    uint16_t tail;
    memcpy(&head, cell, 8);
    memcpy(&tail, cell + 8, 2);
    intptr_t index = (intptr_t)(((head ^ tail) * 0xC2B2AE3D27D4EB4FULL) >> 52);
    while (true) {
        const CRosterDateSlot *slot = job->dateSlots + index;
        if (slot->head == head && slot->tail == tail) {
            *day = slot->day;
            return true;
        }
        if (slot->day == INT32_MIN) return false;
        index = (index + 1) & job->dateSlotMask;
    }
}

/// Copies `count` bytes in 32-byte moves, two of them whatever `count`: up to 63 bytes past
/// `count` are read and written.
ROWS_INLINE void copyBytes(const uint8_t *from, uint8_t *to, intptr_t count) {
    _mm256_storeu_si256((__m256i *)(void *)to, _mm256_loadu_si256((const __m256i *)(const void *)from));
    _mm256_storeu_si256(
        (__m256i *)(void *)(to + 32), _mm256_loadu_si256((const __m256i *)(const void *)(from + 32)));
    for (intptr_t offset = 64; offset < count; offset += 32) {
        _mm256_storeu_si256(
            (__m256i *)(void *)(to + offset), _mm256_loadu_si256((const __m256i *)(const void *)(from + offset)));
    }
}

/// The loop, for keys of one word (`wide` false: at most two inputs) or three. It works on a
/// copy of the job, so that the compiler keeps its fields in registers rather than reload them
/// after each store through `ends` or `counts`. A record of one or two year inputs that ends
/// within 63 bytes, with no quote, is read from one window's masks (`readCells`); any other
/// goes through `scanRecord`. `full` says the run has two year inputs and a date column side
/// by side in that order, after the first column, and at most 62 columns (the shipped tables
/// and generated rosters), so that the compiler drops the checks for other layouts.
ROWS_INLINE void writeRows(CRosterRowsJob *given, const bool wide, const bool full) {
    const CRosterRowsJob copy = *given;
    const CRosterRowsJob *job = &copy;
    const Splats splats = {
        _mm256_set1_epi8((char)job->delimiter), _mm256_set1_epi8('"'), _mm256_set1_epi8(0x0D)};
    const uint8_t *base = job->base;
    const intptr_t *ends = job->ends;
    const intptr_t firstColumn = job->inputCount > 0 ? job->columns[0] : -1;
    const intptr_t secondColumn = job->inputCount > 1 ? job->columns[1] : -1;
    const intptr_t dateColumn = job->dateColumn;
    const intptr_t lastField = job->columnCount - 1;
    // One window holds the structure of records of up to 62 fields.
    const bool oneWindow = full || (!wide && job->columnCount <= 62);
    const bool hasFirst = full || firstColumn >= 0;
    const bool hasSecond = full || secondColumn >= 0;
    const bool hasDate = full || dateColumn >= 0;
    // In a `full` run, the first year column is not the first column: this picks the delimiter
    // before it.
    const uint64_t firstSelector = full ? (uint64_t)1 << (firstColumn - 1) : 0;
    // The last record start from which a whole window holds bytes read.
    const intptr_t lastWindow = job->end - 64;
    intptr_t start = job->start;
    uint8_t *output = job->output;
    intptr_t room = job->outputRoom;
    intptr_t rows = 0;
    CRosterRowsStop stop = CRosterRowsStopLimit;
    while (rows < job->limit) {
        const intptr_t recordStart = start;
        intptr_t lineEnd = -1;
        uint64_t words[3] = {0, 0, 0};
        intptr_t day = job->defaultDay;
        bool read = false;
        if (oneWindow && recordStart <= lastWindow) {
            const Masks bytes = masks(base, recordStart, &splats);
            unsigned at = (unsigned)_tzcnt_u64(bytes.stops);
            uint64_t before = 0;
            bool fits = false;
            if (at <= 62 && base[recordStart + at] == '\n') {
                before = _bzhi_u64(bytes.delimiters, at);
                fits = true;
            } else if (at <= 62 && base[recordStart + at] == '"') {
                fits = readQuotedWindow(base, recordStart, &splats, bytes, &at, &before);
            }
            if (fits) {
                // An empty line has no delimiter, so only a run of one column must look at `at`.
                if ((!full && at == 0) || (intptr_t)_mm_popcnt_u64(before) != lastField) goto stopAtRecord;
                lineEnd = recordStart + at;
                // The usual row has the year cells and the date cell side by side, in that order,
                // of four, four and ten bytes: one look at the delimiters and the LF from the
                // delimiter before the first (PDEP picks it) checks all three.
                bool usual = false;
                if (full) {
                    const unsigned delimiter = (unsigned)_tzcnt_u64(_pdep_u64(firstSelector, before));
                    const uint64_t fieldEnds = before | (uint64_t)1 << at;
                    if (((fieldEnds >> delimiter) & 0x3FFFFF) == 0x200421) {
                        const uint8_t *cells = base + recordStart + delimiter + 1;
                        uint32_t firstCell;
                        uint32_t secondCell;
                        memcpy(&firstCell, cells, 4);
                        memcpy(&secondCell, cells + 5, 4);
                        // Neither is 0: a NUL byte is a control byte, which ends the plain scan.
                        words[0] = firstCell | (uint64_t)secondCell << 32;
                        if (!cachedDay(job, cells + 10, &day)) goto stopAtRecord;
                        usual = true;
                    }
                }
                if (!usual) {
                    // Bit 0 for the byte before the record, bit `i + 1` for a delimiter or the LF at
                    // `i`. A cell starts at offset `from`, the position of its bit; the bits after it
                    // tell its length: bit 4 alone of the five after it for four bytes, bit 0 for none.
                    const uint64_t structure = before << 1 | 1 | (uint64_t)1 << (at + 1);
                    if (hasFirst) {
                        const unsigned from = (unsigned)_tzcnt_u64(_pdep_u64((uint64_t)1 << firstColumn, structure));
                        const uint64_t after = (structure >> (from + 1)) & 0x1F;
                        if (after == 0x10) {
                            uint32_t cell;
                            memcpy(&cell, base + recordStart + from, 4);
                            if (cell == 0) goto stopAtRecord;
                            words[0] = cell;
                        } else if (after & 1) {
                            words[0] = 0;
                        } else {
                            goto stopAtRecord;
                        }
                    }
                    if (hasSecond) {
                        const unsigned from = (unsigned)_tzcnt_u64(_pdep_u64((uint64_t)1 << secondColumn, structure));
                        const uint64_t after = (structure >> (from + 1)) & 0x1F;
                        if (after == 0x10) {
                            uint32_t cell;
                            memcpy(&cell, base + recordStart + from, 4);
                            if (cell == 0) goto stopAtRecord;
                            words[0] |= (uint64_t)cell << 32;
                        } else if (!(after & 1)) {
                            goto stopAtRecord;
                        }
                    }
                    if (hasDate) {
                        const unsigned from = (unsigned)_tzcnt_u64(_pdep_u64((uint64_t)1 << dateColumn, structure));
                        const uint64_t after = (structure >> (from + 1)) & 0x7FF;
                        if (after == 0x400) {
                            if (!cachedDay(job, base + recordStart + from, &day)) goto stopAtRecord;
                        } else if (!(after & 1)) {
                            goto stopAtRecord;
                        }
                    }
                }
                read = true;
            }
        }
        if (!read) {
            lineEnd = scanRecord(job, recordStart, &splats);
            if (lineEnd < 0) goto stopAtRecord;
            bool known = true;
            const intptr_t inputs = wide ? job->inputCount : (job->inputCount < 2 ? job->inputCount : 2);
            for (intptr_t input = 0; input < inputs && known; input++) {
                uint64_t word = 0;
                known = yearWord(base, cellAt(ends, job->columns[input]), &word);
                words[input >> 1] |= word << (32 * (input & 1));
            }
            if (known && hasDate) {
                const Cell date = cellAt(ends, dateColumn);
                if (date.length == 10) {
                    known = cachedDay(job, base + date.start, &day);
                } else if (date.length != 0) {
                    known = false;
                }
            }
            if (!known) goto stopAtRecord;
        }
        // The memo's slot of the key (`RosterDecisionMemo.Tables.slot(of:wide:)`).
        const uint64_t mixed =
            wide ? words[0] ^ words[1] * 0x9E3779B97F4A7C15ULL ^ words[2] * 0xC2B2AE3D27D4EB4FULL : words[0];
        intptr_t slot = (intptr_t)((mixed * 0x9E3779B97F4A7C15ULL) >> job->hashShift);
        // The key is never `CRosterRowsVacantKey`, so a match is a slot taken.
        while (true) {
            const uint64_t *key = job->keys + 3 * slot;
            if (wide ? (key[0] == words[0] && key[1] == words[1] && key[2] == words[2]) : key[0] == words[0]) break;
            if (key[0] == CRosterRowsVacantKey) goto stopAtRecord;
            slot = (slot + 1) & job->slotMask;
        }
        const intptr_t offset = day - job->firstDay;
        if ((uintptr_t)offset >= (uintptr_t)job->days) goto stopAtRecord;
        const intptr_t entry = (intptr_t)job->entries[slot * job->days + offset] - 1;
        if (entry < 0) goto stopAtRecord;
        const intptr_t suffixStart = job->suffixStarts[entry];
        const intptr_t recordLength = lineEnd - recordStart;
        const intptr_t total = recordLength + (job->suffixStarts[entry + 1] - suffixStart);
        if (total > room) {
            stop = CRosterRowsStopOutputFull;
            break;
        }
        copyBytes(base + recordStart, output, recordLength);
        copyBytes(job->suffixes + suffixStart, output + recordLength, total - recordLength);
        output += total;
        room -= total;
        job->counts[entry] += 1;
        rows += 1;
        start = lineEnd + 1;
        continue;
    stopAtRecord:
        stop = CRosterRowsStopRecord;
        break;
    }
    given->start = start;
    given->output = output;
    given->outputRoom = room;
    given->rows = rows;
    given->stop = stop;
}

ROWS_TARGET static void writeFullRows(CRosterRowsJob *job) { writeRows(job, false, true); }

ROWS_TARGET static void writeNarrowRows(CRosterRowsJob *job) { writeRows(job, false, false); }

ROWS_TARGET static void writeWideRows(CRosterRowsJob *job) { writeRows(job, true, false); }

void CRosterRowsWrite(CRosterRowsJob *job) {
    if (job->wide) {
        writeWideRows(job);
    } else if (job->inputCount == 2 && job->columnCount <= 62 && job->columns[0] >= 1
               && job->columns[1] == job->columns[0] + 1
               && job->dateColumn == job->columns[0] + 2) {
        writeFullRows(job);
    } else {
        writeNarrowRows(job);
    }
}

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

bool CRosterRowsAvailable(void) { return false; }

void CRosterRowsCountQuotesAndLineFeeds(
    const uint8_t *bytes, intptr_t length, intptr_t *quotes, intptr_t *lineFeeds) {
    (void)bytes;
    (void)length;
    *quotes = 0;
    *lineFeeds = 0;
}

void CRosterRowsWrite(CRosterRowsJob *job) {
    job->rows = 0;
    job->stop = CRosterRowsStopRecord;
}

#endif
