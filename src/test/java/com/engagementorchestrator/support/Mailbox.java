package com.engagementorchestrator.support;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** Messages GreenMail received for one recipient; sending happens after commit on another thread, so tests wait. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> await(String recipient, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (of(recipient).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return of(recipient);
    }

    /** The text of the message with this subject to the recipient, as a mail program shows it; waits for it to arrive. */
    public static String text(String recipient, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        MimeMessage found = null;
        while (found == null && System.currentTimeMillis() < deadline) {
            found = of(recipient).stream().filter(m -> subject.equals(subjectOf(m))).findFirst().orElse(null);
            if (found == null) {
                Thread.sleep(100);
            }
        }
        if (found == null) {
            throw new AssertionError("no message '" + subject + "' to " + recipient + " within 15 s");
        }
        return ((String) found.getContent()).replace("\r\n", "\n").stripTrailing();
    }

    public static List<MimeMessage> of(String recipient) {
        return Arrays.stream(TestInfrastructure.mail().getReceivedMessagesForDomain(recipient))
                .filter(m -> recipientOf(m).equalsIgnoreCase(recipient)).toList();
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
