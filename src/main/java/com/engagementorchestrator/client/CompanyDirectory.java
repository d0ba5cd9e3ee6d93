package com.engagementorchestrator.client;

import com.engagementorchestrator.common.Time;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Colleagues of one company share its record, found by country and registration number; the database holds one row per
 * pair (unique index, V14). Registrations racing with a number nobody used yet insert it under a savepoint of the
 * caller's transaction: the loser's insert waits for the winner (PostgreSQL holds it on the unique index until the
 * winner commits or rolls back), is refused, rolls back to the savepoint and reads the winner's row. All in the caller's
 * one transaction and connection: a failed registration leaves no company behind, and no second connection is taken.
 */
@Service
public class CompanyDirectory {

    /** SQLSTATE of a unique violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Companies companies;
    private final JdbcTemplate jdbc;

    public CompanyDirectory(Companies companies, JdbcTemplate jdbc) {
        this.companies = companies;
        this.jdbc = jdbc;
    }

    /** The company with this country and registration number, created with these details if there is none yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Company findOrCreate(String name, String registrationNumber, String country, Industry industry, String website) {
        if (registrationNumber == null) {
            return companies.save(new Company(name, null, country, industry, website));
        }
        var known = companies.findFirstByCountryAndRegistrationNumberOrderByIdAsc(country, registrationNumber);
        if (known.isPresent()) {
            return known.get();
        }
        jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement("insert into company (name, registration_number, "
                    + "country, industry, website, website_host, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, registrationNumber);
                insert.setString(3, country);
                insert.setString(4, industry.name());
                insert.setString(5, website);
                insert.setString(6, ContactKeys.websiteHost(website));
                insert.setObject(7, OffsetDateTime.ofInstant(Time.now(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false; // a colleague's registration created it first: theirs is the company
                }
                throw e;
            }
        });
        return companies.findFirstByCountryAndRegistrationNumberOrderByIdAsc(country, registrationNumber)
                .orElseThrow(() -> new IllegalStateException("The company " + country + " " + registrationNumber
                        + " was neither inserted nor found"));
    }
}
