package com.engagementorchestrator.contact;

import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The preferred contact channel and the report schedule agreed at the intro call (seed 002: "Определить предпочтительные
 * форматы контактов…; Установить четкий график взаимодействия"). Progress reports follow the schedule
 * ({@link ProgressReports}).
 */
@Service
@Transactional
public class ContactAgreements {

    public static final int MIN_REPORT_EVERY_DAYS = 1;
    public static final int MAX_REPORT_EVERY_DAYS = 31;
    /** Field names of problems, as the intro-call form names them. */
    public static final String CHANNEL_FIELD = "preferredContactChannel";
    public static final String REPORT_EVERY_DAYS_FIELD = "reportEveryDays";

    private final ContactAgreementRecords agreements;
    private final EngagementLifecycle lifecycle;

    public ContactAgreements(ContactAgreementRecords agreements, EngagementLifecycle lifecycle) {
        this.agreements = agreements;
        this.lifecycle = lifecycle;
    }

    /**
     * Records what was agreed; agreeing again replaces it (the running report schedule follows from its next report).
     *
     * @throws InvalidInputException naming {@code preferredContactChannel} and/or {@code reportEveryDays}
     * @throws com.engagementorchestrator.common.NotFoundException for an unknown engagement
     */
    public void agree(long engagementId, ContactChannel channel, int reportEveryDays, String moderator) {
        List<FieldProblem> problems = new ArrayList<>();
        if (channel == null) {
            problems.add(new FieldProblem(CHANNEL_FIELD, "choose how the client prefers to be contacted: "
                    + Arrays.stream(ContactChannel.values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
        if (reportEveryDays < MIN_REPORT_EVERY_DAYS || reportEveryDays > MAX_REPORT_EVERY_DAYS) {
            problems.add(new FieldProblem(REPORT_EVERY_DAYS_FIELD, "progress reports go out every " + MIN_REPORT_EVERY_DAYS
                    + " to " + MAX_REPORT_EVERY_DAYS + " days, got " + reportEveryDays));
        }
        if (moderator == null || moderator.isBlank()) {
            problems.add(new FieldProblem("agreedBy", "say which moderator agreed it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        lifecycle.get(engagementId);
        agreements.findById(engagementId).ifPresentOrElse(
                existing -> existing.replace(channel, reportEveryDays, moderator.trim()),
                () -> agreements.save(new ContactAgreement(engagementId, channel, reportEveryDays, moderator.trim())));
    }

    /** The recorded agreement, or the default (e-mail, a report every 7 days) for an engagement without one. */
    @Transactional(readOnly = true)
    public ContactAgreement find(long engagementId) {
        return agreements.findById(engagementId).orElseGet(() -> ContactAgreement.byDefault(engagementId));
    }
}
