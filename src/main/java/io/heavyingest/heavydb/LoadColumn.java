package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import java.util.List;

/**
 * One column of a {@code load_table_binary_columnar} call. Implementations write their values straight from
 * their own arrays, so a million-row batch is never copied into Thrift objects.
 */
public interface LoadColumn {

    /** Which list of {@code TColumnData} carries the values; exactly one is written. */
    enum Kind {
        /** {@code int_col}: integers, DATE as seconds since epoch, TIMESTAMP in the column's unit. */
        INT(1, TType.I64),
        /** {@code real_col}: DOUBLE and FLOAT. */
        REAL(2, TType.DOUBLE),
        /** {@code str_col}: TEXT. */
        STR(3, TType.STRING);

        final short fieldId;
        final byte elementType;

        Kind(int fieldId, byte elementType) {
            this.fieldId = (short) fieldId;
            this.elementType = elementType;
        }
    }

    /** Target column name. */
    String name();

    Kind kind();

    /** Rows in the column. */
    int size();

    /** Writes exactly {@link #size()} list elements of {@link #kind()}'s type. */
    void writeValues(TProtocol p) throws TException;

    /** Writes exactly {@link #size()} NULL flags. */
    void writeNulls(TProtocol p) throws TException;

    /** Integers with NULL flags ({@code nulls} may be null for none). */
    static LoadColumn longs(String name, long[] values, boolean[] nulls) {
        return new Simple(name, Kind.INT, values.length, nulls) {
            @Override
            public void writeValues(TProtocol p) throws TException {
                for (long v : values) {
                    p.writeI64(v);
                }
            }
        };
    }

    /** Doubles with NULL flags ({@code nulls} may be null for none). */
    static LoadColumn doubles(String name, double[] values, boolean[] nulls) {
        return new Simple(name, Kind.REAL, values.length, nulls) {
            @Override
            public void writeValues(TProtocol p) throws TException {
                for (double v : values) {
                    p.writeDouble(v);
                }
            }
        };
    }

    /** Strings; a null element is sent as NULL (with an empty placeholder). */
    static LoadColumn strings(String name, List<String> values) {
        boolean[] nulls = new boolean[values.size()];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = values.get(i) == null;
        }
        return new Simple(name, Kind.STR, values.size(), nulls) {
            @Override
            public void writeValues(TProtocol p) throws TException {
                for (String v : values) {
                    p.writeString(v == null ? "" : v);
                }
            }
        };
    }

    /** Common parts of the simple columns. */
    abstract class Simple implements LoadColumn {
        private final String name;
        private final Kind kind;
        private final int size;
        private final boolean[] nulls;

        /** A column of {@code size} values; {@code nulls} (at least {@code size} long) or null for none. */
        protected Simple(String name, Kind kind, int size, boolean[] nulls) {
            if (nulls != null && nulls.length < size) {
                throw new IllegalArgumentException("column " + name + ": " + size + " values but " + nulls.length
                        + " null flags");
            }
            this.name = name;
            this.kind = kind;
            this.size = size;
            this.nulls = nulls;
        }

        @Override
        public String name() { return name; }

        @Override
        public Kind kind() { return kind; }

        @Override
        public int size() { return size; }

        @Override
        public void writeNulls(TProtocol p) throws TException {
            p.writeListBegin(new TList(TType.BOOL, size));
            for (int i = 0; i < size; i++) {
                p.writeBool(nulls != null && nulls[i]);
            }
            p.writeListEnd();
        }
    }
}
