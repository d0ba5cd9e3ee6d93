package com.engagementorchestrator.overview;

import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Moderators see every engagement, a client only their own; anyone else gets 404, not 403, to reveal nothing. */
@Component
class VisibleEngagements {

    private final Engagements engagements;

    VisibleEngagements(Engagements engagements) {
        this.engagements = engagements;
    }

    Engagement get(String number, Authentication caller) {
        return engagements.findByNumber(number)
                .filter(found -> CurrentUser.isStaff(caller) || found.isOwnedBy(caller.getName()))
                .orElseThrow(() -> new NotFoundException("No engagement " + number));
    }
}
