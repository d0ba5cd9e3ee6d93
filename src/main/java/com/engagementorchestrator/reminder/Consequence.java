package com.engagementorchestrator.reminder;

/**
 * What the client's silence costs at the point the obligation is due, as the formal warning names it (seed 002: a
 * polite warning that work stops; that the prepayment is not refunded only where one was paid and work started).
 * The warning's paragraph is {@code consequence.<name>.<obligation>}, or {@code consequence.<name>} for any obligation.
 */
public enum Consequence {
    /** No prepayment is in yet: work has not started and will not start. */
    WORK_NOT_STARTED,
    /** The prepayment was paid and work started: it is paused, the prepayment is not refunded for the pause. */
    WORK_PAUSED,
    /** The work is delivered: the full versions stay withheld until the final payment. */
    RESULTS_WITHHELD
}
