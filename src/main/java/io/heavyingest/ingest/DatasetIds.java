package io.heavyingest.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Dataset ids: 16 hex characters of the SHA-256 of the source object's identity, safe inside table names. */
public final class DatasetIds {
    /** Lower-case letters and digits only: no underscore, so no id can end in another table's suffix. */
    private static final java.util.regex.Pattern VALID = java.util.regex.Pattern.compile("[0-9a-z]{1,32}");

    private DatasetIds() {
    }

    /** True when {@code id} may name a dataset: 1 to 32 lower-case letters or digits. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Returns {@code id} when {@link #isValid valid}, else throws {@link IllegalArgumentException} naming the rule. */
    public static String checked(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("dataset id must be 1 to 32 lower-case letters or digits, not \""
                    + io.heavyingest.text.SafeText.fragment(String.valueOf(id)) + "\"");
        }
        return id;
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
