package com.engagementorchestrator.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.registration.RegistrationRequest;
import com.engagementorchestrator.registration.RegistrationService;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Mailbox;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Real delivery over SMTP (GreenMail): stored first, sent after commit, in the client's language, never twice. */
@IntegrationTest
class MailDeliveryTest {

    @Autowired RegistrationService registrations;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Engagements engagements;
    @Autowired Correspondent correspondent;
    @Autowired CorrespondenceLog log;
    @Autowired TransactionTemplate transactions;
    @Autowired ObjectMapper json;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ru, Ваша заявка, Как можно решить задачу без нас",
            "en, Your request, How you could solve the task without us"})
    void aDeclinedClientGetsAPoliteMessageInTheirLanguage(String locale, String subject, String hint) throws Exception {
        String email = Intakes.uniqueEmail("declined-" + locale);
        String inn = Intakes.randomInn();
        RegistryStubs.company(inn, "BANKRUPT", 0, 1);
        Map<String, Object> body = Intakes.clean(email);
        body.put("registrationNumber", inn);
        body.put("locale", locale);
        body.put("budgetAmount", 10000);
        String number = registrations.register(json.convertValue(body, RegistrationRequest.class)).getNumber();
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(com.engagementorchestrator.engagement.EngagementProcess.KEY).singleResult();
        com.engagementorchestrator.support.Journeys.screenIntake(management, instance.getId());
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());

        List<MimeMessage> decline = Mailbox.await(email, 2).stream()
                .filter(m -> Mailbox.subjectOf(m).startsWith(subject)).toList();

        assertThat(decline).hasSize(1);
        String text = GreenMailUtil.getBody(decline.get(0));
        assertThat(Mailbox.subjectOf(decline.get(0))).contains(number);
        var logged = log.findByEngagementIdOrderByIdAsc(engagements.findByNumber(number).orElseThrow().getId());
        assertThat(logged).extracting(Correspondence::getTemplate).containsExactly("registration.received", "decline");
        assertThat(logged).allSatisfy(c -> {
            assertThat(c.getStatus()).isEqualTo(Correspondence.Status.SENT);
            assertThat(c.getLocale()).isEqualTo(locale);
            assertThat(c.getRecipient()).isEqualTo(email);
        });
        assertThat(logged.get(1).getBody()).contains(hint);
        assertThat(text).isNotBlank();
    }

    @Test
    void aRolledBackJobSendsNothingAndItsRetrySendsOnce() throws Exception {
        String email = Intakes.uniqueEmail("retry");
        var letter = new Correspondent.Letter("test-retry/" + email, null, email, "en", "authority.accepted", "Olga", "ENG-TEST");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            correspondent.send(letter);
            throw new IllegalStateException("the job failed after writing the message");
        })).hasMessageContaining("job failed");
        assertThat(log.findByDedupKey(letter.dedupKey())).isEmpty();

        transactions.executeWithoutResult(status -> correspondent.send(letter));
        transactions.executeWithoutResult(status -> correspondent.send(letter));

        assertThat(Mailbox.await(email, 1)).hasSize(1);
        Thread.sleep(500); // give a wrongly duplicated send the chance to arrive
        assertThat(Mailbox.of(email)).hasSize(1);
        assertThat(log.findByDedupKey(letter.dedupKey())).get().extracting(Correspondence::getStatus)
                .isEqualTo(Correspondence.Status.SENT);
    }
}
