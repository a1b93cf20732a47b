/**
 * Objects in a bucket: S3 (the Quarkus S3 extension's client) or a local folder behind one
 * {@link io.heavyingest.bucket.ObjectStore}, exact object versions ({@link io.heavyingest.bucket.ObjectRef}), and
 * the documents the product writes there: manifests (the ingest-to-benchmark hand-off) and error reports.
 */
package io.heavyingest.bucket;
