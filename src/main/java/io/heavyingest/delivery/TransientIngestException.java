package io.heavyingest.delivery;

/**
 * A load failed for a reason a retry can fix (S3 or the warehouse unavailable, a dropped connection, a claim held
 * by another invocation). The function fails the invocation, or the SQS item, so Lambda delivers it again.
 */
public final class TransientIngestException extends RuntimeException {
    public TransientIngestException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientIngestException(String message) {
        super(message);
    }
}
