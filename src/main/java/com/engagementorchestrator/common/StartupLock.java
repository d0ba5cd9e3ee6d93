package com.engagementorchestrator.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one PostgreSQL database start one after the other (issue 10, item 7c). The engine creates
 * its ACT_* tables itself ({@code camunda.bpm.database.schema-update}), and two engines creating them at once made one
 * crash (ENGINE-03017, a duplicate key creating act_ge_property); the start-up work after it (the admin user, groups
 * and authorizations, filters, the shipped models), which each node does only if it is missing, races the same way.
 *
 * <p>Before the engine is built (this plugin's {@code preInit}, ahead of the schema work), a node takes a PostgreSQL
 * session advisory lock on a connection of its own and holds it until the application accepts traffic (readiness,
 * published after every ApplicationReadyEvent listener). A second node waits for it, then finds the schema and the
 * set-up in place. A node that dies while holding it releases it with its connection; one that fails to start releases
 * it when its context closes. Other databases (H2, a single node on a file) take no lock.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

    /** The advisory lock's key: any fixed number no other code of ours uses ("EOSTART" in ASCII). */
    static final long KEY = 0x454F5354415254L;

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private Connection held;

    public StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        if (held != null) {
            return;
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            LOG.info("Waiting for the start-up lock: another node may be creating or updating the schema");
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            LOG.info("Start-up lock taken after {} ms", (System.nanoTime() - started) / 1_000_000);
            held = connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("The start-up lock could not be taken", e);
        }
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            release();
        }
    }

    @Override
    public void destroy() {
        release();
    }

    /** True while this node holds the lock (start-up not finished). */
    synchronized boolean isHeld() {
        return held != null;
    }

    synchronized void release() {
        if (held == null) {
            return;
        }
        try (PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
            LOG.info("Start-up lock released");
        } catch (SQLException e) {
            // The connection goes back to the pool below: make sure the lock does not stay with it.
            LOG.warn("The start-up lock could not be released; its connection is discarded", e);
            try {
                held.abort(Runnable::run);
            } catch (SQLException ignored) {
                // closed below
            }
        } finally {
            closeQuietly(held);
            held = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to do
            }
        }
    }
}
