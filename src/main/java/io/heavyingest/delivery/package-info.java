/**
 * Exactly-once loading of one object version: the one place that decides, per delivery, whether an object is
 * IGNORED, a DUPLICATE of a published dataset, REPUBLISHED (the same content uploaded again after another upload
 * replaced it in an unversioned bucket), LOADED, or REJECTED as bad input
 * ({@link io.heavyingest.delivery.ObjectOutcome}), with one history lookup by dataset id, under an in-process lock
 * and a claim (the warehouse's, or a claim object in the bucket when the warehouse cannot hold one). It writes the history rows of attempts that publish nothing, the manifest and the error
 * report; transient failures are thrown for the trigger to retry.
 */
package io.heavyingest.delivery;
