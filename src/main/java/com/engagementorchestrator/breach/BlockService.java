package com.engagementorchestrator.breach;

import com.engagementorchestrator.client.Client;
import com.engagementorchestrator.client.Clients;
import com.engagementorchestrator.client.Companies;
import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.EngagementResumed;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.promise.PromiseLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review of a block (seed 000: the client who "paid" was asked for the payment order): ask for evidence, then lift it
 * (every paused engagement resumes where it was, its deadlines moved by the blocked time) or terminate the engagements
 * (a paid prepayment is retained and the client told so; the client stays blocked).
 */
@Service
@Transactional
public class BlockService {

    /** Blocks in force; {@link ClientBlocks#findInForceForCompany} names the same two in its query. */
    static final Set<ClientBlock.Status> IN_FORCE = EnumSet.of(ClientBlock.Status.UNDER_REVIEW, ClientBlock.Status.TERMINATED);
    public static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;

    private final ClientBlocks blocks;
    private final Breaches breaches;
    private final PausedEngagements paused;
    private final BlockEvidences evidence;
    private final Clients clients;
    private final Companies companies;
    private final EngagementLifecycle lifecycle;
    private final PromiseLedger promises;
    private final ProcessPauses pauses;
    private final ClientLetters letters;
    private final UploadedFiles files;
    private final ApplicationEventPublisher events;
    private final PausedEngagementResumer resumer;
    private final PausedProcesses pausedProcesses;
    private final Terminations terminations;
    private final SigningAuthority signingAuthority;
    private final String supportContact;
    private final BreachMetrics metrics;

    public BlockService(ClientBlocks blocks, Breaches breaches, PausedEngagements paused, BlockEvidences evidence,
                        Clients clients, Companies companies, EngagementLifecycle lifecycle, PromiseLedger promises,
                        ProcessPauses pauses, ClientLetters letters, UploadedFiles files, ApplicationEventPublisher events,
                        PausedEngagementResumer resumer, PausedProcesses pausedProcesses, Terminations terminations,
                        SigningAuthority signingAuthority, BreachMetrics metrics,
                        @Value("${engagement.support-contact}") String supportContact) {
        this.metrics = metrics;
        this.signingAuthority = signingAuthority;
        this.supportContact = supportContact;
        this.resumer = resumer;
        this.pausedProcesses = pausedProcesses;
        this.terminations = terminations;
        this.blocks = blocks;
        this.breaches = breaches;
        this.paused = paused;
        this.evidence = evidence;
        this.clients = clients;
        this.companies = companies;
        this.lifecycle = lifecycle;
        this.promises = promises;
        this.pauses = pauses;
        this.letters = letters;
        this.files = files;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<ClientBlock> inForce(long clientId) {
        return blocks.findFirstByClientIdAndStatusInOrderByIdDesc(clientId, IN_FORCE);
    }

    @Transactional(readOnly = true)
    public List<ClientBlock> ofClient(long clientId) {
        return blocks.findByClientIdOrderByIdAsc(clientId);
    }

    @Transactional(readOnly = true)
    public ClientBlock get(long blockId) {
        return blocks.findById(blockId).orElseThrow(() -> new NotFoundException("No block " + blockId));
    }

    /**
     * Refuses an anonymous registration of a blocked person, or at a blocked company. The caller has not logged in, so
     * the answer says only that it is not possible now and whom to ask: never whose block it is or which breach.
     */
    @Transactional(readOnly = true)
    public void refuseRegistrationIfBlocked(String email, String country, String registrationNumber) {
        boolean personBlocked = email != null && clients.findByUserId(email.trim().toLowerCase(Locale.ROOT))
                .flatMap(c -> inForce(c.getId())).isPresent();
        boolean companyBlocked = registrationNumber != null && !registrationNumber.isBlank() && country != null
                && companies.findFirstByCountryAndRegistrationNumberOrderByIdAsc(country, registrationNumber.trim())
                .map(company -> companyBlocked(company.getId())).orElse(false);
        if (personBlocked || companyBlocked) {
            throw new ConflictException("Registration is not possible at the moment. If you think this is a mistake, "
                    + "write to our support at " + supportContact + ".");
        }
    }

    /**
     * Refuses a new engagement of a blocked client (they are told their own block), or of a colleague at a blocked
     * company (told nothing about the colleague's breach).
     */
    @Transactional(readOnly = true)
    public void refuseEngagementIfBlocked(long clientId, long companyId) {
        inForce(clientId).ifPresent(b -> {
            throw new ConflictException("Your account is blocked since " + b.getBlockedAt() + " because of a breach: "
                    + b.getReason() + ". A moderator reviews the block; answer the message we sent to have it lifted.");
        });
        if (companyBlocked(companyId)) {
            throw new ConflictException("A new engagement for your company is not possible at the moment. Write to our "
                    + "support at " + supportContact + ".");
        }
    }

    /**
     * A company is blocked by the block of a contact who had proved signing authority. Anyone can register with a
     * company's public registration number: the breach of someone who never proved it blocks that person only.
     */
    private boolean companyBlocked(long companyId) {
        return blocks.findInForceForCompany(companyId).stream()
                .anyMatch(b -> signingAuthority.confirmedFor(b.getClientId()));
    }

    /** Everything a moderator needs to decide, as text for the Review block form. */
    @Transactional(readOnly = true)
    public String summary(long blockId) {
        ClientBlock block = get(blockId);
        Client client = clients.findById(block.getClientId()).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append("Client: ").append(client.getFullName()).append(" <").append(client.getEmail()).append(">, client id ")
                .append(client.getId()).append('\n');
        text.append("Blocked since ").append(block.getBlockedAt()).append(": ")
                .append(CODE.matcher(String.valueOf(block.getReason())).replaceAll(code -> inWords(code.group()))).append('\n');
        text.append(signingAuthority.confirmedFor(client.getId())
                ? "The company is blocked too: this client had proved signing authority.\n"
                : "Only this client is blocked: they never proved signing authority, so the company is not.\n");
        text.append("\nBreaches:\n");
        breaches.findByBlockIdOrderByIdAsc(blockId).forEach(b -> text.append("- ").append(inWords(b.getKind())).append(" on ")
                .append(b.getOccurredAt()).append(": ").append(b.getWhatWasDue()).append('\n'));
        text.append("\nPaused engagements:\n");
        paused.findByBlockIdOrderByEngagementIdAsc(blockId).forEach(p -> {
            Engagement e = lifecycle.get(p.getEngagementId());
            text.append("- ").append(e.getNumber()).append(" (phase ").append(inWords(e.getPhase())).append(p.isBreached() ? ", breached" : "")
                    .append(")\n");
        });
        List<BlockEvidence> sent = evidence.findByBlockIdOrderByIdAsc(blockId);
        text.append("\nEvidence from the client: ").append(sent.isEmpty() ? "none yet" : "").append('\n');
        sent.forEach(ev -> text.append("- ").append(ev.getProvidedAt()).append(": ").append(ev.getNote() == null ? "" : ev.getNote())
                .append(ev.getFile() == null ? "" : " [file " + ev.getFile().getFileName() + ": /api/clients/" + client.getId()
                        + "/block-evidence/" + ev.getId() + "]").append('\n'));
        return text.toString();
    }

    /** A code in a stored reason ("DEPOSIT_OVERDUE in ENG-..."). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)+\\b");

    /** "DEPOSIT_OVERDUE" reads "Deposit overdue": the moderator's form shows words, not codes. */
    static String inWords(Object code) {
        if (code == null || String.valueOf(code).isBlank()) {
            return "none";
        }
        String words = String.valueOf(code).replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Checks the moderator's decision before the task completes. */
    public BlockProcess.Decision decide(BlockProcess.Decision decision, String evidenceRequest, String notes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (decision == null) {
            problems.add(new FieldProblem("blockDecision", "choose ASK_EVIDENCE, LIFT or TERMINATE"));
        } else if (decision == BlockProcess.Decision.ASK_EVIDENCE && (evidenceRequest == null || evidenceRequest.isBlank())) {
            problems.add(new FieldProblem("evidenceRequest", "say what the client should send; they read it"));
        } else if (decision == BlockProcess.Decision.TERMINATE && (notes == null || notes.isBlank())) {
            problems.add(new FieldProblem("decisionNotes", "say why the engagements are terminated; it is kept on the record"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return decision;
    }

    public void requestEvidence(long blockId, String request) {
        ClientBlock block = get(blockId);
        letters.write(anyEngagement(block), "block.evidence", "block-evidence/" + blockId + "/" + Time.now().toEpochMilli(),
                request);
    }

    public BlockEvidence recordEvidence(long blockId, String providedBy, String note, String fileName, byte[] content) {
        boolean hasFile = content != null && content.length > 0;
        if ((note == null || note.isBlank()) && !hasFile) {
            throw new InvalidInputException("evidenceNote", "explain what happened, or attach a document (for example the payment order)");
        }
        if (note != null && note.length() > 4000) {
            throw new InvalidInputException("evidenceNote", "at most 4000 characters");
        }
        StoredFile file = hasFile ? new StoredFile(files.check("evidenceFile", fileName, content, MAX_EVIDENCE_BYTES,
                UploadedFiles.DOCUMENTS, "PDF, JPEG or PNG")) : null;
        return evidence.save(new BlockEvidence(get(blockId).getId(), note == null ? null : note.trim(), file, providedBy));
    }

    @Transactional(readOnly = true)
    public List<BlockEvidence> evidenceOf(long blockId) {
        return evidence.findByBlockIdOrderByIdAsc(blockId);
    }

    /**
     * Lifts the block. Every paused engagement is active again and its open promises move by the paused time; the
     * breaching process gets its new date at once; the suspended processes are activated right after this commits
     * (see {@link PausedEngagementResumer}), each exactly where it was, its deadlines moved by the paused time.
     */
    public void lift(long blockId, String moderator, String notes) {
        ClientBlock block = get(blockId);
        block.end(ClientBlock.Status.LIFTED, moderator, notes);
        metrics.blockEnded(ClientBlock.Status.LIFTED);
        List<PausedEngagement> all = paused.findByBlockIdOrderByEngagementIdAsc(blockId);
        for (PausedEngagement p : all) {
            Engagement e = lifecycle.get(p.getEngagementId());
            e.resume();
            promises.postpone(List.of(e.getId()), Duration.between(p.getPausedAt(), Time.now()));
            p.resumed();
        }
        for (PausedProcess process : pausedProcesses.findByBlockIdOrderByPausedAtAsc(blockId)) {
            if (process.isBreaching()) {
                pauses.correlateInHierarchy(process.getProcessInstanceId(), EngagementProcess.Messages.BLOCK_LIFTED);
                if (EngagementProcess.KEY.equals(process.getProcessKey())) {
                    events.publishEvent(new EngagementResumed(process.getEngagementId(),
                            Duration.between(process.getPausedAt(), Time.now()), true));
                }
                process.resumed();
            }
        }
        resumer.afterCommit(blockId);
        letters.write(anyEngagement(block), "block.lifted", "block-lifted/" + blockId,
                all.stream().map(p -> lifecycle.get(p.getEngagementId()).getNumber()).collect(Collectors.joining(", ")));
    }

    /** Ends every paused engagement and its processes; the client stays blocked. */
    public void terminate(long blockId, String moderator, String notes) {
        ClientBlock block = get(blockId);
        block.end(ClientBlock.Status.TERMINATED, moderator, notes);
        metrics.blockEnded(ClientBlock.Status.TERMINATED);
        List<PausedProcess> processes = pausedProcesses.findByBlockIdOrderByPausedAtAsc(blockId);
        for (PausedEngagement p : paused.findByBlockIdOrderByEngagementIdAsc(blockId)) {
            Engagement e = lifecycle.get(p.getEngagementId());
            e.resume();
            p.resumed();
            boolean ownProcessRuns = processes.stream().anyMatch(pp -> pp.getEngagementId().equals(e.getId())
                    && EngagementProcess.KEY.equals(pp.getProcessKey()));
            if (!ownProcessRuns) {
                terminations.close(e.getId());
            }
        }
        for (PausedProcess process : processes) {
            if (process.isBreaching()) {
                if (EngagementProcess.KEY.equals(process.getProcessKey())) {
                    pauses.correlate(process.getProcessInstanceId(), EngagementProcess.Messages.ENGAGEMENT_TERMINATED);
                } else {
                    pauses.end(process.getProcessInstanceId(), Terminations.REASON);
                }
                process.resumed();
            }
        }
        resumer.afterCommit(blockId);
    }

    private Engagement anyEngagement(ClientBlock block) {
        return paused.findByBlockIdOrderByEngagementIdAsc(block.getId()).stream()
                .filter(PausedEngagement::isBreached).findFirst()
                .or(() -> paused.findByBlockIdOrderByEngagementIdAsc(block.getId()).stream().findFirst())
                .map(p -> lifecycle.get(p.getEngagementId()))
                .orElseThrow(() -> new IllegalStateException("Block " + block.getId() + " paused no engagement"));
    }
}
