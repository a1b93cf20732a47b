package io.heavyingest.bucket;

import io.heavyingest.testsupport.BucketEnv;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A conditional PUT whose answer is lost (the connection is reset after the request's headers, on every attempt): the
 * store learns from the object itself whether the write was applied.
 */
class LostAnswerTest {
    private static final byte[] OURS = body('a');

    /** 4 MiB: more than the socket buffers hold, so the client is still writing when the connection is reset. */
    private static byte[] body(char fill) {
        byte[] json = new byte[4 << 20];
        Arrays.fill(json, (byte) fill);
        json[0] = '"';
        json[json.length - 1] = '"';
        return json;
    }

    /** Resets every PUT's connection after its headers, without an answer; answers every GET with {@code stored} (404 when null). */
    private static final class LostAnswerServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        LostAnswerServer(byte[] stored) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(stored), "lost-answer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(byte[] stored) {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    String requestLine = in.readLine();
                    String header;
                    do {
                        header = in.readLine();
                    } while (header != null && !header.isEmpty());
                    OutputStream out = s.getOutputStream();
                    if (requestLine != null && requestLine.startsWith("PUT")) {
                        s.setSoLinger(true, 0); // closing now resets the connection: no answer, the body refused
                    } else if (stored == null) {
                        out.write(("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + stored.length
                                + "\r\nETag: \"e1\"\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(stored);
                    }
                } catch (IOException e) {
                    // the client went away or the server is closing: next connection
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }

    private static S3Client client(int port) {
        return BucketEnv.client(URI.create("http://127.0.0.1:" + port));
    }

    @Test
    void replaceIfMatch_answerLostWhileTheKeyHoldsOtherContent_shouldReportNotApplied() throws Exception {
        try (LostAnswerServer server = new LostAnswerServer(body('b')); S3Client client = client(server.port())) {
            assertThat(new S3ObjectStore(client).replaceIfMatch("b", "claims/x.json", "\"e0\"", OURS)).isFalse();
        }
    }

    @Test
    void putIfAbsent_answerLostWhileTheKeyHoldsOtherContent_shouldReportNotApplied() throws Exception {
        try (LostAnswerServer server = new LostAnswerServer(body('b')); S3Client client = client(server.port())) {
            assertThat(new S3ObjectStore(client).putIfAbsent("b", "claims/x.json", OURS)).isFalse();
        }
    }

    @Test
    void putIfAbsent_answerLostWhileTheKeyIsStillAbsent_shouldThrowTheTransportFailure() throws Exception {
        try (LostAnswerServer server = new LostAnswerServer(null); S3Client client = client(server.port())) {
            assertThatThrownBy(() -> new S3ObjectStore(client).putIfAbsent("b", "claims/x.json", OURS))
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void replaceIfMatch_answerLostWhileTheKeyIsUnchanged_shouldThrowTheTransportFailure() throws Exception {
        try (LostAnswerServer server = new LostAnswerServer(body('b')); S3Client client = client(server.port())) {
            assertThatThrownBy(() -> new S3ObjectStore(client).replaceIfMatch("b", "claims/x.json", "\"e1\"", OURS))
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void putIfAbsent_answerLostWhileTheKeyHoldsThisContent_shouldReportApplied() throws Exception {
        try (LostAnswerServer server = new LostAnswerServer(OURS.clone()); S3Client client = client(server.port())) {
            assertThat(new S3ObjectStore(client).putIfAbsent("b", "claims/x.json", OURS)).isTrue();
        }
    }
}
