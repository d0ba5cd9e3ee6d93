package com.engagementorchestrator.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RegistryStubs;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Earlier declines, blocks and terminations are remembered (issue 9, item 4): the marker names the earlier
 * engagement; a phone is recognised however it is written; identifiers shared by many companies link nobody; promises
 * broken before the contract are recorded in the call and count next time.
 */
@IntegrationTest
class MemoryOfEarlierClientsTest {

    @Autowired ApplicationContext context;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ScreeningService screening;
    @Autowired PromiseLedger promises;
    Journeys journeys;

    @BeforeEach
    void setUp() {
        journeys = new Journeys(context);
    }

    @Test
    void theSamePhoneWrittenDifferentlyNamesTheDeclinedEngagement() {
        String phone = "916" + digits(7);
        String declined = declined("+7 (" + phone.substring(0, 3) + ") " + phone.substring(3, 6) + "-"
                + phone.substring(6, 8) + "-" + phone.substring(8));

        ProcessInstance later = screened(body -> body.put("phone", "8 " + phone.substring(0, 3) + " " + phone.substring(3)));

        assertThat(markers(later)).filteredOn(m -> m.id().equals("H1")).singleElement().satisfies(m -> {
            assertThat(m.reason()).isEqualTo("Earlier engagement " + declined + " of the same phone number was declined");
            assertThat(m.weight()).isEqualTo(30);
        });
        assertThat(outcome(later).getRuleVerdict()).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void aPhoneSharedByManyCompaniesLinksNobody() {
        String shared = "+7 (812) " + digits(7);
        String declined = declined(shared);
        for (int i = 0; i < 3; i++) {
            screened(body -> body.put("phone", shared));
        }

        ProcessInstance later = screened(body -> body.put("phone", shared));

        assertThat(markers(later)).extracting(Marker::id).doesNotContain("H1");
        assertThat(declined).isNotBlank();
    }

    @Test
    void aColleagueOfADeclinedCompanyIsFlaggedByTheCompany() {
        String declined = declined("+7 495 " + digits(7));

        // The same registration number: the same company (companies are shared by it).
        ProcessInstance colleague = screened(journeys.inn, body -> body.put("fullName", "A colleague"));

        assertThat(markers(colleague)).filteredOn(m -> m.id().equals("H1")).singleElement()
                .satisfies(m -> assertThat(m.reason()).isEqualTo("Earlier engagement " + declined + " of the same company was declined"));
    }

    @Test
    void promisesBrokenBeforeTheContractAreRecordedInTheCallAndCountForTheCompanyNextTime() {
        ProcessInstance first = screened(Intakes.randomInn(), body -> { });
        String call = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(first))
                .taskDefinitionKey(EngagementProcess.Elements.REVIEW_SCREENING).singleResult().getId();
        tasks.complete(call, Map.of("reviewDecision", "ACCEPT", "observedBrokenPromises", true,
                "promisesBeforeCall", "Promised the brief by Monday, sent nothing"));
        long firstId = journeys.engagement(first).getId();
        assertThat(promises.ofEngagement(firstId)).filteredOn(p -> p.getKind() == Promise.Kind.BEFORE_CONTRACT)
                .singleElement().satisfies(p -> {
                    assertThat(p.getStatus()).isEqualTo(Promise.Status.BROKEN);
                    assertThat(p.getDescription()).isEqualTo("Promised the brief by Monday, sent nothing");
                });

        ProcessInstance colleague = screened(journeys.inn, body -> body.put("fullName", "A colleague"));
        assertThat(markers(colleague)).extracting(Marker::id).contains("M3");
    }

    /** A client of a new company, declined by the moderator after the call; answers the engagement number. */
    private String declined(String phone) {
        ProcessInstance instance = screened(Intakes.randomInn(), body -> body.put("phone", phone));
        String call = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.REVIEW_SCREENING).singleResult().getId();
        tasks.complete(call, Map.of("reviewDecision", "DECLINE", "observedNoClearGoal", true,
                "observedWontCompromise", true));
        assertThat(outcome(instance).getVerdict()).isEqualTo(Verdict.DECLINE);
        return instance.getBusinessKey();
    }

    /** A client of a company of its own (a fresh registration number), screened up to the intro call or the decline. */
    private ProcessInstance screened(Consumer<Map<String, Object>> change) {
        return screened(Intakes.randomInn(), change);
    }

    private ProcessInstance screened(String inn, Consumer<Map<String, Object>> change) {
        journeys.inn = inn;
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(body -> {
            body.put("email", "memory-" + UUID.randomUUID().toString().substring(0, 8) + "@" + UUID.randomUUID()
                    .toString().substring(0, 6) + ".example.org");
            body.put("website", "");
            change.accept(body);
        });
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        return instance;
    }

    private Screening outcome(ProcessInstance instance) {
        return screening.find(journeys.engagement(instance).getId()).orElseThrow();
    }

    private List<Marker> markers(ProcessInstance instance) {
        return outcome(instance).getMarkers();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
