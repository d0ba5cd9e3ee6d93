package com.engagementorchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A client working on their tasks the only way open to them: the portal's API (/api/portal/tasks), here with HTTP
 * Basic as a script would (the portal's pages use its session; both reach the same endpoints). Also the check that the
 * engine's own surfaces refuse a client and send them to the portal.
 */
public final class PortalClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final int port;
    private final String user;
    private final String password;

    public PortalClient(HttpClient http, ObjectMapper json, int port, String user, String password) {
        this.http = http;
        this.json = json;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The task as the portal shows it: {@code task}, {@code form}, {@code schema}, {@code variables}. */
    public HttpResponse<String> task(String taskId) throws Exception {
        return BasicAuthHttp.send(http, json, port, "GET", "/api/portal/tasks/" + taskId, null, user, password);
    }

    public JsonNode shownVariables(String taskId) throws Exception {
        HttpResponse<String> task = task(taskId);
        assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
        return json.readTree(task.body()).path("variables");
    }

    public JsonNode openTasks() throws Exception {
        HttpResponse<String> open = BasicAuthHttp.send(http, json, port, "GET", "/api/portal/tasks", null, user, password);
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        return json.readTree(open.body());
    }

    /** A Camunda Form's submission: the fields as plain JSON values. */
    public HttpResponse<String> submit(String taskId, Map<String, ?> fields) throws Exception {
        return BasicAuthHttp.send(http, json, port, "POST", "/api/portal/tasks/" + taskId + "/submit", fields, user, password);
    }

    /** An upload form's submission: byte[] values are PDF files, anything else text. */
    public HttpResponse<String> upload(String taskId, Map<String, ?> parts) throws Exception {
        return http.send(multipart("/api/portal/tasks/" + taskId + "/submit", parts).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The same upload, built but not sent (for tests that fire it themselves, at a chosen moment). */
    public HttpRequest.Builder multipart(String path, Map<String, ?> parts) {
        String boundary = "portal" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, ?> part : parts.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (part.getValue() instanceof byte[] file) {
                body.writeBytes(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                        + part.getKey() + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file);
            } else {
                body.writeBytes(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"\r\n\r\n" + part.getValue())
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** The engine REST API's or a webapp's answer to a client: 403, sending them to the portal. */
    public static void assertSentToThePortal(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("client portal at /portal");
    }
}
