package io.heavyingest.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Dataset ids: 16 hex characters of the SHA-256 of the source object's identity, safe inside table names. */
public final class DatasetIds {
    private DatasetIds() {
    }

    /** The id for an object identity, for example {@code s3://bucket/key#versionId}. Same identity, same id. */
    public static String of(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
