package com.engagementorchestrator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.support.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 10, item 5: migration V14 merges the duplicate companies concurrent registrations left behind into the oldest
 * row and then refuses any new duplicate, on PostgreSQL (production, tests) and H2 (the default run) alike.
 */
class OneCompanyMigrationTest {

    @Test
    void duplicatesAreMergedIntoTheOldestRowOnPostgres() throws Exception {
        String name = "v14_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = TestInfrastructure.postgres().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        mergesDuplicates(TestInfrastructure.postgres().getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    @Test
    void duplicatesAreMergedIntoTheOldestRowOnH2() throws Exception {
        mergesDuplicates("jdbc:h2:mem:v14-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private void mergesDuplicates(String url, String user, String password) throws SQLException {
        // every migration before V14, whatever their number
        MigrationVersion before = java.util.Arrays.stream(Flyway.configure().dataSource(url, user, password)
                        .locations("classpath:db/migration").table("domain_schema_history").load().info().all())
                .map(migration -> migration.getVersion())
                .filter(version -> version.compareTo(MigrationVersion.fromVersion("14")) < 0)
                .max(Comparator.naturalOrder()).orElseThrow();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .table("domain_schema_history").target(before).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            long oldest = company(jdbc, "7700000001");
            long second = company(jdbc, "7700000001");
            long third = company(jdbc, "7700000001");
            long other = company(jdbc, "7700000002");
            long noNumber = company(jdbc, null);
            long alsoNoNumber = company(jdbc, null);
            client(jdbc, "a@example.com", oldest);
            client(jdbc, "b@example.com", second);
            client(jdbc, "c@example.com", third);
            client(jdbc, "d@example.com", other);

            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                    .table("domain_schema_history").load().migrate();

            assertThat(jdbc.queryForList("select id from company order by id", Long.class))
                    .containsExactly(oldest, other, noNumber, alsoNoNumber);
            assertThat(jdbc.queryForList("select company_id from client order by email", Long.class))
                    .containsExactly(oldest, oldest, oldest, other);
            assertThatThrownBy(() -> company(jdbc, "7700000002")).isInstanceOf(DuplicateKeyException.class)
                    .satisfies(refused -> assertThat(refused.getMessage()).containsIgnoringCase("company_registration_uq"));
        }
    }

    private static long company(JdbcTemplate jdbc, String registrationNumber) {
        jdbc.update("insert into company (name, registration_number, country, industry, created_at)"
                + " values ('Vector', ?, 'RU', 'IT', current_timestamp)", registrationNumber);
        return jdbc.queryForObject("select max(id) from company", Long.class);
    }

    private static void client(JdbcTemplate jdbc, String email, long companyId) {
        jdbc.update("insert into client (user_id, email, full_name, locale, company_id, created_at)"
                + " values (?, ?, 'Olga', 'en', ?, current_timestamp)", email, email, companyId);
    }
}
