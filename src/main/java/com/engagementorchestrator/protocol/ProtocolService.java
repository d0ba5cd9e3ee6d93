package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting protocols (DOMAIN.md step 6): recorded by a moderator, signed by client and freelancer, never changed once
 * anyone signed (an edit is a new version that voids the signatures), verifiable by its hash at any time.
 */
@Service
@Transactional
public class ProtocolService {

    private final Protocols protocols;
    private final ProtocolSignatures signatures;
    private final ProtocolObjections objections;
    private final EngagementLifecycle lifecycle;
    private final JdbcTemplate jdbc;
    private final PromiseLedger promises;
    private final ProtocolAgreements agreements;

    public ProtocolService(Protocols protocols, ProtocolSignatures signatures, ProtocolObjections objections,
                           EngagementLifecycle lifecycle, JdbcTemplate jdbc, PromiseLedger promises,
                           ProtocolAgreements agreements) {
        this.promises = promises;
        this.agreements = agreements;
        this.protocols = protocols;
        this.signatures = signatures;
        this.objections = objections;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    /** Whether the stored protocol still says what was signed: the content's hash now, and each signature's. */
    public record Verification(boolean intact, String storedSha256, String recomputedSha256, List<SignatureCheck> signatures) {
    }

    public record SignatureCheck(ProtocolAgreement.Party role, String userId, java.time.Instant signedAt, String signedSha256,
                                 boolean matches, boolean valid) {
    }

    public Protocol record(long engagementId, ProtocolContent content, String moderator) {
        Engagement e = lifecycle.get(engagementId);
        validate(content);
        Long next = jdbc.queryForObject("select nextval('protocol_number_seq')", Long.class);
        String number = "PRT-" + e.getNumber().substring(4) + "-" + next;
        return protocols.save(new Protocol(engagementId, number, 1, content, moderator));
    }

    /**
     * Changes a protocol. Unsigned: in place. Signed by one side: a new version, the old one superseded and its
     * signatures void. Signed by both: refused, a signed protocol cannot change.
     */
    public Protocol revise(long protocolId, ProtocolContent content, String moderator) {
        Protocol current = get(protocolId);
        validate(content);
        if (current.getStatus() == Protocol.Status.SIGNED) {
            throw new ConflictException("Protocol " + current.getNumber() + " v" + current.getVersion()
                    + " is signed by both sides and cannot change; record a new protocol instead");
        }
        if (current.getStatus() == Protocol.Status.SUPERSEDED) {
            throw new ConflictException("Protocol " + current.getNumber() + " v" + current.getVersion()
                    + " was replaced by a newer version; revise that one");
        }
        List<ProtocolSignature> signed = signatures.findByProtocolIdOrderByIdAsc(protocolId).stream()
                .filter(ProtocolSignature::isValid).toList();
        if (signed.isEmpty()) {
            current.replace(content);
            return current;
        }
        signed.forEach(ProtocolSignature::voidIt);
        current.supersede();
        return protocols.save(new Protocol(current.getEngagementId(), current.getNumber(), current.getVersion() + 1, content,
                moderator));
    }

    public ProtocolSignature sign(long protocolId, ProtocolAgreement.Party role, String userId, String ipAddress,
                                  String userAgent) {
        Protocol protocol = get(protocolId);
        if (protocol.getStatus() != Protocol.Status.SIGNING) {
            throw new ConflictException("Protocol " + protocol.getNumber() + " v" + protocol.getVersion() + " is "
                    + protocol.getStatus() + " and takes no signature");
        }
        List<ProtocolSignature> valid = signatures.findByProtocolIdOrderByIdAsc(protocolId).stream()
                .filter(ProtocolSignature::isValid).toList();
        if (valid.stream().anyMatch(s -> s.getRole() == role)) {
            throw new ConflictException("Protocol " + protocol.getNumber() + " v" + protocol.getVersion()
                    + " is already signed by the " + role.name().toLowerCase());
        }
        if (!protocol.getContentSha256().equals(protocol.content().sha256(protocol.getNumber(), protocol.getVersion()))) {
            throw new ConflictException("Protocol " + protocol.getNumber() + " does not match its recorded hash; it cannot be signed");
        }
        if (role == ProtocolAgreement.Party.CLIENT) {
            promises.fulfil(protocol.getEngagementId(), Promise.Kind.SIGNATURE, signatureSubject(protocol), Time.now());
        }
        ProtocolSignature signature = signatures.save(new ProtocolSignature(protocolId, role, userId, ipAddress,
                userAgent == null ? null : userAgent.substring(0, Math.min(500, userAgent.length())), protocol.getContentSha256()));
        Set<ProtocolAgreement.Party> roles = EnumSet.of(role);
        valid.forEach(s -> roles.add(s.getRole()));
        if (roles.containsAll(EnumSet.allOf(ProtocolAgreement.Party.class))) {
            protocol.signedByBoth();
        }
        return signature;
    }

    /** A side disagrees and says why; the protocol stays open for the moderator's revision. */
    public ProtocolObjection object(long protocolId, ProtocolAgreement.Party role, String userId, String reason) {
        Protocol protocol = get(protocolId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say what is wrong in the protocol; the moderator revises it");
        }
        if (protocol.getStatus() != Protocol.Status.SIGNING) {
            throw new ConflictException("Protocol " + protocol.getNumber() + " v" + protocol.getVersion() + " is " + protocol.getStatus());
        }
        return objections.save(new ProtocolObjection(protocolId, role, userId, reason.trim()));
    }

    /**
     * A protocol signed by both sides: what the client owes becomes their promises, dated as agreed. Answers the
     * agreements our side owes, each a task for the freelancers.
     */
    public List<Long> finalizeSigned(long protocolId) {
        Protocol protocol = get(protocolId);
        if (protocol.getStatus() != Protocol.Status.SIGNED) {
            throw new IllegalStateException("Protocol " + protocol.getNumber() + " v" + protocol.getVersion() + " is not signed by both sides");
        }
        Engagement e = lifecycle.get(protocol.getEngagementId());
        List<Long> ours = new ArrayList<>();
        for (ProtocolAgreement a : protocol.getAgreements()) {
            if (a.getOwedBy() == ProtocolAgreement.Party.CLIENT) {
                promises.make(new Promise.Party(e.getClient().getId(), e.getCompany().getId(), e.getId()),
                        Promise.Kind.PROTOCOL_AGREEMENT, "agreement-" + a.getId(), a.getWhat() + " (protocol "
                                + protocol.getNumber() + " v" + protocol.getVersion() + ")",
                        a.getDueDate().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            } else {
                ours.add(a.getId());
            }
        }
        return ours;
    }

    /** A signing round starts: the client promises to sign this version by the answered date. */
    public java.time.Instant askToSign(long protocolId, java.time.Duration within) {
        Protocol protocol = get(protocolId);
        Engagement e = lifecycle.get(protocol.getEngagementId());
        java.time.Instant dueAt = Time.now().plus(within);
        promises.make(new Promise.Party(e.getClient().getId(), e.getCompany().getId(), e.getId()), Promise.Kind.SIGNATURE,
                signatureSubject(protocol), "sign protocol " + protocol.getNumber() + " v" + protocol.getVersion(), dueAt);
        return dueAt;
    }

    /** The engagement ended while this version was open for signatures: it never comes into force. */
    public void closeUnsigned(long protocolId) {
        get(protocolId).closeUnsigned();
    }

    /** The protocol the client is asked to sign now in this engagement, for the reminders' wording. */
    @Transactional(readOnly = true)
    public java.util.Optional<Protocol> awaitingSignature(long engagementId) {
        return protocols.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(p -> p.getStatus() == Protocol.Status.SIGNING).reduce((a, b) -> b);
    }

    /** A protocol of the engagement is open for signatures and still lacks the client's valid signature. */
    @Transactional(readOnly = true)
    public boolean awaitingSignatureOfClient(long engagementId) {
        return protocols.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(p -> p.getStatus() == Protocol.Status.SIGNING)
                .anyMatch(p -> signatures.findByProtocolIdOrderByIdAsc(p.getId()).stream()
                        .noneMatch(sig -> sig.isValid() && sig.getRole() == ProtocolAgreement.Party.CLIENT));
    }

    static String signatureSubject(Protocol protocol) {
        return "protocol-" + protocol.getNumber() + "-v" + protocol.getVersion();
    }

    @Transactional(readOnly = true)
    public ProtocolAgreement agreement(long agreementId) {
        return agreements.findById(agreementId).orElseThrow(() -> new NotFoundException("No agreement " + agreementId));
    }

    @Transactional(readOnly = true)
    public Verification verify(long protocolId) {
        Protocol protocol = get(protocolId);
        String recomputed = protocol.content().sha256(protocol.getNumber(), protocol.getVersion());
        List<SignatureCheck> checks = signatures.findByProtocolIdOrderByIdAsc(protocolId).stream()
                .map(s -> new SignatureCheck(s.getRole(), s.getUserId(), s.getSignedAt(), s.getContentSha256(),
                        s.getContentSha256().equals(recomputed), s.isValid()))
                .toList();
        boolean intact = recomputed.equals(protocol.getContentSha256())
                && checks.stream().filter(SignatureCheck::valid).allMatch(SignatureCheck::matches);
        return new Verification(intact, protocol.getContentSha256(), recomputed, checks);
    }

    @Transactional(readOnly = true)
    public Protocol get(long protocolId) {
        return protocols.findById(protocolId).orElseThrow(() -> new NotFoundException("No protocol " + protocolId));
    }

    @Transactional(readOnly = true)
    public List<ProtocolSignature> signaturesOf(long protocolId) {
        return signatures.findByProtocolIdOrderByIdAsc(protocolId);
    }

    @Transactional(readOnly = true)
    public List<ProtocolObjection> objectionsTo(long protocolId) {
        return objections.findByProtocolIdOrderByIdAsc(protocolId);
    }

    @Transactional(readOnly = true)
    public List<Protocol> ofEngagement(long engagementId) {
        return protocols.findByEngagementIdOrderByIdAsc(engagementId);
    }

    private static void validate(ProtocolContent content) {
        List<FieldProblem> problems = new ArrayList<>();
        if (content.meetingDate() == null) {
            problems.add(new FieldProblem("meetingDate", "is required"));
        } else if (content.meetingDate().isAfter(Time.today())) {
            problems.add(new FieldProblem("meetingDate", "is in the future; a protocol records a meeting that took place"));
        }
        if (content.participants().isEmpty()) {
            problems.add(new FieldProblem("participants", "name at least one participant"));
        }
        if (content.decisions().isEmpty() && content.agreements().isEmpty()) {
            problems.add(new FieldProblem("decisions", "record at least one decision or agreement"));
        }
        lengths("participants", content.participants(), 200, problems);
        lengths("decisions", content.decisions(), 2000, problems);
        lengths("openQuestions", content.openQuestions(), 2000, problems);
        for (int i = 0; i < content.agreements().size(); i++) {
            ProtocolContent.Agreement a = content.agreements().get(i);
            String field = "agreements[" + i + "]";
            if (a.owedBy() == null) {
                problems.add(new FieldProblem(field + ".owedBy", "say who owes it: CLIENT or FREELANCER"));
            }
            if (a.what() == null || a.what().isBlank() || a.what().length() > 1000) {
                problems.add(new FieldProblem(field + ".what", "say what is owed (1 to 1000 characters)"));
            }
            if (a.dueDate() == null) {
                problems.add(new FieldProblem(field + ".dueDate", "is required"));
            } else if (content.meetingDate() != null && a.dueDate().isBefore(content.meetingDate())) {
                problems.add(new FieldProblem(field + ".dueDate", "is before the meeting"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void lengths(String field, List<String> lines, int max, List<FieldProblem> problems) {
        String tooLong = lines.stream().filter(l -> l.isBlank() || l.length() > max || l.contains("\n"))
                .map(l -> "'" + (l.length() > 40 ? l.substring(0, 40) + "…" : l) + "'").collect(Collectors.joining(", "));
        if (!tooLong.isEmpty()) {
            problems.add(new FieldProblem(field, "each entry is one line of 1 to " + max + " characters: " + tooLong));
        }
    }
}
