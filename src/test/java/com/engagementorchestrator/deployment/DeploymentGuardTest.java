package com.engagementorchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.RestDeployments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deploying is not running code: an analyst (who may deploy) is refused every model that would run code on the
 * server, over the engine's REST API, with the element and the reason; the shipped models still deploy.
 */
@IntegrationTest
class DeploymentGuardTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A timer's expression is reported on its timer definition. */
    static final String TIMER = "HostileTimerDefinition";

    static Stream<Arguments> hostileModels() {
        return Stream.of(
                hostile("a script task", "Hostile_Script", bpmn("""
                        <bpmn:scriptTask id="Hostile_Script" scriptFormat="groovy">
                          <bpmn:script>java.lang.Runtime.getRuntime().exec("id")</bpmn:script>
                        </bpmn:scriptTask>"""), "scripts are not allowed"),
                hostile("a timer calling identityService", TIMER, timerStart(
                        "${identityService.createMembership('analyst', 'moderators') == null ? 'PT1M' : 'PT1M'}"),
                        "'identityService.createMembership()' is not something the models may call"),
                hostile("naming a server component", TIMER, timerStart("${identityService}"),
                        "'identityService' is a server component the models may not use"),
                hostile("a timer reaching the engine through the execution", TIMER, timerStart(
                        "${execution.processEngineServices.identityService.createMembership('analyst', 'moderators')}"),
                        "is not something the models may call"),
                hostile("a timer using reflection", TIMER, timerStart(
                        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}"),
                        "is not something the models may call"),
                hostile("getClass() on a variable", TIMER, timerStart("${dueAt.getClass()}"),
                        "is not something the models may call"),
                hostile("bracket access", TIMER, timerStart("${execution['processEngineServices']}"),
                        "bracket access"),
                hostile("a delegate expression to a bean that is not a delegate", "Hostile_Delegate", bpmn("""
                        <bpmn:serviceTask id="Hostile_Delegate" camunda:delegateExpression="${identityService}" />"""),
                        "must name one of the application's delegates"),
                hostile("an execution listener reaching the engine", "Hostile_Listener", bpmn("""
                        <bpmn:serviceTask id="Hostile_Listener" camunda:delegateExpression="${screenIntake}">
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start"
                              expression="${execution.getProcessEngineServices().getIdentityService().createMembership('analyst','moderators')}" />
                          </bpmn:extensionElements>
                        </bpmn:serviceTask>"""), "is not something the models may call"),
                hostile("a Java class delegate", "Hostile_Class", bpmn("""
                        <bpmn:serviceTask id="Hostile_Class" camunda:class="java.lang.ProcessBuilder" />"""),
                        "Java classes are not allowed"),
                hostile("an allowed bean with a method the models do not call", TIMER, timerStart(
                        "${blockTimers.getClass()}"), "is not something the models may call"),
                hostile("an embedded form from another site", "Hostile_Form", bpmn("""
                        <bpmn:userTask id="Hostile_Form" camunda:candidateGroups="moderators"
                          camunda:formKey="embedded:https://evil.example/form.html" />"""),
                        "a form key must name a form of the deployment or the application"),
                hostile("a custom form field validator in the old namespace", "Hostile_Validator", bpmn("""
                        <bpmn:userTask id="HostileTask" xmlns:activiti="http://activiti.org/bpmn">
                          <bpmn:extensionElements>
                            <activiti:formData>
                              <activiti:formField id="Hostile_Validator" type="string">
                                <activiti:validation><activiti:constraint name="validator" config="java.lang.Object" /></activiti:validation>
                              </activiti:formField>
                            </activiti:formData>
                          </bpmn:extensionElements>
                        </bpmn:userTask>"""), "only the built-in form field constraints are allowed"),
                hostile("a Spin function", TIMER, timerStart("${S('{}').prop('x')}"),
                        "is not something the models may call"),
                hostile("a script input mapping", "Hostile_Mapping", bpmn("""
                        <bpmn:serviceTask id="Hostile_Mapping" camunda:delegateExpression="${screenIntake}">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:serviceTask>"""), "scripts are not allowed"));
    }

    private static Arguments hostile(String what, String elementId, String model, String reason) {
        return Arguments.of(what, elementId, model, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileModels")
    void anAnalystCannotDeployCode(String what, String elementId, String model, String reason) throws Exception {
        String name = "hostile-" + System.nanoTime();
        HttpResponse<String> response = deploy("analyst", name, Map.of("hostile.bpmn", model.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problems = json.readTree(response.body()).path("details").path("hostile.bpmn").path("errors");
        assertThat(problems.findValuesAsText("mainElementId")).contains(elementId);
        assertThat(problems.findValuesAsText("message")).anyMatch(message -> message.contains(reason));
        assertThat(json.readTree(response.body()).path("message").asText()).contains(elementId).contains(reason);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup("moderators").userId("analyst").count()).isZero();
    }

    @Test
    void theApplicationsOwnDeploymentsAreCheckedToo() {
        assertThatThrownBy(() -> repository.createDeployment().name("internal-hostile")
                .addString("hostile.bpmn", timerStart("${identityService}")).deploy())
                .isInstanceOf(ParseException.class).hasMessageContaining("is a server component");
        assertThat(repository.createDeploymentQuery().deploymentName("internal-hostile").count()).isZero();
    }

    /** The second layer: the engine's expressions resolve only the beans the shipped models name, and no scripts run. */
    @Test
    void theEngineResolvesOnlyTheModelsBeansAndRunsNoScripts() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        for (String language : List.of("groovy", "javascript", "python")) {
            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context ->
                    configuration.getScriptingEngines().getScriptEngineForLanguage(language)))
                    .as(language).hasMessageContaining("Can't find scripting engine");
        }
        assertThat(evaluate(configuration, "${screenIntake}")).isNotNull();
        assertThat(evaluate(configuration, "${blockTimers.evidenceWithin()}")).isNotNull();
        assertThatThrownBy(() -> evaluate(configuration, "${identityService}"))
                .hasMessageContaining("Cannot resolve identifier 'identityService'");
        assertThatThrownBy(() -> evaluate(configuration, "${repositoryService.createDeployment()}"))
                .hasMessageContaining("Cannot resolve identifier 'repositoryService'");
    }

    private static Object evaluate(ProcessEngineConfigurationImpl configuration, String expression) {
        return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
                .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
    }

    @Test
    void aDecisionCannotCallJavaOrJuel() throws Exception {
        String external = decision("""
                <input id="In"><inputExpression id="InExpression" typeRef="string"><text>currency</text></inputExpression></input>
                <output id="Out" name="minimumAmount" typeRef="string" />
                <rule id="Hostile_Rule">
                  <inputEntry id="Hostile_In"><text>-</text></inputEntry>
                  <outputEntry id="Hostile_Out"><text>function(x) external { java: { class: "java.lang.System", method signature: "getProperty(java.lang.String)" } }</text></outputEntry>
                </rule>""");
        assertRefused("hostile.dmn", external, "Hostile_Out", "FEEL external (Java) functions are not allowed");

        String juel = decision("""
                <input id="In"><inputExpression id="InExpression" typeRef="string" expressionLanguage="juel"><text>${identityService}</text></inputExpression></input>
                <output id="Out" name="minimumAmount" typeRef="string" />
                <rule id="Rule"><inputEntry id="RuleIn"><text>-</text></inputEntry><outputEntry id="RuleOut"><text>1</text></outputEntry></rule>""");
        assertRefused("hostile.dmn", juel, "InExpression", "only FEEL is allowed");
    }

    @Test
    void aForeignHtmlFormIsRefused() throws Exception {
        assertRefused("forms/evil.html", "<form><script>fetch('/engine-rest/user')</script></form>", null,
                "only the application's own forms");
    }

    @Test
    void aBadFeelCellIsRefusedNamingTheCell() throws Exception {
        String table = shipped("processes/screening-rules.dmn").replace("<text>&gt;= 60</text>", "<text>&gt;= 60 +</text>");
        HttpResponse<String> response = assertRefused("screening-rules.dmn", table, "DeclineRuleScore",
                "decision 'screening-verdict', rule 'DeclineRule', input 'Score (sum of marker weights)': the FEEL \">= 60 +\" is not valid");
        assertThat(response.body()).doesNotContain("Exception:");
    }

    @Test
    void aTableThatGivesTheApplicationNoUsableAnswerIsRefused() throws Exception {
        String table = shipped("processes/screening-rules.dmn").replace("<text>\"DECLINE\"</text></outputEntry>", "<text>\"DECLIN\"</text></outputEntry>");
        assertThat(table).contains("\"DECLIN\"");
        assertRefused("screening-rules.dmn", table, "DeclineRule", "rule 'DeclineRule' gives verdict = DECLIN");
    }

    @Test
    void theShippedModelsAndFormsDeployAsAnalyst() throws Exception {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.sorted().toList()) {
                    resources.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
                }
            }
        }
        String name = "shipped-" + System.nanoTime();
        HttpResponse<String> response = deploy("analyst", name, resources);
        try {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).path("deployedProcessDefinitions").size()).isEqualTo(16); // with await-obligation, collect-payment and the engagement's 7 phases
            assertThat(json.readTree(response.body()).path("deployedDecisionDefinitions").size()).isEqualTo(22);
        } finally {
            repository.createDeploymentQuery().deploymentName(name).list()
                    .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
        }
    }

    private HttpResponse<String> assertRefused(String resource, String content, String elementId, String reason)
            throws Exception {
        String name = "hostile-" + System.nanoTime();
        HttpResponse<String> response = deploy("analyst", name, Map.of(resource, content.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problems = json.readTree(response.body()).path("details").path(resource).path("errors");
        if (elementId != null) {
            assertThat(problems.findValuesAsText("mainElementId")).as(response.body()).contains(elementId);
        }
        assertThat(problems.findValuesAsText("message")).as(response.body()).anyMatch(message -> message.contains(reason));
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        return response;
    }

    static String bpmn(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="HostileDefinitions"
                    targetNamespace="http://example.com/hostile">
                  <bpmn:process id="hostile" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="HostileStart" />
                """ + elements + """
                  </bpmn:process>
                </bpmn:definitions>
                """;
    }

    static String timerStart(String expression) {
        return bpmn("""
                <bpmn:startEvent id="Hostile_Timer">
                  <bpmn:timerEventDefinition id="HostileTimerDefinition">
                    <bpmn:timeDuration>%s</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:startEvent>""".formatted(expression.replace("&", "&amp;").replace("<", "&lt;")));
    }

    static String decision(String table) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Hostile" name="Hostile" namespace="http://example.com/hostile">
                  <decision id="deposit-minimum" name="Hostile" camunda:historyTimeToLive="P1D">
                    <decisionTable id="HostileTable" hitPolicy="FIRST">
                """ + table + """
                    </decisionTable>
                  </decision>
                </definitions>
                """;
    }

    static String shipped(String path) throws Exception {
        return Files.readString(Path.of(path));
    }

    HttpResponse<String> deploy(String user, String name, Map<String, byte[]> resources) throws Exception {
        return RestDeployments.deploy(http, port, user, name, resources);
    }
}
