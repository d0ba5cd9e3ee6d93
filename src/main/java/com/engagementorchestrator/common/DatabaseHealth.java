package com.engagementorchestrator.common;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database for {@code /actuator/health} ("db"; replaces Spring Boot's, which waits as long as the pool does): a
 * connection and a validation with a timeout, on a thread of its own, so health answers DOWN within
 * {@code engagement.health.timeout} while the database hangs, and UP only when it answered.
 */
@Component("dbHealthIndicator")
public class DatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final BoundedProbe probe;

    public DatabaseHealth(DataSource dataSource, @Value("${engagement.health.timeout:PT2S}") Duration timeout) {
        this.dataSource = dataSource;
        this.probe = new BoundedProbe("db", timeout);
    }

    @Override
    public Health health() {
        int seconds = (int) Math.max(1, probe.timeout().toSeconds());
        try {
            String database = probe.call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    if (!connection.isValid(seconds)) {
                        throw new SQLException("the connection did not validate within " + seconds + " s");
                    }
                    return connection.getMetaData().getDatabaseProductName();
                }
            });
            return Health.up().withDetail("database", database).build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + probe.timeout()).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    @PreDestroy
    void stop() {
        probe.stop();
    }
}
