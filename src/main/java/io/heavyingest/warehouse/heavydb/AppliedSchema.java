package io.heavyingest.warehouse.heavydb;

import io.heavyingest.heavydb.ColumnType;
import io.heavyingest.heavydb.TableDetails;

import java.util.List;
import java.util.Optional;

/**
 * What HeavyDB says it applied to a table ({@code get_table_details}), for comparing with the table plan.
 *
 * @param table table or view name
 * @param fragmentSize rows per fragment
 * @param pageSize bytes per page
 * @param maxRows row limit
 * @param shardCount shards
 * @param view whether it is a view
 * @param viewSql the view's SQL, empty for tables
 * @param columns columns in table order
 */
public record AppliedSchema(String table, long fragmentSize, long pageSize, long maxRows, long shardCount,
                            boolean view, String viewSql, List<Column> columns) {
    private static final int VIEW = 3;

    /**
     * One column as stored.
     *
     * @param name column name
     * @param type SQL type, for example DATE or TEXT
     * @param encoding encoding as DDL writes it: DAYS(16), DICT(16), NONE, ...
     * @param nullable whether NULLs are allowed
     * @param sizeBytes bytes per value when the server reports it, else null
     */
    public record Column(String name, String type, String encoding, boolean nullable, Integer sizeBytes) {
    }

    public AppliedSchema {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    static AppliedSchema of(String table, TableDetails d) {
        List<Column> columns = d.rowDesc().stream().map(AppliedSchema::column).toList();
        return new AppliedSchema(table, d.fragmentSize(), d.pageSize(), d.maxRows(), d.shardCount(),
                d.tableType() == VIEW || !d.viewSql().isEmpty(), d.viewSql(), columns);
    }

    private static Column column(ColumnType c) {
        return new Column(c.name(), c.type().typeName(), c.type().encodingClause(), c.type().nullable(),
                c.type().size());
    }
}
