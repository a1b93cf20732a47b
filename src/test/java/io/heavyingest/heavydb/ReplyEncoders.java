package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import java.util.List;

/**
 * The server side of HeavyDB's reply structs, for the loopback server and the golden-vector tests: each writes the
 * struct the product's client reads ({@code TQueryResult}, {@code TTableDetails}, {@code TServerStatus},
 * {@code TClusterHardwareInfo}, {@code TNodeMemoryInfo}) with HeavyDB's field ids.
 */
final class ReplyEncoders {
    private ReplyEncoders() {
    }

    static void write(TProtocol p, TypeInfo t) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.i32(p, 1, t.type());
            ThriftFields.bool(p, 2, t.nullable());
            ThriftFields.bool(p, 3, t.isArray());
            ThriftFields.i32(p, 4, t.encoding());
            ThriftFields.i32(p, 5, t.precision());
            ThriftFields.i32(p, 6, t.scale());
            ThriftFields.i32(p, 7, t.compParam());
            if (t.size() != null) {
                ThriftFields.i32(p, 8, t.size());
            }
        });
    }

    static void write(TProtocol p, ColumnType c) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.string(p, 1, c.name());
            ThriftFields.begin(p, TType.STRUCT, 2);
            write(p, c.type());
            p.writeFieldEnd();
            ThriftFields.bool(p, 3, c.reservedKeyword());
            ThriftFields.string(p, 4, c.srcName());
            ThriftFields.bool(p, 5, c.system());
            ThriftFields.bool(p, 6, c.physical());
            ThriftFields.i64(p, 7, c.colId());
            ThriftFields.optionalString(p, 8, c.defaultValue());
            ThriftFields.optionalString(p, 9, c.comment());
        });
    }

    static void write(TProtocol p, ResultColumn c) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.begin(p, TType.STRUCT, 1);
            ThriftFields.struct(p, () -> {
                ThriftFields.i64List(p, 1, c instanceof ResultColumn.Ints i ? i.values() : new long[0]);
                ThriftFields.begin(p, TType.LIST, 2);
                double[] reals = c instanceof ResultColumn.Reals r ? r.values() : new double[0];
                p.writeListBegin(new TList(TType.DOUBLE, reals.length));
                for (double v : reals) {
                    p.writeDouble(v);
                }
                p.writeListEnd();
                p.writeFieldEnd();
                ThriftFields.stringList(p, 3, c instanceof ResultColumn.Strings s ? s.values() : List.of());
                ThriftFields.structList(p, 4, List.of(), (q, v) -> { });
            });
            p.writeFieldEnd();
            ThriftFields.begin(p, TType.LIST, 2);
            boolean[] nulls = c.nulls();
            p.writeListBegin(new TList(TType.BOOL, nulls.length));
            for (boolean n : nulls) {
                p.writeBool(n);
            }
            p.writeListEnd();
            p.writeFieldEnd();
        });
    }

    static void write(TProtocol p, QueryResult r) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.begin(p, TType.STRUCT, 1);
            ThriftFields.struct(p, () -> {
                ThriftFields.structList(p, 1, r.rowDesc(), ReplyEncoders::write);
                ThriftFields.structList(p, 2, List.of(), (q, v) -> { });
                ThriftFields.structList(p, 3, r.columns(), ReplyEncoders::write);
                ThriftFields.bool(p, 4, r.columnar());
            });
            p.writeFieldEnd();
            ThriftFields.i64(p, 2, r.executionMillis());
            ThriftFields.i64(p, 3, r.totalMillis());
            ThriftFields.string(p, 4, r.nonce());
            ThriftFields.string(p, 5, r.debug());
            ThriftFields.bool(p, 6, r.success());
            ThriftFields.i32(p, 7, r.queryType());
        });
    }

    static void write(TProtocol p, TableDetails d) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.structList(p, 1, d.rowDesc(), ReplyEncoders::write);
            ThriftFields.i64(p, 2, d.fragmentSize());
            ThriftFields.i64(p, 3, d.pageSize());
            ThriftFields.i64(p, 4, d.maxRows());
            ThriftFields.string(p, 5, d.viewSql());
            ThriftFields.i64(p, 6, d.shardCount());
            ThriftFields.string(p, 7, d.keyMetainfo());
            ThriftFields.bool(p, 8, d.temporary());
            ThriftFields.i32(p, 9, d.partitionDetail());
            ThriftFields.i32(p, 10, d.tableType());
            TableDetails.RefreshInfo info = d.refreshInfo();
            if (info != null) {
                ThriftFields.begin(p, TType.STRUCT, 11);
                ThriftFields.struct(p, () -> {
                    ThriftFields.i32(p, 1, info.updateType());
                    ThriftFields.i32(p, 2, info.timingType());
                    ThriftFields.string(p, 3, info.startDateTime());
                    ThriftFields.i32(p, 4, info.intervalType());
                    ThriftFields.i64(p, 5, info.intervalCount());
                    ThriftFields.string(p, 6, info.lastRefreshTime());
                    ThriftFields.string(p, 7, info.nextRefreshTime());
                });
                p.writeFieldEnd();
            }
            ThriftFields.string(p, 12, d.shardedColumnName());
            ThriftFields.optionalString(p, 13, d.comment());
        });
    }

    static void write(TProtocol p, ServerStatus s) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.bool(p, 1, s.readOnly());
            ThriftFields.string(p, 2, s.version());
            ThriftFields.bool(p, 3, s.renderingEnabled());
            ThriftFields.i64(p, 4, s.startTime());
            ThriftFields.string(p, 5, s.edition());
            ThriftFields.string(p, 6, s.hostName());
            ThriftFields.bool(p, 7, s.polyRenderingEnabled());
            ThriftFields.i32(p, 8, s.role());
            ThriftFields.string(p, 9, s.rendererStatusJson());
            ThriftFields.string(p, 10, s.hostId());
        });
    }

    /** {@code TClusterHardwareInfo}: the nodes' hardware. */
    static void writeCluster(TProtocol p, List<HardwareInfo> nodes) throws TException {
        ThriftFields.struct(p, () -> ThriftFields.structList(p, 1, nodes, ReplyEncoders::write));
    }

    static void write(TProtocol p, HardwareInfo h) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.i16(p, 1, h.numGpuHw());
            ThriftFields.i16(p, 2, h.numCpuHw());
            ThriftFields.i16(p, 3, h.numGpuAllocated());
            ThriftFields.i16(p, 4, h.startGpu());
            ThriftFields.string(p, 5, h.hostName());
            ThriftFields.structList(p, 6, h.gpus(), (q, g) -> ThriftFields.struct(q, () -> {
                ThriftFields.i32(q, 1, g.numSm());
                ThriftFields.i64(q, 2, g.clockFrequencyKhz());
                ThriftFields.i64(q, 3, g.memory());
                ThriftFields.i16(q, 4, g.computeCapabilityMajor());
                ThriftFields.i16(q, 5, g.computeCapabilityMinor());
            }));
        });
    }

    static void write(TProtocol p, NodeMemoryInfo m) throws TException {
        ThriftFields.struct(p, () -> {
            ThriftFields.string(p, 1, m.hostName());
            ThriftFields.i64(p, 2, m.pageSize());
            ThriftFields.i64(p, 3, m.maxNumPages());
            ThriftFields.i64(p, 4, m.numPagesAllocated());
            ThriftFields.bool(p, 5, m.allocationCapped());
            ThriftFields.structList(p, 6, m.nodeMemoryData(), (q, d) -> ThriftFields.struct(q, () -> {
                ThriftFields.i64(q, 1, d.slab());
                ThriftFields.i32(q, 2, d.startPage());
                ThriftFields.i64(q, 3, d.numPages());
                ThriftFields.i32(q, 4, d.touch());
                ThriftFields.i64List(q, 5, d.chunkKey());
                ThriftFields.i32(q, 6, d.bufferEpoch());
                ThriftFields.bool(q, 7, d.free());
            }));
        });
    }
}
