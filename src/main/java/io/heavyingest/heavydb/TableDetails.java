package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import java.util.List;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * {@code TTableDetails}: what the server applied to a table or view.
 *
 * @param rowDesc columns with their stored types and encodings
 * @param fragmentSize rows per fragment
 * @param pageSize bytes per page
 * @param maxRows row limit
 * @param viewSql the view's SQL, empty for tables
 * @param shardCount shards
 * @param keyMetainfo shard/shared-dictionary key metadata (JSON text)
 * @param temporary whether the table is temporary
 * @param partitionDetail {@code TPartitionDetail}
 * @param tableType {@code TTableType}: 0 DEFAULT, 1 TEMPORARY, 2 FOREIGN, 3 VIEW
 * @param refreshInfo refresh settings, null when absent
 * @param shardedColumnName shard key column (7.0+), empty when none
 * @param comment table comment (8.x), null when absent
 */
public record TableDetails(List<ColumnType> rowDesc, long fragmentSize, long pageSize, long maxRows, String viewSql,
                           long shardCount, String keyMetainfo, boolean temporary, int partitionDetail,
                           int tableType, RefreshInfo refreshInfo, String shardedColumnName, String comment) {

    /**
     * {@code TTableRefreshInfo} (foreign tables; defaults otherwise).
     *
     * @param updateType {@code TTableRefreshUpdateType}
     * @param timingType {@code TTableRefreshTimingType}
     * @param startDateTime start of scheduled refreshes
     * @param intervalType {@code TTableRefreshIntervalType}
     * @param intervalCount interval length
     * @param lastRefreshTime last refresh
     * @param nextRefreshTime next refresh
     */
    public record RefreshInfo(int updateType, int timingType, String startDateTime, int intervalType,
                              long intervalCount, String lastRefreshTime, String nextRefreshTime) {

        static RefreshInfo read(TProtocol p) throws TException {
            int update = 0;
            int timing = 0;
            String start = "";
            int interval = 0;
            long count = 0;
            String last = "";
            String next = "";
            p.readStructBegin();
            for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
                if (is(f, 1, TType.I32)) update = p.readI32();
                else if (is(f, 2, TType.I32)) timing = p.readI32();
                else if (is(f, 3, TType.STRING)) start = p.readString();
                else if (is(f, 4, TType.I32)) interval = p.readI32();
                else if (is(f, 5, TType.I64)) count = p.readI64();
                else if (is(f, 6, TType.STRING)) last = p.readString();
                else if (is(f, 7, TType.STRING)) next = p.readString();
                else ThriftFields.skip(p, f);
            }
            p.readStructEnd();
            return new RefreshInfo(update, timing, start, interval, count, last, next);
        }

    }

    public static TableDetails read(TProtocol p) throws TException {
        List<ColumnType> rowDesc = List.of();
        long fragment = 0;
        long page = 0;
        long maxRows = 0;
        String viewSql = "";
        long shards = 0;
        String keyMeta = "";
        boolean temporary = false;
        int partition = 0;
        int tableType = 0;
        RefreshInfo refresh = null;
        String sharded = "";
        String comment = null;
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.LIST)) rowDesc = ThriftFields.readStructList(p, ColumnType::read);
            else if (is(f, 2, TType.I64)) fragment = p.readI64();
            else if (is(f, 3, TType.I64)) page = p.readI64();
            else if (is(f, 4, TType.I64)) maxRows = p.readI64();
            else if (is(f, 5, TType.STRING)) viewSql = p.readString();
            else if (is(f, 6, TType.I64)) shards = p.readI64();
            else if (is(f, 7, TType.STRING)) keyMeta = p.readString();
            else if (is(f, 8, TType.BOOL)) temporary = p.readBool();
            else if (is(f, 9, TType.I32)) partition = p.readI32();
            else if (is(f, 10, TType.I32)) tableType = p.readI32();
            else if (is(f, 11, TType.STRUCT)) refresh = RefreshInfo.read(p);
            else if (is(f, 12, TType.STRING)) sharded = p.readString();
            else if (is(f, 13, TType.STRING)) comment = p.readString();
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return new TableDetails(rowDesc, fragment, page, maxRows, viewSql, shards, keyMeta, temporary, partition,
                tableType, refresh, sharded, comment);
    }

}
