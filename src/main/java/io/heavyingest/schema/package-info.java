/**
 * The table plan: dictionary width, date encoding, fragment size and sort column, decided from the file's shape and
 * the schema profile, with the reason for each decision. Each warehouse renders the plan as its own DDL.
 */
package io.heavyingest.schema;
