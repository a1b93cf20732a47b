package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * {@code TServerStatus}.
 *
 * @param readOnly whether the server is read-only
 * @param version server version
 * @param renderingEnabled whether rendering is on
 * @param startTime server start, seconds since epoch
 * @param edition "os", "ce" or "ee"
 * @param hostName host name
 * @param polyRenderingEnabled whether polygon rendering is on
 * @param role {@code TRole}: 0 SERVER, 1 AGGREGATOR, 2 LEAF, 3 STRING_DICTIONARY
 * @param rendererStatusJson renderer status
 * @param hostId host id (7.0+)
 */
public record ServerStatus(boolean readOnly, String version, boolean renderingEnabled, long startTime, String edition,
                           String hostName, boolean polyRenderingEnabled, int role, String rendererStatusJson,
                           String hostId) {

    public static ServerStatus read(TProtocol p) throws TException {
        boolean readOnly = false;
        String version = "";
        boolean rendering = false;
        long start = 0;
        String edition = "";
        String host = "";
        boolean poly = false;
        int role = 0;
        String renderer = "";
        String hostId = "";
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.BOOL)) readOnly = p.readBool();
            else if (is(f, 2, TType.STRING)) version = p.readString();
            else if (is(f, 3, TType.BOOL)) rendering = p.readBool();
            else if (is(f, 4, TType.I64)) start = p.readI64();
            else if (is(f, 5, TType.STRING)) edition = p.readString();
            else if (is(f, 6, TType.STRING)) host = p.readString();
            else if (is(f, 7, TType.BOOL)) poly = p.readBool();
            else if (is(f, 8, TType.I32)) role = p.readI32();
            else if (is(f, 9, TType.STRING)) renderer = p.readString();
            else if (is(f, 10, TType.STRING)) hostId = p.readString();
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return new ServerStatus(readOnly, version, rendering, start, edition, host, poly, role, renderer, hostId);
    }

}
