/**
 * HeavyDB as the warehouse, over the project's own Thrift client: staging tables loaded with
 * load_table_binary_columnar, verify by count, publish by rename and view, history as a HeavyDB table. Renders its
 * own DDL; only checked names and literals from {@link io.heavyingest.heavydb.SqlText} reach SQL text.
 */
package io.heavyingest.warehouse.heavydb;
