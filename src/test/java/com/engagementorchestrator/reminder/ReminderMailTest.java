package com.engagementorchestrator.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Mailbox;
import com.engagementorchestrator.support.Journeys;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** The reminder ladder over real SMTP (GreenMail): the exact sequence in the client's language, never twice. */
@IntegrationTest
class ReminderMailTest {

    @Autowired ApplicationContext context;
    @Autowired ManagementService management;
    @Autowired CorrespondenceLog log;
    @Autowired TransactionTemplate transactions;
    @Autowired ReminderService reminders;

    Journeys journeys;

    @BeforeEach
    void setUp() {
        journeys = new Journeys(context);
        ClockUtil.setCurrentTime(Date.from(Instant.now()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "en;a friendly reminder;is everything all right?;formal notice;your engagements are suspended;"
                    + "Is everything all right? Perhaps you have already sent the payment;"
                    + "Work on the project has not started and will not start until the deposit is paid.",
            "ru;дружеское напоминание;у вас всё в порядке?;официальное уведомление;"
                    + "ваши проекты приостановлены;У вас всё в порядке? Возможно, вы уже отправили платёж;"
                    + "Работа над проектом не начата и не начнётся, пока не поступит предоплата."})
    void theDepositLadderSendsTheExactSequenceInTheClientsLanguage(String locale, String friendly, String concern,
                                                                  String warning, String blocked, String askBody,
                                                                  String warningBody) throws Exception {
        ProcessInstance instance = journeys.awaitingDeposit(body -> body.put("locale", locale));
        String number = instance.getBusinessKey();
        journeys.escalateToBreach(instance);

        List<MimeMessage> mails = Mailbox.await(journeys.email, 8);
        List<String> subjects = mails.stream().map(Mailbox::subjectOf).toList();
        assertThat(subjects).hasSize(8);
        assertThat(subjects.subList(4, 8)).containsExactly(
                prefix(locale, number) + friendly, prefix(locale, number) + concern, prefix(locale, number) + warning,
                prefix(locale, number) + blocked);
        assertThat(GreenMailUtil.getBody(mails.get(5))).isNotBlank();
        List<Correspondence> logged = log.findByEngagementIdOrderByIdAsc(journeys.engagement(instance).getId());
        assertThat(logged).extracting(Correspondence::getTemplate).containsExactly("registration.received",
                "authority.requested", "authority.accepted", "deposit.invoice", "reminder.friendly", "reminder.concern",
                "reminder.warning", "block.notice");
        assertThat(logged.get(5).getBody()).contains(askBody);
        assertThat(logged.get(6).getBody()).contains(warningBody).doesNotContain("prepayment", "предоплата за этот простой");
        assertThat(logged).allSatisfy(c -> assertThat(c.getLocale()).isEqualTo(locale));
    }

    @Test
    void aRetriedReminderJobSendsItsMessageOnce() throws Exception {
        ProcessInstance instance = journeys.awaitingDeposit(body -> { });
        Mailbox.await(journeys.email, 4);
        ProcessInstance ladder = journeys.ladder(instance);
        Job friendly = management.createJobQuery().processInstanceId(ladder.getId()).timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(friendly.getDuedate().toInstant().plusSeconds(1)));

        // The timer passes to the reminder's job (an async continuation), which writes the reminder, then their
        // transaction fails: nothing is kept, nothing is sent. Both run in one transaction here, so that it can fail.
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            management.executeJob(friendly.getId());
            management.executeJob(management.createJobQuery().processInstanceId(ladder.getId())
                    .activityId(ReminderLadderProcess.Elements.SEND_FRIENDLY).singleResult().getId());
            assertThat(templates(instance)).contains("reminder.friendly");
            throw new IllegalStateException("the job failed after writing the reminder");
        })).hasMessageContaining("job failed");
        assertThat(templates(instance)).doesNotContain("reminder.friendly");

        // The retry sends it; a second delivery of the same step (a job run twice) is recognised and sends nothing.
        management.executeJob(friendly.getId());
        reminders.remind(journeys.engagement(instance).getId(), "DEPOSIT", journeys.ladderDueAt(instance), ReminderStep.FRIENDLY);

        assertThat(Mailbox.await(journeys.email, 5)).hasSize(5);
        Thread.sleep(500); // give a wrongly duplicated send the chance to arrive
        assertThat(Mailbox.of(journeys.email)).hasSize(5);
        assertThat(templates(instance)).filteredOn("reminder.friendly"::equals).hasSize(1);
    }

    private List<String> templates(ProcessInstance instance) {
        return journeys.templatesSentFor(instance);
    }

    private static String prefix(String locale, String number) {
        return ("ru".equals(locale) ? "Заявка " : "Request ") + number + ": ";
    }
}
