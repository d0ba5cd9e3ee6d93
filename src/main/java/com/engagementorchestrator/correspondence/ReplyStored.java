package com.engagementorchestrator.correspondence;

/**
 * A reply was stored for the first time (published inside the storing transaction, so whatever a listener starts is
 * stored with it or not at all). {@code engagementId} is null for an unmatched reply.
 */
public record ReplyStored(long correspondenceId, Long engagementId, Correspondence.Status status) {
}
