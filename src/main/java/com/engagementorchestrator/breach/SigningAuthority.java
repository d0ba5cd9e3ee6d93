package com.engagementorchestrator.breach;

/**
 * Whether a contact ever proved they may sign for their company (a moderator accepted their authority document).
 * Only such a contact's breach blocks the company: anyone can register with a company's public registration number,
 * so a breach by someone who never proved it blocks that person only. Implemented by the authority feature.
 */
public interface SigningAuthority {

    boolean confirmedFor(long clientId);
}
