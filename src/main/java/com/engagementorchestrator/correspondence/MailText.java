package com.engagementorchestrator.correspondence;

import com.engagementorchestrator.common.Time;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a message from the mailbox as untrusted input: only its text is kept (text/plain, else text/html converted to
 * plain text with jsoup, never rendered), cut to a limit, free of control characters; attachments are never opened,
 * only counted; a message over the size limit is not read at all.
 */
final class MailText {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,900}>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200d]]");
    private static final int MAX_DEPTH = 8;

    private final int maxBodyChars;
    private final long maxMessageBytes;

    MailText(int maxBodyChars, long maxMessageBytes) {
        this.maxBodyChars = maxBodyChars;
        this.maxMessageBytes = maxMessageBytes;
    }

    IncomingMail read(Message message) throws MessagingException, IOException {
        String text;
        int size = message.getSize();
        if (size > maxMessageBytes) {
            text = "[The message is larger than " + maxMessageBytes / (1024 * 1024) + " MB and was not read; it is still in "
                    + "the reply mailbox.]";
        } else {
            Body body = new Body();
            text = body.of(message, 0);
            text = clip(text == null ? "" : text, maxBodyChars);
            if (body.attachments > 0) {
                text = text + "\n\n[" + body.attachments + " attachment(s) not stored.]";
            }
        }
        Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                : message.getSentDate() != null ? message.getSentDate().toInstant() : Time.now();
        return new IncomingMail(messageId(message), sender(message), recipients(message), references(message),
                clip(message.getSubject() == null ? "" : message.getSubject(), 290), text, received);
    }

    /** The Message-ID, or (none, or an unusable one) a hash of every header: the same message gives the same id. */
    private static String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0) {
            Matcher m = MESSAGE_ID.matcher(ids[0]);
            if (m.find()) {
                return m.group();
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var header : Collections.list(message.getAllHeaders())) {
                sha.update((header.getName() + ":" + header.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "<sha256." + HexFormat.of().formatHex(sha.digest()) + "@no-message-id>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sender(Message message) throws MessagingException {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address && address.getAddress() != null) {
                return clip(address.getAddress().toLowerCase(Locale.ROOT), 250);
            }
        } catch (AddressException e) {
            // falls through to the raw header: a malformed sender is stored as it came, and never matches a client
        }
        String[] raw = message.getHeader("From");
        return raw == null || raw.length == 0 ? "(no sender)" : clip(raw[0].toLowerCase(Locale.ROOT), 250);
    }

    private static List<String> recipients(Message message) throws MessagingException {
        Set<String> addresses = new LinkedHashSet<>();
        for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        if (address.getAddress() != null) {
                            addresses.add(address.getAddress().toLowerCase(Locale.ROOT));
                        }
                    }
                } catch (AddressException e) {
                    // a malformed recipient header names no thread
                }
            }
        }
        return List.copyOf(addresses);
    }

    private static List<String> references(Message message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>();
        ids.addAll(ids(message.getHeader("In-Reply-To")));
        List<String> references = new ArrayList<>(ids(message.getHeader("References")));
        Collections.reverse(references);
        ids.addAll(references);
        return ids.stream().limit(50).toList();
    }

    private static List<String> ids(String[] headers) {
        List<String> ids = new ArrayList<>();
        if (headers != null) {
            for (String header : headers) {
                Matcher m = MESSAGE_ID.matcher(header);
                while (m.find()) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
    }

    /** The text of a message: walks the MIME tree without opening anything that is not text. */
    private static final class Body {
        int attachments;

        String of(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH) {
                return null;
            }
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments++;
                return null;
            }
            if (part.isMimeType("text/plain")) {
                return decode(part);
            }
            if (part.isMimeType("text/html")) {
                return htmlToText(decode(part));
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                String plain = null;
                String html = null;
                String other = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (plain == null && child.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                        plain = decode(child);
                    } else if (html == null && child.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                        html = decode(child);
                    } else if (!child.isMimeType("text/*")) {
                        String nested = of(child, depth + 1);
                        other = other == null ? nested : other;
                    } else {
                        attachments++;
                    }
                }
                return plain != null ? plain : html != null ? htmlToText(html) : other;
            }
            attachments++;
            return null;
        }
    }

    /** The part's text in its declared charset; an unknown charset is read as UTF-8 (broken characters replaced). */
    private static String decode(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (java.io.UnsupportedEncodingException e) {
            // read below
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** HTML to plain text: text nodes in order, a line break for br and around block elements; nothing rendered. */
    static String htmlToText(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style, head, title, template").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                } else if (node instanceof Element element && element.isBlock()) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    newline(out);
                }
            }
        }, body);
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** A block starts or ends on a line of its own. */
    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Line breaks normalised, control and invisible formatting characters removed, cut to the limit with a note. */
    static String clip(String text, int limit) {
        String clean = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        if (clean.length() <= limit) {
            return clean;
        }
        int cut = Character.isHighSurrogate(clean.charAt(limit - 1)) ? limit - 1 : limit;
        return clean.substring(0, cut) + (limit > 100 ? "\n[… cut at " + limit + " characters]" : "…");
    }
}
