package io.heavyingest.testsupport;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.warehouse.Warehouse;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** In function tests the configured warehouse is wrapped so tests can make it fail in the middle of a load. */
public class FaultInjectingWarehouseProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Warehouse warehouse(Settings settings, WarehouseFaults faults) {
        return new FaultInjectingWarehouse(Components.openWarehouse(settings), faults);
    }

    void close(@Disposes Warehouse warehouse) {
        warehouse.close();
    }
}
