package io.heavyingest.heavydb;

/** The server answered a call with its exception ({@code TDBException}); {@link #errorMessage()} is its text. */
public class HeavyDbServerException extends HeavyDbException {
    private final String method;
    private final String errorMessage;

    public HeavyDbServerException(String method, String errorMessage) {
        super("HeavyDB " + method + " failed: " + errorMessage);
        this.method = method;
        this.errorMessage = errorMessage;
    }

    /** The Thrift method that failed. */
    public String method() { return method; }

    /** The server's {@code error_msg}, verbatim. */
    public String errorMessage() { return errorMessage; }
}
