// See CRosterRows.h. The loop reads each record from one 64-byte window at its first byte
// when it can: the LF is the window's first control byte, the field count is the delimiters'
// population count, and the cells' bounds come from PDEP on the delimiter mask
// (RecordScan.h reads records with quoted fields the same way). Any other record goes through
// `scanRecord`, which stores every delimiter's offset. Then the memo's key and the date
// cache's day are looked up as the Swift loop looks them up, and the record and its entry's
// result columns are copied in 32-byte moves.
#include "CRosterRows.h"
#include "RecordScan.h"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>

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

/// Cell `column` of a record at `recordStart` read from one window, where `structure` has bit
/// 0 for the byte before the record and bit `i + 1` for a delimiter or the LF at offset `i`:
/// PDEP picks the cell's bit, whose position is the cell's first offset, and the bits after
/// it up to the next set one are its bytes.
ROWS_INLINE Cell cellIn(uint64_t structure, intptr_t column, intptr_t recordStart) {
    const unsigned from = (unsigned)_tzcnt_u64(_pdep_u64((uint64_t)1 << column, structure));
    return (Cell){recordStart + from, (intptr_t)_tzcnt_u64(structure >> (from + 1))};
}

/// The day of a date cell: the date cache's for ten bytes, the default day for none; false for
/// any other length, or ten bytes the cache does not hold.
ROWS_INLINE bool cellDay(const CRosterRowsJob *job, const uint8_t *base, Cell cell, intptr_t *day) {
    if (cell.length == 0) return true;
    return cell.length == 10 && cachedDay(job, base + cell.start, day);
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
/// within 63 bytes (quoted fields and all) is read from one window's masks; any other goes
/// through `scanRecord`. Either way its cells go through `yearWord` and `cellDay`. `full` says the run has two year inputs and a date column side
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
                    const uint64_t structure = before << 1 | 1 | (uint64_t)1 << (at + 1);
                    uint64_t word = 0;
                    if (hasFirst) {
                        if (!yearWord(base, cellIn(structure, firstColumn, recordStart), &word)) goto stopAtRecord;
                        words[0] = word;
                    }
                    if (hasSecond) {
                        if (!yearWord(base, cellIn(structure, secondColumn, recordStart), &word)) goto stopAtRecord;
                        words[0] |= word << 32;
                    }
                    if (hasDate && !cellDay(job, base, cellIn(structure, dateColumn, recordStart), &day)) {
                        goto stopAtRecord;
                    }
                }
                read = true;
            }
        }
        if (!read) {
            lineEnd = scanRecord(job, recordStart, &splats);
            if (lineEnd < 0) goto stopAtRecord;
            bool known = true;
            // At most two inputs without `wide` (`CRosterRowsWrite` chooses so): saying it lets the
            // compiler keep this loop small, which keeps the usual row's registers (about 12 instructions
            // a row measured without it).
            const intptr_t inputs = wide ? job->inputCount : (job->inputCount < 2 ? job->inputCount : 2);
            for (intptr_t input = 0; input < inputs && known; input++) {
                uint64_t word = 0;
                known = yearWord(base, cellAt(ends, job->columns[input]), &word);
                words[input >> 1] |= word << (32 * (input & 1));
            }
            if (!known || (hasDate && !cellDay(job, base, cellAt(ends, dateColumn), &day))) goto stopAtRecord;
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
    if (job->inputCount > 2) {
        writeWideRows(job);
    } else if (job->inputCount == 2 && job->columnCount <= 62 && job->columns[0] >= 1
               && job->columns[1] == job->columns[0] + 1
               && job->dateColumn == job->columns[0] + 2) {
        writeFullRows(job);
    } else {
        writeNarrowRows(job);
    }
}

#else

bool CRosterRowsAvailable(void) { return false; }

void CRosterRowsWrite(CRosterRowsJob *job) {
    job->rows = 0;
    job->stop = CRosterRowsStopRecord;
}

#endif
