package io.heavyingest.warehouse.duckdb;

import io.agroal.api.AgroalDataSource;
import io.heavyingest.warehouse.ClaimHolder;
import io.heavyingest.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Load claims in a {@code load_claims} table: one row per dataset with its owner and expiry (epoch millis, so no
 * time zone can shift it). A claim is taken by inserting the row, or by overwriting it once it has expired.
 */
final class DuckDbClaims {
    static final String TABLE = "load_claims";
    /** Tries of a claim that raced with another one whose outcome was not visible yet. */
    private static final int RACE_ATTEMPTS = 20;

    private final AgroalDataSource pool;

    DuckDbClaims(AgroalDataSource pool) {
        this.pool = pool;
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (dataset_id VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL, expires_at_ms BIGINT NOT NULL)");
        } catch (SQLException e) {
            throw new WarehouseException("cannot create the load claims table: " + e.getMessage(), e);
        }
    }

    boolean claim(String datasetId, String owner, Instant expiresAt) {
        try (Connection c = pool.getConnection()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    upsert(c, datasetId, owner, expiresAt);
                    return owner.equals(holder(c, datasetId));
                } catch (SQLException raced) {
                    // a concurrent claim of the same dataset: DuckDB reports a duplicate key or a write conflict,
                    // sometimes before the other claim commits. Refused once someone else holds the row.
                    String holder = holder(c, datasetId);
                    if (holder != null && !holder.equals(owner)) {
                        return false;
                    }
                    if (attempt >= RACE_ATTEMPTS) {
                        throw raced;
                    }
                    sleepBeforeRetry();
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot claim the load of " + datasetId + ": " + e.getMessage(), e);
        }
    }

    private static void upsert(Connection c, String datasetId, String owner, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?) "
                + "ON CONFLICT (dataset_id) DO UPDATE SET owner = excluded.owner, expires_at_ms = excluded.expires_at_ms "
                + "WHERE " + TABLE + ".expires_at_ms < ? OR " + TABLE + ".owner = excluded.owner")) {
            ps.setString(1, datasetId);
            ps.setString(2, owner);
            ps.setLong(3, expiresAt.toEpochMilli());
            ps.setLong(4, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    private static void sleepBeforeRetry() throws SQLException {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while claiming", e);
        }
    }

    void release(String datasetId, String owner) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE dataset_id = ? AND owner = ?")) {
            ps.setString(1, datasetId);
            ps.setString(2, owner);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new WarehouseException("cannot release the claim on " + datasetId + ": " + e.getMessage(), e);
        }
    }

    Optional<ClaimHolder> holder(String datasetId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT owner, expires_at_ms FROM " + TABLE + " WHERE dataset_id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ClaimHolder(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the claim on " + datasetId + ": " + e.getMessage(), e);
        }
    }

    private static String holder(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM " + TABLE + " WHERE dataset_id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
