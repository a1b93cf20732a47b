package io.heavyingest.testsupport;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.net.URI;
import java.nio.file.Path;

/** A real S3 endpoint on loopback (s3proxy), in memory or on a folder, with bucket versioning available. */
public final class InProcessS3 implements AutoCloseable {
    private final S3Proxy proxy;

    private InProcessS3(BlobStore store) throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long waitUntil = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(10);
        }
    }

    /** Objects held in memory. */
    public static InProcessS3 inMemory() throws Exception {
        return new InProcessS3(new TransientNio2BlobStore());
    }

    /** Objects stored under {@code folder}, so large objects do not sit on the heap being measured. */
    public static InProcessS3 onDisk(Path folder) throws Exception {
        return new InProcessS3(new FilesystemNio2BlobStore(folder.toAbsolutePath().toString()));
    }

    public int port() {
        return proxy.getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
