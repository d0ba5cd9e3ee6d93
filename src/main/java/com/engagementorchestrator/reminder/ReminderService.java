package com.engagementorchestrator.reminder;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.correspondence.Correspondent;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.promise.PromiseLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the messages of the reminder ladder (seed 002, "client went silent"): each is stored in the correspondence
 * log before it is sent, under a key of engagement, obligation, due date and step, so a retried job sends it once.
 */
@Service
@Transactional
public class ReminderService {


    private final EngagementLifecycle lifecycle;
    private final Correspondent correspondent;
    private final PromiseLedger promises;
    private final ReminderLadder ladder;
    private final Map<String, Obligation> obligations;
    /** The client portal: a reminder links to the task it reminds of ({engagement}/{task element id}). */
    private final String portalUrl;

    public ReminderService(EngagementLifecycle lifecycle, Correspondent correspondent, PromiseLedger promises,
                           ReminderLadder ladder, List<Obligation> obligations, @Value("${engagement.public-url}") String publicUrl) {
        this.lifecycle = lifecycle;
        this.correspondent = correspondent;
        this.promises = promises;
        this.ladder = ladder;
        this.obligations = obligations.stream().collect(Collectors.toMap(Obligation::kind, Function.identity()));
        this.portalUrl = publicUrl + "/portal/#/task/";
    }

    /**
     * Sends the message of one step (FRIENDLY, CONCERN or WARNING) about what is due. Arguments of the templates:
     * {0} name, {1} engagement, {2} what is due, {3} due date, {4} task list, {5} why it matters, {6} deadline,
     * {7} the question whether everything is all right, with an example that fits what is owed, {8} the consequence
     * that applies now (the warning).
     */
    public void remind(long engagementId, String obligationKind, Instant dueAt, ReminderStep step) {
        if (step == ReminderStep.DUE || step == ReminderStep.DEADLINE) {
            throw new IllegalArgumentException("Step " + step + " sends no reminder");
        }
        Obligation obligation = obligation(obligationKind);
        Engagement e = lifecycle.get(engagementId);
        var client = e.getClient();
        String locale = client.getLocale();
        String generic = "reminder." + step.name().toLowerCase();
        // An obligation may word a step its own way (the final payment asks first whether it was sent and failed).
        String template = ownOrGeneric(generic + "." + obligationKind, generic, ".body");
        String consequence = "consequence." + obligation.consequence(engagementId).name();
        correspondent.send(new Correspondent.Letter(
                "reminder/" + e.getNumber() + "/" + obligationKind + "/" + dueAt.getEpochSecond() + "/" + step,
                e.getId(), client.getEmail(), locale, template,
                client.getFullName(), e.getNumber(), obligation.describe(engagementId, locale),
                Time.isoDueDate(dueAt), portalUrl + e.getNumber() + "/" + obligation.clientTask(),
                correspondent.fragment("why." + obligationKind, locale),
                Time.isoDueDate(ladder.deadline(dueAt)),
                correspondent.fragment("ask." + obligationKind, locale),
                correspondent.fragment(ownOrGeneric(consequence + "." + obligationKind, consequence, ""), locale)));
    }

    private String ownOrGeneric(String own, String generic, String suffix) {
        return correspondent.knows(own + suffix) ? own : generic;
    }

    /** The due date has come: every open promise of the engagement that is due now is broken. */
    public int dueDatePassed(long engagementId) {
        return promises.breakOverdue(engagementId);
    }

    public String describe(long engagementId, String obligationKind, String locale) {
        return obligation(obligationKind).describe(engagementId, locale);
    }

    /** Whether the client still owes it now, asked against the domain (see {@link Obligation#stillUnmet}). */
    public boolean stillUnmet(long engagementId, String obligationKind) {
        return obligation(obligationKind).stillUnmet(engagementId);
    }

    private Obligation obligation(String kind) {
        Obligation obligation = obligations.get(kind);
        if (obligation == null) {
            throw new IllegalArgumentException("Unknown obligation '" + kind + "'; known: " + obligations.keySet());
        }
        return obligation;
    }
}
