package com.engagementorchestrator.protocol;

import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Due dates of the freelancer's tasks in processes/protocol-signing.bpmn: {@code ${protocolTasks.dueDate(agreementId)}}. */
@Component("protocolTasks")
public class ProtocolTasks {

    private final ProtocolService protocols;

    public ProtocolTasks(ProtocolService protocols) {
        this.protocols = protocols;
    }

    /** The end of the agreed day (UTC). */
    public Date dueDate(Object agreementId) {
        ProtocolAgreement agreement = protocols.agreement(((Number) agreementId).longValue());
        return Date.from(agreement.getDueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
