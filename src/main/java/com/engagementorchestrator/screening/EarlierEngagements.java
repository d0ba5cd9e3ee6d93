package com.engagementorchestrator.screening;

import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementStatus;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The memory of earlier clients: an engagement that was declined, terminated or blocked before, of the same client,
 * company (a colleague: companies are shared by registration number), phone, website or e-mail domain.
 */
@Component
class EarlierEngagements {

    /** How an earlier engagement is linked to this one, strongest first. */
    enum Link {
        CLIENT("same client"), COMPANY("same company"), PHONE("same phone number"), WEBSITE("same website"),
        EMAIL_DOMAIN("same e-mail domain");

        final String words;

        Link(String words) {
            this.words = words;
        }
    }

    record Remembered(String number, Link link, String outcome) {
    }

    private final EntityManager entityManager;
    private final ScreeningProperties properties;

    EarlierEngagements(EntityManager entityManager, ScreeningProperties properties) {
        this.entityManager = entityManager;
        this.properties = properties;
    }

    /**
     * One query: the earlier engagements linked by any key, and per key whether it identifies anyone (fewer than
     * {@link #UNRELATED_COMPANIES} other companies share it). The key counts are uncorrelated subqueries, which
     * PostgreSQL evaluates once per query; the same test guards each link in the where clause, so a shared key cannot
     * fill the 50 rows with unrelated engagements.
     */
    Optional<Remembered> strongest(Engagement engagement) {
        var client = engagement.getClient();
        var company = engagement.getCompany();
        String phone = client.getPhoneKey();
        String website = ScreeningProperties.identifiesWebsite(company.getWebsiteHost()) ? company.getWebsiteHost() : null;
        String domain = properties.identifies(client.getEmailDomain()) ? client.getEmailDomain() : null;
        StringBuilder shared = new StringBuilder();
        StringBuilder links = new StringBuilder("e.client.id = :clientId or e.company.id = :companyId");
        if (phone != null) {
            shared.append(", ").append(sharers("c.phoneKey", "phone"));
            links.append(" or (e.client.phoneKey = :phone and ").append(sharers("c.phoneKey", "phone")).append(" < :few)");
        }
        if (website != null) {
            shared.append(", ").append(sharers("c.company.websiteHost", "website"));
            links.append(" or (e.company.websiteHost = :website and ").append(sharers("c.company.websiteHost", "website"))
                    .append(" < :few)");
        }
        if (domain != null) {
            shared.append(", ").append(sharers("c.emailDomain", "domain"));
            links.append(" or (e.client.emailDomain = :domain and ").append(sharers("c.emailDomain", "domain"))
                    .append(" < :few)");
        }
        var query = entityManager.createQuery("""
                        select e%s from Engagement e join fetch e.client join fetch e.company
                        where e.id <> :self
                          and (e.status in (:declined, :terminated) or exists (select b.id from Breach b where b.engagementId = e.id))
                          and (%s)
                        order by e.id desc
                        """.formatted(shared, links), Object.class)
                .setParameter("self", engagement.getId())
                // Two single values, not a list: Hibernate keeps no query plan for a list parameter and would
                // translate the query again on every screening (JFR, issue 13).
                .setParameter("declined", EngagementStatus.DECLINED)
                .setParameter("terminated", EngagementStatus.TERMINATED)
                .setParameter("clientId", client.getId())
                .setParameter("companyId", company.getId())
                .setMaxResults(50);
        if (phone != null || website != null || domain != null) {
            query.setParameter("few", (long) UNRELATED_COMPANIES);
        }
        if (phone != null) {
            query.setParameter("phone", phone);
        }
        if (website != null) {
            query.setParameter("website", website);
        }
        if (domain != null) {
            query.setParameter("domain", domain);
        }
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        // The counts are the same on every row: keep a key only if it identifies anyone.
        Object first = rows.get(0);
        int column = 1;
        if (phone != null) {
            phone = identifies(first, column++) ? phone : null;
        }
        if (website != null) {
            website = identifies(first, column++) ? website : null;
        }
        if (domain != null) {
            domain = identifies(first, column) ? domain : null;
        }
        String phoneKey = phone;
        String websiteHost = website;
        String emailDomain = domain;
        return rows.stream()
                .map(row -> row instanceof Object[] columns ? (Engagement) columns[0] : (Engagement) row)
                .map(earlier -> new Remembered(earlier.getNumber(),
                        link(engagement, earlier, phoneKey, websiteHost, emailDomain), outcome(earlier)))
                .min(Comparator.comparing(Remembered::link)); // strongest link; the newest among equals (stable order)
    }

    /**
     * How many other companies' clients share the key: a phone, website or domain used by unrelated companies (a call
     * centre, a hosting provider, a placeholder) identifies nobody.
     */
    private static String sharers(String path, String parameter) {
        return "(select count(distinct c.company.id) from Client c where " + path + " = :" + parameter
                + " and c.company.id <> :companyId)";
    }

    private static boolean identifies(Object row, int column) {
        return ((Number) ((Object[]) row)[column]).longValue() < UNRELATED_COMPANIES;
    }

    /** This many other companies sharing a phone, website or e-mail domain make it no one's. */
    static final int UNRELATED_COMPANIES = 3;

    private static Link link(Engagement now, Engagement earlier, String phone, String website, String domain) {
        if (earlier.getClient().getId().equals(now.getClient().getId())) {
            return Link.CLIENT;
        }
        if (earlier.getCompany().getId().equals(now.getCompany().getId())) {
            return Link.COMPANY;
        }
        if (phone != null && phone.equals(earlier.getClient().getPhoneKey())) {
            return Link.PHONE;
        }
        if (website != null && website.equals(earlier.getCompany().getWebsiteHost())) {
            return Link.WEBSITE;
        }
        return Link.EMAIL_DOMAIN;
    }

    private static String outcome(Engagement earlier) {
        return switch (earlier.getStatus()) {
            case DECLINED -> "declined";
            case TERMINATED -> "terminated";
            default -> "blocked for a breach";
        };
    }
}
