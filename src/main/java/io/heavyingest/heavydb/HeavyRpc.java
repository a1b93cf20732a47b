package io.heavyingest.heavydb;

import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

import java.util.List;

import static io.heavyingest.heavydb.ThriftFields.is;

/**
 * The messages of the {@code Heavy} service this project uses: call encoders, reply decoders, and reply encoders
 * for servers (the benchmark sink and test servers). Stateless; the caller owns the protocol and sequence ids.
 */
public final class HeavyRpc {
    public static final String CONNECT = "connect";
    public static final String DISCONNECT = "disconnect";
    public static final String SQL_EXECUTE = "sql_execute";
    public static final String LOAD_COLUMNAR = "load_table_binary_columnar";
    public static final String GET_TABLE_DETAILS = "get_table_details";
    public static final String GET_SERVER_STATUS = "get_server_status";
    public static final String GET_HARDWARE_INFO = "get_hardware_info";
    public static final String GET_MEMORY = "get_memory";
    public static final String GET_VERSION = "get_version";
    public static final String GET_TABLES = "get_tables";
    public static final String GET_VIEWS = "get_views";

    private HeavyRpc() {
    }

    // ---- calls ----

    public static void writeConnect(TProtocol p, int seqid, String user, String password, String database)
            throws TException {
        call(p, CONNECT, seqid, () -> {
            ThriftFields.string(p, 1, user);
            ThriftFields.string(p, 2, password);
            ThriftFields.string(p, 3, database);
        });
    }

    public static void writeDisconnect(TProtocol p, int seqid, String session) throws TException {
        sessionOnly(p, DISCONNECT, seqid, session);
    }

    public static void writeSqlExecute(TProtocol p, int seqid, String session, String query, boolean columnar,
                                       String nonce, int firstN, int atMostN) throws TException {
        call(p, SQL_EXECUTE, seqid, () -> {
            ThriftFields.string(p, 1, session);
            ThriftFields.string(p, 2, query);
            ThriftFields.bool(p, 3, columnar);
            ThriftFields.string(p, 4, nonce);
            ThriftFields.i32(p, 5, firstN);
            ThriftFields.i32(p, 6, atMostN);
        });
    }

    /** Each column's {@code TColumnData} carries only the one list it fills; the others are left out. */
    public static void writeLoadColumnar(TProtocol p, int seqid, String session, String table,
                                         List<? extends LoadColumn> columns) throws TException {
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (LoadColumn c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected "
                        + rows + ": every column of a load has the same length");
            }
        }
        call(p, LOAD_COLUMNAR, seqid, () -> {
            ThriftFields.string(p, 1, session);
            ThriftFields.string(p, 2, table);
            ThriftFields.begin(p, TType.LIST, 3);
            p.writeListBegin(new TList(TType.STRUCT, columns.size()));
            for (LoadColumn c : columns) {
                ThriftFields.struct(p, () -> {
                    ThriftFields.begin(p, TType.STRUCT, 1);
                    ThriftFields.struct(p, () -> {
                        ThriftFields.begin(p, TType.LIST, c.kind().fieldId);
                        p.writeListBegin(new TList(c.kind().elementType, c.size()));
                        c.writeValues(p);
                        p.writeListEnd();
                        p.writeFieldEnd();
                    });
                    p.writeFieldEnd();
                    ThriftFields.begin(p, TType.LIST, 2);
                    c.writeNulls(p);
                    p.writeFieldEnd();
                });
            }
            p.writeListEnd();
            p.writeFieldEnd();
            ThriftFields.stringList(p, 4, columns.stream().map(LoadColumn::name).toList());
        });
    }

    public static void writeGetTableDetails(TProtocol p, int seqid, String session, String table) throws TException {
        call(p, GET_TABLE_DETAILS, seqid, () -> {
            ThriftFields.string(p, 1, session);
            ThriftFields.string(p, 2, table);
        });
    }

    public static void writeGetServerStatus(TProtocol p, int seqid, String session) throws TException {
        sessionOnly(p, GET_SERVER_STATUS, seqid, session);
    }

    public static void writeGetHardwareInfo(TProtocol p, int seqid, String session) throws TException {
        sessionOnly(p, GET_HARDWARE_INFO, seqid, session);
    }

    /** {@code level} is "gpu"; any other text means CPU. */
    public static void writeGetMemory(TProtocol p, int seqid, String session, String level) throws TException {
        call(p, GET_MEMORY, seqid, () -> {
            ThriftFields.string(p, 1, session);
            ThriftFields.string(p, 2, level);
        });
    }

    public static void writeGetVersion(TProtocol p, int seqid) throws TException {
        call(p, GET_VERSION, seqid, () -> { });
    }

    private static void sessionOnly(TProtocol p, String method, int seqid, String session) throws TException {
        call(p, method, seqid, () -> ThriftFields.string(p, 1, session));
    }

    private static void call(TProtocol p, String method, int seqid, ThriftFields.Body args) throws TException {
        p.writeMessageBegin(new TMessage(method, TMessageType.CALL, seqid));
        ThriftFields.struct(p, args);
        p.writeMessageEnd();
        p.getTransport().flush();
    }

    // ---- replies (client side) ----

    /** The session id; a refusal raises {@link HeavyDbAuthenticationException} with the server's text. */
    public static String readConnectReply(TProtocol p, int seqid) throws TException {
        try {
            return readReply(p, CONNECT, seqid, TType.STRING, TProtocol::readString);
        } catch (HeavyDbApplicationException e) {
            throw e;
        } catch (HeavyDbServerException e) {
            throw new HeavyDbAuthenticationException(e.errorMessage());
        }
    }

    public static void readVoidReply(TProtocol p, String method, int seqid) throws TException {
        readReply(p, method, seqid, TType.VOID, null);
    }

    public static QueryResult readSqlExecuteReply(TProtocol p, int seqid) throws TException {
        return readReply(p, SQL_EXECUTE, seqid, TType.STRUCT, QueryResult::read);
    }

    public static TableDetails readTableDetailsReply(TProtocol p, int seqid) throws TException {
        return readReply(p, GET_TABLE_DETAILS, seqid, TType.STRUCT, TableDetails::read);
    }

    public static ServerStatus readServerStatusReply(TProtocol p, int seqid) throws TException {
        return readReply(p, GET_SERVER_STATUS, seqid, TType.STRUCT, ServerStatus::read);
    }

    public static List<HardwareInfo> readHardwareInfoReply(TProtocol p, int seqid) throws TException {
        return readReply(p, GET_HARDWARE_INFO, seqid, TType.STRUCT, HardwareInfo::readCluster);
    }

    public static List<NodeMemoryInfo> readMemoryReply(TProtocol p, int seqid) throws TException {
        return readReply(p, GET_MEMORY, seqid, TType.LIST, q -> ThriftFields.readStructList(q, NodeMemoryInfo::read));
    }

    /** {@code get_tables} (tables and views) or {@code get_views}: one session argument. */
    public static void writeNameListCall(TProtocol p, String method, int seqid, String session) throws TException {
        sessionOnly(p, method, seqid, session);
    }

    /** The names of a {@code get_tables} or {@code get_views} reply. */
    public static List<String> readNameListReply(TProtocol p, String method, int seqid) throws TException {
        return readReply(p, method, seqid, TType.LIST, ThriftFields::readStringList);
    }

    public static String readVersionReply(TProtocol p, int seqid) throws TException {
        return readReply(p, GET_VERSION, seqid, TType.STRING, TProtocol::readString);
    }

    /**
     * Reads a reply envelope and its result struct: field 0 is the return value, field 1 the server's
     * {@code TDBException}. {@code successType} {@link TType#VOID} means a void method.
     */
    static <T> T readReply(TProtocol p, String method, int seqid, byte successType, ThriftFields.Reader<T> success)
            throws TException {
        TMessage msg = p.readMessageBegin();
        if (msg.type == TMessageType.EXCEPTION) {
            TApplicationException e = TApplicationException.readFrom(p);
            p.readMessageEnd();
            if (msg.seqid != seqid) {
                throw new HeavyDbProtocolException("expected the reply to " + method + " #" + seqid
                        + ", got an application exception for #" + msg.seqid + ": " + e.getMessage(), e);
            }
            // a whole reply was read: the stream is in step, so this is the server's answer, not a broken stream
            throw new HeavyDbApplicationException(method, e.getType(), e.getMessage() == null ? "" : e.getMessage());
        }
        if (msg.type != TMessageType.REPLY || !method.equals(msg.name) || msg.seqid != seqid) {
            throw new HeavyDbProtocolException("expected the reply to " + method + " #" + seqid + ", got message type "
                    + msg.type + " " + msg.name + " #" + msg.seqid);
        }
        T value = null;
        boolean present = false;
        String error = null;
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (successType != TType.VOID && is(f, 0, successType)) {
                value = success.read(p);
                present = true;
            } else if (is(f, 1, TType.STRUCT)) {
                error = readErrorMessage(p);
            } else {
                ThriftFields.skip(p, f);
            }
        }
        p.readStructEnd();
        p.readMessageEnd();
        if (error != null) {
            throw new HeavyDbServerException(method, error);
        }
        if (successType != TType.VOID && !present) {
            throw new HeavyDbProtocolException("HeavyDB returned no result for " + method);
        }
        return value;
    }

    private static String readErrorMessage(TProtocol p) throws TException {
        String message = "";
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (is(f, 1, TType.STRING)) message = p.readString();
            else ThriftFields.skip(p, f);
        }
        p.readStructEnd();
        return message;
    }
}
