package com.engagementorchestrator.screening;

import com.engagementorchestrator.engagement.EngagementProcess.Variables;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.SCREENING_VERDICT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.contact.ContactAgreement;
import com.engagementorchestrator.contact.ContactAgreements;
import com.engagementorchestrator.contact.ContactChannel;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task listeners of the moderator's screening tasks. "create" puts what the form shows into task-local variables;
 * "complete" hands the submitted form to the service, whose validation errors stop the completion in Tasklist.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningTaskListeners {

    @Bean
    TaskListener showScreeningBrief(ScreeningBriefs briefs) {
        return task -> task.setVariablesLocal(briefs.brief(engagementId(task)));
    }

    @Bean
    TaskListener recordManualCompanyCheck(ScreeningService screening) {
        return task -> screening.recordManualCompanyCheck(engagementId(task), companyFacts(task));
    }

    @Bean
    TaskListener recordScreeningReview(ScreeningService screening, ContactAgreements contacts) {
        return task -> {
            Observations observations = new Observations(
                    TaskForms.flag(task, Variables.OBSERVED_ANONYMITY), TaskForms.flag(task, Variables.OBSERVED_BROKEN_PROMISES),
                    TaskForms.flag(task, Variables.OBSERVED_BROKEN_PROMISES_REPEATEDLY), TaskForms.text(task, Variables.PROMISES_BEFORE_CALL),
                    TaskForms.flag(task, Variables.OBSERVED_BLAMES_PREVIOUS), TaskForms.flag(task, Variables.OBSERVED_PREVIOUS_CONTRACTORS_WERE_RIGHT),
                    TaskForms.flag(task, Variables.OBSERVED_SINKING_SHIP), TaskForms.flag(task, Variables.OBSERVED_PARTNERS_SPLIT),
                    TaskForms.flag(task, Variables.COMPANY_REVIEWS_SHOW_BROKEN_OBLIGATIONS), TaskForms.flag(task, Variables.OBSERVED_NO_CLEAR_GOAL),
                    TaskForms.flag(task, Variables.OBSERVED_WONT_COMPROMISE), TaskForms.flag(task, Variables.OBSERVED_NO_DECISIONS_BUT_ACTIVE));
            Verdict decision = TaskForms.choice(task, Variables.REVIEW_DECISION, Verdict.class);
            Verdict verdict = screening.review(engagementId(task), new ScreeningService.Review(TaskForms.actor(task),
                    observations, decision, TaskForms.text(task, Variables.CALL_NOTES), TaskForms.text(task, Variables.OVERRIDE_REASON)));
            boolean contactAgreed = TaskForms.text(task, ContactAgreements.CHANNEL_FIELD) != null
                    || TaskForms.text(task, ContactAgreements.REPORT_EVERY_DAYS_FIELD) != null;
            if (verdict == Verdict.ACCEPT && contactAgreed) {
                // Seed 002's ground rules, agreed in the same call: the preferred channel and the report schedule.
                // Nothing submitted (an API call without them): nothing is recorded and the default applies.
                contacts.agree(engagementId(task), contactChannel(task), reportEveryDays(task), TaskForms.actor(task));
            }
            SCREENING_VERDICT.set(task, verdict.name());
        };
    }

    /** Absent while the other field was given: the default for this one. */
    private static ContactChannel contactChannel(DelegateTask task) {
        ContactChannel channel = TaskForms.choice(task, ContactAgreements.CHANNEL_FIELD, ContactChannel.class);
        return channel == null ? ContactAgreement.DEFAULT_CHANNEL : channel;
    }

    private static int reportEveryDays(DelegateTask task) {
        if (TaskForms.text(task, ContactAgreements.REPORT_EVERY_DAYS_FIELD) == null) {
            return ContactAgreement.DEFAULT_REPORT_EVERY_DAYS;
        }
        List<FieldProblem> problems = new ArrayList<>();
        int days = TaskForms.count(task, ContactAgreements.REPORT_EVERY_DAYS_FIELD, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return days;
    }

    private static CompanyFacts companyFacts(DelegateTask task) {
        List<FieldProblem> problems = new ArrayList<>();
        CompanyStatus status = TaskForms.choice(task, Variables.COMPANY_STATUS, CompanyStatus.class);
        if (status == null) {
            problems.add(new FieldProblem(Variables.COMPANY_STATUS.name(), "choose the company's legal state"));
        }
        int debtCases = TaskForms.count(task, Variables.DEBT_CASES, problems);
        int bankruptcyCases = TaskForms.count(task, Variables.BANKRUPTCY_CASES, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CompanyFacts(status, debtCases, bankruptcyCases,
                TaskForms.flag(task, Variables.COMPANY_REVIEWS_SHOW_BROKEN_OBLIGATIONS), TaskForms.text(task, Variables.COMPANY_CHECK_NOTES));
    }
}
