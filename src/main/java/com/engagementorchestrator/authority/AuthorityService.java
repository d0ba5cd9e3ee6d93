package com.engagementorchestrator.authority;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.correspondence.Correspondent;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementPhase;
import com.engagementorchestrator.engagement.EngagementStatus;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signing authority (DOMAIN.md step 3, marker M6): the client proves they may sign for the company. */
@Service
@Transactional
public class AuthorityService {

    public static final int MAX_ATTEMPTS = 3;
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    static final int UPLOAD_DAYS = 14;
    static final int DAYS_LEFT_AT_REMINDER = 7;
    static final String FIELD = "authorityDocument";

    private final AuthorityDocuments documents;
    private final DocumentTypes types;
    private final EngagementLifecycle lifecycle;
    private final Correspondent correspondent;
    private final String tasklistUrl;

    public AuthorityService(AuthorityDocuments documents, DocumentTypes types, EngagementLifecycle lifecycle,
                            Correspondent correspondent, @Value("${engagement.public-url}") String publicUrl) {
        this.documents = documents;
        this.types = types;
        this.lifecycle = lifecycle;
        this.correspondent = correspondent;
        this.tasklistUrl = publicUrl + "/camunda/app/tasklist/";
    }

    public void requestDocument(long engagementId) {
        Engagement e = lifecycle.enterPhase(engagementId, EngagementPhase.SIGNING_AUTHORITY);
        write(e, "authority.requested", "authority-requested/" + e.getNumber(),
                companyName(e), UPLOAD_DAYS, tasklistUrl);
    }

    public void remind(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        int attempt = documents.findByEngagementIdOrderByAttemptAsc(engagementId).size() + 1;
        write(e, "authority.reminder", "authority-reminder/" + e.getNumber() + "/" + attempt,
                companyName(e), DAYS_LEFT_AT_REMINDER, tasklistUrl);
    }

    /** Stores an uploaded document after checking its real type (from the content) and size. */
    public AuthorityDocument upload(long engagementId, String uploadedBy, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(FIELD, "choose a PDF, JPEG or PNG file to upload");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidInputException(FIELD, "the file has %d bytes; at most 10 MB (%d bytes) are accepted"
                    .formatted(content.length, MAX_DOCUMENT_BYTES));
        }
        String type = types.detect(content);
        if (!DocumentTypes.ACCEPTED.contains(type)) {
            throw new InvalidInputException(FIELD, "the file's content is " + type
                    + ", whatever its name says; only PDF, JPEG or PNG are accepted");
        }
        int attempt = documents.findByEngagementIdOrderByAttemptAsc(engagementId).size() + 1;
        if (attempt > MAX_ATTEMPTS) {
            throw new InvalidInputException(FIELD, "all " + MAX_ATTEMPTS + " attempts have been used");
        }
        AuthorityDocument document = documents.save(new AuthorityDocument(engagementId, attempt,
                fileName == null || fileName.isBlank() ? "document" : fileName, type, content, sha256(content), uploadedBy));
        lifecycle.enterPhase(engagementId, EngagementPhase.AUTHORITY_VERIFICATION);
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

    public void askForNewDocument(long engagementId) {
        AuthorityDocument rejected = latest(engagementId);
        Engagement e = lifecycle.enterPhase(engagementId, EngagementPhase.SIGNING_AUTHORITY);
        write(e, "authority.rejected", "authority-rejected/" + e.getNumber() + "/" + rejected.getAttempt(),
                rejected.getRejectionReason(), MAX_ATTEMPTS - rejected.getAttempt(), tasklistUrl);
    }

    public void confirm(long engagementId) {
        Engagement e = lifecycle.enterPhase(engagementId, EngagementPhase.DEPOSIT);
        write(e, "authority.accepted", "authority-accepted/" + e.getNumber());
    }

    public void refuse(long engagementId) {
        Engagement e = lifecycle.close(engagementId, EngagementStatus.DECLINED,
                "signing authority not proven after " + MAX_ATTEMPTS + " attempts (M6)");
        write(e, "authority.refused", "authority-refused/" + e.getNumber());
    }

    public void expire(long engagementId) {
        Engagement e = lifecycle.close(engagementId, EngagementStatus.EXPIRED,
                "no signing authority document within " + UPLOAD_DAYS + " days");
        write(e, "engagement.expired", "engagement-expired/" + e.getNumber());
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

    private void write(Engagement e, String template, String dedupKey, Object... details) {
        var client = e.getClient();
        Object[] arguments = new Object[2 + details.length];
        arguments[0] = client.getFullName();
        arguments[1] = e.getNumber();
        System.arraycopy(details, 0, arguments, 2, details.length);
        correspondent.send(new Correspondent.Letter(dedupKey, e.getId(), client.getEmail(), client.getLocale(),
                template, arguments));
    }

    private static String companyName(Engagement e) {
        String name = e.getCompany().getName();
        return name == null || name.isBlank() ? "your company" : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
