package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import java.util.ArrayList;
import java.util.List;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * {@code TQueryResult} of a columnar {@code sql_execute}: the row descriptor, one typed column per output column,
 * and the server's timings. Row-wise results are not requested and are skipped.
 *
 * @param rowDesc output columns
 * @param columns values, one per output column
 * @param columnar whether the row set was columnar
 * @param executionMillis server execution time
 * @param totalMillis server total time
 * @param nonce the nonce sent with the query
 * @param debug server debug text
 * @param success the server's success flag
 * @param queryType {@code TQueryType}: 1 READ, 2 WRITE, 3 SCHEMA_READ, 4 SCHEMA_WRITE
 */
public record QueryResult(List<ColumnType> rowDesc, List<ResultColumn> columns, boolean columnar,
                          long executionMillis, long totalMillis, String nonce, String debug, boolean success,
                          int queryType) {

    public static final int READ = 1;

    /** Rows in the result (0 for statements without a result set). */
    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    /** The column named {@code name}; throws when the result has no such column. */
    public ResultColumn column(String name) {
        for (int i = 0; i < rowDesc.size(); i++) {
            if (rowDesc.get(i).name().equalsIgnoreCase(name)) {
                return columns.get(i);
            }
        }
        throw new HeavyDbProtocolException("the result has no column " + name);
    }

    /** The integer column {@code name} (BIGINT, INTEGER, DATE in seconds, ...). */
    public ResultColumn.Ints ints(String name) {
        return typed(name, ResultColumn.Ints.class);
    }

    /** The floating-point column {@code name}. */
    public ResultColumn.Reals reals(String name) {
        return typed(name, ResultColumn.Reals.class);
    }

    /** The text column {@code name}. */
    public ResultColumn.Strings strings(String name) {
        return typed(name, ResultColumn.Strings.class);
    }

    private <C extends ResultColumn> C typed(String name, Class<C> kind) {
        ResultColumn c = column(name);
        if (!kind.isInstance(c)) {
            throw new HeavyDbProtocolException("column " + name + " arrived as " + c.getClass().getSimpleName()
                    + ", expected " + kind.getSimpleName());
        }
        return kind.cast(c);
    }

    public static QueryResult read(TProtocol p) throws TException {
        List<ColumnType> rowDesc = List.of();
        List<ResultColumn> columns = List.of();
        boolean columnar = false;
        long exec = 0;
        long total = 0;
        String nonce = "";
        String debug = "";
        boolean success = true;
        int queryType = 0;
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.STRUCT)) {
                p.readStructBegin();
                for (TField r; (r = ThriftFields.next(p)) != null; p.readFieldEnd()) {
                    if (is(r, 1, TType.LIST)) rowDesc = ThriftFields.readStructList(p, ColumnType::read);
                    else if (is(r, 3, TType.LIST)) columns = readColumns(p, rowDesc);
                    else if (is(r, 4, TType.BOOL)) columnar = p.readBool();
                    else ThriftFields.skip(p, r);
                }
                p.readStructEnd();
            }
            else if (is(f, 2, TType.I64)) exec = p.readI64();
            else if (is(f, 3, TType.I64)) total = p.readI64();
            else if (is(f, 4, TType.STRING)) nonce = p.readString();
            else if (is(f, 5, TType.STRING)) debug = p.readString();
            else if (is(f, 6, TType.BOOL)) success = p.readBool();
            else if (is(f, 7, TType.I32)) queryType = p.readI32();
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return new QueryResult(rowDesc, columns, columnar, exec, total, nonce, debug, success, queryType);
    }

    /** Reads the columns; the row descriptor (field 1) precedes them on the wire and types the empty ones. */
    private static List<ResultColumn> readColumns(TProtocol p, List<ColumnType> rowDesc) throws TException {
        TList list = p.readListBegin();
        List<ResultColumn> out = new ArrayList<>(list.size);
        for (int i = 0; i < list.size; i++) {
            out.add(ResultColumn.read(p, i < rowDesc.size() ? rowDesc.get(i).type() : null));
        }
        p.readListEnd();
        return out;
    }

}
