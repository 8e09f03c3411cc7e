package org.egovmonitor.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Lends Quartz the application's pool. {@link #shutdown()} does nothing: Dropwizard stops the pool after the
 * scheduler, and Quartz must not close what it does not own.
 */
final class PooledConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    PooledConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to Dropwizard
    }

    @Override
    public void initialize() {
        // nothing to set up
    }
}
