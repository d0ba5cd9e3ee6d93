package com.engagementorchestrator.engagement;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RegistryStubs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The phase follows the model: change only the property in the model, and the engagement's phase changes with it. */
@IntegrationTest
class ModelPhasesProcessTest {

    /** The intro call is a step of the screening phase the engagement calls. */
    static final String RESOURCE = "processes/engagement-screening.bpmn";
    static final String REVIEW_PHASE = "<camunda:property name=\"phase\" value=\"SCREENING_REVIEW\" />";

    @Autowired ApplicationContext context;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;

    String deploymentId;

    @AfterEach
    void removeTheChangedModel() {
        if (deploymentId != null) {
            // The shipped model is the latest version again for the tests that follow.
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void movingTheIntroCallIntoAnotherPhaseInTheModelMovesTheEngagement() throws IOException {
        String shipped = Files.readString(Path.of(RESOURCE), StandardCharsets.UTF_8);
        assertThat(shipped.split(REVIEW_PHASE, -1)).as("the intro call declares its phase once").hasSize(2);
        deploymentId = repository.createDeployment().name("phase moved")
                .addString(RESOURCE, shipped.replace(REVIEW_PHASE, REVIEW_PHASE.replace("SCREENING_REVIEW", "WORK")))
                .deploy().getId();

        Journeys journeys = new Journeys(context);
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(body -> { });
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());

        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.REVIEW_SCREENING);
        assertThat(repository.getProcessDefinition(screening(instance).getProcessDefinitionId()).getDeploymentId()).isEqualTo(deploymentId);
        assertThat(journeys.engagement(instance).getPhase()).isEqualTo(EngagementPhase.WORK);
    }

    /** A version deployed before the phases were in the models declares none: its engagements still change phase. */
    @Test
    void anEngagementModelWithoutPhasesMovesByTheElementsThatUsedToSetThem() throws IOException {
        String shipped = Files.readString(Path.of(RESOURCE), StandardCharsets.UTF_8);
        String before = shipped.replaceAll("\\s*<camunda:properties>\\s*<camunda:property name=\"phase\" value=\"\\w+\" />\\s*</camunda:properties>", "");
        assertThat(before).doesNotContain("name=\"phase\"");
        deploymentId = repository.createDeployment().name("before phases").addString(RESOURCE, before).deploy().getId();

        Journeys journeys = new Journeys(context);
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(body -> { });
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        assertThat(repository.getProcessDefinition(screening(instance).getProcessDefinitionId()).getDeploymentId()).isEqualTo(deploymentId);
        assertThat(journeys.engagement(instance).getPhase()).isEqualTo(EngagementPhase.SCREENING_REVIEW);
        journeys.acceptAfterIntroCall(instance);
        assertThat(journeys.engagement(instance).getPhase()).isEqualTo(EngagementPhase.SIGNING_AUTHORITY);
    }

    ProcessInstance screening(ProcessInstance engagement) {
        return com.engagementorchestrator.support.EngagementAssert.called(engagement,
                com.engagementorchestrator.screening.ScreeningProcess.KEY);
    }

    @Test
    void aModelWithAnUnknownPhaseIsNotDeployed() throws IOException {
        String shipped = Files.readString(Path.of(RESOURCE), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deploymentId = repository.createDeployment().name("unknown phase")
                .addString(RESOURCE, shipped.replace(REVIEW_PHASE, REVIEW_PHASE.replace("SCREENING_REVIEW", "INTRO_CALL")))
                .deploy().getId())
                .as("a parse error, 400 over REST").isInstanceOf(ParseException.class)
                .hasMessageContaining("ReviewScreeningTask").hasMessageContaining("unknown phase \"INTRO_CALL\"");
        assertThatThrownBy(() -> deploymentId = repository.createDeployment().name("closed from the model")
                .addString(RESOURCE, shipped.replace(REVIEW_PHASE, REVIEW_PHASE.replace("SCREENING_REVIEW", "CLOSED")))
                .deploy().getId())
                .hasMessageContaining("ReviewScreeningTask").hasMessageContaining("CLOSED is not entered from the model");
    }
}
