package com.engagementorchestrator.complaint;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.correspondence.Money;
import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (DOMAIN.md step 9): raised on a running engagement, classified and answered by a moderator, accepted or
 * escalated to the freelancer by the client; never left unanswered (the answer has a deadline with an escalation).
 */
@Service
@Transactional
public class ComplaintService {

    public static final String RAISED_MESSAGE = "ComplaintRaised";

    private final Complaints complaints;
    private final EngagementLifecycle lifecycle;
    private final ClientLetters letters;
    private final RuntimeService runtime;
    private final ComplaintTimers timers;

    public ComplaintService(Complaints complaints, EngagementLifecycle lifecycle, ClientLetters letters, RuntimeService runtime,
                            ComplaintTimers timers) {
        this.timers = timers;
        this.complaints = complaints;
        this.lifecycle = lifecycle;
        this.letters = letters;
        this.runtime = runtime;
    }

    /** A client complains: recorded, acknowledged, and handed to the engagement's process. */
    public Complaint raise(long engagementId, String clientUserId, String text) {
        Engagement e = lifecycle.get(engagementId);
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw new InvalidInputException("text", "say what is wrong (1 to 4000 characters)");
        }
        if (e.getStatus() != EngagementStatus.ACTIVE) {
            throw new ConflictException("Engagement " + e.getNumber() + " is " + e.getStatus()
                    + "; a complaint can be raised on a running engagement");
        }
        Complaint complaint = complaints.save(new Complaint(engagementId, clientUserId, text.trim()));
        runtime.createMessageCorrelation(RAISED_MESSAGE).processInstanceId(e.getProcessInstanceId())
                .setVariables(ProcessVariable.values().with(ComplaintProcess.RAISED_COMPLAINT_ID, complaint.getId())).correlate();
        letters.write(e, "complaint.received", "complaint-received/" + complaint.getId(), complaint.getId(),
                Time.isoDate(timers.answerDueDate().toInstant()));
        return complaint;
    }

    /** The moderator's classified answer; what each class needs is checked. */
    public void answer(long complaintId, String moderator, Complaint.Classification classification, String answer,
                       String fix, String fixBy, BigDecimal refund) {
        Complaint complaint = get(complaintId);
        List<FieldProblem> problems = new ArrayList<>();
        if (classification == null) {
            problems.add(new FieldProblem("classification", "choose OUR_FAULT, OUTSIDE_OUR_CONTROL or UNFOUNDED"));
        }
        if (answer == null || answer.isBlank()) {
            problems.add(new FieldProblem("answer", classification == Complaint.Classification.UNFOUNDED
                    ? "answer with the signed protocol and the correspondence: cite them"
                    : classification == Complaint.Classification.OUTSIDE_OUR_CONTROL ? "explain with facts"
                    : "write the answer, with an apology"));
        }
        LocalDate fixDate = null;
        if (classification == Complaint.Classification.OUR_FAULT) {
            if (fix == null || fix.isBlank()) {
                problems.add(new FieldProblem("fix", "say what we fix"));
            }
            try {
                fixDate = fixBy == null || fixBy.isBlank() ? null : Time.parseDate(fixBy.length() > 10 ? fixBy.substring(0, 10) : fixBy);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new FieldProblem("fixBy", "must be a date such as 2026-12-01"));
            }
            if (fixDate == null && problems.stream().noneMatch(p -> p.field().equals("fixBy"))) {
                problems.add(new FieldProblem("fixBy", "say by when we fix it"));
            }
        }
        if (classification == Complaint.Classification.UNFOUNDED && answer != null && !answer.isBlank()
                && !answer.matches("(?s).*(PRT-|protocol|протокол|correspondence|переписк).*")) {
            problems.add(new FieldProblem("answer", "cite the signed protocol (PRT-…) or the correspondence"));
        }
        if (refund != null && refund.signum() < 0) {
            problems.add(new FieldProblem("refundAmount", "must not be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        complaint.answer(classification, answer.trim(), fix == null ? null : fix.trim(), fixDate, refund, moderator);
    }

    /** Our answer as people read it: the classification, the answer, what we fix and the refund, all in words. */
    public String answerInWords(Complaint c, String locale) {
        if (c.getAnswer() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(letters.fragment("complaint.classification." + c.getClassification().name(), locale))
                .append(": ").append(c.getAnswer());
        if (c.getClassification() == Complaint.Classification.OUR_FAULT) {
            text.append('\n').append(c.getFix() == null || c.getFix().isBlank() ? letters.fragment("complaint.fix.none", locale)
                    : letters.fragment(c.getFixBy() == null ? "complaint.fix.undated" : "complaint.fix", locale, c.getFix(),
                    c.getFixBy() == null ? null : c.getFixBy().toString()));
            text.append('\n').append(letters.fragment("complaint.refund.line", locale,
                    c.getRefundAmount() == null || c.getRefundAmount().signum() == 0 ? letters.fragment("complaint.refund.none", locale)
                            : new Money(c.getRefundAmount(), lifecycle.get(c.getEngagementId()).getBudgetCurrency())));
        }
        return text.toString();
    }

    public String clientLocale(Complaint c) {
        return lifecycle.get(c.getEngagementId()).getClient().getLocale();
    }

    public void sendAnswer(long complaintId) {
        Complaint complaint = get(complaintId);
        Engagement e = lifecycle.get(complaint.getEngagementId());
        letters.write(e, "complaint.answer." + complaint.getClassification().name(), "complaint-answer/" + complaintId,
                complaint.getId(), complaint.getAnswer(),
                // what we fix and by when, or words saying there is nothing to fix: never a dash
                complaint.getFix() == null || complaint.getFix().isBlank()
                        ? letters.fragment("complaint.fix.none", e.getClient().getLocale())
                        : letters.fragment(complaint.getFixBy() == null ? "complaint.fix.undated" : "complaint.fix",
                                e.getClient().getLocale(), complaint.getFix(),
                                complaint.getFixBy() == null ? null : complaint.getFixBy().toString()),
                complaint.getFixBy() == null ? "" : complaint.getFixBy().toString(),
                complaint.getRefundAmount() == null || complaint.getRefundAmount().signum() == 0
                        ? letters.fragment("complaint.refund.none", e.getClient().getLocale())
                        : new Money(complaint.getRefundAmount(), e.getBudgetCurrency()),
                letters.taskLink(e, ComplaintProcess.Elements.RESPOND_TO_ANSWER));
    }

    /** Our answer is late: the client is told when it comes, and the record shows it. */
    public void answerOverdue(long complaintId) {
        Complaint complaint = get(complaintId);
        complaint.answerOverdue();
        letters.write(lifecycle.get(complaint.getEngagementId()), "complaint.delayed", "complaint-delayed/" + complaintId,
                complaint.getId());
    }

    public void respond(long complaintId, boolean accepted, String reply) {
        Complaint complaint = get(complaintId);
        if (!accepted) {
            if (reply == null || reply.isBlank()) {
                throw new InvalidInputException("clientReply", "say what is still wrong: the freelancer takes it up");
            }
            complaint.escalate(reply.trim());
        }
    }

    public void answerEscalation(long complaintId, String freelancer, String answer) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidInputException("escalationAnswer", "write your answer to the client");
        }
        Complaint complaint = get(complaintId);
        complaint.escalationAnswered(answer.trim(), freelancer);
        letters.write(lifecycle.get(complaint.getEngagementId()), "complaint.escalation", "complaint-escalation/" + complaintId,
                complaint.getId(), answer.trim());
    }

    public void close(long complaintId) {
        Complaint complaint = get(complaintId);
        complaint.close(complaint.getStatus() == Complaint.Status.ESCALATED ? "ESCALATION_ANSWERED"
                : complaint.getClientReply() == null ? "ACCEPTED_OR_SILENT" : "ACCEPTED");
    }

    @Transactional(readOnly = true)
    public Complaint get(long complaintId) {
        return complaints.findById(complaintId).orElseThrow(() -> new NotFoundException("No complaint " + complaintId));
    }

    @Transactional(readOnly = true)
    public List<Complaint> of(long engagementId) {
        return complaints.findByEngagementIdOrderByIdAsc(engagementId);
    }
}
