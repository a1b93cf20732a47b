package io.heavyingest.secrets;

/**
 * The secret was read but holds no usable password: empty, binary only, or a JSON object without a string
 * {@code password} member, or malformed JSON. Deliberately without a cause: a JSON parser's message quotes the
 * text it choked on, which is the secret.
 */
public final class SecretFormatException extends SecretException {
    SecretFormatException(String secretId, String message) {
        super(secretId, message, null);
    }
}
