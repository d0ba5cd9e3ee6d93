package com.engagementorchestrator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar with the production profile (postgres; here on H2, which changes nothing about the web layer) behind a
 * TLS-terminating proxy on this host: the proxy's X-Forwarded-Proto makes the request secure (HSTS is sent) and every
 * cookie, ours and Camunda's webapps', is Secure. Its own process: a second engine in the test JVM is not possible.
 */
class ProductionProfileIT {

    private static PackagedApp app;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startTheJar() throws Exception {
        app = PackagedApp.start("--spring.profiles.active=postgres", "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--ADMIN_USER=admin", "--ADMIN_PASSWORD=admin-password-1",
                "--camunda.bpm.job-execution.enabled=false");
    }

    @AfterAll
    static void stopTheJar() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void cookiesAreSecureAndTheProxysSchemeIsTrusted() throws Exception {
        HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/camunda/app/tasklist/default/"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        List<String> cookies = tasklist.headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
                .anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .allMatch(cookie -> cookie.matches("(?i).*;\\s*Secure\\b.*"), "Secure");
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).allMatch(cookie -> cookie.contains("HttpOnly"));

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/register"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        // plain HTTP on the port itself, no proxy: no HSTS, the header follows the real scheme
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/register"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
