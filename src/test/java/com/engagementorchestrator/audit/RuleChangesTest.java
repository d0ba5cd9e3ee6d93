package com.engagementorchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.models.ShippedModels;
import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.RestDeployments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, item 7: every deployment is recorded with its user, and a changed decision table with the exact rules and
 * cells that changed; served at GET /api/rules/changes and on /rule-changes to analysts and moderators only.
 */
@IntegrationTest
class RuleChangesTest {

    static final String DEPOSIT_POLICY = "processes/deposit-policy.dmn";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<String> deployments = new ArrayList<>();

    /** The shipped tables stay the live ones for the tests that follow. */
    @AfterEach
    void removeTestDeployments() {
        deployments.forEach(id -> repository.deleteDeployment(id, true, true, true));
    }

    @Test
    void anAnalystsChangedTableIsRecordedWithTheRulesAndCellsThatChanged() throws Exception {
        String shipped = Files.readString(Path.of(DEPOSIT_POLICY));
        // deposit-share: a new first rule, the high-risk share raised, the medium-risk rule removed.
        String changed = shipped
                .replace("<text>50</text>", "<text>60</text>")
                .replace(between(shipped, "      <rule id=\"MediumRiskShareRule\">", "      <rule id=\"LowRiskShareRule\">"), "")
                .replace("      <rule id=\"HighRiskShareRule\">", """
                              <rule id="VeryHighRiskShareRule">
                                <description>Red flags that add up: most of it up front</description>
                                <inputEntry id="VeryHighRiskShareRuleIn0"><text>&gt;= 70</text></inputEntry>
                                <outputEntry id="VeryHighRiskShareRuleOut0"><text>70</text></outputEntry>
                              </rule>
                              <rule id="HighRiskShareRule">""");
        assertThat(changed).doesNotContain("MediumRiskShareRule").contains("VeryHighRiskShareRule", "<text>60</text>");
        int previous = repository.createDecisionDefinitionQuery().decisionDefinitionKey("deposit-share").latestVersion()
                .singleResult().getVersion();
        Instant before = Instant.now().minusSeconds(1);

        String name = "rule-change-" + UUID.randomUUID();
        HttpResponse<String> deployed = RestDeployments.deploy(http, port, "analyst", name,
                Map.of("deposit-policy.dmn", changed.getBytes(StandardCharsets.UTF_8)));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deploymentId = json.readTree(deployed.body()).path("id").asText();
        deployments.add(deploymentId);

        JsonNode share = latest("analyst", "deposit-share");
        assertThat(share.path("deploymentId").asText()).isEqualTo(deploymentId);
        assertThat(share.path("kind").asText()).isEqualTo("DECISION");
        assertThat(share.path("deployedBy").asText()).isEqualTo("analyst");
        assertThat(share.path("version").asInt()).isEqualTo(previous + 1);
        assertThat(share.path("previousVersion").asInt()).isEqualTo(previous);
        assertThat(Instant.parse(share.path("deployedAt").asText())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(share.path("changed").asBoolean()).isTrue();

        JsonNode diff = share.path("diff");
        assertThat(diff.path("rulesAdded")).hasSize(1);
        assertThat(diff.path("rulesAdded").get(0).path("ruleId").asText()).isEqualTo("VeryHighRiskShareRule");
        assertThat(diff.path("rulesAdded").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(diff.path("rulesAdded").get(0).path("cells").findValuesAsText("text")).containsExactly(">= 70", "70",
                "Red flags that add up: most of it up front");
        assertThat(diff.path("rulesRemoved")).hasSize(1);
        assertThat(diff.path("rulesRemoved").get(0).path("ruleId").asText()).isEqualTo("MediumRiskShareRule");
        assertThat(diff.path("rulesRemoved").get(0).path("row").asInt()).isEqualTo(2);
        // The high-risk rule moved from row 1 to 2 and its output changed; the low-risk rule kept row 3 and its cells.
        assertThat(diff.path("rulesChanged")).hasSize(1);
        JsonNode high = diff.path("rulesChanged").get(0);
        assertThat(high.path("ruleId").asText()).isEqualTo("HighRiskShareRule");
        assertThat(high.path("rowBefore").asInt()).isEqualTo(1);
        assertThat(high.path("rowAfter").asInt()).isEqualTo(2);
        assertThat(high.path("cells")).hasSize(1);
        assertThat(high.path("cells").get(0).path("kind").asText()).isEqualTo("output");
        assertThat(high.path("cells").get(0).path("columnId").asText()).isEqualTo("SharePercentOutput");
        assertThat(high.path("cells").get(0).path("column").asText()).isEqualTo("Share of the budget, %");
        assertThat(high.path("cells").get(0).path("before").asText()).isEqualTo("50");
        assertThat(high.path("cells").get(0).path("after").asText()).isEqualTo("60");
        assertThat(diff.path("inputsAdded")).isEmpty();
        assertThat(diff.path("outputsRemoved")).isEmpty();

        // The other decision of the same file went out unchanged, and says so.
        JsonNode minimum = latest("moderator", "deposit-minimum");
        assertThat(minimum.path("deploymentId").asText()).isEqualTo(deploymentId);
        assertThat(minimum.path("changed").asBoolean(true)).isFalse();
        assertThat(minimum.path("diff").path("rulesChanged")).isEmpty();

        // Filtered by key, newest first; only changed versions.
        JsonNode page = get("analyst", "/api/rules/changes?key=deposit-minimum&changedOnly=true&limit=200");
        assertThat(page.path("changes").findValuesAsText("deploymentId")).doesNotContain(deploymentId);
    }

    @Test
    void aColumnAddedAndACellChangedAreNamed() {
        byte[] before = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="n">
                  <decision id="d" name="D"><decisionTable id="T">
                    <input id="A" label="Amount"><inputExpression id="AE" typeRef="integer"><text>amount</text></inputExpression></input>
                    <output id="O" label="Verdict" name="verdict" typeRef="string" />
                    <rule id="R1"><inputEntry id="R1A"><text>&gt; 10</text></inputEntry><outputEntry id="R1O"><text>"BIG"</text></outputEntry></rule>
                  </decisionTable></decision>
                </definitions>""".getBytes(StandardCharsets.UTF_8);
        byte[] after = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="n">
                  <decision id="d" name="D"><decisionTable id="T" hitPolicy="FIRST">
                    <input id="A" label="Amount"><inputExpression id="AE" typeRef="integer"><text>amount</text></inputExpression></input>
                    <input id="C" label="Currency"><inputExpression id="CE" typeRef="string"><text>currency</text></inputExpression></input>
                    <output id="O" label="Verdict" name="verdict" typeRef="string" />
                    <rule id="R1"><inputEntry id="R1A"><text>&gt; 20</text></inputEntry><inputEntry id="R1C"><text>"RUB"</text></inputEntry><outputEntry id="R1O"><text>"BIG"</text></outputEntry></rule>
                  </decisionTable></decision>
                </definitions>""".getBytes(StandardCharsets.UTF_8);

        DecisionDiff.Result diff = DecisionDiff.between("d", before, after);

        assertThat(diff.inputsAdded()).containsExactly(new DecisionDiff.Column("C", "Currency", "currency"));
        assertThat(diff.hitPolicy()).isEqualTo(new DecisionDiff.TextChange("UNIQUE", "FIRST"));
        assertThat(diff.rulesChanged()).containsExactly(new DecisionDiff.RuleChange("R1", 1, 1, List.of(
                new DecisionDiff.CellChange("input", "A", "Amount", "> 10", "> 20"),
                new DecisionDiff.CellChange("input", "C", "Currency", null, "\"RUB\""))));
        assertThat(diff.changed()).isTrue();
        assertThat(DecisionDiff.between("d", after, after).changed()).isFalse();
    }

    @Test
    void theApplicationsOwnDeploymentIsRecordedAsSystem() throws Exception {
        String shipped = repository.createDeploymentQuery().deploymentName(ShippedModels.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).get(0).getId();
        JsonNode page = get("analyst", "/api/rules/changes?key=screening-verdict&limit=200");
        JsonNode record = null;
        for (JsonNode change : page.path("changes")) {
            if (change.path("deploymentId").asText().equals(shipped)) {
                record = change;
            }
        }
        assertThat(record).as(page.toString()).isNotNull();
        assertThat(record.path("deployedBy").asText()).isEqualTo("system");
        assertThat(record.path("deploymentName").asText()).isEqualTo(ShippedModels.DEPLOYMENT_NAME);
        // Processes are recorded too.
        assertThat(get("analyst", "/api/rules/changes?kind=process&limit=200").path("changes").findValuesAsText("key"))
                .contains("engagement");
    }

    @Test
    void onlyAnalystsModeratorsAndAdminsMaySeeIt() throws Exception {
        String client = client();
        assertThat(status(client, "/api/rules/changes")).isEqualTo(403);
        assertThat(status(client, "/rule-changes")).isEqualTo(403);
        assertThat(status("freelancer", "/api/rules/changes")).isEqualTo(403);
        assertThat(status("moderator", "/api/rules/changes")).isEqualTo(200);
        assertThat(status("demo", "/api/rules/changes")).isEqualTo(200);
        assertThat(status("analyst", "/api/rules/changes?limit=0")).isEqualTo(400);
        assertThat(status("analyst", "/api/rules/changes?kind=RULE")).isEqualTo(400);
        assertThat(status("analyst", "/api/rules/changes?changedOnly=maybe")).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rules/changes"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void thePageRendersTheChangesInChromium() throws Exception {
        HttpResponse<String> page = http.send(request("moderator", "/rule-changes").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Rule changes</h1>", "/assets/rule-changes.js");

        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
        try {
            // Basic credentials in the address: the browser keeps them for the page's own calls to /api.
            browser.get("http://analyst:analyst@127.0.0.1:" + port + "/rule-changes?key=engagement");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                    !driver.findElements(By.cssSelector("#changes tbody tr[data-key='engagement']")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#changes tbody tr[data-key='engagement']")).getText())
                    .contains("system", "Process");
            assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    @Test
    void theEndpointsAreInTheApiDescription() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/docs/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).path("paths");
        assertThat(paths.path("/api/rules/changes").path("get").path("tags").get(0).asText()).isEqualTo("Rule changes");
        assertThat(paths.path("/api/rules/changes").path("get").path("responses").has("403")).isTrue();
        assertThat(paths.path("/api/migrations").has("get")).isTrue();
        assertThat(paths.path("/api/migrations/{key}").has("get")).isTrue();
        assertThat(paths.path("/api/migrations/{key}").path("post").path("tags").get(0).asText()).isEqualTo("Migration");
        assertThat(paths.path("/api/migrations/batches/{batchId}").has("get")).isTrue();
    }

    private JsonNode latest(String user, String key) throws Exception {
        JsonNode page = get(user, "/api/rules/changes?key=" + key + "&limit=1");
        assertThat(page.path("changes")).as(page.toString()).hasSize(1);
        return page.path("changes").get(0);
    }

    private JsonNode get(String user, String path) throws Exception {
        HttpResponse<String> response = BasicAuthHttp.send(http, json, port, "GET", path, null, user, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private int status(String user, String path) throws Exception {
        return http.send(request(user, path).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** A client account (password = user id), as registration creates them. */
    private String client() {
        String id = "rules-client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        User user = identity.newUser(id);
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, "clients");
        return id;
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).isNotNegative();
        assertThat(end).isGreaterThan(start);
        return text.substring(start, end);
    }
}
