/**
 * The HeavyDB client: HeavyDB's Thrift binary protocol written by hand (connect, sql_execute,
 * load_table_binary_columnar, table details, memory, hardware), its settings and endpoint, and the one function
 * that renders SQL literals ({@link io.heavyingest.heavydb.SqlText}). Stands alone: it uses no other package of
 * the product, so it can be tested against golden vectors and a loopback server.
 */
package io.heavyingest.heavydb;
