package com.engagementorchestrator.registration;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.AwaitObligationProcess;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, item 5: colleagues registering at once with a registration number nobody used yet share one company row
 * (the database allows no second one), so a block of the company holds for every later colleague.
 */
@IntegrationTest
class ConcurrentCompanyRegistrationTest {

    static final int COLLEAGUES = 8;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Journeys journeys;

    @BeforeEach
    void startTheClock() {
        journeys = new Journeys(context);
        ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void colleaguesRegisteringAtOnceShareOneCompanyAndItsBlock() throws Exception {
        String inn = journeys.inn;
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(COLLEAGUES);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < COLLEAGUES; i++) {
                String email = Intakes.uniqueEmail("colleague" + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return register(email, inn);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from company where country = 'RU' and registration_number = ?",
                Integer.class, inn)).as("company rows of " + inn).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct c.company_id) from client c join company k on k.id = c.company_id"
                + " where k.registration_number = ?", Integer.class, inn)).isEqualTo(1);

        // The contact of the newest company row (were there several) proves authority and then breaches: the company
        // is blocked, so a new colleague is refused.
        String number = jdbc.queryForObject("select e.number from engagement e join client c on c.id = e.client_id"
                + " join company k on k.id = c.company_id where k.registration_number = ? order by k.id desc, e.id desc"
                + " fetch first 1 rows only", String.class, inn);
        ProcessInstance instance = journeys.instanceOf(number);
        Journeys.screenIntake(management, instance.getId());
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        journeys.acceptAfterIntroCall(instance);
        journeys.uploadAuthority(instance, "order.pdf", Journeys.PDF);
        complete(task(VERIFY_SIGNING_AUTHORITY, instance), withVariables("authorityDecision", "ACCEPTED"));
        assertThatEngagement(instance).isWaitingAt(PAY_DEPOSIT);
        journeys.escalateToBreach(instance);
        assertThatEngagement(journeys.awaitedObligation(instance)).isWaitingAt(AwaitObligationProcess.Elements.BLOCK_LIFTED);

        HttpResponse<String> newcomer = register(Intakes.uniqueEmail("newcomer"), inn);
        assertThat(newcomer.statusCode()).as(newcomer.body()).isEqualTo(409);
        assertThat(newcomer.body()).contains("Registration is not possible at the moment");
    }

    private HttpResponse<String> register(String email, String registrationNumber) throws Exception {
        Map<String, Object> body = Intakes.clean(email);
        body.put("registrationNumber", registrationNumber);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
