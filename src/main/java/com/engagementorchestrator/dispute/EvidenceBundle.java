package com.engagementorchestrator.dispute;

import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.protocol.Protocol;
import com.engagementorchestrator.protocol.ProtocolPdf;
import com.engagementorchestrator.protocol.ProtocolService;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a dispute is settled by (seed 002: record every fragment of negotiation), in one ZIP: the protocols as
 * PDF with their hashes and a fresh verification, the correspondence log, the promise record, invoices and payments,
 * and the engine's history of every process of the engagement.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceBundle {

    private final ProtocolService protocols;
    private final ProtocolPdf pdf;
    private final CorrespondenceLog correspondence;
    private final PromiseLedger promises;
    private final DepositService deposits;
    private final HistoryService history;
    private final ObjectMapper json;

    public EvidenceBundle(ProtocolService protocols, ProtocolPdf pdf, CorrespondenceLog correspondence, PromiseLedger promises,
                          DepositService deposits, HistoryService history, ObjectMapper json) {
        this.protocols = protocols;
        this.pdf = pdf;
        this.correspondence = correspondence;
        this.promises = promises;
        this.deposits = deposits;
        this.history = history;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public byte[] zip(Engagement e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            List<Map<String, Object>> hashes = new ArrayList<>();
            for (Protocol p : protocols.ofEngagement(e.getId())) {
                var verification = protocols.verify(p.getId());
                var signatures = protocols.signaturesOf(p.getId());
                put(zip, "protocols/" + p.getNumber() + "-v" + p.getVersion() + ".pdf",
                        pdf.render(p, e.getNumber(), signatures, verification));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("number", p.getNumber());
                row.put("version", p.getVersion());
                row.put("status", p.getStatus());
                row.put("sha256", p.getContentSha256());
                row.put("verification", verification);
                hashes.add(row);
            }
            put(zip, "protocols/hashes.json", json.writeValueAsBytes(hashes));
            put(zip, "correspondence.json", json.writeValueAsBytes(correspondence.findByEngagementIdOrderByIdAsc(e.getId()).stream()
                    .filter(c -> !c.isInbound() || c.getStatus() == Correspondence.Status.RECEIVED)
                    .map(EvidenceBundle::message).toList()));
            put(zip, "promises.json", json.writeValueAsBytes(promises.ofEngagement(e.getId())));
            List<Map<String, Object>> invoices = new ArrayList<>();
            for (var invoice : deposits.invoices(e.getId())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("invoice", invoice);
                row.put("payments", deposits.payments(invoice));
                row.put("paymentOrders", deposits.paymentOrders(invoice).stream().map(o -> Map.of("id", o.getId(),
                        "fileName", o.getFile().getFileName(), "sha256", o.getFile().getSha256(), "declaredAmount", o.getDeclaredAmount(),
                        "decision", o.getDecision().name(), "decidedBy", String.valueOf(o.getDecidedBy()))).toList());
                invoices.add(row);
            }
            put(zip, "payments.json", json.writeValueAsBytes(invoices));
            put(zip, "process-history.json", json.writeValueAsBytes(processHistory(e)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * A letter (with the Message-ID and Reply-To it went out with) or a reply of the client (with its own Message-ID and
     * the letter it answers). Replies from other addresses are not the client's word and stay out; moderators' notes too.
     */
    private static Map<String, Object> message(Correspondence c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.getId());
        row.put("direction", c.getDirection().name());
        row.put("status", c.getStatus().name());
        row.put("createdAt", c.getCreatedAt().toString());
        row.put("sentAt", String.valueOf(c.getSentAt()));
        row.put("receivedAt", c.getReceivedAt() == null ? null : c.getReceivedAt().toString());
        row.put("from", c.isInbound() ? c.getSender() : null);
        row.put("recipient", c.getRecipient());
        row.put("replyTo", c.getReplyTo());
        row.put("messageId", c.getMessageId());
        row.put("answers", c.getAnswersId());
        row.put("template", c.getTemplate());
        row.put("subject", c.getSubject());
        row.put("body", c.getBody());
        return row;
    }

    /** Every process of the engagement (its own, the protocols', the ladders they called) with every step taken. */
    private List<Map<String, Object>> processHistory(Engagement e) {
        List<Map<String, Object>> processes = new ArrayList<>();
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .variableValueEquals(EngagementProcess.Variables.ENGAGEMENT_ID.name(), e.getId()).orderByProcessInstanceStartTime().asc().unlimitedList();
        for (HistoricProcessInstance instance : instances) {
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("process", instance.getProcessDefinitionKey());
            process.put("businessKey", instance.getBusinessKey());
            process.put("id", instance.getId());
            process.put("startedAt", instance.getStartTime());
            process.put("endedAt", instance.getEndTime());
            process.put("state", instance.getState());
            process.put("steps", history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().unlimitedList().stream()
                    .map(a -> {
                        Map<String, Object> step = new LinkedHashMap<>();
                        step.put("activity", a.getActivityId());
                        step.put("name", a.getActivityName());
                        step.put("type", a.getActivityType());
                        step.put("assignee", a.getAssignee());
                        step.put("startedAt", a.getStartTime());
                        step.put("endedAt", a.getEndTime());
                        return step;
                    }).toList());
            processes.add(process);
        }
        return processes;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
