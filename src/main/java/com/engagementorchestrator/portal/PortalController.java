package com.engagementorchestrator.portal;

import com.engagementorchestrator.client.Clients;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.deposit.PaymentInstructions;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.protocol.Protocol;
import com.engagementorchestrator.protocol.ProtocolAgreement;
import com.engagementorchestrator.protocol.ProtocolService;
import com.engagementorchestrator.security.CurrentUser;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The client portal's API (session of {@link PortalSessionController}): the client's engagements with what each side
 * owes, their open tasks, a task's form and its submission. Files, previews, originals, the evidence bundle and
 * complaints are the engagement API's own endpoints, which answer the same session.
 */
@RestController
class PortalController {

    record EngagementSummary(String number, String status, String phase, String project, BigDecimal budgetAmount,
                             String budgetCurrency, Instant createdAt, List<Owed> clientOwes, List<Owed> weOwe,
                             List<InvoiceSummary> invoices) {
    }

    /** Something owed and by when ({@code due} is an instant for promises, a date for protocol agreements). */
    record Owed(String what, Instant dueAt, LocalDate dueDate, String status) {
    }

    record InvoiceSummary(String number, String kind, BigDecimal amount, String currency, BigDecimal paid,
                          BigDecimal remaining, Instant dueAt, String status, PaymentInstructions.ForInvoice payment) {
    }

    private final Clients clients;
    private final Engagements engagements;
    private final PromiseLedger promises;
    private final ProtocolService protocols;
    private final DepositService deposits;
    private final PaymentInstructions paymentInstructions;
    private final PortalTasks tasks;
    private final TransactionTemplate transactions;
    private final PortalWords words;

    PortalController(Clients clients, Engagements engagements, PromiseLedger promises, ProtocolService protocols,
                     DepositService deposits, PaymentInstructions paymentInstructions, PortalTasks tasks,
                     TransactionTemplate transactions, PortalWords words) {
        this.words = words;
        this.transactions = transactions;
        this.clients = clients;
        this.engagements = engagements;
        this.promises = promises;
        this.protocols = protocols;
        this.deposits = deposits;
        this.paymentInstructions = paymentInstructions;
        this.tasks = tasks;
    }

    /**
     * The words of every code the portal shows and of every client task, in {@code lang} (else the client's own
     * language): {@code {"phase.WORK": "работа", "invoiceStatus.OPEN": "ожидает оплаты", …}}.
     */
    @GetMapping("/api/portal/words")
    @Transactional(readOnly = true)
    Map<String, String> words(@RequestParam(required = false) String lang, Authentication caller) {
        return words.all(language(lang, caller));
    }

    @GetMapping("/api/portal/engagements")
    @Transactional(readOnly = true)
    List<EngagementSummary> engagements(@RequestParam(required = false) String lang, Authentication caller) {
        String language = language(lang, caller);
        return clients.findByUserId(caller.getName())
                .map(c -> engagements.findByClientIdOrderByIdAsc(c.getId()).stream().map(e -> summary(e, language)).toList())
                .orElse(List.of());
    }

    /**
     * The client's open tasks, oldest first, each named in {@code lang} (else the client's language), its engagement
     * apart; all of them, or a page ({@code firstResult}, {@code maxResults}, as the engine REST API names them).
     */
    @GetMapping("/api/portal/tasks")
    // One transaction for the language, the tasks and their engagements (issue 13, item 3): one connection checkout
    // and one BEGIN/COMMIT instead of three.
    @Transactional(readOnly = true)
    List<PortalTasks.TaskView> tasks(@RequestParam(required = false) String lang,
                                     @RequestParam(defaultValue = "0") int firstResult,
                                     @RequestParam(required = false) Integer maxResults, Authentication caller) {
        if (firstResult < 0) {
            throw new InvalidInputException("firstResult", "must be 0 or more");
        }
        if (maxResults != null && maxResults < 1) {
            throw new InvalidInputException("maxResults", "must be 1 or more");
        }
        return tasks.open(caller.getName(), transactions.execute(status -> language(lang, caller)), firstResult, maxResults);
    }

    /** A task's form in {@code lang} (else the client's language): the same .form as Tasklist's, its texts translated. */
    @GetMapping("/api/portal/tasks/{id}")
    Map<String, Object> task(@PathVariable String id, @RequestParam(required = false) String lang, Authentication caller) {
        PortalTasks.TaskForm form = tasks.form(caller.getName(), CurrentUser.groupIds(caller), id,
                transactions.execute(status -> language(lang, caller)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("task", form.task());
        answer.put("form", form.form());
        answer.put("schema", form.schema());
        answer.put("variables", form.variables());
        answer.put("validation", form.validation());
        if (form.task().engagementNumber() != null) {
            answer.put("invoices", transactions.execute(status -> invoicesOf(form.task().engagementNumber())));
        }
        return answer;
    }

    /** A Camunda Form's submission as JSON: the form's fields only (the engine's form guard refuses anything else). */
    @PostMapping(value = "/api/portal/tasks/{id}/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> submit(@PathVariable String id, @RequestBody Map<String, Object> fields, Authentication caller) {
        tasks.submit(caller.getName(), CurrentUser.groupIds(caller), id, fields == null ? Map.of() : new LinkedHashMap<>(fields));
        return ResponseEntity.noContent().build();
    }

    /**
     * An upload task's submission (the embedded forms of Tasklist: authority document, payment order, materials,
     * block evidence): files become File variables, other parts text, under the same form guard as Tasklist's.
     */
    @PostMapping(value = "/api/portal/tasks/{id}/submit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> upload(@PathVariable String id, MultipartHttpServletRequest request, Authentication caller)
            throws IOException {
        Map<String, Object> submission = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length != 1) {
                throw new InvalidInputException(name, "sent " + values.length + " times; send it once");
            }
            submission.put(name, values[0]);
        });
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            if (part.getValue().size() != 1) {
                throw new InvalidInputException(part.getKey(), "one file per field");
            }
            MultipartFile file = part.getValue().get(0);
            if (file.isEmpty()) {
                continue;
            }
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? part.getKey()
                    : file.getOriginalFilename();
            submission.put(part.getKey(), Variables.fileValue(name).file(file.getBytes())
                    .mimeType(file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType())
                    .create());
        }
        tasks.submit(caller.getName(), CurrentUser.groupIds(caller), id, submission);
        return ResponseEntity.noContent().build();
    }

    private String language(String asked, Authentication caller) {
        // The client's own language is read only when the asked one is not offered (the portal page always asks one).
        if (asked != null && asked.equals(PortalWords.language(asked, null))) {
            return asked;
        }
        return PortalWords.language(asked, clients.findByUserId(caller.getName()).map(c -> c.getLocale()).orElse(null));
    }

    private EngagementSummary summary(Engagement e, String language) {
        List<Owed> clientOwes = promises.ofEngagement(e.getId()).stream()
                .filter(p -> p.getStatus() == Promise.Status.OPEN || p.getStatus() == Promise.Status.BROKEN)
                .filter(p -> p.getFulfilledAt() == null)
                .map(p -> new Owed(owed(p, language), p.getDueAt(), null, p.getStatus().name())).toList();
        List<Owed> weOwe = protocols.ofEngagement(e.getId()).stream()
                .filter(p -> p.getStatus() == Protocol.Status.SIGNED)
                .flatMap(p -> p.getAgreements().stream())
                .filter(a -> a.getOwedBy() == ProtocolAgreement.Party.FREELANCER)
                .map(a -> new Owed(a.getWhat(), null, a.getDueDate(), null)).toList();
        return new EngagementSummary(e.getNumber(), e.getStatus().name(), e.getPhase().name(), e.getProjectDescription(),
                e.getBudgetAmount(), e.getBudgetCurrency(), e.getCreatedAt(), clientOwes, weOwe, invoices(e));
    }

    /** A promise in the client's language: its kind in words, with the invoice, item or protocol it concerns. */
    private String owed(Promise p, String language) {
        String description = p.getDescription() == null ? "" : p.getDescription();
        String detail = switch (p.getKind()) {
            case DEPOSIT_PAYMENT, FINAL_PAYMENT, CHANGE_ORDER_PAYMENT -> p.getSubject();
            case BRIEF_ITEM, EXTENSION -> description.contains(": ") ? description.substring(description.indexOf(": ") + 2) : description;
            case SIGNATURE -> description.replaceFirst("^sign protocol ", "");
            default -> description;
        };
        return words.promise(language, p.getKind(), detail, description);
    }

    private List<InvoiceSummary> invoicesOf(String number) {
        return engagements.findByNumber(number).map(this::invoices).orElse(List.of());
    }

    private List<InvoiceSummary> invoices(Engagement e) {
        return deposits.invoices(e.getId()).stream().map(i -> invoice(e, i)).toList();
    }

    private InvoiceSummary invoice(Engagement e, Invoice i) {
        BigDecimal paid = deposits.paidSoFar(i);
        BigDecimal remaining = i.getAmount().subtract(paid).max(BigDecimal.ZERO);
        return new InvoiceSummary(i.getNumber(), i.getKind().name(), i.getAmount(), i.getCurrency(), paid, remaining,
                i.getDueAt(), i.getStatus().name(), i.getStatus() == Invoice.Status.PAID ? null
                : paymentInstructions.forInvoice(i.getNumber(), remaining, i.getCurrency(), e.getNumber()));
    }
}
