// The row loop of a roster run for x86-64 processors with AVX2 and BMI2, chosen at run time,
// and the `--jobs` cutter's count of quotes and line feeds on them.
//
// Swift cannot compile one function for more instructions than the rest of its module, so the
// loop that `RosterFastRows` runs on such processors is written here, where a function can
// carry its own target. It does what the Swift loop does, row for row, and stops where that
// loop stops: `RosterFastRows.writeKnownRows` calls it and keeps the Swift loop for every
// other processor. Nothing else belongs in this module. (Valgrind 3.19 cannot read the DWARF 5
// that clang writes for it: profile a copy made with `strip --strip-debug`.)
#ifndef C_ROSTER_ROWS_H
#define C_ROSTER_ROWS_H

#include <stdbool.h>
#include <stdint.h>

/// A date cell's ten bytes (the first eight, then the last two) and its day number: one slot
/// of `RosterDateCache`, laid out here so that both languages agree on it.
typedef struct {
    uint64_t head;
    uint16_t tail;
    int32_t day;
} CRosterDateSlot;

/// The first word of a free slot's key in the memo of decisions: eight 0x01 bytes, which no
/// key the loop reads holds (a cell it reads has no control byte), so a search stops there.
#define CRosterRowsVacantKey 0x0101010101010101ULL

/// Why `CRosterRowsWrite` stopped.
typedef enum {
    /// At a record it does not write (or the end of the bytes it may read).
    CRosterRowsStopRecord = 0,
    /// At a record that does not fit the output room left.
    CRosterRowsStopOutputFull = 1,
    /// After `limit` rows.
    CRosterRowsStopLimit = 2,
} CRosterRowsStop;

/// One call's input, state and output.
typedef struct {
    /// The reader's buffer; the next record starts at `start`, and bytes up to `end` may be
    /// scanned (64 more may be loaded, and are ignored).
    const uint8_t *base;
    intptr_t start;
    intptr_t end;
    /// The field delimiter (above 0x0D, not a quote), the header's number of columns, and the
    /// longest record written.
    uint8_t delimiter;
    intptr_t columnCount;
    intptr_t maxRecordBytes;
    /// Room for `maxRecordBytes + columnCount + 2` offsets.
    intptr_t *ends;
    /// The year inputs' columns (up to six; keys of more than two use all three words of the
    /// memo's keys), the date column or -1, and the day of a row without a date.
    intptr_t inputCount;
    const intptr_t *columns;
    intptr_t dateColumn;
    intptr_t defaultDay;
    /// The memo of decisions (`RosterDecisionMemo.Tables`): keys of three 64-bit words each
    /// (a free slot's first word is `CRosterRowsVacantKey`), and `days` entries per slot
    /// (entry plus one, 0 unknown).
    const uint64_t *keys;
    const int32_t *entries;
    intptr_t firstDay;
    intptr_t days;
    intptr_t slotMask;
    uint32_t hashShift;
    /// The date cache's slots (a power of two of them).
    const CRosterDateSlot *dateSlots;
    intptr_t dateSlotMask;
    /// The outcome cache's result columns: entry `e`'s bytes are
    /// `suffixes[suffixStarts[e] ..< suffixStarts[e + 1]]`, with 64 more bytes readable after
    /// the last; `counts[e]` counts the rows written with it.
    const uint8_t *suffixes;
    const intptr_t *suffixStarts;
    intptr_t *counts;
    /// Where the next line goes, and the bytes of room for lines from there: the writer's
    /// free room less 64 (the copies may write that far past a line), so possibly negative.
    uint8_t *output;
    intptr_t outputRoom;
    /// The most rows to write.
    intptr_t limit;
    /// Out: the rows written, and why the call stopped.
    intptr_t rows;
    CRosterRowsStop stop;
} CRosterRowsJob;

/// Whether this processor (and its operating system) runs `CRosterRowsWrite`: x86-64 with
/// AVX2, BMI1, BMI2, POPCNT and PCLMULQDQ, and the AVX state saved by the system.
bool CRosterRowsAvailable(void);

/// Writes the rows from `job->start` on that the Swift loop would write, each its record's
/// bytes and its entry's result columns, advancing `start` and `output` past each (and
/// `outputRoom` down); stops at the first other record, when the output room is full, or
/// after `limit` rows. Only call it when `CRosterRowsAvailable()`; elsewhere it writes nothing.
void CRosterRowsWrite(CRosterRowsJob *job);

/// Counts the quotes and the line feeds in the `length` bytes at `bytes` (a multiple of 16),
/// 128 bytes a step, for the `--jobs` cutter (`RecordScanner.countQuotesAndLineFeeds`). Only
/// call it when `CRosterRowsAvailable()`; elsewhere it counts nothing.
void CRosterRowsCountQuotesAndLineFeeds(
    const uint8_t *bytes, intptr_t length, intptr_t *quotes, intptr_t *lineFeeds);

#endif
