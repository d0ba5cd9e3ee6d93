package com.engagementorchestrator.authority;

import com.engagementorchestrator.breach.SigningAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A contact's authority is confirmed once a moderator accepted one of their documents, in any engagement. */
@Component
class ConfirmedSigningAuthority implements SigningAuthority {

    private final AuthorityDocuments documents;

    ConfirmedSigningAuthority(AuthorityDocuments documents) {
        this.documents = documents;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean confirmedFor(long clientId) {
        return documents.existsAcceptedOfClient(clientId);
    }
}
