package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.security.AccessGroups;
import com.engagementorchestrator.security.CurrentUser;
import com.engagementorchestrator.security.EngineUserAuthenticationProvider;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Protocols over HTTP: moderators record and revise them, the client of the engagement and the freelancers sign or
 * object (the signature records the caller's IP address and user agent), anyone involved can verify and download the PDF.
 */
@RestController
class ProtocolController {

    record AgreementRequest(String owedBy, String what, String dueDate) {
    }

    record ProtocolRequest(String meetingDate, List<String> participants, List<String> decisions,
                           List<AgreementRequest> agreements, List<String> openQuestions) {
    }

    record ObjectionRequest(String reason) {
    }

    record SignatureView(String role, String userId, Instant signedAt, String ipAddress, String userAgent, String sha256,
                         boolean valid) {
    }

    record ProtocolView(Long id, String number, int version, String status, String engagementNumber, ProtocolContent content,
                        String sha256, List<SignatureView> signatures, List<String> objections, String pdf, String verify) {
    }

    private final ProtocolService protocols;
    private final ProtocolWorkflow workflow;
    private final ProtocolPdf pdf;
    private final EngagementLifecycle lifecycle;

    ProtocolController(ProtocolService protocols, ProtocolWorkflow workflow, ProtocolPdf pdf, EngagementLifecycle lifecycle) {
        this.protocols = protocols;
        this.workflow = workflow;
        this.pdf = pdf;
        this.lifecycle = lifecycle;
    }

    @PostMapping("/api/engagements/{number}/protocols")
    @Transactional
    ResponseEntity<ProtocolView> record(@PathVariable String number, @RequestBody ProtocolRequest request, Authentication caller) {
        requireModerator(caller);
        Engagement e = lifecycle.findByNumber(number).orElseThrow(() -> new NotFoundException("No engagement " + number));
        Protocol protocol = workflow.open(e.getId(), content(request), caller.getName());
        return ResponseEntity.created(URI.create("/api/protocols/" + protocol.getId())).body(view(protocol, e));
    }

    @PutMapping("/api/protocols/{id}")
    @Transactional
    ProtocolView revise(@PathVariable Long id, @RequestBody ProtocolRequest request, Authentication caller) {
        requireModerator(caller);
        Protocol revised = workflow.revise(id, content(request), caller.getName());
        return view(revised, lifecycle.get(revised.getEngagementId()));
    }

    @GetMapping("/api/protocols/{id}")
    @Transactional(readOnly = true)
    ProtocolView get(@PathVariable Long id, Authentication caller) {
        Protocol protocol = visible(id, caller);
        return view(protocol, lifecycle.get(protocol.getEngagementId()));
    }

    @GetMapping("/api/protocols/{id}/verify")
    @Transactional(readOnly = true)
    ProtocolService.Verification verify(@PathVariable Long id, Authentication caller) {
        visible(id, caller);
        return protocols.verify(id);
    }

    @GetMapping("/api/protocols/{id}/pdf")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> pdf(@PathVariable Long id, Authentication caller) {
        Protocol protocol = visible(id, caller);
        byte[] bytes = pdf.render(protocol, lifecycle.get(protocol.getEngagementId()).getNumber(), protocols.signaturesOf(id),
                protocols.verify(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(protocol.getNumber() + "-v" + protocol.getVersion() + ".pdf").build().toString())
                .body(bytes);
    }

    /** Signs through the signer's task in the protocol's process; the IP address and user agent are this request's. */
    @PostMapping("/api/protocols/{id}/signatures")
    @Transactional
    ResponseEntity<SignatureView> sign(@PathVariable Long id, Authentication caller) {
        ProtocolAgreement.Party role = signingRole(visible(id, caller), caller);
        workflow.decide(id, role, caller.getName(), CurrentUser.groupIds(caller), "SIGN", null);
        ProtocolSignature s = protocols.signaturesOf(id).stream()
                .filter(x -> x.getRole() == role && x.isValid()).reduce((a, b) -> b).orElseThrow();
        return ResponseEntity.status(201).body(signature(s));
    }

    @PostMapping("/api/protocols/{id}/objections")
    @Transactional
    ResponseEntity<Void> object(@PathVariable Long id, @RequestBody ObjectionRequest request, Authentication caller) {
        workflow.decide(id, signingRole(visible(id, caller), caller), caller.getName(), CurrentUser.groupIds(caller), "OBJECT",
                request.reason() == null ? "" : request.reason());
        return ResponseEntity.status(201).build();
    }

    private Protocol visible(Long id, Authentication caller) {
        Protocol protocol = protocols.get(id);
        Engagement e = lifecycle.get(protocol.getEngagementId());
        if (CurrentUser.isStaff(caller) || isFreelancer(caller) || e.isOwnedBy(caller.getName())) {
            return protocol;
        }
        throw new NotFoundException("No protocol " + id);
    }

    private ProtocolAgreement.Party signingRole(Protocol protocol, Authentication caller) {
        if (lifecycle.get(protocol.getEngagementId()).isOwnedBy(caller.getName())) {
            return ProtocolAgreement.Party.CLIENT;
        }
        if (isFreelancer(caller)) {
            return ProtocolAgreement.Party.FREELANCER;
        }
        throw new AccessDeniedException("Only the client of the engagement and the freelancer sign its protocols");
    }

    private static boolean isFreelancer(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.FREELANCERS));
    }

    private static void requireModerator(Authentication caller) {
        if (!CurrentUser.isStaff(caller)) {
            throw new AccessDeniedException("Only moderators record and revise protocols");
        }
    }

    private ProtocolView view(Protocol p, Engagement e) {
        return new ProtocolView(p.getId(), p.getNumber(), p.getVersion(), p.getStatus().name(), e.getNumber(), p.content(),
                p.getContentSha256(), protocols.signaturesOf(p.getId()).stream().map(ProtocolController::signature).toList(),
                protocols.objectionsTo(p.getId()).stream().map(o -> o.getRole() + " " + o.getUserId() + ": " + o.getReason()).toList(),
                "/api/protocols/" + p.getId() + "/pdf", "/api/protocols/" + p.getId() + "/verify");
    }

    private static SignatureView signature(ProtocolSignature s) {
        return new SignatureView(s.getRole().name(), s.getUserId(), s.getSignedAt(), s.getIpAddress(), s.getUserAgent(),
                s.getContentSha256(), s.isValid());
    }

    private static ProtocolContent content(ProtocolRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate meeting = date("meetingDate", request.meetingDate(), problems);
        List<ProtocolContent.Agreement> agreements = new ArrayList<>();
        List<AgreementRequest> requested = request.agreements() == null ? List.of() : request.agreements();
        for (int i = 0; i < requested.size(); i++) {
            AgreementRequest a = requested.get(i);
            ProtocolAgreement.Party owedBy = null;
            if (a.owedBy() != null) {
                try {
                    owedBy = ProtocolAgreement.Party.valueOf(a.owedBy());
                } catch (IllegalArgumentException ex) {
                    problems.add(new FieldProblem("agreements[" + i + "].owedBy", "must be CLIENT or FREELANCER, got '" + a.owedBy() + "'"));
                }
            }
            agreements.add(new ProtocolContent.Agreement(owedBy, a.what() == null ? null : a.what().trim(),
                    date("agreements[" + i + "].dueDate", a.dueDate(), problems)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProtocolContent(meeting, trimmed(request.participants()), trimmed(request.decisions()), agreements,
                trimmed(request.openQuestions()));
    }

    private static List<String> trimmed(List<String> lines) {
        return lines == null ? List.of() : lines.stream().map(l -> l == null ? "" : l.trim()).toList();
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Time.parseDate(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO date such as 2027-03-31"));
            return null;
        }
    }
}
