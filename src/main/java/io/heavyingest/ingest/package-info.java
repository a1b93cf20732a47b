/**
 * Loading one stream that is not published yet: parse, plan the table from the file's shape, stage columnar
 * batches, verify the count, publish in one step. Whether to load at all is the delivery layer's decision.
 */
package io.heavyingest.ingest;
