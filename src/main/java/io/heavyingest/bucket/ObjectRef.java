package io.heavyingest.bucket;

/**
 * One version of one object.
 *
 * @param bucket bucket name (for the local store: a folder)
 * @param key decoded object key
 * @param versionId version id, or null when the bucket is not versioned
 * @param eTag entity tag without quotes, or null when unknown
 * @param size size in bytes as stored, or -1 when unknown
 */
public record ObjectRef(String bucket, String key, String versionId, String eTag, long size) {

    /**
     * What makes this object version unique: {@code s3://bucket/key#versionId}, or {@code #etag:<eTag>} when the
     * bucket is not versioned. Same version, same identity, so retries map to the same dataset.
     */
    public String identity(String scheme) {
        String version = versionId != null && !versionId.isBlank() && !"null".equals(versionId)
                ? versionId : "etag:" + (eTag == null ? "" : eTag);
        return scheme + "://" + bucket + "/" + key + "#" + version;
    }

    /** Name of the object in logs, errors and the load history. */
    public String displayName(String scheme) {
        return scheme + "://" + bucket + "/" + key;
    }
}
