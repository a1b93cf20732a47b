package io.heavyingest.heavydb;

/**
 * Keeps one idle HeavyDB session per process so a warm function invocation reuses the connection of the last
 * one instead of logging in again. A session taken from here is checked with a ping (which reconnects once if
 * the server dropped the idle socket); a session handed back while another is idle is closed. Before a SnapStart
 * (CRaC) checkpoint the idle session is closed, so no socket is captured in the snapshot.
 */
public final class HeavyDbSessions {
    private static HeavyDbClient idle;
    private static boolean hookInstalled;
    /** Held strongly: CRaC keeps registered resources only weakly. */
    private static final org.crac.Resource SNAPSHOT_HOOK = new org.crac.Resource() {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
            closeIdle();   // no open socket (or session id) may end up in a SnapStart snapshot
        }

        @Override
        public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
            // the next acquire logs in again
        }
    };

    private HeavyDbSessions() {
    }

    /** An open session to {@code endpoint}: the idle one when it matches, else a new one. */
    public static HeavyDbClient acquire(HeavyDbEndpoint endpoint, HeavyDbClient.Options options) {
        HeavyDbClient reuse;
        synchronized (HeavyDbSessions.class) {
            reuse = idle;
            idle = null;
        }
        if (reuse != null) {
            if (reuse.endpoint().equals(endpoint) && reuse.options().equals(options)) {
                try {
                    reuse.ping();
                    return reuse;
                } catch (HeavyDbException e) {
                    reuse.close();
                }
            } else {
                reuse.close();
            }
        }
        return HeavyDbClient.connect(endpoint, options);
    }

    /** Keeps {@code client} for the next {@link #acquire}, or closes it when one is already kept or it is broken. */
    public static void release(HeavyDbClient client) {
        synchronized (HeavyDbSessions.class) {
            if (idle == null && client.isOpen()) {
                idle = client;
                if (!hookInstalled) {
                    hookInstalled = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(HeavyDbSessions::closeIdle, "heavydb-disconnect"));
                    org.crac.Core.getGlobalContext().register(SNAPSHOT_HOOK);
                }
                return;
            }
        }
        client.close();
    }

    /** The checkpoint hook, for tests that drive a checkpoint by hand. */
    static org.crac.Resource snapshotHook() {
        return SNAPSHOT_HOOK;
    }

    /** Ends the kept session, if any. */
    public static void closeIdle() {
        HeavyDbClient c;
        synchronized (HeavyDbSessions.class) {
            c = idle;
            idle = null;
        }
        if (c != null) {
            c.close();
        }
    }
}
