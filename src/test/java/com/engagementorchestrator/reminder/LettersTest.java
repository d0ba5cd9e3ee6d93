package com.engagementorchestrator.reminder;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.PREPARE_BRIEF;
import static com.engagementorchestrator.engagement.EngagementProcess.Elements.PROVIDE_MATERIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.breach.BlockProcess;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.Mailbox;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The letters of the reminder ladder, the block and the termination, read from real SMTP (GreenMail) in both
 * languages: Russian letters are Russian throughout, and every warning names the consequence that applies at its stage
 * (the prepayment clause only once a prepayment was paid and work started).
 */
@IntegrationTest
class LettersTest {

    /** Prints every letter a test reads, to read them as the client does: -Dletters.print=true */
    static final boolean PRINT = Boolean.getBoolean("letters.print");
    static final String NBSP = "\u00a0";

    static final String PREPAYMENT_EN = "Please note that the prepayment is not refunded for this pause, since the stop is not caused by us.";
    static final String PREPAYMENT_RU = "Обратите внимание: предоплата за этот простой не возвращается, так как остановка произошла не по нашей вине.";
    static final String PAUSED_EN = "Work on the project is paused while we wait, and the agreed dates move by the time it is paused. "
            + PREPAYMENT_EN;
    static final String PAUSED_RU = "Пока мы ждём, работа над проектом приостановлена, а согласованные сроки сдвигаются на время простоя. "
            + PREPAYMENT_RU;
    static final String BREACH_EN = "we will have to record a breach of obligations: all your engagements with us will then be "
            + "suspended, and you will not be able to start new ones until a moderator has reviewed the case and decided "
            + "whether they continue or are terminated.";
    static final String BREACH_RU = "нам придётся зафиксировать нарушение обязательств: тогда все ваши проекты у нас будут "
            + "приостановлены, а начать новые будет нельзя, пока модератор не рассмотрит ситуацию и не решит, продолжатся они "
            + "или будут прекращены.";

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired DepositService deposits;
    @Autowired PaymentService payments;

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
    @ValueSource(strings = {"ru", "en"})
    void theBlockNoticeSaysWhatWasDueInTheClientsLanguage(String locale) throws Exception {
        ProcessInstance instance = journeys.awaitingDeposit(client(locale));
        String number = instance.getBusinessKey();
        Invoice invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
        String due = Time.isoDueDate(journeys.ladderDueAt(instance));
        journeys.escalateToBreach(instance);

        String text = mail(ru(locale) ? "Заявка " + number + ": ваши проекты приостановлены"
                : "Request " + number + ": your engagements are suspended");

        assertThat(text).isEqualTo(ru(locale)
                ? "Здравствуйте, Ольга Смирнова!\n\n"
                        + "Срок (" + due + ") по заявке " + number + " прошёл, и, несмотря на напоминания и официальное "
                        + "уведомление, мы так и не получили предоплату 75" + NBSP + "000,00 руб. по счёту " + invoice.getNumber()
                        + " (оплачено: 0,00 руб.).\n\n"
                        + "Это нарушение согласованных обязательств, поэтому все ваши проекты у нас приостановлены, а новые "
                        + "пока начать нельзя.\n\n"
                        + "Как снять приостановку: ответьте на это письмо или воспользуйтесь личным кабинетом, объясните, что "
                        + "произошло, и по возможности приложите подтверждение (например, платёжное поручение, если вы уже "
                        + "оплатили). Модератор рассматривает каждый случай; после снятия приостановки проекты продолжатся с "
                        + "того же места, а их сроки сдвинутся на время простоя.\n\n"
                        + "С уважением,\nEngagement Orchestrator"
                : "Dear Olga Smirnova,\n\n"
                        + "the due date " + due + " has passed (request " + number + "), and despite our reminders and the "
                        + "formal notice we have not received the deposit of 75,000.00 RUB for invoice " + invoice.getNumber()
                        + " (paid so far: 0.00 RUB).\n\n"
                        + "This is a breach of the agreed obligations, so all your engagements with us are suspended and you "
                        + "cannot start new ones for now.\n\n"
                        + "How the suspension can be lifted: reply to this message or use the client portal to explain what "
                        + "happened and, where possible, send evidence (for example the bank's payment order, if you have "
                        + "paid). A moderator reviews every case; once the suspension is lifted, your engagements continue "
                        + "where they stopped and their dates move by the suspended time.\n\n"
                        + "Kind regards,\nEngagement Orchestrator");
        if (ru(locale)) {
            assertThat(latinWords(text)).as("Latin script in a Russian letter: proper names only")
                    .isSubsetOf(number, invoice.getNumber(), "Engagement", "Orchestrator");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void theDepositLadderAsksWhetherThePaymentFailedOrWasForgotten(String locale) throws Exception {
        ProcessInstance instance = journeys.awaitingDeposit(client(locale));
        String number = instance.getBusinessKey();
        Invoice invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
        String due = Time.isoDueDate(journeys.ladderDueAt(instance));
        fire(instance, 3); // friendly, due date, concern

        String text = mail(ru(locale) ? "Заявка " + number + ": у вас всё в порядке?"
                : "Request " + number + ": is everything all right?");

        assertThat(text).isEqualTo(ru(locale)
                ? "Здравствуйте, Ольга Смирнова!\n\n"
                        + "Срок (" + due + ") по заявке " + number + " прошёл, а мы пока не получили предоплату 75" + NBSP
                        + "000,00 руб. по счёту " + invoice.getNumber() + " (оплачено: 0,00 руб.).\n\n"
                        + "Почему это важно: работа начинается только после предоплаты, от неё отсчитываются сроки проекта.\n\n"
                        + "У вас всё в порядке? Возможно, вы уже отправили платёж, но произошёл сбой и он до нас не дошёл, — "
                        + "тогда, пожалуйста, уточните в банке или загрузите платёжное поручение в личном кабинете, чтобы мы его "
                        + "нашли. А может быть, среди других дел об оплате просто забылось — так бывает, и тогда это письмо — просто "
                        + "напоминание.\n"
                        + "Личный кабинет: " + portal(number, "PayInvoiceTask") + "\n\n"
                        + "С уважением,\nEngagement Orchestrator"
                : "Dear Olga Smirnova,\n\n"
                        + "the due date " + due + " has passed (request " + number + "), and we have not yet received the "
                        + "deposit of 75,000.00 RUB for invoice " + invoice.getNumber() + " (paid so far: 0.00 RUB).\n\n"
                        + "Why it matters: no work starts before the deposit is paid; the dates of the project are counted "
                        + "from it.\n\n"
                        + "Is everything all right? Perhaps you have already sent the payment and it failed or got stuck on "
                        + "the way: then please check with your bank, or upload the payment order in the client portal so we can "
                        + "trace it. Or perhaps it simply slipped your mind among everything else: that happens, and then this "
                        + "is simply a reminder.\n"
                        + "Client portal: " + portal(number, "PayInvoiceTask") + "\n\n"
                        + "Kind regards,\nEngagement Orchestrator");
        assertThat(text).doesNotContain("another department", "другой отдел");
        if (ru(locale)) {
            assertThat(latinWords(text)).isSubsetOf(number, invoice.getNumber(), "Engagement", "Orchestrator", "http",
                    "localhost", "portal", "task", "PayInvoiceTask");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void theDepositWarningSaysWorkWillNotStartAndNothingOfAPrepayment(String locale) throws Exception {
        ProcessInstance instance = journeys.awaitingDeposit(client(locale));
        String number = instance.getBusinessKey();
        Invoice invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
        Instant dueAt = journeys.ladderDueAt(instance);
        fire(instance, 4); // friendly, due date, concern, warning

        String text = warning(locale, number);

        assertThat(text).isEqualTo(ru(locale)
                ? "Здравствуйте, Ольга Смирнова!\n\n"
                        + "Это официальное уведомление по заявке " + number + ". Срок (" + Time.isoDueDate(dueAt) + ") прошёл, "
                        + "ответа от вас нет, и мы так и не получили предоплату 75" + NBSP + "000,00 руб. по счёту "
                        + invoice.getNumber() + " (оплачено: 0,00 руб.).\n\n"
                        + "Работа над проектом не начата и не начнётся, пока не поступит предоплата.\n\n"
                        + "Если до " + Time.isoDueDate(deadline(dueAt)) + " ничего не поступит, " + BREACH_RU + "\n"
                        + "Личный кабинет: " + portal(number, "PayInvoiceTask") + "\n\n"
                        + "Это уведомление сохранено в истории проекта.\n\n"
                        + "С уважением,\nEngagement Orchestrator"
                : "Dear Olga Smirnova,\n\n"
                        + "this is a formal notice about request " + number + ". The due date " + Time.isoDueDate(dueAt)
                        + " has passed, we have had no answer from you, and we still have not received the deposit of "
                        + "75,000.00 RUB for invoice " + invoice.getNumber() + " (paid so far: 0.00 RUB).\n\n"
                        + "Work on the project has not started and will not start until the deposit is paid.\n\n"
                        + "If nothing arrives by " + Time.isoDueDate(deadline(dueAt)) + ", " + BREACH_EN + "\n"
                        + "Client portal: " + portal(number, "PayInvoiceTask") + "\n\n"
                        + "This notice is kept on the record of the engagement.\n\n"
                        + "Kind regards,\nEngagement Orchestrator");
        assertThat(text).doesNotContain("prepayment is not refunded", "предоплата за этот простой не возвращается",
                "is paused", "приостановлена");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void theAuthorityWarningSaysWorkCannotStartAndNothingOfAPrepayment(String locale) throws Exception {
        ProcessInstance instance = journeys.accepted(client(locale));
        String number = instance.getBusinessKey();
        fire(instance, 4);

        String text = warning(locale, number);

        assertThat(text).contains(ru(locale)
                ? "прошёл, ответа от вас нет, и мы так и не получили документ, подтверждающий ваше право подписи от имени "
                        + "ООО «Вектор»."
                        + "\n\nРабота над проектом не начата и без этого документа начаться не может: мы не подписываем договор, "
                        + "пока право подписи не подтверждено.\n\n"
                : "has passed, we have had no answer from you, and we still have not received the document confirming "
                        + "that you may sign for Vector Solutions LLC.")
                .contains(ru(locale) ? BREACH_RU : BREACH_EN)
                .contains(ru(locale) ? ""
                        : "\n\nWork on the project has not started and cannot start without this document: we do not sign "
                                + "an agreement until the authority to sign it is confirmed.\n\n")
                .doesNotContain("prepayment", "предоплат", "is paused", "приостановлена");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void theMaterialsWarningAfterThePaidDepositSaysWorkIsPausedAndThePrepaymentIsNotRefunded(String locale) throws Exception {
        ProcessInstance instance = awaitingMaterials(locale);
        String number = instance.getBusinessKey();
        String itemDue = Time.today().plusDays(3).toString();
        assertThat(Time.isoDueDate(journeys.ladderDueAt(instance))).isEqualTo(itemDue);
        fire(instance, 4);

        String text = warning(locale, number);

        assertThat(text).contains(ru(locale)
                ? "Срок (" + itemDue + ") прошёл, ответа от вас нет, и мы так и не получили следующие материалы:\n"
                        + "1. Кто ваши клиенты (ответ, срок — " + itemDue + ").\n\n" + PAUSED_RU + "\n\n"
                : "The due date " + itemDue + " has passed, we have had no answer from you, and we still have not received "
                        + "the following materials:\n1. Who are your customers (an answer, due " + itemDue + ").\n\n"
                        + PAUSED_EN + "\n\n")
                .contains(ru(locale) ? BREACH_RU : BREACH_EN)
                .contains(portal(number, "ProvideMaterialsTask")); // the link opens the very task the warning is about
        if (ru(locale)) {
            assertThat(latinWords(text)).isSubsetOf(number, "Engagement", "Orchestrator", "http", "localhost", "portal",
                    "task", "ProvideMaterialsTask");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void aTerminationBeforeAnyPrepaymentSpeaksOfNoRetainedPrepayment(String locale) throws Exception {
        ProcessInstance instance = journeys.awaitingDeposit(client(locale));
        journeys.escalateToBreach(instance);
        terminate();

        String number = instance.getBusinessKey();
        assertThat(mail(ru(locale) ? "Заявка " + number + " прекращена" : "Request " + number + " is terminated")).isEqualTo(ru(locale)
                ? "Здравствуйте, Ольга Смирнова!\n\n"
                        + "Рассмотрев нарушение обязательств, мы прекратили работу по заявке " + number + ".\n"
                        + "Предоплата по этой заявке не вносилась, поэтому расчётов между нами нет. Вся переписка и история "
                        + "проекта сохранены.\n\n"
                        + "С уважением,\nEngagement Orchestrator"
                : "Dear Olga Smirnova,\n\n"
                        + "after reviewing the breach of obligations, we have terminated request " + number + ".\n"
                        + "No prepayment was made under this request, so there are no payments to settle. The whole "
                        + "correspondence and the record of the engagement are kept.\n\n"
                        + "Kind regards,\nEngagement Orchestrator");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void aTerminationAfterThePaidDepositSaysThePrepaymentIsRetained(String locale) throws Exception {
        ProcessInstance instance = awaitingMaterials(locale);
        journeys.escalateToBreach(instance);
        terminate();

        String number = instance.getBusinessKey();
        assertThat(mail(ru(locale) ? "Заявка " + number + " прекращена" : "Request " + number + " is terminated")).isEqualTo(ru(locale)
                ? "Здравствуйте, Ольга Смирнова!\n\n"
                        + "Рассмотрев нарушение обязательств, мы прекратили работу по заявке " + number + ".\n"
                        + "Предоплата (75" + NBSP + "000,00 руб.) не возвращается, так как работа остановилась не по нашей "
                        + "вине. Вся переписка и история проекта сохранены.\n\n"
                        + "С уважением,\nEngagement Orchestrator"
                : "Dear Olga Smirnova,\n\n"
                        + "after reviewing the breach of obligations, we have terminated request " + number + ".\n"
                        + "The prepayment of 75,000.00 RUB is retained, since the work stopped for reasons not caused by us. "
                        + "The whole correspondence and the record of the engagement are kept.\n\n"
                        + "Kind regards,\nEngagement Orchestrator");
    }

    @Test
    void theBreachOnTheRecordStaysInTheModeratorsLanguage() throws Exception {
        ProcessInstance instance = journeys.awaitingDeposit(client("ru"));
        journeys.escalateToBreach(instance);
        var breach = context.getBean(com.engagementorchestrator.breach.BreachService.class)
                .ofEngagement(journeys.engagement(instance).getId()).get(0);
        assertThat(breach.getWhatWasDue()).startsWith("the deposit of 75,000.00 RUB for invoice ");
    }

    /** A Russian client gets a Russian name and company, so any Latin script in their letters is ours. */
    static Consumer<Map<String, Object>> client(String locale) {
        return body -> {
            body.put("locale", locale);
            if (ru(locale)) {
                body.put("fullName", "Ольга Смирнова");
                body.put("companyName", "ООО «Вектор»");
            }
        };
    }

    /** Deposit paid by the provider, a one-item brief sent: the client owes the materials, work has started. */
    private ProcessInstance awaitingMaterials(String locale) {
        ProcessInstance instance = journeys.awaitingDeposit(client(locale));
        Invoice invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
        payments.record(new PaymentService.ProviderPayment("pay-" + invoice.getNumber(), invoice.getNumber(),
                invoice.getAmount(), invoice.getCurrency(), null), "{}");
        complete(task(PREPARE_BRIEF, instance), withVariables("briefItems", "ANSWER | "
                + (ru(locale) ? "Кто ваши клиенты" : "Who are your customers") + " | " + Time.today().plusDays(3)));
        assertThatEngagement(instance).isWaitingAt(PROVIDE_MATERIALS);
        return instance;
    }

    private void terminate() {
        ProcessInstance block = runtime.createProcessInstanceQuery().processDefinitionKey(BlockProcess.KEY)
                .variableValueEquals("clientUserId", journeys.email).singleResult();
        complete(task(BlockProcess.Elements.REVIEW_BLOCK, block), withVariables("blockDecision", "TERMINATE",
                "decisionNotes", "No answer for a month"));
    }

    private void fire(ProcessInstance instance, int timers) {
        for (int i = 0; i < timers; i++) {
            journeys.fireNextLadderTimer(instance);
        }
    }

    private String warning(String locale, String number) throws Exception {
        return mail(ru(locale) ? "Заявка " + number + ": официальное уведомление" : "Request " + number + ": formal notice");
    }

    private Instant deadline(Instant dueAt) {
        return context.getBean(ReminderLadder.class).deadline(dueAt);
    }

    /** A reminder links to the portal page of the very task it reminds of: the engagement's task of that element. */
    private String portal(String number, String taskElementId) {
        return context.getEnvironment().getProperty("engagement.public-url") + "/portal/#/task/" + number + "/" + taskElementId;
    }

    /** The text of the one message with this subject, as the client's mail program shows it. */
    private String mail(String subject) throws Exception {
        String text = Mailbox.text(journeys.email, subject);
        if (PRINT) {
            System.out.println("\n===== " + subject + "\n" + text + "\n=====");
        }
        return text;
    }

    static Set<String> latinWords(String text) {
        Set<String> words = new TreeSet<>();
        Matcher m = Pattern.compile("[A-Za-z][A-Za-z0-9-]*").matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static boolean ru(String locale) {
        return "ru".equals(locale);
    }
}
