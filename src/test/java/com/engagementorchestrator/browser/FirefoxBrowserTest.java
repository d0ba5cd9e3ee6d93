package com.engagementorchestrator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.screening.ScreeningService;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The key journey of {@link BrowserTest} in a second engine, so that a fault of one browser is told apart from ours:
 * Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (src/test/firefox/journeys.mjs; Firefox speaks
 * BiDi itself, no geckodriver). A client registers on /register by typing; the moderator logs into Tasklist by typing,
 * finds the intro call in the shared queue, claims it and completes its form; the moderator searches Cockpit.
 */
@IntegrationTest
class FirefoxBrowserTest {

    static final Path FIREFOX = Paths.get("/usr/bin/firefox-esr");
    static final Path JOURNEYS = Paths.get("src", "test", "firefox");
    static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ScreeningService screening;
    @Autowired Engagements engagements;
    @Autowired ObjectMapper json;

    @BeforeAll
    static void needsFirefox() {
        String missing = !Files.isExecutable(FIREFOX) ? "Firefox ESR (apt-get install firefox-esr)"
                : node().isEmpty() ? "Node.js (apt-get install nodejs npm)"
                : !Files.isDirectory(JOURNEYS.resolve("node_modules/puppeteer-core"))
                        ? "puppeteer-core (npm ci --prefix src/test/firefox)" : null;
        // In CI a missing browser is a failure, never a silent skip; on a developer's machine it is a skip that says why.
        if (System.getenv("CI") != null) {
            org.junit.jupiter.api.Assertions.assertNull(missing, () -> missing + " not installed in CI: .ci/run installs it");
        }
        Assumptions.assumeTrue(missing == null, () -> missing + " not installed");
    }

    @Test
    void aClientRegistersAndTheModeratorHoldsTheIntroCallInFirefox() throws Exception {
        String inn = Intakes.randomInn();
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("fullName", "Olga Smirnova");
        registration.put("email", Intakes.uniqueEmail("firefox"));
        registration.put("password", PASSWORD);
        registration.put("companyName", "Vector LLC");
        registration.put("registrationNumber", inn);
        registration.put("industry", "SEAFOOD");
        registration.put("projectDescription", "A corporate website with a product catalogue");
        registration.put("budgetAmount", 250000);
        registration.put("desiredDeadline", LocalDate.now().plusMonths(3).toString());
        Map<String, Object> registered = inFirefox("register", registration);

        String number = (String) registered.get("number");
        assertThat(number).matches("ENG-\\d{4}-\\d{6}");
        assertThat(registered.get("userAgent")).asString().contains("Firefox");
        var engagement = engagements.findByNumber(number).orElseThrow();
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(EngagementProcess.KEY).singleResult().getId();
        Journeys.screenIntake(management, instanceId);
        management.executeJob(management.createJobQuery().rootProcessInstanceId(instanceId).singleResult().getId());
        var introCall = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.runningInstanceIds(instanceId).toArray(String[]::new)).singleResult();
        assertThat(introCall.getName()).startsWith("Hold the intro call · " + number + " · ");

        Map<String, Object> review = new LinkedHashMap<>();
        review.put("user", "moderator");
        review.put("password", "moderator");
        review.put("taskId", introCall.getId());
        review.put("notes", "Founder is the old partner; new owner signs.");
        review.put("override", "Known to us for years; the new owner signs.");
        Map<String, Object> reviewed = inFirefox("introCall", review);
        System.out.println("Firefox completed the intro call: " + reviewed);

        // One click on Complete submits, as for a person; a lost click fails with the journey's trace of it.
        assertThat(reviewed.get("submitStatuses")).as("Tasklist's submit-form answers to one click on Complete; lost: "
                + reviewed.get("lostClicks")).asList().containsExactly(204);
        assertThat(reviewed.get("pageErrors")).asList().isEmpty();
        Instant until = Instant.now().plusSeconds(30);
        while (tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.runningInstanceIds(instanceId).toArray(String[]::new))
                .taskDefinitionKey(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY).count() == 0) {
            assertThat(Instant.now()).as("Prove signing authority after the intro call").isBefore(until);
            Thread.sleep(200);
        }
        var s = screening.find(engagement.getId()).orElseThrow();
        assertThat(s.getVerdict().name()).isEqualTo("ACCEPT");
        assertThat(s.getReviewedBy()).isEqualTo("moderator");
        assertThat(s.getMarkers()).extracting("id").contains("M4", "M8");
    }

    @Test
    void theModeratorSearchesTheProcessesInCockpitInFirefox() throws Exception {
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("user", "moderator");
        search.put("password", "moderator");
        search.put("name", "Meeting");
        Map<String, Object> found = inFirefox("cockpitSearch", search);

        assertThat(found.get("rows")).asList().singleElement().asString().contains("protocol-signing", "Meeting protocol");
    }

    /** Runs one step of journeys.mjs against this app; its last line of output is the step's result as JSON. */
    private Map<String, Object> inFirefox(String step, Map<String, Object> arguments) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Map<String, Object> all = new LinkedHashMap<>(arguments);
        all.put("baseUrl", "http://localhost:" + port);
        all.put("firefox", FIREFOX.toString());
        all.put("screenshots", SCREENSHOTS.toAbsolutePath().toString());
        Path log = Files.createTempFile("firefox-" + step, ".log");
        Path result = Files.createTempFile("firefox-" + step, ".json");
        Process node = new ProcessBuilder(node().orElseThrow().toString(), "journeys.mjs", step, json.writeValueAsString(all))
                .directory(JOURNEYS.toFile())
                .redirectOutput(result.toFile())
                .redirectError(log.toFile())
                .start();
        boolean ended = node.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly().waitFor();
        }
        String errors = Files.readString(log, StandardCharsets.UTF_8);
        String[] lines = Files.readString(result, StandardCharsets.UTF_8).strip().split("\n");
        Files.deleteIfExists(log);
        Files.deleteIfExists(result);
        assertThat(ended && node.exitValue() == 0).as("Firefox step %s:%n%s", step, errors).isTrue();
        return json.readValue(lines[lines.length - 1], new TypeReference<>() { });
    }

    private static Optional<Path> node() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Paths.get(dir, "node")).filter(Files::isExecutable).findFirst();
    }
}
