package io.heavyingest.schema;

import java.time.LocalDate;

/** HeavyDB encodings of a DATE column: days since epoch in 16 or 32 bits. */
public enum DateEncoding {
    /**
     * 2 bytes a value; covers 1880-04-15 .. 2059-09-09 only: day -32768 (1880-04-14) is HeavyDB's NULL sentinel for
     * a 16-bit value, and the upper end is kept below day 32767 (2059-09-18) as before.
     */
    DAYS16(16, LocalDate.of(1880, 4, 15), LocalDate.of(2059, 9, 9)),
    /** 4 bytes a value; covers any date. */
    DAYS32(32, LocalDate.MIN, LocalDate.MAX);

    private final int bits;
    private final LocalDate min;
    private final LocalDate max;

    DateEncoding(int bits, LocalDate min, LocalDate max) {
        this.bits = bits;
        this.min = min;
        this.max = max;
    }

    public int bits() { return bits; }

    public LocalDate min() { return min; }

    public LocalDate max() { return max; }

    /** Whether {@code date} can be stored in this encoding. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(min) && !date.isAfter(max);
    }
}
