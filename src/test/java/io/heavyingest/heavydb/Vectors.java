package io.heavyingest.heavydb;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** The golden messages, copied from the protocol notes into test resources so a fresh clone has them. */
final class Vectors {
    static final String SESSION = "0123456789abcdef0123456789abcdef";

    private Vectors() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/heavydb/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A protocol reading the vector's bytes. */
    static TProtocol reader(String file) throws TException {
        return new TBinaryProtocol(new TMemoryInputTransport(bytes(file)));
    }

    /** Something that writes one message. */
    interface Encoder {
        void encode(TProtocol p) throws TException;
    }

    /** The bytes {@code encoder} writes, with the strict binary protocol the server expects. */
    static byte[] encode(Encoder encoder) throws TException {
        TMemoryBuffer buffer = new TMemoryBuffer(1024);
        encoder.encode(new TBinaryProtocol(buffer));
        return Arrays.copyOf(buffer.getArray(), buffer.length());
    }
}
