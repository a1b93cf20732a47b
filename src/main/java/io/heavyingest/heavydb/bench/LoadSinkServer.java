package io.heavyingest.heavydb.bench;

import io.heavyingest.heavydb.HeavyRpc;
import io.heavyingest.heavydb.ThriftFields;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TIOStreamTransport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * BENCHMARK SINK, not a database: a loopback server that accepts any login, decodes every
 * {@code load_table_binary_columnar} call value by value, counts rows and bytes, and throws the data away. It
 * lets the benchmark measure the client's encoding and the wire without a HeavyDB server.
 */
public final class LoadSinkServer implements AutoCloseable {
    private static final String SESSION = "benchmarksinkbenchmarksinkbenchm";

    private final ServerSocket server;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong values = new AtomicLong();
    private final AtomicLong loadBytes = new AtomicLong();
    private final AtomicLong loadCalls = new AtomicLong();

    public LoadSinkServer() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "benchmark-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() { return server.getLocalPort(); }

    /** Rows received in load calls (rows of the first column of each call). */
    public long rows() { return rows.get(); }

    /** Values decoded across all columns, NULL flags not included. */
    public long values() { return values.get(); }

    /** Bytes on the wire of the load calls, envelope included. */
    public long loadBytes() { return loadBytes.get(); }

    public long loadCalls() { return loadCalls.get(); }

    public void reset() {
        rows.set(0);
        values.set(0);
        loadBytes.set(0);
        loadCalls.set(0);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "benchmark-sink-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            Counting counting = new Counting(socket.getInputStream());
            TIOStreamTransport transport = new TIOStreamTransport(
                    TConfiguration.custom().setMaxMessageSize(Integer.MAX_VALUE).build(),
                    new BufferedInputStream(counting, 1 << 16), new BufferedOutputStream(socket.getOutputStream()));
            TProtocol p = new TBinaryProtocol(transport);
            while (true) {
                // the client waits for each reply, so nothing of the next call is buffered yet
                long before = counting.count;
                TMessage msg = p.readMessageBegin();
                switch (msg.name) {
                    case HeavyRpc.LOAD_COLUMNAR -> {
                        readLoad(p);
                        p.readMessageEnd();
                        loadBytes.addAndGet(counting.count - before);
                        loadCalls.incrementAndGet();
                        HeavyRpc.writeReply(p, msg.name, msg.seqid, TType.VOID, null);
                    }
                    case HeavyRpc.CONNECT -> {
                        skipArgs(p);
                        HeavyRpc.writeReply(p, msg.name, msg.seqid, TType.STRING, () -> p.writeString(SESSION));
                    }
                    case HeavyRpc.DISCONNECT -> {
                        skipArgs(p);
                        HeavyRpc.writeReply(p, msg.name, msg.seqid, TType.VOID, null);
                    }
                    default -> {
                        skipArgs(p);
                        HeavyRpc.writeUnknownMethod(p, msg.name, msg.seqid);
                    }
                }
            }
        } catch (TException | IOException e) {
            // the client disconnected
        }
    }

    private static void skipArgs(TProtocol p) throws TException {
        TProtocolUtil.skip(p, TType.STRUCT);
        p.readMessageEnd();
    }

    private void readLoad(TProtocol p) throws TException {
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (ThriftFields.is(f, 3, TType.LIST)) {
                TList columns = p.readListBegin();
                for (int c = 0; c < columns.size; c++) {
                    long n = readColumn(p);
                    if (c == 0) {
                        rows.addAndGet(n);
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
    private long readColumn(TProtocol p) throws TException {
        long n = 0;
        p.readStructBegin();
        for (TField f; (f = ThriftFields.next(p)) != null; p.readFieldEnd()) {
            if (ThriftFields.is(f, 1, TType.STRUCT)) {
                p.readStructBegin();
                for (TField d; (d = ThriftFields.next(p)) != null; p.readFieldEnd()) {
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
                    values.addAndGet(list.size);
                    n = Math.max(n, list.size);
                }
                p.readStructEnd();
            } else {
                TProtocolUtil.skip(p, f.type);
            }
        }
        p.readStructEnd();
        return n;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Counts bytes taken from the socket. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
