package com.engagementorchestrator.screening;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.Mailbox;
import com.engagementorchestrator.support.RegistryStubs;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A decline letter (seed 000, marker 2: a polite refusal that says how to solve the task without us), read from real
 * SMTP: its advice fits the reason (budget, deadline) and the kind of work, in the client's language.
 */
@IntegrationTest
class DeclineLetterTest {

    @Autowired ApplicationContext context;
    @Autowired ManagementService management;
    Journeys journeys;

    @BeforeEach
    void setUp() {
        journeys = new Journeys(context);
    }

    @Test
    void aMarketingClientWithASmallBudgetAndNoTimeGetsMarketingAdviceInRussian() throws Exception {
        String number = declinedByTheRules(body -> {
            body.put("locale", "ru");
            body.put("fullName", "Ирина Петрова");
            body.put("projectGoal", "Больше записей в салон");
            body.put("projectDescription", "SEO и контекстная реклама для салона красоты");
            body.put("budgetAmount", 10_000);
            body.put("desiredDeadline", LocalDate.now().plusDays(5).toString());
            body.put("firstContactChannel", "VOICE_MESSAGE");
        });

        assertThat(letter("Ваша заявка " + number)).isEqualTo("""
                Здравствуйте, Ирина Петрова!

                Спасибо за интерес к нам и за время, которое вы потратили на описание проекта (заявка %s).
                Внимательно всё взвесив, мы решили, что не станем лучшими исполнителями этой задачи, и честнее сказать об этом сейчас, чем разочаровать вас потом.

                Как можно решить задачу без нас: запишите цель в цифрах (заявки или продажи в месяц, допустимая цена заявки), аудиторию и месячный рекламный бюджет; запросите план у двух-трёх маркетинговых агентств или специалистов с опубликованными кейсами в вашей отрасли; начните с небольшого теста на одном канале и заключите письменный договор с ежемесячными отчётами.

                При названном бюджете начните с каналов, которые можно вести своими силами: карточка компании на картах и сайтах отзывов, собственные страницы в соцсетях и небольшая тестовая кампания; посчитайте, во что обходится заявка, и развивайте то, что окупается.

                При таком коротком сроке надёжнее взять проверенное готовое решение, чем работу на заказ; остальное запланируйте на следующий этап, когда будет время сделать хорошо.

                Желаем успеха вашему проекту.

                С уважением,
                Engagement Orchestrator""".formatted(number));
    }

    @Test
    void aWebsiteClientDeclinedForTheDeadlineGetsNoBudgetAdviceInEnglish() throws Exception {
        String number = declinedByTheRules(body -> {
            body.put("fullName", "Olga Smirnova");
            body.put("desiredDeadline", LocalDate.now().plusDays(5).toString());
            body.put("firstContactChannel", "VOICE_MESSAGE");
            body.put("previousContractorsExperience", "They were all incompetent");
        });

        String letter = letter("Your request " + number);
        assertThat(letter).isEqualTo("""
                Dear Olga Smirnova,

                thank you for your interest and for the time you spent describing your project (request %s).
                After careful consideration we have decided that we are not the right team for this task, and we would rather tell you so now than disappoint you later.

                How you could solve the task without us: write a short brief (goal, audience, must-have pages and features, budget range and deadline), ask two or three web studios or freelancers with public portfolios in your industry for a quote against it, and agree on a written contract with a prepayment and milestones. Standard solutions (ready-made templates, website builders, SaaS services) often cover a first version at a fraction of the cost.

                For a deadline this short, a proven ready-made solution is safer than work made to order; plan the rest for a next stage, when there is time to do it well.

                We wish you every success with the project.

                Kind regards,
                Engagement Orchestrator""".formatted(number));
    }

    @Test
    void aMarketingClientIsNotSentToWebsiteBuilders() throws Exception {
        String number = declinedByTheRules(body -> {
            body.put("kindOfWork", "MARKETING");
            body.put("projectDescription", "Leads for our dental clinic");
            body.put("budgetAmount", 200);
            body.put("budgetCurrency", "USD");
            body.put("firstContactChannel", "VOICE_MESSAGE");
            body.put("previousContractorsExperience", "They were all incompetent");
        });

        assertThat(letter("Your request " + number)).contains("marketing agencies", "business profile on maps")
                .doesNotContain("website builder").doesNotContain("For a deadline this short");
    }

    /** Registered with a clean company; the intake's own red flags add up to a decline by the rules, no call. */
    private String declinedByTheRules(java.util.function.Consumer<java.util.Map<String, Object>> change) {
        RegistryStubs.company(journeys.inn, "ACTIVE", 0, 0);
        ProcessInstance instance = journeys.register(change);
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        assertThatEngagement(instance).hasPassed(com.engagementorchestrator.engagement.EngagementProcess.Elements.DECLINE_ENGAGEMENT)
                .isEnded();
        return instance.getBusinessKey();
    }

    private String letter(String subject) throws Exception {
        return Mailbox.text(journeys.email, subject);
    }
}
