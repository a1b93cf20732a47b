package io.heavyingest.warehouse;

import io.heavyingest.json.Json;
import io.heavyingest.schema.TablePlan;

import java.nio.charset.StandardCharsets;

/**
 * The table plan as the load history stores it: one JSON text per row, written by the shared JSON configuration,
 * so the plan a report shows is the one the load applied, never a recomputation.
 */
public final class StoredPlans {
    private StoredPlans() {
    }

    /** {@code plan} as JSON text; null for no plan. */
    public static String write(TablePlan plan) {
        return plan == null ? null : Json.line(plan);
    }

    /** The plan stored as {@code json}; null for an empty column (rows recorded before plans were stored). */
    public static TablePlan read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Json.read(json.getBytes(StandardCharsets.UTF_8), TablePlan.class);
        } catch (IllegalArgumentException e) {
            throw new WarehouseException("the load history holds a table plan that cannot be read: " + e.getMessage(), e);
        }
    }
}
