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

    Optional<Remembered> strongest(Engagement engagement) {
        var client = engagement.getClient();
        var company = engagement.getCompany();
        String phone = client.getPhoneKey();
        String domain = properties.identifies(client.getEmailDomain()) ? client.getEmailDomain() : null;
        String website = ScreeningProperties.identifiesWebsite(company.getWebsiteHost()) ? company.getWebsiteHost() : null;
        StringBuilder links = new StringBuilder("e.client.id = :clientId or e.company.id = :companyId");
        if (phone != null) {
            links.append(" or e.client.phoneKey = :phone");
        }
        if (website != null) {
            links.append(" or e.company.websiteHost = :website");
        }
        if (domain != null) {
            links.append(" or e.client.emailDomain = :domain");
        }
        var query = entityManager.createQuery("""
                        select e from Engagement e
                        where e.id <> :self
                          and (e.status in :badEndings or exists (select b.id from Breach b where b.engagementId = e.id))
                          and (%s)
                        order by e.id desc
                        """.formatted(links), Engagement.class)
                .setParameter("self", engagement.getId())
                .setParameter("badEndings", List.of(EngagementStatus.DECLINED, EngagementStatus.TERMINATED))
                .setParameter("clientId", client.getId())
                .setParameter("companyId", company.getId())
                .setMaxResults(50);
        if (phone != null) {
            query.setParameter("phone", phone);
        }
        if (website != null) {
            query.setParameter("website", website);
        }
        if (domain != null) {
            query.setParameter("domain", domain);
        }
        return query.getResultList().stream()
                .map(earlier -> new Remembered(earlier.getNumber(), link(engagement, earlier, phone, website, domain),
                        outcome(earlier)))
                .min(Comparator.comparing(Remembered::link)); // strongest link; the newest among equals (stable order)
    }

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
