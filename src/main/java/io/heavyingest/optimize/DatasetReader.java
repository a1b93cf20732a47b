package io.heavyingest.optimize;

import java.util.Optional;

/** Where the optimizer reads a dataset from; each warehouse implements it. */
public interface DatasetReader {

    /** The current dataset as a matrix, or empty when none was published. */
    Optional<PnlMatrix> currentMatrix();

    /**
     * Any published dataset as a matrix, not only the current one (strategies and dates ordered as in
     * {@link #currentMatrix()}), or empty when {@code datasetId} was never published or its table is gone.
     */
    Optional<PnlMatrix> matrix(String datasetId);

    /** Where the data lives, without secrets, for messages. */
    String location();
}
