package com.engagementorchestrator.complaint;

import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.protocol.Protocol;
import com.engagementorchestrator.protocol.ProtocolService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a moderator may cite when answering a complaint (seed 002: answer nit-picking with the signed protocol and the
 * correspondence): the engagement's protocols with their links, and its letters both ways, newest first.
 */
@Service
public class ComplaintRecord {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** A form field, not an archive: the evidence bundle has everything. */
    private static final int LETTERS_SHOWN = 30;

    private final ProtocolService protocols;
    private final CorrespondenceLog correspondence;

    ComplaintRecord(ProtocolService protocols, CorrespondenceLog correspondence) {
        this.protocols = protocols;
        this.correspondence = correspondence;
    }

    @Transactional(readOnly = true)
    public String protocolsOf(long engagementId) {
        var all = protocols.ofEngagement(engagementId);
        if (all.isEmpty()) {
            return "No meeting protocol recorded for this engagement.";
        }
        return all.stream().map(p -> "%s, version %d, meeting of %s: %s. PDF: /api/protocols/%d/pdf".formatted(
                p.getNumber(), p.getVersion(), p.getMeetingDate(), inWords(p.getStatus()), p.getId()))
                .collect(Collectors.joining("\n"));
    }

    @Transactional(readOnly = true)
    public String lettersOf(long engagementId) {
        var letters = correspondence.findByEngagementIdOrderByIdAsc(engagementId);
        if (letters.isEmpty()) {
            return "No letters yet.";
        }
        var newestFirst = new java.util.ArrayList<>(letters);
        java.util.Collections.reverse(newestFirst);
        String shown = newestFirst.stream().limit(LETTERS_SHOWN).map(c -> "%s %s: %s".formatted(
                WHEN.format(c.getCreatedAt()),
                c.getDirection() == Correspondence.Direction.INBOUND ? "from " + c.getSender() : "to " + c.getRecipient(),
                c.getSubject())).collect(Collectors.joining("\n"));
        return letters.size() > LETTERS_SHOWN ? shown + "\n… " + (letters.size() - LETTERS_SHOWN)
                + " earlier letters in the evidence bundle (GET /api/engagements/{number}/evidence)" : shown;
    }

    private static String inWords(Protocol.Status status) {
        return switch (status) {
            case SIGNING -> "awaiting signatures";
            case SIGNED -> "signed by both sides";
            case SUPERSEDED -> "replaced by a later version";
            case UNSIGNED -> "never signed: the engagement ended first";
        };
    }
}
