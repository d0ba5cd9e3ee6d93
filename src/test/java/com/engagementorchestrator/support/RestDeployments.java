package com.engagementorchestrator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Deploys models over the engine's REST API as a user (password = user id, the demo users), like an analyst does. */
public final class RestDeployments {

    private RestDeployments() {
    }

    public static HttpResponse<String> deploy(HttpClient http, int port, String user, String name,
                                              Map<String, byte[]> resources) throws Exception {
        String boundary = "----eo" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (var resource : resources.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + resource.getKey()
                    + "\"; filename=\"" + resource.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(resource.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The shipped files of a folder of the project (processes, forms), by their deployment name (folder/file). */
    public static Map<String, byte[]> shipped(String folder, String suffix) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(Path.of(folder))) {
            for (Path file : list.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                files.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
