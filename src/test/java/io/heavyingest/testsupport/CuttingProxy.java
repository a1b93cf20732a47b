package io.heavyingest.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback in front of an upstream server. Passes bytes through untouched, until {@link #cutAfter}
 * arms it: then the connection that carries the next N response bytes is closed in the middle of the response.
 */
public final class CuttingProxy implements AutoCloseable {
    private static final long DISARMED = Long.MAX_VALUE;

    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutting-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong budget = new AtomicLong(DISARMED);
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile boolean open = true;
    private volatile boolean refusing;
    private final java.util.Set<Socket> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public CuttingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.submit(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes the connection once {@code bytes} more response bytes have passed. */
    public void cutAfter(long bytes) {
        budget.set(bytes);
    }

    /**
     * While on, every connection is closed at once, as an unreachable endpoint would answer; turning it on also
     * closes the connections already open (clients keep them alive between requests).
     */
    public void refuseConnections(boolean on) {
        refusing = on;
        if (on) {
            for (Socket s : live) {
                closeBoth(s, s);
            }
        }
    }

    /** Connections cut so far. */
    public int cuts() {
        return cuts.get();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                live.add(client);
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 5_000);
                pumps.submit(() -> pump(client, upstream, false));
                pumps.submit(() -> pump(upstream, client, true));
            } catch (IOException e) {
                if (open) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean response) {
        byte[] buf = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (response && budget.get() != DISARMED) {
                    long left = budget.addAndGet(-n);
                    if (left <= 0) {
                        int keep = (int) Math.max(0, n + left);
                        out.write(buf, 0, keep);
                        out.flush();
                        budget.set(DISARMED);
                        cuts.incrementAndGet();
                        closeBoth(from, to);
                        return;
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other direction closed the sockets
        } finally {
            closeBoth(from, to);
            live.remove(from);
            live.remove(to);
        }
    }

    private static void closeBoth(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            b.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        pumps.shutdownNow();
    }
}
