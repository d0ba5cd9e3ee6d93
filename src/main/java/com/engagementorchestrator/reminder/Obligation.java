package com.engagementorchestrator.reminder;

/**
 * Something a client owes in an engagement, as the reminder ladder needs to talk about it. Each feature that waits on
 * the client (authority, deposit, materials) provides one; the ladder process names it by {@link #kind()}.
 */
public interface Obligation {

    /** The value of the ladder's {@code obligation} variable, e.g. DEPOSIT. */
    String kind();

    /** What is due, in the client's language, for the body of a reminder. */
    String describe(long engagementId, String locale);

    /** What the client's silence costs now, for the formal warning. */
    Consequence consequence(long engagementId);

    /**
     * Whether the client still owes it now, asked against the domain right before a breach is recorded: paid,
     * uploaded or signed means no breach, even when the deadline's timer fired a moment after (issue 10, item 4). An
     * implementation locks what a concurrent fulfilment writes (a payment locks its invoice), so a fulfilment that is
     * committing is waited for and seen; ask it before anything else in the transaction reads those rows.
     */
    boolean stillUnmet(long engagementId);

    /** The element id of the client's task that meets it: a reminder links to that very task in the portal. */
    String clientTask();
}
