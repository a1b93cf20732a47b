package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import java.util.List;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * {@code TNodeMemoryInfo}: the buffer pool of one node at one memory level.
 *
 * @param hostName host name
 * @param pageSize bytes per page
 * @param maxNumPages pages the pool may hold
 * @param numPagesAllocated pages allocated
 * @param allocationCapped whether allocation hit its cap
 * @param nodeMemoryData the pool's segments
 */
public record NodeMemoryInfo(String hostName, long pageSize, long maxNumPages, long numPagesAllocated,
                             boolean allocationCapped, List<MemoryData> nodeMemoryData) {

    /** Bytes held by segments in use (not free). */
    public long usedBytes() {
        long pages = 0;
        for (MemoryData d : nodeMemoryData) {
            if (!d.free()) {
                pages += d.numPages();
            }
        }
        return pages * pageSize;
    }

    /**
     * {@code TMemoryData}: one segment of a slab.
     *
     * @param slab slab number
     * @param startPage first page
     * @param numPages pages in the segment
     * @param touch last touch epoch
     * @param chunkKey the chunk held (database, table, column, fragment), empty when free
     * @param bufferEpoch buffer epoch
     * @param free whether the segment is free
     */
    public record MemoryData(long slab, int startPage, long numPages, int touch, long[] chunkKey, int bufferEpoch,
                             boolean free) {

        static MemoryData read(TProtocol p) throws TException {
            long slab = 0;
            int start = 0;
            long pages = 0;
            int touch = 0;
            long[] key = new long[0];
            int epoch = 0;
            boolean free = false;
            p.readStructBegin();
            for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
                if (is(f, 1, TType.I64)) slab = p.readI64();
                else if (is(f, 2, TType.I32)) start = p.readI32();
                else if (is(f, 3, TType.I64)) pages = p.readI64();
                else if (is(f, 4, TType.I32)) touch = p.readI32();
                else if (is(f, 5, TType.LIST)) key = ThriftFields.readI64List(p);
                else if (is(f, 6, TType.I32)) epoch = p.readI32();
                else if (is(f, 7, TType.BOOL)) free = p.readBool();
                else ThriftFields.skip(p, f);
            }
            p.readStructEnd();
            return new MemoryData(slab, start, pages, touch, key, epoch, free);
        }

    }

    public static NodeMemoryInfo read(TProtocol p) throws TException {
        String host = "";
        long page = 0;
        long max = 0;
        long allocated = 0;
        boolean capped = false;
        List<MemoryData> data = List.of();
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.STRING)) host = p.readString();
            else if (is(f, 2, TType.I64)) page = p.readI64();
            else if (is(f, 3, TType.I64)) max = p.readI64();
            else if (is(f, 4, TType.I64)) allocated = p.readI64();
            else if (is(f, 5, TType.BOOL)) capped = p.readBool();
            else if (is(f, 6, TType.LIST)) data = ThriftFields.readStructList(p, MemoryData::read);
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return new NodeMemoryInfo(host, page, max, allocated, capped, data);
    }

}
