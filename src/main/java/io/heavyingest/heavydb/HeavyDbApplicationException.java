package io.heavyingest.heavydb;

import org.apache.thrift.TApplicationException;

/**
 * The server answered a call with a Thrift application exception instead of its result: an unknown method, or an
 * internal error that HeavyDB's generated processor turns into one (a {@code std::runtime_error} inside a handler,
 * such as a load into a table that does not exist). The reply is complete, so the stream and the session stay usable.
 */
public final class HeavyDbApplicationException extends HeavyDbServerException {
    private final int type;

    public HeavyDbApplicationException(String method, int type, String errorMessage) {
        super(method, kindOf(type) + ": " + errorMessage);
        this.type = type;
    }

    /** Thrift's application exception type: {@link TApplicationException#UNKNOWN} for an unhandled server error, ... */
    public int type() { return type; }

    private static String kindOf(int type) {
        return switch (type) {
            // what a handler's std::exception becomes in the generated C++ processor (HeavyDB's plain runtime_error)
            case TApplicationException.UNKNOWN -> "unhandled server error";
            case TApplicationException.UNKNOWN_METHOD -> "unknown method";
            case TApplicationException.INVALID_MESSAGE_TYPE -> "invalid message type";
            case TApplicationException.WRONG_METHOD_NAME -> "wrong method name";
            case TApplicationException.BAD_SEQUENCE_ID -> "bad sequence id";
            case TApplicationException.MISSING_RESULT -> "missing result";
            case TApplicationException.INTERNAL_ERROR -> "internal error";
            case TApplicationException.PROTOCOL_ERROR -> "protocol error";
            case TApplicationException.INVALID_TRANSFORM -> "invalid transform";
            case TApplicationException.INVALID_PROTOCOL -> "invalid protocol";
            case TApplicationException.UNSUPPORTED_CLIENT_TYPE -> "unsupported client type";
            default -> "application error " + type;
        };
    }
}
