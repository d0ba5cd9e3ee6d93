package com.engagementorchestrator.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 11, item 5: the OpenAPI description of /api and its UI, over real HTTP. */
@IntegrationTest
class ApiDocsTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void theDocumentListsTheMainEndpointsOfApiOnlyWithTagsAndOurErrorBody() throws Exception {
        HttpResponse<String> response = get("/api/docs/openapi", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode api = json.readTree(response.body());

        assertThat(api.path("info").path("title").asText()).isEqualTo("Engagement Orchestrator API");
        List<String> paths = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/registrations", "/api/engagements", "/api/engagements/{number}",
                "/api/engagements/{number}/deliveries", "/api/engagements/{number}/complaints",
                "/api/engagements/{number}/protocols", "/api/protocols/{id}", "/api/protocols/{id}/signatures",
                "/api/payments/webhook", "/api/clients/{id}", "/api/reference/industries");
        assertThat(paths).allMatch(path -> path.startsWith("/api/")).noneMatch(path -> path.startsWith("/api/docs"));

        List<String> tags = new ArrayList<>();
        api.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        assertThat(tags).contains("Registration", "Engagements and clients", "Protocols", "Deliveries", "Complaints", "Payments");
        JsonNode engagement = api.path("paths").path("/api/engagements/{number}").path("get");
        assertThat(engagement.path("tags").get(0).asText()).isEqualTo("Engagements and clients");
        assertThat(api.path("paths").path("/api/protocols/{id}/signatures").path("post").path("tags").get(0).asText())
                .isEqualTo("Protocols");

        // Errors carry our body (common/ApiErrorHandler.ApiError); a call without credentials gets 401.
        JsonNode notFound = engagement.path("responses").path("404").path("content");
        assertThat(notFound.isEmpty()).as("a 404 body is described: %s", engagement.path("responses")).isFalse();
        assertThat(notFound.elements().next().path("schema").path("$ref").asText()).as("%s", notFound).endsWith("/ApiError");
        assertThat(engagement.path("responses").has("401")).isTrue();
        assertThat(engagement.path("responses").path("403").path("content").path("application/json").path("schema").path("$ref")
                .asText()).endsWith("/ApiError");
        assertThat(api.path("paths").path("/api/registrations").path("post").path("responses").path("400").path("content")
                .path("application/json").path("schema").path("$ref").asText()).endsWith("/ApiError");
        List<String> errorFields = new ArrayList<>();
        api.path("components").path("schemas").path("ApiError").path("properties").fieldNames().forEachRemaining(errorFields::add);
        assertThat(errorFields).containsExactlyInAnyOrder("status", "error", "message", "fields");

        // HTTP Basic everywhere but on what anyone may call.
        assertThat(api.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        JsonNode registration = api.path("paths").path("/api/registrations").path("post");
        assertThat(registration.path("security").isArray() && registration.path("security").isEmpty()).isTrue();
        assertThat(registration.path("responses").has("401")).isFalse();
    }

    @Test
    void theUiLoadsForAnyoneAndReadsOurDocumentWhileTheApiItselfStaysClosed() throws Exception {
        HttpResponse<String> page = get("/api/docs", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.uri().getPath()).startsWith("/api/docs/");

        HttpResponse<String> config = get("/api/docs/openapi/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json.readTree(config.body()).path("url").asText()).isEqualTo("/api/docs/openapi");

        // Staff signed in to the API read the same pages: no second login.
        assertThat(get("/api/docs/openapi", "moderator").statusCode()).isEqualTo(200);
        assertThat(get("/api/engagements/ENG-1999-000000", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
