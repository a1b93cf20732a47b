package io.heavyingest.heavydb;

import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a Thrift server on a real loopback socket. */
class HeavyDbClientLoopbackTest {
    private static final HeavyDbClient.Options OPTIONS = new HeavyDbClient.Options(2_000, 5_000, 256 << 20);

    private LoopbackHeavyDb server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackHeavyDb();
    }

    @AfterEach
    void stop() throws Exception {
        HeavyDbSessions.closeIdle();
        server.close();
    }

    @Test
    void serverCalls_overASocket_shouldDecodeEveryReply() {
        try (HeavyDbClient client = HeavyDbClient.connect(server.endpoint(), OPTIONS)) {
            assertThat(client.version()).isEqualTo("8.1.0-loopback");
            assertThat(client.serverStatus().hostName()).isEqualTo("loopback");
            assertThat(client.hardwareInfo()).singleElement().satisfies(h -> assertThat(h.numCpuHw()).isEqualTo((short) 2));
            assertThat(client.memory("cpu")).singleElement()
                    .satisfies(m -> assertThat(m.usedBytes()).isEqualTo(3L * 2_097_152));

            client.execute("CREATE TABLE t (d DATE NOT NULL ENCODING DAYS(16), s TEXT ENCODING DICT(8), v DOUBLE)"
                    + " WITH (fragment_size = 77)");
            client.load("t", List.of(
                    LoadColumn.longs("d", new long[] {19_726L * 86_400, 19_733L * 86_400 + 5}, null),
                    LoadColumn.strings("s", Arrays.asList("a", null)),
                    LoadColumn.doubles("v", new double[] {1.5, 0}, new boolean[] {false, true})));
            QueryResult r = client.query("SELECT d, s, v FROM t ORDER BY d");

            assertThat(r.ints("d").values()).containsExactly(19_726L * 86_400, 19_733L * 86_400);
            assertThat(r.strings("s").values()).containsExactly("a", "");
            assertThat(r.strings("s").nulls()).containsExactly(false, true);
            assertThat(r.reals("v").values()[0]).isEqualTo(1.5);
            assertThat(r.reals("v").nulls()).containsExactly(false, true);
            TableDetails details = client.tableDetails("t");
            assertThat(details.fragmentSize()).isEqualTo(77);
            assertThat(details.rowDesc()).extracting(c -> c.type().encodingClause())
                    .containsExactly("DAYS(16)", "DICT(8)", "NONE");
        }
        assertThat(server.connects()).isEqualTo(1);
    }

    @Test
    void connect_withWrongPassword_shouldRaiseAuthenticationErrorWithoutThePassword() {
        HeavyDbEndpoint wrong = HeavyDbEndpoint.parse(server.url(), "not-the-password");

        assertThatThrownBy(() -> HeavyDbClient.connect(wrong, OPTIONS))
                .isInstanceOfSatisfying(HeavyDbAuthenticationException.class,
                        e -> assertThat(e.errorMessage()).isEqualTo("Invalid credentials."))
                .hasMessageNotContaining("not-the-password");
        assertThat(server.connects()).isZero();
    }

    @Test
    void connect_toAPortNobodyListensOn_shouldRaiseConnectionError() throws Exception {
        // a bound but non-listening socket holds the port, so no other process can start listening on it
        try (java.net.Socket holder = new java.net.Socket()) {
            holder.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            HeavyDbEndpoint endpoint = new HeavyDbEndpoint("127.0.0.1", holder.getLocalPort(), "admin", "heavyai", "pw");

            assertThatThrownBy(() -> HeavyDbClient.connect(endpoint, OPTIONS))
                    .isInstanceOf(HeavyDbConnectionException.class)
                    .hasMessageContaining("cannot reach HeavyDB at 127.0.0.1:" + holder.getLocalPort());
        }
    }

    @Test
    void sqlExecute_onMissingTable_shouldRaiseServerErrorAndKeepTheSession() {
        try (HeavyDbClient client = HeavyDbClient.connect(server.endpoint(), OPTIONS)) {
            assertThatThrownBy(() -> client.query("SELECT COUNT(*) AS n FROM nope"))
                    .isInstanceOfSatisfying(HeavyDbServerException.class,
                            e -> assertThat(e.errorMessage()).isEqualTo("Table or view 'nope' does not exist."));
            assertThat(client.version()).isNotEmpty();
            assertThat(server.connects()).isEqualTo(1);
        }
    }

    @Test
    void readOnlyCall_afterServerDroppedTheSocket_shouldReconnectOnceAndSucceed() throws Exception {
        try (HeavyDbClient client = HeavyDbClient.connect(server.endpoint(), OPTIONS)) {
            client.execute("CREATE TABLE t (v DOUBLE)");
            server.dropConnections();

            QueryResult r = client.query("SELECT COUNT(*) AS n FROM t");

            assertThat(r.ints("n").values()).containsExactly(0L);
            assertThat(server.connects()).isEqualTo(2);
            assertThat(server.connects()).isEqualTo(2);
        }
    }

    @Test
    void statement_afterServerDroppedTheSocket_shouldFailTypedThenReconnectOnNextCall() throws Exception {
        try (HeavyDbClient client = HeavyDbClient.connect(server.endpoint(), OPTIONS)) {
            server.dropConnections();

            assertThatThrownBy(() -> client.execute("CREATE TABLE t (v DOUBLE)"))
                    .isInstanceOfSatisfying(HeavyDbConnectionException.class, e -> assertThat(e.timedOut()).isFalse());
            assertThat(client.isOpen()).isFalse();

            client.execute("CREATE TABLE t (v DOUBLE)");
            assertThat(server.catalog().tableNames()).containsExactly("t");
            assertThat(server.connects()).isEqualTo(2);
        }
    }

    @Test
    void call_whenServerStallsPastReadTimeout_shouldRaiseTimedOutConnectionError() {
        HeavyDbClient.Options quick = new HeavyDbClient.Options(2_000, 300, 256 << 20);
        try (HeavyDbClient client = HeavyDbClient.connect(server.endpoint(), quick)) {
            server.stallReplies(1_500);

            assertThatThrownBy(client::serverStatus)
                    .isInstanceOfSatisfying(HeavyDbConnectionException.class, e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("timed out after 300 ms");
            server.stallReplies(0);
        }
    }

    @Test
    void sessions_acrossWarmInvocations_shouldReuseOneConnectionAndSurviveAnIdleDrop() throws Exception {
        HeavyDbClient first = HeavyDbSessions.acquire(server.endpoint(), OPTIONS);
        HeavyDbSessions.release(first);
        HeavyDbClient second = HeavyDbSessions.acquire(server.endpoint(), OPTIONS);

        assertThat(second).isSameAs(first);
        assertThat(server.connects()).isEqualTo(1);

        HeavyDbSessions.release(second);
        server.dropConnections();
        HeavyDbClient third = HeavyDbSessions.acquire(server.endpoint(), OPTIONS);

        assertThat(third.version()).isEqualTo("8.1.0-loopback");
        assertThat(server.connects()).isEqualTo(2);
        HeavyDbSessions.release(third);
    }

    @Test
    void unknownMethodReply_fromServer_shouldRaiseApplicationErrorWithTheServersText() throws Exception {
        // the loopback server does not implement get_status: its application exception is the server's answer
        TSocket socket = new TSocket("127.0.0.1", server.port());
        socket.open();
        try {
            TBinaryProtocol p = new TBinaryProtocol(socket);
            p.writeMessageBegin(new TMessage("get_status", TMessageType.CALL, 1));
            ThriftFields.struct(p, () -> ThriftFields.string(p, 1, "x"));
            p.writeMessageEnd();
            socket.flush();

            assertThatThrownBy(() -> HeavyRpc.readReply(p, "get_status", 1, TType.LIST, null))
                    .isInstanceOf(HeavyDbApplicationException.class)
                    .hasMessageContaining("Invalid method name");

            // an application exception for another call is a stream out of step: a protocol error
            p.writeMessageBegin(new TMessage("get_status", TMessageType.CALL, 2));
            ThriftFields.struct(p, () -> ThriftFields.string(p, 1, "x"));
            p.writeMessageEnd();
            socket.flush();
            assertThatThrownBy(() -> HeavyRpc.readReply(p, "get_status", 3, TType.LIST, null))
                    .isInstanceOf(HeavyDbProtocolException.class).hasMessageContaining("#2");
        } finally {
            socket.close();
        }
    }

    @Test
    void call_answeredWithUnknownMethod_shouldRaiseTheServersMessageAndKeepTheSession() {
        server.refuse(HeavyRpc.GET_VIEWS);
        try (HeavyDbClient client = HeavyDbClient.connect(server.endpoint(), OPTIONS)) {
            client.execute("CREATE TABLE t (v DOUBLE)");

            assertThatThrownBy(client::views).isInstanceOfSatisfying(HeavyDbApplicationException.class, e -> {
                assertThat(e.type()).isEqualTo(org.apache.thrift.TApplicationException.UNKNOWN_METHOD);
                assertThat(e.method()).isEqualTo("get_views");
                assertThat(e.errorMessage()).isEqualTo("unknown method: Invalid method name: 'get_views'");
            }).isInstanceOf(HeavyDbServerException.class);

            assertThat(client.isOpen()).as("the reply was whole: the stream is in step").isTrue();
            assertThat(client.tables()).containsExactly("t");
            assertThat(server.connects()).as("same session, no reconnect").isEqualTo(1);
        }
    }

    @Test
    void load_answeredWithAnApplicationException_shouldRaiseAServerErrorAndKeepTheSession() {
        try (HeavyDbClient client = HeavyDbClient.connect(server.endpoint(), OPTIONS)) {
            client.execute("CREATE TABLE t (v DOUBLE)");
            server.failNextLoad("t", LoopbackHeavyDb.Fault.APPLICATION_ERROR);

            assertThatThrownBy(() -> client.load("t", List.of(LoadColumn.doubles("v", new double[] {1.5}, null))))
                    .isInstanceOfSatisfying(HeavyDbApplicationException.class, e -> {
                        assertThat(e.type()).isEqualTo(org.apache.thrift.TApplicationException.UNKNOWN);
                        assertThat(e.getMessage()).isEqualTo("HeavyDB load_table_binary_columnar failed: unhandled"
                                + " server error: Table/View t for catalog heavyai does not exist.");
                    });

            client.load("t", List.of(LoadColumn.doubles("v", new double[] {2.5}, null)));
            assertThat(client.query("SELECT COUNT(*) AS n FROM t").ints("n").values()).containsExactly(1L);
            assertThat(server.connects()).isEqualTo(1);
        }
    }
}
