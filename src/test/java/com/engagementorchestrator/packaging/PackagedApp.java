package com.engagementorchestrator.packaging;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repackaged jar (system property app.jar, set by failsafe) run as its own process, as docker compose and
 * production run it: H2 in a temporary directory, a free port on loopback. Stopped by {@link #stop()} and, should the
 * test JVM end first, by a shutdown hook.
 */
final class PackagedApp {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Path logFile;
    final String baseUrl;

    private PackagedApp(Process process, Path logFile, String baseUrl) {
        this.process = process;
        this.logFile = logFile;
        this.baseUrl = baseUrl;
    }

    static PackagedApp start(String... arguments) throws Exception {
        String jarProperty = System.getProperty("app.jar");
        if (jarProperty == null) {
            fail("System property app.jar is not set: run through Maven (./mvnw verify), which builds the jar first");
        }
        Path jar = Path.of(jarProperty);
        if (!Files.isRegularFile(jar)) {
            fail("The repackaged jar " + jar + " is missing: the package phase must run before this test");
        }
        Path workDir = Files.createTempDirectory("eo-packaged-jar");
        Path logFile = workDir.resolve("app.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx768m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1"));
        // H2 in the work directory unless the test names a database (a property given twice would be joined by a comma)
        if (List.of(arguments).stream().noneMatch(argument -> argument.startsWith("--spring.datasource.url="))) {
            command.add("--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db"));
        }
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        PackagedApp app = new PackagedApp(process, logFile, "http://127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        app.awaitReady();
        return app;
    }

    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The jar exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        stop();
        fail("The jar was not ready within " + STARTUP + ":\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
