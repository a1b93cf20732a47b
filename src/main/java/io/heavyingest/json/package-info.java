/**
 * The one JSON configuration of the product ({@link io.heavyingest.json.Json}). A leaf: every package that writes
 * or reads its own documents uses it, so dates, property order and unknown fields are treated the same everywhere.
 */
package io.heavyingest.json;
