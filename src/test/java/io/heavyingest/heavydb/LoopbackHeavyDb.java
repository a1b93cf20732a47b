package io.heavyingest.heavydb;

import io.heavyingest.bucket.CountingInputStream;

import org.apache.thrift.TConfiguration;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TIOStreamTransport;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Thrift server on loopback speaking the subset of HeavyDB's protocol this project uses, with tables held in
 * a {@link LoopbackCatalog}. It records what clients did (connections, statements, load sizes) and can inject
 * the failures the client must survive: a server error on a load, a socket closed before or after a load is
 * committed, a stalled reply, idle connections dropped.
 */
public final class LoopbackHeavyDb implements AutoCloseable {
    public static final String USER = "admin";
    public static final String PASSWORD = "loopback-secret";
    public static final String DATABASE = "heavyai";

    /** What to do to the next load call. */
    public enum Fault {
        /** Answer with the server's exception; nothing is applied. */
        SERVER_ERROR,
        /** Close the socket without reading the batch; nothing is applied. */
        CLOSE_BEFORE_COMMIT,
        /** Apply the batch, then close the socket instead of answering. */
        CLOSE_AFTER_COMMIT,
        /**
         * Close the socket with the batch read, and apply it 300 ms later: what HeavyDB does with a load whose client
         * went away (the load runs on, and a count taken meanwhile does not see it).
         */
        CLOSE_THEN_COMMIT_LATE,
        /**
         * Answer with a Thrift application exception of type UNKNOWN, as HeavyDB's generated processor does when a
         * handler throws a plain {@code std::runtime_error} (a load into a missing table); nothing is applied.
         */
        APPLICATION_ERROR
    }

    /** One load call that reached the server. */
    public record LoadCall(String table, int rows, boolean applied) {
    }

    private final ServerSocket server;
    private final LoopbackCatalog catalog = new LoopbackCatalog();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<LoadCall> loads = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private volatile int connects;
    private volatile long stallMillis;
    private final Thread acceptor;
    private final boolean sink;
    private final boolean tls;
    private final AtomicLong sinkRows = new AtomicLong();
    private final AtomicLong sinkValues = new AtomicLong();
    private final AtomicLong sinkBytes = new AtomicLong();
    private final AtomicLong sinkCalls = new AtomicLong();

    public LoopbackHeavyDb() throws IOException {
        this(false);
    }

    /**
     * A server whose load calls are decoded value by value, counted and thrown away instead of stored: for the
     * HeavyDB client benchmark, which measures the client's encoding and the wire, not a catalog. Everything else
     * (logins, SQL, faults) behaves as in the default server.
     */
    public static LoopbackHeavyDb sink() throws IOException {
        return new LoopbackHeavyDb(true);
    }

    private LoopbackHeavyDb(boolean sink) throws IOException {
        this(sink, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), false);
    }

    /**
     * A server that speaks TLS on its port, the way HeavyDB does when given a certificate (a libthrift SSL server
     * socket); {@link #url()} is then a heavydbs:// URL.
     *
     * @param keyStore PKCS12 key store with the server's key and certificate
     */
    public static LoopbackHeavyDb tls(java.nio.file.Path keyStore, String password) throws IOException {
        org.apache.thrift.transport.TSSLTransportFactory.TSSLTransportParameters params =
                new org.apache.thrift.transport.TSSLTransportFactory.TSSLTransportParameters();
        params.setKeyStore(keyStore.toString(), password, null, "PKCS12");
        try {
            ServerSocket socket = org.apache.thrift.transport.TSSLTransportFactory
                    .getServerSocket(0, 0, InetAddress.getLoopbackAddress(), params).getServerSocket();
            return new LoopbackHeavyDb(false, socket, true);
        } catch (org.apache.thrift.transport.TTransportException e) {
            throw new IOException(e);
        }
    }

    private LoopbackHeavyDb(boolean sink, ServerSocket server, boolean tls) {
        this.sink = sink;
        this.server = server;
        this.tls = tls;
        acceptor = new Thread(this::acceptLoop, "loopback-heavydb-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() { return server.getLocalPort(); }

    public String url() { return (tls ? "heavydbs://" : "heavydb://") + USER + "@127.0.0.1:" + port() + "/" + DATABASE; }

    public HeavyDbEndpoint endpoint() { return HeavyDbEndpoint.parse(url(), PASSWORD); }

    public LoopbackCatalog catalog() { return catalog; }

    /** SQL statements run, in order. */
    public List<String> statements() { return List.copyOf(statements); }

    /** Load calls received, in order (including failed ones). */
    public List<LoadCall> loads() { return List.copyOf(loads); }

    /** Successful logins. */
    public int connects() { return connects; }

    /** Injects {@code fault} into the next load into {@code table}. */
    public void failNextLoad(String table, Fault fault) { faults.put(table, fault); }

    /** The fault for the next load into a table whose name starts with a registered name (staging names are unique per attempt). */
    private Fault takeFault(String table) {
        for (String prefix : faults.keySet()) {
            if (table.startsWith(prefix)) {
                Fault fault = faults.remove(prefix);
                if (fault != null) {
                    return fault;
                }
            }
        }
        return null;
    }

    /** Delays every reply by {@code millis}. */
    public void stallReplies(long millis) { stallMillis = millis; }

    /** Closes every client connection, as a server restart or an idle timeout would. */
    /** Closes every client connection and waits until their server threads are gone, so no call races the drop. */
    public void dropConnections() throws IOException {
        for (Socket s : open) {
            s.close();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Sink mode: rows received in load calls (rows of the first column of each call). */
    public long sinkRows() { return sinkRows.get(); }

    /** Sink mode: values decoded across all columns, NULL flags not included. */
    public long sinkValues() { return sinkValues.get(); }

    /** Sink mode: bytes on the wire of the load calls, envelope included. */
    public long sinkBytes() { return sinkBytes.get(); }

    /** Sink mode: load calls received. */
    public long sinkCalls() { return sinkCalls.get(); }

    public void resetSink() {
        sinkRows.set(0);
        sinkValues.set(0);
        sinkBytes.set(0);
        sinkCalls.set(0);
    }

    public void forgetHistory() {
        statements.clear();
        loads.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "loopback-heavydb-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            CountingInputStream counting = new CountingInputStream(socket.getInputStream());
            TTransport transport = sink
                    ? new TIOStreamTransport(TConfiguration.custom().setMaxMessageSize(Integer.MAX_VALUE).build(),
                            new BufferedInputStream(counting, 1 << 16), new BufferedOutputStream(socket.getOutputStream()))
                    : new TSocket(socket);
            TProtocol p = new TBinaryProtocol(transport);
            while (!socket.isClosed()) {
                // the client waits for each reply, so nothing of the next call is buffered yet
                long before = counting.count();
                TMessage msg = p.readMessageBegin();
                if (sink && msg.name.equals(HeavyRpc.LOAD_COLUMNAR)) {
                    sinkLoad(p);
                    p.readMessageEnd();
                    sinkBytes.addAndGet(counting.count() - before);
                    sinkCalls.incrementAndGet();
                    ServerReplies.writeReply(p, msg.name, msg.seqid, TType.VOID, null);
                    continue;
                }
                if (msg.name.equals(HeavyRpc.LOAD_COLUMNAR) && handleLoad(p, msg, socket)) {
                    continue;
                }
                Map<Integer, Object> args = readStruct(p);
                p.readMessageEnd();
                if (stallMillis > 0) {
                    Thread.sleep(stallMillis);
                }
                dispatch(p, msg, args);
            }
        } catch (TException | IOException e) {
            // client went away or a fault closed the socket
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** Serves a load call, applying the fault injected for its table; always returns true. */
    private boolean handleLoad(TProtocol p, TMessage msg, Socket socket) throws TException, IOException {
        Map<Integer, Object> args = new HashMap<>();
        p.readStructBegin();
        org.apache.thrift.protocol.TField f;
        // session (1) and table name (2) come first: enough to decide on a fault before the batch arrives
        for (int i = 0; i < 2 && (f = ThriftFields.next(p)) != null; i++, p.readFieldEnd()) {
            args.put((int) f.id, readValue(p, f.type));
        }
        String table = (String) args.get(2);
        Fault fault = table == null ? null : takeFault(table);
        if (fault == Fault.CLOSE_BEFORE_COMMIT) {
            loads.add(new LoadCall(table, -1, false));
            socket.close();   // mid-batch: the columns are still unread
            return true;
        }
        while ((f = ThriftFields.next(p)) != null) {
            args.put((int) f.id, readValue(p, f.type));
            p.readFieldEnd();
        }
        p.readStructEnd();
        p.readMessageEnd();
        if (!checkSession(p, msg, args)) {
            return true;
        }
        if (fault == Fault.CLOSE_THEN_COMMIT_LATE) {
            socket.close();
            Thread late = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    catalog.load(table, stringList(args.get(4)), columns(args));
                    loads.add(new LoadCall(table, rows(args), true));
                } catch (InterruptedException | LoopbackCatalog.SqlError e) {
                    loads.add(new LoadCall(table, rows(args), false));
                }
            }, "late-commit");
            late.setDaemon(true);
            late.start();
            return true;
        }
        if (fault == Fault.APPLICATION_ERROR) {
            loads.add(new LoadCall(table, rows(args), false));
            ServerReplies.writeApplicationError(p, msg.name, msg.seqid, TApplicationException.UNKNOWN,
                    "Table/View " + table + " for catalog heavyai does not exist.");
            return true;
        }
        if (fault == Fault.SERVER_ERROR) {
            loads.add(new LoadCall(table, rows(args), false));
            ServerReplies.writeError(p, msg.name, msg.seqid, "Load into " + table + " failed: injected server error");
            return true;
        }
        try {
            catalog.load(table, stringList(args.get(4)), columns(args));
            loads.add(new LoadCall(table, rows(args), true));
        } catch (LoopbackCatalog.SqlError e) {
            loads.add(new LoadCall(table, rows(args), false));
            ServerReplies.writeError(p, msg.name, msg.seqid, e.getMessage());
            return true;
        }
        if (fault == Fault.CLOSE_AFTER_COMMIT) {
            socket.close();
            return true;
        }
        ServerReplies.writeReply(p, msg.name, msg.seqid, TType.VOID, null);
        return true;
    }

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** Answers {@code method} from now on as a server that does not implement it (an UNKNOWN_METHOD exception). */
    public void refuse(String method) { refused.add(method); }

    private void dispatch(TProtocol p, TMessage msg, Map<Integer, Object> args) throws TException {
        if (refused.contains(msg.name)) {
            ServerReplies.writeUnknownMethod(p, msg.name, msg.seqid);
            return;
        }
        switch (msg.name) {
            case HeavyRpc.CONNECT -> connect(p, msg, args);
            case HeavyRpc.GET_VERSION -> ServerReplies.writeReply(p, msg.name, msg.seqid, TType.STRING,
                    () -> p.writeString("8.1.0-loopback"));
            case HeavyRpc.DISCONNECT, HeavyRpc.SQL_EXECUTE, HeavyRpc.GET_TABLE_DETAILS, HeavyRpc.GET_SERVER_STATUS,
                    HeavyRpc.GET_HARDWARE_INFO, HeavyRpc.GET_MEMORY, HeavyRpc.GET_TABLES, HeavyRpc.GET_VIEWS -> {
                if (!checkSession(p, msg, args)) {
                    return;
                }
                switch (msg.name) {
                    case HeavyRpc.DISCONNECT -> {
                        sessions.remove((String) args.get(1));
                        ServerReplies.writeReply(p, msg.name, msg.seqid, TType.VOID, null);
                    }
                    case HeavyRpc.SQL_EXECUTE -> sql(p, msg, (String) args.get(2), (String) args.get(4));
                    case HeavyRpc.GET_TABLE_DETAILS -> tableDetails(p, msg, (String) args.get(2));
                    case HeavyRpc.GET_SERVER_STATUS -> ServerReplies.writeReply(p, msg.name, msg.seqid, TType.STRUCT,
                            () -> ReplyEncoders.write(p, new ServerStatus(false, "8.1.0-loopback", false, 1_764_000_000L, "os", "loopback",
                                    false, 0, "", "")));
                    case HeavyRpc.GET_HARDWARE_INFO -> ServerReplies.writeReply(p, msg.name, msg.seqid, TType.STRUCT,
                            () -> ReplyEncoders.writeCluster(p, List.of(new HardwareInfo((short) 0, (short) 2,
                                    (short) 0, (short) 0, "loopback", List.of()))));
                    case HeavyRpc.GET_MEMORY -> ServerReplies.writeReply(p, msg.name, msg.seqid, TType.LIST,
                            () -> ThriftFields.structListBody(p, List.of(new NodeMemoryInfo("loopback", 2_097_152L,
                                    64, 3, false, List.of(new NodeMemoryInfo.MemoryData(0, 0, 3, 1,
                                    new long[] {1, 2, 3, 0}, 0, false))))
                                    , ReplyEncoders::write));
                    case HeavyRpc.GET_TABLES, HeavyRpc.GET_VIEWS -> {
                        List<String> names = catalog.names(msg.name.equals(HeavyRpc.GET_TABLES));
                        ServerReplies.writeReply(p, msg.name, msg.seqid, TType.LIST, () -> {
                            p.writeListBegin(new TList(TType.STRING, names.size()));
                            for (String n : names) {
                                p.writeString(n);
                            }
                            p.writeListEnd();
                        });
                    }
                    default -> throw new IllegalStateException(msg.name);
                }
            }
            default -> ServerReplies.writeUnknownMethod(p, msg.name, msg.seqid);
        }
    }

    private void connect(TProtocol p, TMessage msg, Map<Integer, Object> args) throws TException {
        if (!USER.equals(args.get(1)) || !PASSWORD.equals(args.get(2))) {
            ServerReplies.writeError(p, msg.name, msg.seqid, "Invalid credentials.");
            return;
        }
        if (!DATABASE.equals(args.get(3))) {
            ServerReplies.writeError(p, msg.name, msg.seqid, "Database name " + args.get(3) + " does not exist.");
            return;
        }
        String session = UUID.randomUUID().toString().replace("-", "");
        sessions.add(session);
        connects++;
        ServerReplies.writeReply(p, msg.name, msg.seqid, TType.STRING, () -> p.writeString(session));
    }

    private boolean checkSession(TProtocol p, TMessage msg, Map<Integer, Object> args) throws TException {
        if (!sessions.contains(args.get(1))) {
            ServerReplies.writeError(p, msg.name, msg.seqid, "Session not valid.");
            return false;
        }
        return true;
    }

    /** One answered SELECT: its text and the rows its reply carried. */
    public record Reply(String sql, int rows) {
    }

    private final List<Reply> replies = new CopyOnWriteArrayList<>();

    /** Every query answered with rows so far, in order. */
    public List<Reply> replies() { return List.copyOf(replies); }

    private void sql(TProtocol p, TMessage msg, String query, String nonce) throws TException {
        statements.add(query);
        LoopbackCatalog.Result result;
        try {
            result = catalog.execute(query);
        } catch (LoopbackCatalog.SqlError e) {
            ServerReplies.writeError(p, msg.name, msg.seqid, e.getMessage());
            return;
        }
        List<ColumnType> desc = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        for (int c = 0; c < result.columns().size(); c++) {
            LoopbackCatalog.Column col = result.columns().get(c);
            desc.add(columnType(col, c));
            columns.add(resultColumn(col, result.values().get(c)));
        }
        if (!desc.isEmpty()) {
            replies.add(new Reply(query, result.values().isEmpty() ? 0 : result.values().get(0).size()));
        }
        QueryResult r = new QueryResult(desc, columns, true, 1, 1, nonce, "", true, desc.isEmpty() ? 4 : 1);
        ServerReplies.writeReply(p, msg.name, msg.seqid, TType.STRUCT, () -> ReplyEncoders.write(p, r));
    }

    private void tableDetails(TProtocol p, TMessage msg, String name) throws TException {
        TableDetails details;
        synchronized (catalog) {
            String viewTarget = catalog.viewTarget(name);
            LoopbackCatalog.Table t = catalog.tables.get(viewTarget != null ? viewTarget : name);
            if (t == null) {
                ServerReplies.writeError(p, msg.name, msg.seqid, "Table/View " + name + " for catalog " + DATABASE
                        + " does not exist.");
                return;
            }
            List<ColumnType> desc = new ArrayList<>();
            for (int c = 0; c < t.columns.size(); c++) {
                desc.add(columnType(t.columns.get(c), c));
            }
            long fragment = Long.parseLong(t.options.getOrDefault("fragment_size", "32000000"));
            details = new TableDetails(desc, fragment, 2_097_152L, 1L << 62,
                    viewTarget != null ? catalog.views.get(name)[0] : "", 0, "[]", false, 0,
                    viewTarget != null ? 3 : 0, new TableDetails.RefreshInfo(0, 0, "", 0, 0, "", ""), "", null);
        }
        ServerReplies.writeReply(p, msg.name, msg.seqid, TType.STRUCT, () -> ReplyEncoders.write(p, details));
    }

    private static ColumnType columnType(LoopbackCatalog.Column c, int index) {
        Integer size = c.type() == DatumType.DATE ? Integer.valueOf(c.compParam() / 8) : null;
        return new ColumnType(c.name(), new TypeInfo(c.type(), c.encoding(), !c.notNull(), false, 0, 0, c.compParam(),
                size), false, "", false, false, index + 1, null, null);
    }

    private static ResultColumn resultColumn(LoopbackCatalog.Column c, List<Object> values) {
        int n = values.size();
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = values.get(i) == null;
        }
        if (c.type() == DatumType.STR) {
            List<String> out = new ArrayList<>(n);
            for (Object v : values) {
                out.add(v == null ? "" : (String) v);
            }
            return new ResultColumn.Strings(out, nulls);
        }
        if (c.type() == DatumType.DOUBLE) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = values.get(i) == null ? 0.0 : (Double) values.get(i);
            }
            return new ResultColumn.Reals(out, nulls);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = values.get(i) == null ? 0 : ((Number) values.get(i)).longValue();
        }
        return new ResultColumn.Ints(out, nulls);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> columns(Map<Integer, Object> args) {
        List<Object[]> out = new ArrayList<>();
        for (Object col : (List<Object>) args.getOrDefault(3, List.of())) {
            Map<Integer, Object> column = (Map<Integer, Object>) col;
            Map<Integer, Object> data = (Map<Integer, Object>) column.getOrDefault(1, Map.of());
            out.add(new Object[] {data.getOrDefault(1, List.of()), data.getOrDefault(2, List.of()),
                data.getOrDefault(3, List.of()), column.getOrDefault(2, List.of())});
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int rows(Map<Integer, Object> args) {
        List<Object[]> cols = columns(args);
        return cols.isEmpty() ? 0 : ((List<Object>) cols.get(0)[3]).size();
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    /** Reads any struct as field id to value (lists as lists, structs as maps). */
    static Map<Integer, Object> readStruct(TProtocol p) throws TException {
        Map<Integer, Object> out = new HashMap<>();
        p.readStructBegin();
        for (org.apache.thrift.protocol.TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            out.put((int) f.id, readValue(p, f.type));
        }
        p.readStructEnd();
        return out;
    }

    private static Object readValue(TProtocol p, byte type) throws TException {
        switch (type) {
            case TType.BOOL: return p.readBool();
            case TType.I16: return p.readI16();
            case TType.I32: return p.readI32();
            case TType.I64: return p.readI64();
            case TType.DOUBLE: return p.readDouble();
            case TType.STRING: return p.readString();
            case TType.STRUCT: return readStruct(p);
            case TType.LIST: {
                TList list = p.readListBegin();
                List<Object> out = new ArrayList<>(list.size);
                for (int i = 0; i < list.size; i++) {
                    out.add(readValue(p, list.elemType));
                }
                p.readListEnd();
                return out;
            }
            default:
                TProtocolUtil.skip(p, type);
                return null;
        }
    }

    /** Sink mode: decodes every value of a load call and counts them. */
    private void sinkLoad(TProtocol p) throws TException {
        p.readStructBegin();
        for (org.apache.thrift.protocol.TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (ThriftFields.is(f, 3, TType.LIST)) {
                TList columns = p.readListBegin();
                for (int c = 0; c < columns.size; c++) {
                    long n = sinkColumn(p);
                    if (c == 0) {
                        sinkRows.addAndGet(n);
                    }
                }
                p.readListEnd();
            } else {
                TProtocolUtil.skip(p, f.type);
            }
        }
        p.readStructEnd();
    }

    /** Decodes one TColumn and returns its row count. */
    private long sinkColumn(TProtocol p) throws TException {
        long n = 0;
        p.readStructBegin();
        for (org.apache.thrift.protocol.TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (!ThriftFields.is(f, 1, TType.STRUCT)) {
                TProtocolUtil.skip(p, f.type);
                continue;
            }
            p.readStructBegin();
            for (org.apache.thrift.protocol.TField d; (d = ThriftFields.next(p)) != null; p.readFieldEnd()) {
                if (d.type != TType.LIST) {
                    TProtocolUtil.skip(p, d.type);
                    continue;
                }
                TList list = p.readListBegin();
                for (int i = 0; i < list.size; i++) {
                    switch (list.elemType) {
                        case TType.I64 -> p.readI64();
                        case TType.DOUBLE -> p.readDouble();
                        case TType.STRING -> p.readBinary();
                        default -> TProtocolUtil.skip(p, list.elemType);
                    }
                }
                p.readListEnd();
                sinkValues.addAndGet(list.size);
                n = Math.max(n, list.size);
            }
            p.readStructEnd();
        }
        p.readStructEnd();
        return n;
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
