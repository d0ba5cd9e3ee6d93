package com.engagementorchestrator.authority;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.ending.EngagementEnding;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.reminder.Consequence;
import com.engagementorchestrator.reminder.Obligation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signing authority (DOMAIN.md step 3, marker M6): the client proves they may sign for the company. */
@Service
@Transactional
public class AuthorityService implements Obligation {

    public static final String OBLIGATION = "AUTHORITY";
    public static final int MAX_ATTEMPTS = 3;
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    static final String FIELD = "authorityDocument";

    private final AuthorityDocuments documents;
    private final UploadedFiles files;
    private final EngagementLifecycle lifecycle;
    private final ClientLetters letters;
    private final PromiseLedger promises;
    private final Duration dueIn;
    /** The client portal, where a letter's link opens the engagement's open task. */
    private final String portalUrl;

    private final EngagementEnding ending;

    public AuthorityService(AuthorityDocuments documents, UploadedFiles files, EngagementLifecycle lifecycle,
                            ClientLetters letters, PromiseLedger promises,
                            @Value("${engagement.authority.due-in:P7D}") Duration dueIn,
                            @Value("${engagement.public-url}") String publicUrl, EngagementEnding ending) {
        this.ending = ending;
        this.documents = documents;
        this.files = files;
        this.lifecycle = lifecycle;
        this.letters = letters;
        this.promises = promises;
        this.dueIn = dueIn;
        this.portalUrl = publicUrl + "/portal/#/task/";
    }

    @Override
    public String kind() {
        return OBLIGATION;
    }

    @Override
    public String clientTask() {
        return EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY;
    }

    /** Asks for the document; the client promises to upload it by the answered due date. */
    public Instant requestDocument(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        Instant dueAt = promiseUpload(e, Time.now().plus(dueIn));
        letters.write(e, "authority.requested", "authority-requested/" + e.getNumber(), companyName(e), Time.isoDate(dueAt), portalUrl + e.getNumber() + "/" + clientTask());
        return dueAt;
    }

    /** Stores an uploaded document after checking its real type (from the content) and size. */
    public AuthorityDocument upload(long engagementId, String uploadedBy, String fileName, byte[] content) {
        var checked = files.check(FIELD, fileName, content, MAX_DOCUMENT_BYTES, UploadedFiles.DOCUMENTS, "PDF, JPEG or PNG");
        int attempt = documents.findByEngagementIdOrderByAttemptAsc(engagementId).size() + 1;
        if (attempt > MAX_ATTEMPTS) {
            throw new InvalidInputException(FIELD, "all " + MAX_ATTEMPTS + " attempts have been used");
        }
        AuthorityDocument document = documents.save(new AuthorityDocument(engagementId, attempt, new StoredFile(checked), uploadedBy));
        Engagement e = lifecycle.get(engagementId);
        promises.fulfil(engagementId, Promise.Kind.AUTHORITY_DOCUMENT, e.getNumber(), document.getUploadedAt());
        return document;
    }

    /** A moderator's decision on the latest document; answers how many attempts the client has left. */
    public int decide(long engagementId, String moderator, AuthorityDocument.Decision decision, String reason) {
        if (decision == null || decision == AuthorityDocument.Decision.PENDING) {
            throw new InvalidInputException("authorityDecision", "choose ACCEPTED or REJECTED");
        }
        if (decision == AuthorityDocument.Decision.REJECTED && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("authorityRejectionReason", "say why the document is rejected; the client reads it");
        }
        AuthorityDocument latest = latest(engagementId);
        if (latest.getDecision() != AuthorityDocument.Decision.PENDING) {
            throw new IllegalStateException("Document " + latest.getId() + " was already decided");
        }
        latest.decide(decision, decision == AuthorityDocument.Decision.REJECTED ? reason.trim() : null, moderator);
        return MAX_ATTEMPTS - latest.getAttempt();
    }

    public Instant askForNewDocument(long engagementId) {
        AuthorityDocument rejected = latest(engagementId);
        Engagement e = lifecycle.get(engagementId);
        Instant dueAt = promiseUpload(e, Time.now().plus(dueIn));
        letters.write(e, "authority.rejected", "authority-rejected/" + e.getNumber() + "/" + rejected.getAttempt(),
                rejected.getRejectionReason(), MAX_ATTEMPTS - rejected.getAttempt(), portalUrl + e.getNumber() + "/" + clientTask());
        return dueAt;
    }

    /** After a lifted block the overdue upload gets a new date: a new promise. */
    public Instant renewDueDate(long engagementId, Duration grace) {
        return promiseUpload(lifecycle.get(engagementId), Time.now().plus(grace));
    }

    @Override
    @Transactional(readOnly = true)
    public String describe(long engagementId, String locale) {
        Engagement e = lifecycle.get(engagementId);
        return letters.fragment("obligation.AUTHORITY", locale, companyName(e));
    }

    /** No document awaits a moderator's decision or was accepted: the upload is still owed. */
    @Override
    @Transactional(readOnly = true)
    public boolean stillUnmet(long engagementId) {
        return documents.findFirstByEngagementIdOrderByAttemptDesc(engagementId)
                .map(d -> d.getDecision() == AuthorityDocument.Decision.REJECTED).orElse(true);
    }

    /** Authority comes before the deposit: nothing is paid yet and work has not started. */
    @Override
    public Consequence consequence(long engagementId) {
        return Consequence.WORK_NOT_STARTED;
    }

    public void confirm(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        letters.write(e, "authority.accepted", "authority-accepted/" + e.getNumber());
    }

    public void refuse(long engagementId) {
        Engagement e = lifecycle.close(engagementId, EngagementStatus.DECLINED,
                "signing authority not proven after " + MAX_ATTEMPTS + " attempts (M6)");
        ending.endAllOf(engagementId, "the engagement was declined: signing authority not proven");
        letters.write(e, "authority.refused", "authority-refused/" + e.getNumber());
    }

    @Transactional(readOnly = true)
    public List<AuthorityDocument> documents(long engagementId) {
        return documents.findByEngagementIdOrderByAttemptAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public AuthorityDocument latest(long engagementId) {
        return documents.findFirstByEngagementIdOrderByAttemptDesc(engagementId)
                .orElseThrow(() -> new IllegalStateException("Engagement " + engagementId + " has no authority document"));
    }


    private static String companyName(Engagement e) {
        String name = e.getCompany().getName();
        return name == null || name.isBlank() ? "your company" : name;
    }

    private Instant promiseUpload(Engagement e, Instant dueAt) {
        promises.make(new Promise.Party(e.getClient().getId(), e.getCompany().getId(), e.getId()),
                Promise.Kind.AUTHORITY_DOCUMENT, e.getNumber(), "upload a document proving signing authority", dueAt);
        return dueAt;
    }
}
