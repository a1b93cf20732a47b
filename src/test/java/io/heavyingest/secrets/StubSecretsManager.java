package io.heavyingest.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server answering Secrets Manager's JSON protocol (awsJson1_1) for GetSecretValue: the
 * operation in the {@code X-Amz-Target} header, the request as JSON, the secret or a typed error as JSON.
 */
final class StubSecretsManager implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private volatile String arn;
    private volatile String secretString;
    private volatile int version;
    private volatile String errorType;
    private volatile int errorStatus;

    StubSecretsManager(String arn, String secretString) throws IOException {
        this.arn = arn;
        this.secretString = secretString;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stores a new value as the current version (what a rotation does). */
    void rotate(String newSecretString) {
        secretString = newSecretString;
        version++;
    }

    /** Answers every following request with this error, for example 400 ResourceNotFoundException. */
    void failWith(int status, String type) {
        errorStatus = status;
        errorType = type;
    }

    int calls() {
        return requests.size();
    }

    List<JsonNode> requests() {
        return requests;
    }

    List<String> targets() {
        return targets;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(JSON.readTree(body));
        targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        ObjectNode answer = JSON.createObjectNode();
        int status;
        if (errorType != null) {
            status = errorStatus;
            answer.put("__type", errorType);
            answer.put("message", "stub refuses: " + errorType);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        } else if (!"secretsmanager.GetSecretValue".equals(targets.get(targets.size() - 1))) {
            status = 400;
            answer.put("__type", "UnknownOperationException");
        } else {
            status = 200;
            answer.put("ARN", arn);
            answer.put("Name", arn.substring(arn.lastIndexOf(':') + 1));
            answer.put("VersionId", "v" + version);
            answer.put("SecretString", secretString);
            answer.putArray("VersionStages").add("AWSCURRENT");
            answer.put("CreatedDate", 1.7e9);
        }
        byte[] out = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
