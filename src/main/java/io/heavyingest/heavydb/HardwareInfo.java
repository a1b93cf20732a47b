package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import java.util.List;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * {@code THardwareInfo}: one node of {@code TClusterHardwareInfo}.
 *
 * @param numGpuHw GPUs in the machine
 * @param numCpuHw CPU cores
 * @param numGpuAllocated GPUs the server uses
 * @param startGpu first GPU used
 * @param hostName host name
 * @param gpus one entry per GPU
 */
public record HardwareInfo(short numGpuHw, short numCpuHw, short numGpuAllocated, short startGpu, String hostName,
                           List<Gpu> gpus) {

    /**
     * {@code TGpuSpecification}.
     *
     * @param numSm streaming multiprocessors
     * @param clockFrequencyKhz clock in kHz
     * @param memory bytes of device memory
     * @param computeCapabilityMajor compute capability, major
     * @param computeCapabilityMinor compute capability, minor
     */
    public record Gpu(int numSm, long clockFrequencyKhz, long memory, short computeCapabilityMajor,
                      short computeCapabilityMinor) {

        static Gpu read(TProtocol p) throws TException {
            int sm = 0;
            long clock = 0;
            long memory = 0;
            short major = 0;
            short minor = 0;
            p.readStructBegin();
            for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
                if (is(f, 1, TType.I32)) sm = p.readI32();
                else if (is(f, 2, TType.I64)) clock = p.readI64();
                else if (is(f, 3, TType.I64)) memory = p.readI64();
                else if (is(f, 4, TType.I16)) major = p.readI16();
                else if (is(f, 5, TType.I16)) minor = p.readI16();
                else ThriftFields.skip(p, f);
            }
            p.readStructEnd();
            return new Gpu(sm, clock, memory, major, minor);
        }

    }

    static HardwareInfo read(TProtocol p) throws TException {
        short gpuHw = 0;
        short cpuHw = 0;
        short allocated = 0;
        short start = 0;
        String host = "";
        List<Gpu> gpus = List.of();
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.I16)) gpuHw = p.readI16();
            else if (is(f, 2, TType.I16)) cpuHw = p.readI16();
            else if (is(f, 3, TType.I16)) allocated = p.readI16();
            else if (is(f, 4, TType.I16)) start = p.readI16();
            else if (is(f, 5, TType.STRING)) host = p.readString();
            else if (is(f, 6, TType.LIST)) gpus = ThriftFields.readStructList(p, Gpu::read);
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return new HardwareInfo(gpuHw, cpuHw, allocated, start, host, gpus);
    }

    /** Reads {@code TClusterHardwareInfo}: its only field is the list of nodes. */
    public static List<HardwareInfo> readCluster(TProtocol p) throws TException {
        List<HardwareInfo> nodes = List.of();
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.LIST)) nodes = ThriftFields.readStructList(p, HardwareInfo::read);
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return nodes;
    }

}
