package com.engagementorchestrator.protocol;

import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.reminder.Obligation;
import org.springframework.stereotype.Component;

/** The client's signature on a protocol, as the reminder ladder talks about it. */
@Component
class ProtocolObligation implements Obligation {

    private final ProtocolService protocols;
    private final ClientLetters letters;

    ProtocolObligation(ProtocolService protocols, ClientLetters letters) {
        this.protocols = protocols;
        this.letters = letters;
    }

    @Override
    public String kind() {
        return "PROTOCOL";
    }

    @Override
    public String describe(long engagementId, String locale) {
        String protocol = protocols.awaitingSignature(engagementId).map(p -> p.getNumber() + " v" + p.getVersion()).orElse("-");
        return letters.fragment("obligation.PROTOCOL", locale, protocol);
    }
}
