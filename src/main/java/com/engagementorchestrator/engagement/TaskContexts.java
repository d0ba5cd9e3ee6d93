package com.engagementorchestrator.engagement;

import static com.engagementorchestrator.common.ProcessVariable.Scope.SHOWN;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.client.Clients;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who and what a task is about, for the people who work on it: the engagement number, the client and the company.
 * Tasklist lists tasks by name, so the name carries the engagement and the company; forms show all three read-only.
 */
@Service
public class TaskContexts {

    /** Shown by the forms, read-only; the form guard never takes them from a submission. */
    public static final ProcessVariable<String> ENGAGEMENT = ProcessVariable.stringVariable("contextEngagement", SHOWN);
    public static final ProcessVariable<String> CLIENT = ProcessVariable.stringVariable("contextClient", SHOWN);
    public static final ProcessVariable<String> COMPANY = ProcessVariable.stringVariable("contextCompany", SHOWN);

    /** The engine's column for a task name holds 255 characters. */
    private static final int NAME_LIMIT = 255;

    private final Engagements engagements;
    private final Clients clients;

    TaskContexts(Engagements engagements, Clients clients) {
        this.engagements = engagements;
        this.clients = clients;
    }

    /** The context of a task of an engagement's processes. */
    @Transactional(readOnly = true)
    public Optional<TaskContext> ofEngagement(long engagementId) {
        return engagements.findById(engagementId).map(e -> new TaskContext(e.getNumber(), e.getClient().getFullName(),
                e.getCompany().getName()));
    }

    /** The context of a task about a client as a whole (a block): no single engagement. */
    @Transactional(readOnly = true)
    public Optional<TaskContext> ofClient(String clientUserId) {
        return clients.findByUserId(clientUserId).map(c -> new TaskContext(null, c.getFullName(),
                c.getCompany() == null ? null : c.getCompany().getName()));
    }

    /**
     * @param engagementNumber null for a task about the client as a whole
     */
    public record TaskContext(String engagementNumber, String clientName, String companyName) {

        /** "Review screening · ENG-2026-000003 · Northern Fish JSC"; a block names the client instead. */
        public String taskName(String baseName) {
            StringBuilder name = new StringBuilder(baseName == null ? "" : baseName);
            name.append(" · ").append(engagementNumber != null ? engagementNumber : blankAsDash(clientName));
            if (companyName != null && !companyName.isBlank()) {
                name.append(" · ").append(companyName.strip());
            }
            return name.length() <= NAME_LIMIT ? name.toString() : name.substring(0, NAME_LIMIT - 1) + "…";
        }

        public ProcessVariable.Values variables() {
            return ProcessVariable.values()
                    .with(ENGAGEMENT, engagementNumber == null ? "no engagement" : engagementNumber)
                    .with(CLIENT, blankAsDash(clientName))
                    .with(COMPANY, blankAsDash(companyName));
        }

        private static String blankAsDash(String text) {
            return text == null || text.isBlank() ? "not given" : text.strip();
        }
    }
}
