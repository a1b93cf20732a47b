package io.heavyingest.heavydb;

/** The server refused to open a session: wrong user, password or database. */
public final class HeavyDbAuthenticationException extends HeavyDbServerException {
    public HeavyDbAuthenticationException(String errorMessage) {
        super("connect", errorMessage);
    }
}
