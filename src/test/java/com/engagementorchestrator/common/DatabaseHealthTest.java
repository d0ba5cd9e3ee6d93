package com.engagementorchestrator.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.SilentServer;
import com.engagementorchestrator.support.TestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Issue 10, item 7: during a database outage health hung 25 s and then said UP. A database that accepts the connection
 * and never answers (the worst kind of outage) must make health say DOWN within its timeout, every time it is asked.
 */
class DatabaseHealthTest {

    @Test
    void aDatabaseThatNeverAnswersIsDownWithinTheTimeoutEveryTime() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            PGSimpleDataSource hung = new PGSimpleDataSource();
            hung.setUrl("jdbc:postgresql://127.0.0.1:" + silent.port() + "/postgres");
            hung.setUser("postgres");
            DatabaseHealth health = new DatabaseHealth(hung, Duration.ofMillis(700));
            try {
                for (int call = 0; call < 3; call++) {
                    long started = System.nanoTime();
                    Health answer = health.health();
                    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(answer.getDetails().get("error").toString()).contains("no answer within");
                    assertThat(millis).as("answered within the timeout").isLessThan(2_000);
                }
                assertThat(silent.connections()).as("a hung check is not started again while it hangs").isEqualTo(1);
            } finally {
                health.stop();
            }
        }
    }

    @Test
    void aDatabaseThatAnswersIsUp() {
        DatabaseHealth health = new DatabaseHealth(TestInfrastructure.postgres().getPostgresDatabase(), Duration.ofSeconds(2));
        try {
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.UP);
            assertThat(answer.getDetails()).containsEntry("database", "PostgreSQL");
        } finally {
            health.stop();
        }
    }
}
