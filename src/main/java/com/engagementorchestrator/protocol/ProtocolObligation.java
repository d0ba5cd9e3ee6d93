package com.engagementorchestrator.protocol;

import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.reminder.Consequence;
import com.engagementorchestrator.reminder.Obligation;
import org.springframework.stereotype.Component;

/** The client's signature on a protocol, as the reminder ladder talks about it. */
@Component
class ProtocolObligation implements Obligation {

    private final ProtocolService protocols;
    private final DepositService deposits;
    private final ClientLetters letters;

    ProtocolObligation(ProtocolService protocols, DepositService deposits, ClientLetters letters) {
        this.protocols = protocols;
        this.deposits = deposits;
        this.letters = letters;
    }

    @Override
    public String kind() {
        return "PROTOCOL";
    }

    @Override
    public String clientTask() {
        return ProtocolProcess.Elements.SIGN_AS_CLIENT;
    }

    @Override
    public String describe(long engagementId, String locale) {
        return protocols.awaitingSignature(engagementId)
                .map(p -> letters.fragment("obligation.PROTOCOL", locale, p.getNumber(), p.getVersion()))
                .orElseGet(() -> letters.fragment("obligation.PROTOCOL.none", locale));
    }

    /** A protocol is still open for signatures and the client has not signed it. */
    @Override
    public boolean stillUnmet(long engagementId) {
        return protocols.awaitingSignatureOfClient(engagementId);
    }

    /** A meeting may be recorded at any stage: work pauses only once the deposit was paid and work started. */
    @Override
    public Consequence consequence(long engagementId) {
        return deposits.workStarted(engagementId) ? Consequence.WORK_PAUSED : Consequence.WORK_NOT_STARTED;
    }
}
