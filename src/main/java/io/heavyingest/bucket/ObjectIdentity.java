package io.heavyingest.bucket;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The object version a manifest or error report is about.
 *
 * @param bucket bucket (or local folder)
 * @param key object key
 * @param versionId version id, null when the bucket is not versioned
 * @param eTag entity tag, null when unknown
 * @param size stored size in bytes, -1 when unknown
 * @param identity the identity string the dataset id is derived from
 */
@RegisterForReflection
public record ObjectIdentity(String bucket, String key, String versionId, String eTag, long size, String identity) {

    public static ObjectIdentity of(ObjectRef ref, String scheme) {
        return new ObjectIdentity(ref.bucket(), ref.key(), ref.versionId(), ref.eTag(), ref.size(), ref.identity(scheme));
    }
}
