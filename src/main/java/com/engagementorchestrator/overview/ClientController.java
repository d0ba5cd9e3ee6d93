package com.engagementorchestrator.overview;

import com.engagementorchestrator.breach.BlockEvidence;
import com.engagementorchestrator.breach.BlockService;
import com.engagementorchestrator.breach.BreachService;
import com.engagementorchestrator.client.Client;
import com.engagementorchestrator.client.Clients;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A client's standing: block state, breach history and how they keep promises. Moderators and the client only. */
@RestController
class ClientController {

    record ClientView(Long id, String fullName, String email, String companyName, String registrationNumber,
                      boolean blocked, BlockView currentBlock, List<BlockView> blocks,
                      List<EngagementView.BreachView> breaches, List<String> engagements) {
    }

    record BlockView(Long id, String status, String reason, Instant blockedAt, Instant endedAt, String decidedBy,
                     String decisionNotes, List<EvidenceView> evidence) {
    }

    record EvidenceView(Long id, String note, String fileName, Instant providedAt, String url) {
    }

    /** {@code cancelled}: promises still open when their engagement ended (each with its close reason). */
    record ReliabilityView(Long clientId, long kept, long broken, long open, long renegotiated, long cancelled,
                           Double onTimeRatio, List<EngagementView.PromiseView> promises) {
    }

    private final Clients clients;
    private final Engagements engagements;
    private final BlockService blocks;
    private final BreachService breaches;
    private final PromiseLedger promises;

    ClientController(Clients clients, Engagements engagements, BlockService blocks, BreachService breaches,
                     PromiseLedger promises) {
        this.clients = clients;
        this.engagements = engagements;
        this.blocks = blocks;
        this.breaches = breaches;
        this.promises = promises;
    }

    @GetMapping("/api/clients/{id}")
    @Transactional(readOnly = true)
    ClientView client(@PathVariable Long id, Authentication caller) {
        Client client = visible(id, caller);
        var all = blocks.ofClient(id).stream().map(this::block).toList();
        var current = blocks.inForce(id).map(this::block).orElse(null);
        return new ClientView(client.getId(), client.getFullName(), client.getEmail(), client.getCompany().getName(),
                client.getCompany().getRegistrationNumber(), current != null, current, all,
                breaches.ofClient(id).stream().map(b -> new EngagementView.BreachView(b.getId(), b.getKind(), b.getWhatWasDue(),
                        b.getDueAt(), b.getOccurredAt())).toList(),
                engagements.findByClientIdOrderByIdAsc(id).stream().map(e -> e.getNumber()).toList());
    }

    @GetMapping("/api/clients/{id}/reliability")
    @Transactional(readOnly = true)
    ReliabilityView reliability(@PathVariable Long id, Authentication caller) {
        visible(id, caller);
        var r = promises.reliabilityOf(id);
        return new ReliabilityView(id, r.kept(), r.broken(), r.open(), r.renegotiated(), r.cancelled(), r.onTimeRatio(),
                r.promises().stream().map(EngagementOverviewController::promise).toList());
    }

    @GetMapping("/api/clients/{id}/block-evidence/{evidenceId}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> evidence(@PathVariable Long id, @PathVariable Long evidenceId, Authentication caller) {
        visible(id, caller);
        BlockEvidence evidence = blocks.ofClient(id).stream().flatMap(b -> blocks.evidenceOf(b.getId()).stream())
                .filter(ev -> ev.getId().equals(evidenceId) && ev.getFile() != null).findFirst()
                .orElseThrow(() -> new NotFoundException("No evidence file " + evidenceId + " of client " + id));
        return EngagementFilesController.file(evidence.getFile());
    }

    private BlockView block(com.engagementorchestrator.breach.ClientBlock b) {
        return new BlockView(b.getId(), b.getStatus().name(), b.getReason(), b.getBlockedAt(), b.getEndedAt(), b.getDecidedBy(),
                b.getDecisionNotes(), blocks.evidenceOf(b.getId()).stream().map(ev -> new EvidenceView(ev.getId(), ev.getNote(),
                ev.getFile() == null ? null : ev.getFile().getFileName(), ev.getProvidedAt(), ev.getFile() == null ? null
                : "/api/clients/" + b.getClientId() + "/block-evidence/" + ev.getId())).toList());
    }

    /** Moderators see every client, a client only themselves; anyone else gets 404. */
    private Client visible(Long id, Authentication caller) {
        return clients.findById(id).filter(c -> CurrentUser.isStaff(caller) || c.getUserId().equals(caller.getName()))
                .orElseThrow(() -> new NotFoundException("No client " + id));
    }
}
