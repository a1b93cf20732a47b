package io.heavyingest.heavydb;

import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

/** The server side of HeavyDB's replies, for the loopback server and the golden-vector tests. */
final class ServerReplies {
    private ServerReplies() {
    }


    /** Writes a successful reply; {@code successType} {@link TType#VOID} writes the empty result of a void method. */
    static void writeReply(TProtocol p, String method, int seqid, byte successType, ThriftFields.Body success)
            throws TException {
        p.writeMessageBegin(new TMessage(method, TMessageType.REPLY, seqid));
        ThriftFields.struct(p, () -> {
            if (successType != TType.VOID) {
                ThriftFields.begin(p, successType, 0);
                success.write();
                p.writeFieldEnd();
            }
        });
        p.writeMessageEnd();
        p.getTransport().flush();
    }

    /** Writes a reply carrying the server's exception with {@code errorMessage}. */
    static void writeError(TProtocol p, String method, int seqid, String errorMessage) throws TException {
        p.writeMessageBegin(new TMessage(method, TMessageType.REPLY, seqid));
        ThriftFields.struct(p, () -> {
            ThriftFields.begin(p, TType.STRUCT, 1);
            ThriftFields.struct(p, () -> ThriftFields.string(p, 1, errorMessage));
            p.writeFieldEnd();
        });
        p.writeMessageEnd();
        p.getTransport().flush();
    }

    /** Writes the application exception a server sends for a method it does not implement. */
    static void writeUnknownMethod(TProtocol p, String method, int seqid) throws TException {
        writeApplicationError(p, method, seqid, TApplicationException.UNKNOWN_METHOD,
                "Invalid method name: '" + method + "'");
    }

    /** Writes an application exception of {@code type} in place of the result. */
    static void writeApplicationError(TProtocol p, String method, int seqid, int type, String message)
            throws TException {
        p.writeMessageBegin(new TMessage(method, TMessageType.EXCEPTION, seqid));
        new TApplicationException(type, message).write(p);
        p.writeMessageEnd();
        p.getTransport().flush();
    }
}
