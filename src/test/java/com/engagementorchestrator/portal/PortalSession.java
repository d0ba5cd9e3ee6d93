package com.engagementorchestrator.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A browser-like client of the portal: a cookie jar, the CSRF token the session hands out, JSON and multipart. */
final class PortalSession {

    private final String base;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();
    private JsonNode csrf;

    PortalSession(int port, ObjectMapper json) {
        this.base = "http://localhost:" + port;
        this.json = json;
    }

    JsonNode session() throws Exception {
        JsonNode answer = json.readTree(get("/api/portal/session").body());
        csrf = answer.path("csrf");
        return answer;
    }

    HttpResponse<String> signIn(String email, String password) throws Exception {
        if (csrf == null) {
            session();
        }
        HttpResponse<String> answer = post("/api/portal/session", Map.of("email", email, "password", password));
        if (answer.statusCode() == 200) {
            csrf = json.readTree(answer.body()).path("csrf");
        }
        return answer;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json.readTree(answer.body());
    }

    HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)), "application/json", true);
    }

    HttpResponse<String> postWithoutCsrf(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)), "application/json", false);
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null, true);
    }

    /** A multipart form: byte[] values are files named after their field, anything else text. */
    HttpResponse<String> multipart(String path, Map<String, Object> parts) throws IOException, InterruptedException {
        String boundary = "portal" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> part : parts.entrySet()) {
            body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (part.getValue() instanceof byte[] file) {
                body.write(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\"" + part.getKey()
                        + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file);
            } else {
                body.write(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"\r\n\r\n" + part.getValue())
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary, true);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String type, boolean withCsrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (withCsrf && csrf != null && csrf.hasNonNull("header")) {
            request.header(csrf.get("header").asText(), csrf.get("token").asText());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
