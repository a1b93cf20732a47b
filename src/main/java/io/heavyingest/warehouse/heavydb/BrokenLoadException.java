package io.heavyingest.warehouse.heavydb;

import io.heavyingest.heavydb.HeavyDbConnectionException;
import io.heavyingest.warehouse.WarehouseException;

/**
 * The connection broke during a load call, so whether (and when) the server commits that batch is unknown. The
 * attempt is abandoned and its staging table dropped; the retry loads into a new one. Transient.
 */
public final class BrokenLoadException extends WarehouseException {
    BrokenLoadException(String staging, int call, HeavyDbConnectionException cause) {
        super("connection broke during load call " + call + " into " + staging + " ("
                + cause.getMessage() + "); the attempt is abandoned and the retry starts from an empty staging table",
                cause);
    }
}
