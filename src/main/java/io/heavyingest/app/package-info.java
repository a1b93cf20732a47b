/**
 * The composition root. {@link io.heavyingest.app.Settings} holds every typed settings group (injected by Quarkus
 * in the functions, loaded once by the local command); {@link io.heavyingest.app.Components} builds the service
 * graph on it: the warehouse (the one place that decides DuckDB or HeavyDB, and where the HeavyDB password comes
 * from), the load service, the exactly-once delivery service and the optimizer. Nothing else wires services.
 */
package io.heavyingest.app;
