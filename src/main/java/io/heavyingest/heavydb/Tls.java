package io.heavyingest.heavydb;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * TLS to HeavyDB's binary port: the server's certificate must chain to the trust store (or to the JVM's CAs when
 * none is given) and name the host connected to. {@link #toString()} never shows the password.
 *
 * @param trustStore trust store file, or null for the JVM's default CAs
 * @param trustStorePassword its password, or null
 * @param trustStoreType PKCS12 or JKS
 */
public record Tls(Path trustStore, String trustStorePassword, String trustStoreType) {

    @Override
    public String toString() {
        return "Tls[trustStore=" + (trustStore == null ? "JVM default" : trustStore) + "]";
    }

    /** Opens a TLS socket to {@code host:port} and completes the handshake, checking the certificate's host name. */
    java.net.Socket connect(String host, int port, int connectTimeoutMillis, int readTimeoutMillis) {
        SSLContext context = context();
        SSLSocket socket = null;
        try {
            socket = (SSLSocket) context.getSocketFactory().createSocket();
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            // with the handshake bounded by the connect timeout, a server that does not speak TLS fails fast
            socket.setSoTimeout(connectTimeoutMillis);
            socket.startHandshake();
            socket.setSoTimeout(readTimeoutMillis);
            return socket;
        } catch (SSLException e) {
            closeQuietly(socket);
            throw new HeavyDbTlsException("TLS handshake with HeavyDB at " + host + ":" + port + " failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new HeavyDbConnectionException("cannot reach HeavyDB at " + host + ":" + port + " over TLS: "
                    + e.getMessage(), e instanceof SocketTimeoutException, e);
        }
    }

    private SSLContext context() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustStore == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(trustStoreType);
                try (InputStream in = Files.newInputStream(trustStore)) {
                    store.load(in, trustStorePassword == null ? null : trustStorePassword.toCharArray());
                }
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new HeavyDbTlsException("cannot load the HeavyDB trust store " + trustStore + " (" + trustStoreType
                    + "): " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(java.net.Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
