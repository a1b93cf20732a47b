package io.heavyingest.function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The part of Lambda's Runtime API a Java runtime client talks to, on loopback: {@code invocation/next} hands out
 * queued events (with the request id, deadline and function ARN headers Lambda sends), {@code response} and
 * {@code error} complete them, {@code init/error} records a failed start. Enough to run function.zip as Lambda
 * runs it.
 */
final class RuntimeApiEmulator implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    /** One invocation: the event, and what the function answered. */
    record Invocation(String requestId, String event, long deadlineMillis, CompletableFuture<String> answer) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private volatile String initError;

    RuntimeApiEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues {@code event}; the answer completes when the function responds (or fails, with its error JSON). */
    Invocation invoke(String event, long timeoutMillis) {
        Invocation i = new Invocation(UUID.randomUUID().toString(), event, System.currentTimeMillis() + timeoutMillis,
                new CompletableFuture<>());
        queue.add(i);
        return i;
    }

    /** When the runtime first asked for an event (nanoTime), i.e. when its initialization ended. */
    CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

    String initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        try {
            if (path.equals("invocation/next")) {
                firstPoll.complete(System.nanoTime());
                Invocation next = queue.poll(10, TimeUnit.MINUTES);
                if (next == null) {
                    reply(exchange, 500, "{}");
                    return;
                }
                inFlight.put(next.requestId(), next);
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:heavy-ingest-local");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                reply(exchange, 200, next.event());
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Invocation i = inFlight.remove(id);
                reply(exchange, 202, "{\"status\":\"OK\"}");
                if (i != null) {
                    if (path.endsWith("/response")) {
                        i.answer().complete(body);
                    } else {
                        i.answer().completeExceptionally(new IllegalStateException("function error: " + body));
                    }
                }
            } else if (path.equals("init/error")) {
                initError = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
