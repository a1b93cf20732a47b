package io.heavyingest.secrets;

/** A secret could not be had. Messages name the secret's id, never its value. */
public abstract sealed class SecretException extends RuntimeException
        permits SecretUnavailableException, SecretFormatException {
    private final String secretId;

    SecretException(String secretId, String message, Throwable cause) {
        super(message, cause);
        this.secretId = secretId;
    }

    /** The secret's id as configured (an ARN in Lambda). */
    public String secretId() {
        return secretId;
    }
}
