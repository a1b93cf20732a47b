package io.heavyingest.warehouse;

/** The warehouse could not be reached or refused an operation; transient from the loader's point of view. */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    public WarehouseException(String message) {
        super(message);
    }
}
