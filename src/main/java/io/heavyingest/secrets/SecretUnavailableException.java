package io.heavyingest.secrets;

/**
 * Secrets Manager did not hand out the secret: unreachable, access denied, no such secret, throttled. The cause
 * is the SDK's exception (it carries the service's error code and request id, never a secret value).
 */
public final class SecretUnavailableException extends SecretException {
    SecretUnavailableException(String secretId, String message, Throwable cause) {
        super(secretId, message, cause);
    }
}
