/**
 * The core settings groups ({@code heavy-ingest.ingest / schema / warehouse}) and the loader that reads settings
 * outside Quarkus from the same sources Quarkus reads. Other capabilities declare their own groups next to their
 * code (bucket, delivery, heavydb, optimize).
 */
package io.heavyingest.config;
