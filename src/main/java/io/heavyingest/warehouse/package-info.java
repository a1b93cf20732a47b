/**
 * What the product needs from a warehouse, split by concern so each caller depends on what it uses:
 * {@link io.heavyingest.warehouse.Staging} (load), {@link io.heavyingest.warehouse.LoadHistory} and
 * {@link io.heavyingest.warehouse.LoadClaims} (delivery decisions), {@link io.heavyingest.warehouse.Queries} (read
 * any dataset with SQL), tied to one engine by {@link io.heavyingest.warehouse.Warehouse}. The history row is
 * {@link io.heavyingest.warehouse.LoadRecord}. Implementations live in the sub-packages.
 */
package io.heavyingest.warehouse;
