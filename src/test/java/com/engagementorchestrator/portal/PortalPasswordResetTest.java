package com.engagementorchestrator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.Mailbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Password reset by e-mail over real HTTP and real SMTP (GreenMail): no enumeration, expiring, single use. */
@IntegrationTest
class PortalPasswordResetTest {

    static final String OLD_PASSWORD = "correct-horse-battery";
    static final String NEW_PASSWORD = "a-brand-new-passphrase";
    static final Pattern LINK = Pattern.compile("(http://\\S+/portal/#/reset/)([A-Za-z0-9_-]{43})");

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aClientResetsTheirPasswordWithTheLinkFromTheLetterOnceAndAStrangerLearnsNothing() throws Exception {
        Journeys journey = new Journeys(context);
        journey.accepted(intake -> intake.put("locale", "ru"));
        PortalSession browser = new PortalSession(port, json);
        browser.session();

        HttpResponse<String> known = browser.post("/api/portal/password-reset", Map.of("email", journey.email));
        String unknownEmail = Intakes.uniqueEmail("nobody");
        HttpResponse<String> unknown = browser.post("/api/portal/password-reset", Map.of("email", unknownEmail));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).as("the same answer for an unknown address").isEqualTo(known.body());

        MimeMessage letter = awaitResetLetter(journey.email);
        assertThat(Mailbox.subjectOf(letter)).isEqualTo("Сброс пароля от личного кабинета");
        String body = letter.getContent().toString();
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("a reset link in " + body).isTrue();
        String token = link.group(2);
        assertThat(jdbc.queryForObject("select count(*) from portal_password_reset where token_sha256 = ?", Long.class, token))
                .as("the token itself is not stored").isZero();
        assertThat(Mailbox.of(unknownEmail)).isEmpty();

        HttpResponse<String> tooShort = browser.post("/api/portal/password-reset/confirm",
                Map.of("token", token, "password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("password");
        assertThat(browser.post("/api/portal/password-reset/confirm", Map.of("token", token + "x", "password", NEW_PASSWORD))
                .statusCode()).isEqualTo(400);

        assertThat(browser.post("/api/portal/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> again = browser.post("/api/portal/password-reset/confirm",
                Map.of("token", token, "password", "yet-another-passphrase"));
        assertThat(again.statusCode()).as("a link works once").isEqualTo(400);
        assertThat(again.body()).contains("invalid, expired or used already");

        // The new password first: a wrong one delays the account's next log-in (the engine's brute-force protection).
        assertThat(new PortalSession(port, json).signIn(journey.email, NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(new PortalSession(port, json).signIn(journey.email, OLD_PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        Journeys journey = new Journeys(context);
        journey.accepted(intake -> { });
        PortalSession browser = new PortalSession(port, json);
        browser.session();
        assertThat(browser.post("/api/portal/password-reset", Map.of("email", journey.email)).statusCode()).isEqualTo(202);
        MimeMessage letter = awaitResetLetter(journey.email);
        assertThat(Mailbox.subjectOf(letter)).isEqualTo("Reset your password for the client portal");
        Matcher link = LINK.matcher(letter.getContent().toString());
        assertThat(link.find()).isTrue();
        jdbc.update("update portal_password_reset set expires_at = created_at where user_id = ?", journey.email);

        HttpResponse<String> expired = browser.post("/api/portal/password-reset/confirm",
                Map.of("token", link.group(2), "password", NEW_PASSWORD));
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(new PortalSession(port, json).signIn(journey.email, OLD_PASSWORD).statusCode()).isEqualTo(200);
    }

    private static MimeMessage awaitResetLetter(String email) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> resets = Mailbox.of(email).stream()
                    .filter(m -> Mailbox.subjectOf(m).contains("пароля") || Mailbox.subjectOf(m).contains("password")).toList();
            if (!resets.isEmpty()) {
                return resets.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reset letter to " + email);
    }
}
