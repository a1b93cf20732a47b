package io.heavyingest.heavydb;

import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransportException;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * A HeavyDB session over Thrift's binary protocol on a plain (unframed) socket. Not thread-safe: one caller at a
 * time, as the server serves one connection per thread.
 *
 * <p>A broken socket is reopened with a fresh session: read-only calls are retried once on the new connection;
 * statements and loads are not (the server may have applied them) and raise {@link HeavyDbConnectionException},
 * and the next call reconnects.
 */
public final class HeavyDbClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HeavyDbClient.class);

    /**
     * Socket settings.
     *
     * @param connectTimeoutMillis TCP connect timeout
     * @param readTimeoutMillis longest wait for one reply
     * @param maxMessageBytes largest reply accepted
     * @param tls TLS settings; null for a plain socket unless the endpoint asks for TLS
     */
    public record Options(int connectTimeoutMillis, int readTimeoutMillis, int maxMessageBytes, Tls tls) {
        /** Plain-socket options (TLS only when the endpoint is a heavydbs:// one, trusting the JVM's CAs). */
        public Options(int connectTimeoutMillis, int readTimeoutMillis, int maxMessageBytes) {
            this(connectTimeoutMillis, readTimeoutMillis, maxMessageBytes, null);
        }

        public static Options of(HeavyDbConfig config) {
            Tls tls = config.tls() || config.trustStore().isPresent()
                    ? new Tls(config.trustStore().map(java.nio.file.Path::of).orElse(null),
                    config.trustStorePassword().orElse(null), config.trustStoreType())
                    : null;
            return new Options(millis(config.connectTimeout()), millis(config.readTimeout()), config.maxMessageBytes(),
                    tls);
        }

        private static int millis(java.time.Duration d) {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(TProtocol p, int seqid, String session) throws TException;
    }

    private final HeavyDbEndpoint endpoint;
    private final Options options;
    private TSocket socket;
    private TProtocol protocol;
    private String session;
    private int seqid;
    private long nonce;

    private HeavyDbClient(HeavyDbEndpoint endpoint, Options options) {
        this.endpoint = endpoint;
        this.options = options;
    }

    /** Opens the socket and a session; a refused login raises {@link HeavyDbAuthenticationException}. */
    public static HeavyDbClient connect(HeavyDbEndpoint endpoint, Options options) {
        HeavyDbClient client = new HeavyDbClient(endpoint, options);
        client.open();
        return client;
    }

    public HeavyDbEndpoint endpoint() { return endpoint; }

    public Options options() { return options; }

    /** Whether a socket and session are open (a broken socket is closed as soon as a call notices). */
    public boolean isOpen() {
        return socket != null && socket.isOpen();
    }


    /** Runs a read-only statement; retried once on a fresh connection if the socket broke. */
    public QueryResult query(String sql) {
        return invoke(HeavyRpc.SQL_EXECUTE, true, (p, id, s) -> sqlExecute(p, id, s, sql));
    }

    /** Runs a statement that changes something (DDL, DML); never retried, since the server may have applied it. */
    public QueryResult execute(String sql) {
        return invoke(HeavyRpc.SQL_EXECUTE, false, (p, id, s) -> sqlExecute(p, id, s, sql));
    }

    private QueryResult sqlExecute(TProtocol p, int id, String s, String sql) throws TException {
        LOG.debugf("HeavyDB: %s", sql);
        HeavyRpc.writeSqlExecute(p, id, s, sql, true, "n-" + (++nonce), -1, -1);
        return HeavyRpc.readSqlExecuteReply(p, id);
    }

    /** Loads one columnar batch: one durable commit on the server. Never retried here. */
    public void load(String table, List<? extends LoadColumn> columns) {
        invoke(HeavyRpc.LOAD_COLUMNAR, false, (p, id, s) -> {
            HeavyRpc.writeLoadColumnar(p, id, s, table, columns);
            HeavyRpc.readVoidReply(p, HeavyRpc.LOAD_COLUMNAR, id);
            return null;
        });
    }

    /** What the server applied to a table or view. */
    public TableDetails tableDetails(String table) {
        return invoke(HeavyRpc.GET_TABLE_DETAILS, true, (p, id, s) -> {
            HeavyRpc.writeGetTableDetails(p, id, s, table);
            return HeavyRpc.readTableDetailsReply(p, id);
        });
    }

    public ServerStatus serverStatus() {
        return invoke(HeavyRpc.GET_SERVER_STATUS, true, (p, id, s) -> {
            HeavyRpc.writeGetServerStatus(p, id, s);
            return HeavyRpc.readServerStatusReply(p, id);
        });
    }

    public List<HardwareInfo> hardwareInfo() {
        return invoke(HeavyRpc.GET_HARDWARE_INFO, true, (p, id, s) -> {
            HeavyRpc.writeGetHardwareInfo(p, id, s);
            return HeavyRpc.readHardwareInfoReply(p, id);
        });
    }

    /** Buffer pool usage at {@code level}: "gpu", or "cpu". */
    public List<NodeMemoryInfo> memory(String level) {
        return invoke(HeavyRpc.GET_MEMORY, true, (p, id, s) -> {
            HeavyRpc.writeGetMemory(p, id, s, level);
            return HeavyRpc.readMemoryReply(p, id);
        });
    }

    /** Names of every table and view of the database ({@code get_tables}). */
    public List<String> tables() {
        return nameList(HeavyRpc.GET_TABLES);
    }

    /** Names of the views of the database ({@code get_views}). */
    public List<String> views() {
        return nameList(HeavyRpc.GET_VIEWS);
    }

    private List<String> nameList(String method) {
        return invoke(method, true, (p, id, s) -> {
            HeavyRpc.writeNameListCall(p, method, id, s);
            return HeavyRpc.readNameListReply(p, method, id);
        });
    }

    /** The server's version (needs no session). */
    public String version() {
        return invoke(HeavyRpc.GET_VERSION, true, (p, id, s) -> {
            HeavyRpc.writeGetVersion(p, id);
            return HeavyRpc.readVersionReply(p, id);
        });
    }

    /** Checks the session with a cheap call, reconnecting once if the socket went away while idle. */
    public void ping() {
        serverStatus();
    }

    private <T> T invoke(String method, boolean retry, Call<T> call) {
        boolean fresh = false;
        if (!isOpen()) {
            open();
            fresh = true;
        }
        try {
            return attempt(method, call);
        } catch (HeavyDbConnectionException e) {
            if (!retry || fresh || e.timedOut()) {
                throw e;
            }
            LOG.infof("connection to %s broke during %s (%s); reconnecting once", endpoint.address(), method,
                    e.getMessage());
            open();
            return attempt(method, call);
        }
    }

    private <T> T attempt(String method, Call<T> call) {
        int id = ++seqid;
        try {
            return call.run(protocol, id, session);
        } catch (HeavyDbServerException e) {
            throw e;
        } catch (HeavyDbProtocolException e) {
            closeSocket();   // the stream is out of step; start over on the next call
            throw e;
        } catch (TTransportException e) {
            closeSocket();
            boolean timedOut = e.getType() == TTransportException.TIMED_OUT;
            throw new HeavyDbConnectionException("HeavyDB " + method + " on " + endpoint.address()
                    + (timedOut ? " timed out after " + options.readTimeoutMillis() + " ms" : " failed: connection lost")
                    + " (" + e.getMessage() + ")", timedOut, e);
        } catch (TException e) {
            closeSocket();
            throw new HeavyDbProtocolException("HeavyDB " + method + ": malformed reply: " + e.getMessage(), e);
        }
    }

    private void open() {
        closeSocket();
        try {
            if (endpoint.tls() || options.tls() != null) {
                Tls tls = options.tls() != null ? options.tls() : new Tls(null, null, "PKCS12");
                socket = new TSocket(tls.connect(endpoint.host(), endpoint.port(), options.connectTimeoutMillis(),
                        options.readTimeoutMillis()));
                socket.getConfiguration().setMaxMessageSize(options.maxMessageBytes());
            } else {
                TConfiguration config = TConfiguration.custom().setMaxMessageSize(options.maxMessageBytes()).build();
                socket = new TSocket(config, endpoint.host(), endpoint.port(), options.readTimeoutMillis(),
                        options.connectTimeoutMillis());
                socket.open();
            }
            protocol = new TBinaryProtocol(socket);
        } catch (HeavyDbTlsException e) {
            closeSocket();
            throw e;
        } catch (TTransportException e) {
            closeSocket();
            throw new HeavyDbConnectionException("cannot reach HeavyDB at " + endpoint.address() + ": "
                    + e.getMessage(), e.getType() == TTransportException.TIMED_OUT, e);
        }
        try {
            session = attempt(HeavyRpc.CONNECT, (p, id, s) -> {
                HeavyRpc.writeConnect(p, id, endpoint.user(), endpoint.password(), endpoint.database());
                return HeavyRpc.readConnectReply(p, id);
            });
        } catch (HeavyDbException e) {
            closeSocket();
            throw e;
        }
        LOG.debugf("HeavyDB session opened on %s as %s", endpoint.address(), endpoint.user());
    }

    private void closeSocket() {
        if (socket != null) {
            socket.close();
        }
        socket = null;
        protocol = null;
        session = null;
    }

    /** Ends the session (best effort) and closes the socket. */
    @Override
    public void close() {
        if (isOpen() && session != null) {
            try {
                int id = ++seqid;
                HeavyRpc.writeDisconnect(protocol, id, session);
                HeavyRpc.readVoidReply(protocol, HeavyRpc.DISCONNECT, id);
            } catch (TException | HeavyDbException e) {
                LOG.debugf("HeavyDB disconnect failed: %s", e.getMessage());
            }
        }
        closeSocket();
    }
}
