package com.engagementorchestrator.correspondence;

import java.util.Optional;

/**
 * The port through which the generic mailbox learns what a reply belongs to; the engagements implement it. A thread is
 * one engagement and the address whose word counts as the client's.
 */
public interface ReplyThreads {

    /** The token a letter's Reply-To carries for its engagement (plus-addressing), if any. */
    Optional<String> tokenOf(Long engagementId);

    /** The thread of an engagement. */
    Optional<Thread> ofEngagement(Long engagementId);

    /** The thread a token names, found anywhere in the text (a plus-address, a subject). */
    Optional<Thread> find(String text);

    record Thread(Long engagementId, String clientEmail) {
    }
}
