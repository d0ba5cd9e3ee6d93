package com.engagementorchestrator.contact;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementPhase;
import com.engagementorchestrator.engagement.EngagementStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports during the work, on the schedule of the {@link ContactAgreement} (seed 002: "Своевременно
 * предоставлять отчеты; Поддерживать обратную связь на всех этапах"): one process per engagement
 * (processes/progress-reports.bpmn) from the start of the work until it is delivered or the engagement closes; a
 * freelancer writes each report, the client gets it as a letter.
 */
@Service
@Transactional
public class ProgressReports {

    static final int MAX_TEXT = 4000;

    private final ContactAgreements agreements;
    private final ProgressReportRecords reports;
    private final EngagementLifecycle lifecycle;
    private final ClientLetters letters;
    private final RuntimeService runtime;

    public ProgressReports(ContactAgreements agreements, ProgressReportRecords reports, EngagementLifecycle lifecycle,
                           ClientLetters letters, RuntimeService runtime) {
        this.agreements = agreements;
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.letters = letters;
        this.runtime = runtime;
    }

    /** The work started: the first report is due one agreed period from now. Does nothing if reports already run. */
    public void start(long engagementId) {
        if (running(engagementId).isPresent()) {
            return;
        }
        Engagement e = lifecycle.get(engagementId);
        Instant firstDueAt = Time.now().plus(period(engagementId));
        runtime.startProcessInstanceByKey(ProgressReportsProcess.KEY, e.getNumber() + "/reports", ProcessVariable.values()
                .with(ProgressReportsProcess.Variables.ENGAGEMENT_ID, engagementId)
                .with(ProgressReportsProcess.Variables.REPORT_DUE_AT, Date.from(firstDueAt)));
    }

    /**
     * The work is over (delivered, or the engagement closed): the reports end. A suspended one (its client is blocked)
     * cannot take the message and is deleted.
     */
    public void stop(long engagementId, String why) {
        running(engagementId).ifPresent(reportsProcess -> {
            if (reportsProcess.isSuspended()) {
                runtime.deleteProcessInstance(reportsProcess.getId(), why);
            } else {
                runtime.createMessageCorrelation(ProgressReportsProcess.STOPPED_MESSAGE)
                        .processInstanceId(reportsProcess.getId()).correlate();
            }
        });
    }

    /** The running reports process of the engagement, if any. */
    @Transactional(readOnly = true)
    public Optional<ProcessInstance> running(long engagementId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProgressReportsProcess.KEY)
                .variableValueEquals(ProgressReportsProcess.Variables.ENGAGEMENT_ID.name(), engagementId)
                .unlimitedList().stream().findFirst();
    }

    /** Whether reports still make sense: the engagement is running and still at work. */
    @Transactional(readOnly = true)
    public boolean workGoesOn(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        return e.getStatus().isRunning() && e.getPhase() == EngagementPhase.WORK;
    }

    /**
     * The date of the schedule after {@code scheduled}, and after now: a report written late does not make the next
     * ones pile up, the missed dates are skipped. Follows the agreement as it is now (re-agreeing applies from here).
     */
    @Transactional(readOnly = true)
    public Instant nextReportAt(long engagementId, Instant scheduled) {
        Duration period = period(engagementId);
        Instant next = scheduled.plus(period);
        while (!next.isAfter(Time.now())) {
            next = next.plus(period);
        }
        return next;
    }

    /** {@code scheduled} while it is ahead; once passed (a report written late), the schedule's next date after now. */
    @Transactional(readOnly = true)
    public Instant upcoming(long engagementId, Instant scheduled) {
        return scheduled.isAfter(Time.now()) ? scheduled : nextReportAt(engagementId, scheduled);
    }

    /** What the freelancer's task shows. */
    public record ReportContext(String engagementNumber, String clientName, ContactChannel channel, int reportEveryDays) {
    }

    @Transactional(readOnly = true)
    public ReportContext context(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        ContactAgreement agreement = agreements.find(engagementId);
        return new ReportContext(e.getNumber(), e.getClient().getFullName(), agreement.getPreferredChannel(),
                agreement.getReportEveryDays());
    }

    /** Stores what the freelancer wrote; answers the report's id. */
    public long record(long engagementId, Instant dueAt, String doneSoFar, String nextSteps, String neededFromClient,
                       String writtenBy) {
        List<FieldProblem> problems = new ArrayList<>();
        require(problems, ProgressReportsProcess.Variables.DONE_SO_FAR.name(), doneSoFar, "say what was done since the last report");
        require(problems, ProgressReportsProcess.Variables.NEXT_STEPS.name(), nextSteps, "say what comes next");
        if (neededFromClient != null && neededFromClient.length() > MAX_TEXT) {
            problems.add(new FieldProblem(ProgressReportsProcess.Variables.NEEDED_FROM_CLIENT.name(), "at most " + MAX_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        lifecycle.get(engagementId);
        return reports.save(new ProgressReport(engagementId, dueAt, doneSoFar.trim(), nextSteps.trim(),
                neededFromClient == null || neededFromClient.isBlank() ? null : neededFromClient.trim(), writtenBy)).getId();
    }

    /**
     * Sends the report to the client in their language, quoting it, with the agreed channel and the next date; recorded
     * in the correspondence log. A paused (blocked) engagement sends nothing.
     */
    public void send(long reportId) {
        ProgressReport report = reports.findById(reportId).orElseThrow();
        Engagement e = lifecycle.get(report.getEngagementId());
        if (e.getStatus() != EngagementStatus.ACTIVE) {
            return;
        }
        ContactAgreement agreement = agreements.find(e.getId());
        String locale = e.getClient().getLocale();
        Instant next = upcoming(e.getId(), report.getDueAt());
        letters.write(e, "progress.report", "progress-report/" + reportId,
                quote(report.getDoneSoFar()), quote(report.getNextSteps()),
                report.getNeededFromClient() == null ? letters.fragment("progress.report.nothing.needed", locale)
                        : quote(report.getNeededFromClient()),
                every(agreement.getReportEveryDays(), locale),
                letters.fragment("contact.channel." + agreement.getPreferredChannel().name(), locale),
                Time.isoDate(next));
        report.sent();
    }

    @Transactional(readOnly = true)
    public List<ProgressReport> of(long engagementId) {
        return reports.findByEngagementIdOrderByIdAsc(engagementId);
    }

    private Duration period(long engagementId) {
        return Duration.ofDays(agreements.find(engagementId).getReportEveryDays());
    }

    /** "every 7 days" / "каждые 7 дней", with the Russian plural. */
    private String every(int days, String locale) {
        String form;
        if (days == 1) {
            form = "day";
        } else if (days % 10 == 1 && days % 100 != 11) {
            form = "one";
        } else if (days % 10 >= 2 && days % 10 <= 4 && (days % 100 < 12 || days % 100 > 14)) {
            form = "few";
        } else {
            form = "many";
        }
        return letters.fragment("progress.report.every." + form, locale, days);
    }

    /** The freelancer's words as a quote: every line starts with "> ". */
    static String quote(String text) {
        return text.lines().map(line -> line.isBlank() ? ">" : "> " + line).collect(Collectors.joining("\n"));
    }

    private static void require(List<FieldProblem> problems, String field, String text, String what) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, what));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "at most " + MAX_TEXT + " characters"));
        }
    }
}
