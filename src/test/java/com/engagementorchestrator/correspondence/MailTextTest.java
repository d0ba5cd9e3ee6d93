package com.engagementorchestrator.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A reply is untrusted input: only bounded plain text of it is kept. */
class MailTextTest {

    private final MailText reader = new MailText(200, 64 * 1024);

    @Test
    void plainTextIsPreferredOverHtmlAndAttachmentsAreOnlyCounted() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part("<p>html version</p>", "text/html; charset=UTF-8"));
        alternative.addBodyPart(part("plain version", "text/plain; charset=UTF-8"));
        MimeBodyPart inner = new MimeBodyPart();
        inner.setContent(alternative);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(inner);
        MimeBodyPart attachment = part("<html><script>alert(1)</script></html>", "text/html");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setFileName("page.html");
        mixed.addBodyPart(attachment);
        MimeMessage message = message();
        message.setContent(mixed);

        IncomingMail mail = reader.read(roundTrip(message));

        assertThat(mail.text()).isEqualTo("plain version\n\n[1 attachment(s) not stored.]");
        assertThat(mail.sender()).isEqualTo("client@example.com");
        assertThat(mail.recipients()).containsExactly("replies+eng-2026-000001@example.org");
    }

    @Test
    void controlCharactersGoAndLongBodiesAreCut() throws Exception {
        MimeMessage message = message();
        message.setText("a\u0000b\u202Ec\r\n" + "x".repeat(500), "UTF-8");

        String text = reader.read(roundTrip(message)).text();

        assertThat(text).startsWith("abc\nxxx").contains("[… cut at 200 characters]").doesNotContain("\u0000", "\u202E");
        assertThat(text.length()).isLessThan(240);
    }

    @Test
    void aMessageOverTheSizeLimitIsNotRead() throws Exception {
        MimeMessage message = message();
        message.setText("y".repeat(100 * 1024), "UTF-8");

        assertThat(reader.read(roundTrip(message)).text()).startsWith("[The message is larger than").doesNotContain("yyy");
    }

    @Test
    void withoutAMessageIdTheSameMessageGetsTheSameId() throws Exception {
        MimeMessage message = message();
        message.setText("no id", "UTF-8");
        message.saveChanges();
        message.removeHeader("Message-ID");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);

        String first = reader.read(new MimeMessage(null, new ByteArrayInputStream(raw.toByteArray()))).messageId();
        String second = reader.read(new MimeMessage(null, new ByteArrayInputStream(raw.toByteArray()))).messageId();

        assertThat(first).isEqualTo(second).startsWith("<sha256.");
    }

    @Test
    void referencesAreReadNewestFirst() throws Exception {
        MimeMessage message = message();
        message.setText("x", "UTF-8");
        message.setHeader("In-Reply-To", "<c@x>");
        message.setHeader("References", "<a@x> <b@x>\r\n <c@x>");

        assertThat(reader.read(roundTrip(message)).references()).containsExactly("<c@x>", "<b@x>", "<a@x>");
    }

    @Test
    void htmlBecomesTextWithItsLineBreaks() {
        assertThat(MailText.htmlToText("<div>One<br>Two</div><ul><li>a</li><li>b</li></ul><p>&lt;b&gt; is text</p>"
                + "<style>p{}</style>")).isEqualTo("One\nTwo\na\nb\n<b> is text");
    }

    private static MimeBodyPart part(String content, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }

    private static MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("Client <Client@Example.com>"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("replies+ENG-2026-000001@example.org"));
        message.setSubject("Re: hello");
        return message;
    }

    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
    }
}
