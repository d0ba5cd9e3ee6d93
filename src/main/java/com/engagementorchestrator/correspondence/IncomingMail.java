package com.engagementorchestrator.correspondence;

import java.time.Instant;
import java.util.List;

/**
 * A message read from the reply mailbox, reduced to what is stored: plain text only (HTML converted, never rendered),
 * size-limited, attachments counted and dropped.
 *
 * @param messageId  its Message-ID (or a hash of its headers when it has none)
 * @param sender     the From address as the message claims it, lower case
 * @param recipients To, Cc, Delivered-To and X-Original-To addresses, lower case
 * @param references the ids of In-Reply-To, then References (newest first)
 */
record IncomingMail(String messageId, String sender, List<String> recipients, List<String> references, String subject,
                    String text, Instant receivedAt) {
}
