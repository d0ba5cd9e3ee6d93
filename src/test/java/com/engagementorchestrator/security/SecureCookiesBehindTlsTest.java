package com.engagementorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The production profile behind a TLS-terminating proxy on this host: the proxy's X-Forwarded-Proto makes the request
 * secure (HSTS is sent) and every session cookie, ours and Camunda's webapps', is Secure and HttpOnly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ADMIN_USER=admin", "ADMIN_PASSWORD=admin-password-1", "DB_URL=jdbc:unused", "DB_USER=unused", "DB_PASSWORD=unused"})
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = TestInfrastructure.class)
class SecureCookiesBehindTlsTest {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void sessionCookiesAreSecureAndTheProxysSchemeIsTrusted() throws Exception {
        HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/camunda/app/tasklist/default/"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "eo.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        List<String> cookies = tasklist.headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
                .allMatch(cookie -> cookie.matches("(?i).*;\\s*Secure\\b.*"), "Secure");
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).allMatch(cookie -> cookie.contains("HttpOnly"));

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/register"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        // without the proxy (plain HTTP on the port itself) no HSTS: the header follows the real scheme
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/register"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
