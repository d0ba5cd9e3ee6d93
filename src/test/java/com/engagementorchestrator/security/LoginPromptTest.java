package com.engagementorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A 401 with a Basic challenge to a page's script makes the browser open its own log-in prompt, which swallows every
 * key stroke and click of the tab (invisibly so in a headless browser). Camunda's login pages ask GET /camunda-welcome
 * on every visit; with a challenge in the answer Tasklist and Cockpit took no input at all (issue 11).
 */
@IntegrationTest
class LoginPromptTest {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPagesScriptIsNeverAskedForBasicCredentials() throws Exception {
        // What Tasklist's and Cockpit's login pages ask (fetch/XHR: Sec-Fetch-Mode cors or same-origin).
        for (String mode : new String[] {"cors", "same-origin", "no-cors"}) {
            HttpResponse<String> welcome = get("/camunda-welcome", "Sec-Fetch-Mode", mode);
            assertThat(welcome.statusCode()).as(mode).isEqualTo(401);
            assertThat(welcome.headers().firstValue("WWW-Authenticate")).as(mode).isEmpty();
        }
        HttpResponse<String> api = get("/api/engagements", "Sec-Fetch-Mode", "cors");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> oldScript = get("/api/engagements", "X-Requested-With", "XMLHttpRequest");
        assertThat(oldScript.statusCode()).isEqualTo(401);
        assertThat(oldScript.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aPersonOrAProgramAskingDirectlyIsStillAskedForCredentials() throws Exception {
        String challenge = "Basic realm=\"" + SecurityConfiguration.REALM + "\"";
        HttpResponse<String> program = get("/api/engagements", "Accept", "application/json");
        assertThat(program.statusCode()).isEqualTo(401);
        assertThat(program.headers().firstValue("WWW-Authenticate")).hasValue(challenge);
        HttpResponse<String> navigation = get("/api/engagements", "Sec-Fetch-Mode", "navigate");
        assertThat(navigation.statusCode()).isEqualTo(401);
        assertThat(navigation.headers().firstValue("WWW-Authenticate")).hasValue(challenge);
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
