package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;

import java.util.List;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * One decoded {@code TColumn} of a columnar query result: typed values plus a NULL flag per row. A NULL row holds
 * whatever placeholder the server sent.
 */
public sealed interface ResultColumn {

    /** NULL flags, one per row. */
    boolean[] nulls();

    /** Rows in the column. */
    default int size() {
        return nulls().length;
    }

    default boolean isNull(int row) {
        return nulls()[row];
    }

    /** Integers from {@code int_col}: BIGINT, INTEGER, BOOLEAN, DATE (seconds), TIMESTAMP, ... */
    record Ints(long[] values, boolean[] nulls) implements ResultColumn {
    }

    /** Floating-point values from {@code real_col}: DOUBLE, FLOAT, DECIMAL. */
    record Reals(double[] values, boolean[] nulls) implements ResultColumn {
    }

    /** Strings from {@code str_col}: TEXT; NULL and the empty string are the same to the server. */
    record Strings(List<String> values, boolean[] nulls) implements ResultColumn {
    }

    /**
     * Reads a {@code TColumn}. The filled list decides its kind; when every list is empty (no rows) the column
     * type from the row descriptor does.
     */
    static ResultColumn read(TProtocol p, TypeInfo hint) throws TException {
        long[] ints = null;
        double[] reals = null;
        List<String> strings = null;
        boolean[] nulls = new boolean[0];
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.STRUCT)) {
                p.readStructBegin();
                for (TField d; (d = ThriftFields.next(p)) != null; p.readFieldEnd()) {
                    if (is(d, 1, TType.LIST)) ints = ThriftFields.readI64List(p);
                    else if (is(d, 2, TType.LIST)) reals = ThriftFields.readDoubleList(p);
                    else if (is(d, 3, TType.LIST)) strings = ThriftFields.readStringList(p);
                    else if (is(d, 4, TType.LIST)) skipArrays(p);
                    else ThriftFields.skip(p, d);
                }
                p.readStructEnd();
            } else if (is(f, 2, TType.LIST)) {
                nulls = ThriftFields.readBoolList(p);
            } else {
                ThriftFields.skip(p, f);
            }
        }
        p.readStructEnd();
        if (ints != null && ints.length > 0) return checked(new Ints(ints, nulls), ints.length);
        if (reals != null && reals.length > 0) return checked(new Reals(reals, nulls), reals.length);
        if (strings != null && !strings.isEmpty()) return checked(new Strings(strings, nulls), strings.size());
        if (nulls.length > 0) {
            throw new HeavyDbProtocolException("column with " + nulls.length + " rows arrived without values");
        }
        if (hint != null && hint.type() == DatumType.STR) return new Strings(List.of(), nulls);
        if (hint != null && DatumType.isReal(hint.type())) return new Reals(new double[0], nulls);
        return new Ints(new long[0], nulls);
    }

    private static ResultColumn checked(ResultColumn column, int values) {
        if (column.nulls().length != values) {
            throw new HeavyDbProtocolException("column has " + values + " values but " + column.nulls().length
                    + " null flags");
        }
        return column;
    }

    private static void skipArrays(TProtocol p) throws TException {
        TList list = p.readListBegin();
        if (list.size > 0) {
            throw new HeavyDbProtocolException("array columns are not supported by this client");
        }
        for (int i = 0; i < list.size; i++) {
            TProtocolUtil.skip(p, list.elemType);
        }
        p.readListEnd();
    }

}
