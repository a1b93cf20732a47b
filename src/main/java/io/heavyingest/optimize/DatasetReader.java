package io.heavyingest.optimize;

import java.util.Optional;

/** Where the optimizer reads a dataset from; each warehouse implements it. */
public interface DatasetReader {

    /** The current dataset as a matrix, or empty when none was published. */
    Optional<PnlMatrix> currentMatrix();

    /** Where the data lives, without secrets, for messages. */
    String location();
}
