package io.heavyingest.schema;

import java.util.regex.Pattern;

/** Table and column names the product creates. Only names from this check reach SQL text. */
public final class Identifiers {
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    /** Returns {@code name} when it is a lower-case SQL identifier, else throws. */
    public static String checked(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe identifier: \"" + name + "\" (use [a-z_][a-z0-9_]*)");
        }
        return name;
    }

    /** Physical table of one dataset: {@code <current>_<datasetId>}. */
    public static String datasetTable(String currentTable, String datasetId) {
        return checked(currentTable + "_" + datasetId);
    }

    /** Staging table of one dataset, invisible to readers until published. */
    public static String stagingTable(String currentTable, String datasetId) {
        return checked(currentTable + "_" + datasetId + "_stage");
    }

    /**
     * Staging table of one attempt at one dataset: unique per attempt, so two attempts can never share or drop each
     * other's staging, and never equal to a dataset table (dataset ids hold no underscore).
     */
    public static String stagingTable(String currentTable, String datasetId, String attempt) {
        return checked(currentTable + "_" + datasetId + "_stage_" + attempt);
    }
}
