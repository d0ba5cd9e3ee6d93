package com.engagementorchestrator.protocol;

import com.engagementorchestrator.common.UploadedFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * What a protocol says. Its canonical form is compact JSON with a fixed key order, so the same content always gives
 * the same SHA-256; a signature records that hash.
 */
public record ProtocolContent(LocalDate meetingDate, List<String> participants, List<String> decisions,
                              List<Agreement> agreements, List<String> openQuestions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Agreement(ProtocolAgreement.Party owedBy, String what, LocalDate dueDate) {
    }

    public String canonical(String number, int version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("number", number);
        root.put("version", version);
        root.put("meetingDate", meetingDate.toString());
        participants.forEach(root.putArray("participants")::add);
        ArrayNode decided = root.putArray("decisions");
        decisions.forEach(decided::add);
        ArrayNode agreed = root.putArray("agreements");
        for (Agreement a : agreements) {
            agreed.addObject().put("owedBy", a.owedBy().name()).put("what", a.what()).put("dueDate", a.dueDate().toString());
        }
        ArrayNode open = root.putArray("openQuestions");
        openQuestions.forEach(open::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sha256(String number, int version) {
        return UploadedFiles.sha256(canonical(number, version).getBytes(StandardCharsets.UTF_8));
    }
}
