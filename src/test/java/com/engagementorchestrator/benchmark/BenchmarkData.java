package com.engagementorchestrator.benchmark;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Domain rows for the scale benchmarks, written in bulk by SQL (registering each over HTTP would take hours). */
final class BenchmarkData {

    private BenchmarkData() {
    }

    /**
     * M engagements in the signing-authority phase, each of its own client ({@code <prefix>-<n>@example.com}) and
     * company: rows {@code id}, {@code number}, {@code user_id}.
     */
    static List<Map<String, Object>> engagements(JdbcTemplate jdbc, String prefix, int m) {
        jdbc.update("insert into company (name, registration_number, country, industry, created_at) select "
                + "'Benchmark Co ' || g, ? || '-' || g, 'RU', 'SEAFOOD', now() from generate_series(1, ?) g", prefix, m);
        jdbc.update("insert into client (user_id, email, full_name, locale, company_id, created_at) select "
                + "? || '-' || g || '@example.com', ? || '-' || g || '@example.com', 'Client ' || g, "
                + "'en', k.id, now() from generate_series(1, ?) g join company k on k.registration_number = ? || '-' || g",
                prefix, prefix, m, prefix);
        jdbc.update("insert into engagement (number, client_id, company_id, status, phase, project_description, budget_amount,"
                + " budget_currency, desired_deadline, first_contact_channel, decision_making, created_at) select "
                + "'B' || c.id, c.id, c.company_id, 'ACTIVE', 'SIGNING_AUTHORITY', 'Scale benchmark', 100000, "
                + "'RUB', current_date + 90, 'EMAIL', 'SELF', now() from client c where c.user_id like ? || '-%'", prefix);
        return jdbc.queryForList("select e.id, e.number, c.user_id from engagement e join client c on c.id = e.client_id "
                + "where c.user_id like ? || '-%' order by e.id", prefix);
    }
}
