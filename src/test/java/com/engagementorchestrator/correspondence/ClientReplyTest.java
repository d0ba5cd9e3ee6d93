package com.engagementorchestrator.correspondence;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.reply.ClientReplyProcess;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.Mailbox;
import com.engagementorchestrator.support.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.engagementorchestrator.support.PortalClient;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.unit.DataSize;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * Two-way correspondence over real mail: our letters go out through GreenMail's SMTP with a Message-ID and Reply-To, a
 * client's reply is delivered to the reply mailbox and read back over GreenMail's IMAP by {@link ReplyMailbox}.
 */
@IntegrationTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class ClientReplyTest {

    private static final String MODERATOR = "moderator";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ReplyMailbox mailbox;
    @Autowired InboundReplies replies;
    @Autowired CorrespondenceLog log;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ObjectMapper json;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aClientsReplyToALetterIsStoredOnItsEngagementShownToModeratorsAndKeptAsEvidence() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        String number = engagement.getBusinessKey();
        long engagementId = journeys.engagement(engagement).getId();
        MimeMessage letter = lastLetter(journeys.email, "authority.requested", engagementId);
        Correspondence stored = log.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(c -> "authority.requested".equals(c.getTemplate())).findFirst().orElseThrow();
        assertThat(letter.getMessageID()).isEqualTo(stored.getMessageId()).endsWith("@engagement-orchestrator.local>");
        assertThat(letter.getReplyTo()).extracting(Object::toString)
                .containsExactly("replies+" + number + "@engagement-orchestrator.local");
        assertThat(stored.getReplyTo()).isEqualTo("replies+" + number + "@engagement-orchestrator.local");

        MimeMessage reply = reply(journeys.email, letter.getReplyTo()[0].toString(), "Re: " + letter.getSubject());
        reply.setHeader("In-Reply-To", letter.getMessageID());
        reply.setHeader("References", letter.getMessageID());
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello, the power of attorney comes tomorrow.\r\n\r\n> quoted letter", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource("MZ evil".getBytes(), "application/octet-stream")));
        attachment.setFileName("run-me.exe");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(text);
        mixed.addBodyPart(attachment);
        reply.setContent(mixed);
        reply.saveChanges();
        deliver(reply);

        ReplyMailbox.Poll poll = mailbox.poll();

        assertThat(poll.reached()).isTrue();
        assertThat(poll.failed()).isZero();
        Correspondence inbound = inbound(engagementId).get(0);
        assertThat(inbound.getStatus()).isEqualTo(Correspondence.Status.RECEIVED);
        assertThat(inbound.getSender()).isEqualTo(journeys.email.toLowerCase());
        assertThat(inbound.getAnswersId()).isEqualTo(stored.getId());
        assertThat(inbound.getSubject()).isEqualTo("Re: " + letter.getSubject());
        assertThat(inbound.getBody()).startsWith("Hello, the power of attorney comes tomorrow.\n\n> quoted letter")
                .contains("[1 attachment(s) not stored.]").doesNotContain("MZ evil");
        assertThat(inbound.getReceivedAt()).isNotNull();
        assertThat(seen(reply.getMessageID())).isTrue();

        // The moderators' task, with the reply in its form
        ProcessInstance read = runtime.createProcessInstanceQuery().processDefinitionKey(ClientReplyProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
        assertThatEngagement(read).isWaitingAt(ClientReplyProcess.Elements.READ_REPLY);
        Task task = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(read)).taskCandidateGroup("moderators").singleResult();
        // named after the engagement and its company (TaskContexts)
        assertThat(task.getName()).startsWith("Read the client's reply · " + number + " · ");
        Map<String, Object> shown = tasks.getVariablesLocal(task.getId());
        assertThat((String) shown.get(ClientReplyProcess.Variables.REPLY_TEXT.name())).contains("power of attorney comes tomorrow");
        assertThat((String) shown.get(ClientReplyProcess.Variables.REPLY_SENDER_CHECK.name())).isEqualTo("From the client's own address.");
        assertThat((String) shown.get(ClientReplyProcess.Variables.REPLY_ANSWERS.name())).contains(letter.getSubject());
        assertThat(get("/api/engagements/" + number, journeys.email).statusCode()).isEqualTo(200);
        // Not the client's task: the portal neither lists nor opens it.
        PortalClient portal = new PortalClient(http, json, port, journeys.email, "correct-horse-battery");
        assertThat(portal.openTasks().findValuesAsText("id")).doesNotContain(task.getId()).isNotEmpty();
        assertThat(portal.task(task.getId()).statusCode()).isEqualTo(404);
        assertThat(portal.submit(task.getId(), Map.of("replyNote", "Planted by the client")).statusCode()).isEqualTo(404);

        // The moderator reads it in Tasklist's way (the form's only field: a note)
        var submitted = send("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"replyNote\":{\"value\":\"Call them on Monday\",\"type\":\"String\"}}}", MODERATOR);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThatEngagement(read).isEnded().hasPassed(ClientReplyProcess.Elements.REPLY_READ);
        assertThat(log.findById(inbound.getId()).orElseThrow()).satisfies(c -> {
            assertThat(c.getReadBy()).isEqualTo(MODERATOR);
            assertThat(c.getReadAt()).isNotNull();
            assertThat(c.getModeratorNote()).isEqualTo("Call them on Monday");
        });

        // /api: the whole correspondence for moderators; the client's own, without our notes
        JsonNode forModerator = replyIn(json.readTree(get("/api/engagements/" + number, MODERATOR).body()));
        assertThat(forModerator.path("from").asText()).isEqualTo(journeys.email.toLowerCase());
        assertThat(forModerator.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(forModerator.path("body").asText()).contains("power of attorney comes tomorrow");
        assertThat(forModerator.path("answers").asLong()).isEqualTo(stored.getId());
        assertThat(forModerator.path("note").asText()).isEqualTo("Call them on Monday");
        assertThat(forModerator.path("readBy").asText()).isEqualTo(MODERATOR);
        JsonNode view = json.readTree(get("/api/engagements/" + number, journeys.email).body());
        JsonNode forClient = replyIn(view);
        assertThat(forClient.path("body").asText()).contains("power of attorney comes tomorrow");
        assertThat(forClient.has("note")).isFalse();
        assertThat(forClient.has("readBy")).isFalse();
        assertThat(view.toString()).doesNotContain("Call them on Monday");
        assertThat(view.path("correspondence").findValuesAsText("template")).contains("authority.requested");

        // The evidence bundle holds the reply, not the note
        Map<String, byte[]> bundle = unzip(send("GET", "/api/engagements/" + number + "/evidence", null, journeys.email).bodyBytes);
        String correspondence = new String(bundle.get("correspondence.json"), StandardCharsets.UTF_8);
        JsonNode messages = json.readTree(correspondence);
        assertThat(messages.findValuesAsText("direction")).contains("OUTBOUND", "INBOUND");
        assertThat(correspondence).contains("power of attorney comes tomorrow", stored.getMessageId())
                .doesNotContain("Call them on Monday");
        assertThat(json.readTree(bundle.get("process-history.json")).findValuesAsText("process")).contains(ClientReplyProcess.KEY);
    }

    /** Issue 11, item 4: nothing stays open after the engagement ends, not even the task to read a reply. */
    @Test
    void aReplyStillUnreadWhenTheEngagementEndsIsKeptButItsTaskEndsWithTheEngagement() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        String number = engagement.getBusinessKey();
        long engagementId = journeys.engagement(engagement).getId();
        MimeMessage letter = lastLetter(journeys.email, "authority.requested", engagementId);
        MimeMessage reply = reply(journeys.email, letter.getReplyTo()[0].toString(), "Re: " + letter.getSubject());
        reply.setHeader("In-Reply-To", letter.getMessageID());
        reply.setText("We will send the power of attorney next week.", "UTF-8");
        reply.saveChanges();
        deliver(reply);
        assertThat(mailbox.poll().reached()).isTrue();
        ProcessInstance read = runtime.createProcessInstanceQuery().processDefinitionKey(ClientReplyProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
        assertThatEngagement(read).isWaitingAt(ClientReplyProcess.Elements.READ_REPLY);

        for (int attempt = 1; attempt <= 3; attempt++) {
            journeys.uploadAuthority(engagement, "scan-" + attempt + ".pdf", Journeys.PDF);
            complete(task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, engagement), withVariables(
                    "authorityDecision", "REJECTED", "authorityRejectionReason", "Signed by nobody"));
        }

        assertThatEngagement(engagement).isEnded().hasPassed(EngagementProcess.Elements.SIGNING_AUTHORITY_NOT_PROVEN);
        assertThatEngagement(read).isEnded().hasPassed(ClientReplyProcess.Elements.ENGAGEMENT_ENDED,
                ClientReplyProcess.Elements.ENDED_WITH_THE_ENGAGEMENT);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(inbound(engagementId)).singleElement()
                .satisfies(c -> assertThat(c.getBody()).contains("power of attorney next week"));
    }

    @Test
    void anHtmlOnlyReplyIsReadAsPlainTextAndFoundByItsAddressOrSubject() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        String number = engagement.getBusinessKey();
        long engagementId = journeys.engagement(engagement).getId();

        MimeMessage html = reply(journeys.email, "replies+" + number.toLowerCase() + "@engagement-orchestrator.local", "A question");
        html.setContent("<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
                + "<p>Hello&nbsp;there,</p><div>line one<br>line two <b>bold</b></div><img src=\"https://tracker.example/p.gif\">"
                + "<script>document.cookie</script></body></html>", "text/html; charset=UTF-8");
        html.saveChanges();
        deliver(html);
        MimeMessage bySubject = reply(journeys.email, TestInfrastructure.REPLY_ADDRESS, "About " + number + ": budget");
        bySubject.setText("Can we talk about the budget?", "UTF-8");
        bySubject.saveChanges();
        deliver(bySubject);

        assertThat(mailbox.poll().reached()).isTrue();

        List<Correspondence> inbound = inbound(engagementId);
        assertThat(inbound).hasSize(2).allSatisfy(c -> {
            assertThat(c.getStatus()).isEqualTo(Correspondence.Status.RECEIVED);
            assertThat(c.getAnswersId()).isNull();
        });
        Correspondence fromHtml = inbound.stream().filter(c -> c.getSubject().equals("A question")).findFirst().orElseThrow();
        assertThat(fromHtml.getBody()).isEqualTo("Hello there,\nline one\nline two bold");
        assertThat(fromHtml.getRecipient()).isEqualTo("replies+" + number.toLowerCase() + "@engagement-orchestrator.local");
        assertThat(inbound).anySatisfy(c -> assertThat(c.getBody()).isEqualTo("Can we talk about the budget?"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ClientReplyProcess.KEY)
                .processInstanceBusinessKey(number).count()).isEqualTo(2);
    }

    @Test
    void aReplyFromAnotherAddressIsNotTheClientsWord() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        String number = engagement.getBusinessKey();
        long engagementId = journeys.engagement(engagement).getId();
        MimeMessage letter = lastLetter(journeys.email, "authority.requested", engagementId);
        MimeMessage stranger = reply("someone-else-" + UUID.randomUUID() + "@example.org", letter.getReplyTo()[0].toString(),
                "Re: " + letter.getSubject());
        stranger.setHeader("In-Reply-To", letter.getMessageID());
        stranger.setText("The client agrees to double the budget.", "UTF-8");
        stranger.saveChanges();
        deliver(stranger);
        MimeMessage nobody = reply("spam-" + UUID.randomUUID() + "@example.org", TestInfrastructure.REPLY_ADDRESS, "Cheap offers");
        nobody.setText("Buy now", "UTF-8");
        nobody.saveChanges();
        deliver(nobody);

        assertThat(mailbox.poll().reached()).isTrue();

        Correspondence unverified = inbound(engagementId).get(0);
        assertThat(unverified.getStatus()).isEqualTo(Correspondence.Status.UNVERIFIED);
        assertThat(unverified.getSender()).startsWith("someone-else-");
        ProcessInstance read = runtime.createProcessInstanceQuery().processDefinitionKey(ClientReplyProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
        Task task = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(read)).singleResult();
        assertThat((String) tasks.getVariableLocal(task.getId(), ClientReplyProcess.Variables.REPLY_SENDER_CHECK.name()))
                .startsWith("NOT FROM THE CLIENT'S ADDRESS");

        JsonNode forModerator = replyIn(json.readTree(get("/api/engagements/" + number, MODERATOR).body()));
        assertThat(forModerator.path("status").asText()).isEqualTo("UNVERIFIED");
        String forClient = get("/api/engagements/" + number, journeys.email).body();
        assertThat(forClient).doesNotContain("double the budget").doesNotContain("UNVERIFIED");
        String bundle = new String(unzip(send("GET", "/api/engagements/" + number + "/evidence", null, MODERATOR).bodyBytes)
                .get("correspondence.json"), StandardCharsets.UTF_8);
        assertThat(bundle).doesNotContain("double the budget");

        Correspondence unmatched = log.findByDedupKey(InboundReplies.dedupKey(nobody.getMessageID())).orElseThrow();
        assertThat(unmatched.getStatus()).isEqualTo(Correspondence.Status.UNMATCHED);
        assertThat(unmatched.getEngagementId()).isNull();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ClientReplyProcess.KEY)
                .variableValueEquals(ClientReplyProcess.Variables.CORRESPONDENCE_ID.name(), unmatched.getId()).count()).isEqualTo(1);
    }

    @Test
    void theSameMessagePolledTwiceIsStoredOnceEvenWhenItWasNeverMarkedSeen() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        String number = engagement.getBusinessKey();
        long engagementId = journeys.engagement(engagement).getId();
        MimeMessage reply = reply(journeys.email, "replies+" + number + "@engagement-orchestrator.local", "Re: request " + number);
        reply.setText("Sent twice by my mail program.", "UTF-8");
        reply.saveChanges();
        deliver(reply);
        deliver(reply);

        mailbox.poll();
        markUnseen(reply.getMessageID()); // as after a crash between storing and marking it seen
        ReplyMailbox.Poll again = mailbox.poll();

        assertThat(again.reached()).isTrue();
        assertThat(again.stored()).isEqualTo(2);
        assertThat(inbound(engagementId)).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ClientReplyProcess.KEY)
                .processInstanceBusinessKey(number).count()).isEqualTo(1);
        assertThat(seen(reply.getMessageID())).isTrue();
        assertThat(mailbox.poll().stored()).isZero();
    }

    @Test
    void aMailboxThatIsDownOrSilentHurtsNoOneAndItsRepliesArePickedUpLater() throws Exception {
        Journeys journeys = new Journeys(context);
        ProcessInstance engagement = journeys.accepted(body -> { });
        String number = engagement.getBusinessKey();
        long engagementId = journeys.engagement(engagement).getId();
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        ReplyMailbox down = new ReplyMailbox(properties(freePort, Duration.ofMinutes(5)), replies);

        ReplyMailbox.Poll refused = down.poll();
        assertThat(refused.reached()).isFalse();
        assertThat(refused.problem()).isNotBlank();

        // A server that accepts and never answers: the read timeout ends the poll
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ReplyMailbox hanging = new ReplyMailbox(properties(silent.getLocalPort(), Duration.ofMinutes(5)), replies);
            long started = System.nanoTime();
            assertThat(hanging.poll().reached()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }

        GreenMail later = new GreenMail(new ServerSetup(freePort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        later.start();
        try {
            var account = later.setUser(TestInfrastructure.REPLY_ADDRESS, TestInfrastructure.REPLY_LOGIN,
                    TestInfrastructure.REPLY_PASSWORD);
            MimeMessage reply = reply(journeys.email, "replies+" + number + "@engagement-orchestrator.local", "Re: " + number);
            reply.setText("Written while your mailbox was down.", "UTF-8");
            reply.saveChanges();
            account.deliver(reply);

            ReplyMailbox.Poll recovered = down.poll();

            assertThat(recovered.reached()).isTrue();
            assertThat(recovered.stored()).isEqualTo(1);
            assertThat(inbound(engagementId)).extracting(Correspondence::getBody).containsExactly("Written while your mailbox was down.");

            // On its own thread, on its own schedule: the next reply is picked up without anyone polling
            MimeMessage next = reply(journeys.email, "replies+" + number + "@engagement-orchestrator.local", "Re: " + number);
            next.setText("And one more.", "UTF-8");
            next.saveChanges();
            account.deliver(next);
            ReplyMailbox scheduled = new ReplyMailbox(properties(freePort, Duration.ofMillis(200)), replies);
            scheduled.start();
            try {
                long deadline = System.currentTimeMillis() + 10_000;
                while (inbound(engagementId).size() < 2 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                scheduled.stop();
            }
            assertThat(inbound(engagementId)).hasSize(2);
        } finally {
            later.stop();
        }
    }

    // --- helpers

    private ReplyMailProperties properties(int imapPort, Duration every) {
        return new ReplyMailProperties(TestInfrastructure.REPLY_ADDRESS, true, every,
                new ReplyMailProperties.Imap("127.0.0.1", imapPort, "imap", TestInfrastructure.REPLY_LOGIN,
                        TestInfrastructure.REPLY_PASSWORD, "INBOX", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                8000, DataSize.ofMegabytes(10), 50);
    }

    private List<Correspondence> inbound(long engagementId) {
        return log.findByEngagementIdOrderByIdAsc(engagementId).stream().filter(Correspondence::isInbound).toList();
    }

    private static JsonNode replyIn(JsonNode engagementView) {
        for (JsonNode message : engagementView.path("correspondence")) {
            if (message.path("direction").asText().equals("INBOUND")) {
                return message;
            }
        }
        throw new AssertionError("no inbound message in " + engagementView.path("correspondence"));
    }

    private MimeMessage lastLetter(String email, String template, long engagementId) throws Exception {
        String subject = log.findByEngagementIdOrderByIdAsc(engagementId).stream().filter(c -> template.equals(c.getTemplate()))
                .findFirst().orElseThrow().getSubject();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            var found = Mailbox.of(email).stream().filter(m -> Mailbox.subjectOf(m).equals(subject)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no letter '" + subject + "' arrived for " + email);
    }

    private static MimeMessage reply(String from, String to, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        return message;
    }

    private static void deliver(MimeMessage message) throws Exception {
        // A copy, as a mail server would store it (delivering one object twice must give two messages)
        ByteArrayInputStream raw = new ByteArrayInputStream(toBytes(message));
        TestInfrastructure.replyMailbox().deliver(new MimeMessage(Session.getInstance(new Properties()), raw));
    }

    private static byte[] toBytes(MimeMessage message) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static Store imap() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestInfrastructure.mail().getImap().getPort(), TestInfrastructure.REPLY_LOGIN,
                TestInfrastructure.REPLY_PASSWORD);
        return store;
    }

    private static boolean seen(String messageId) throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                boolean any = false;
                for (Message m : inbox.getMessages()) {
                    String[] ids = m.getHeader("Message-ID");
                    if (ids != null && ids[0].equals(messageId)) {
                        any = true;
                        if (!m.isSet(Flags.Flag.SEEN)) {
                            return false;
                        }
                    }
                }
                return any;
            } finally {
                inbox.close(false);
            }
        }
    }

    private static void markUnseen(String messageId) throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message m : inbox.getMessages()) {
                    String[] ids = m.getHeader("Message-ID");
                    if (ids != null && ids[0].equals(messageId)) {
                        m.setFlag(Flags.Flag.SEEN, false);
                    }
                }
            } finally {
                inbox.close(false);
            }
        }
    }

    private record Answer(int statusCode, String body, byte[] bodyBytes) {
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request("GET", path, null, user), HttpResponse.BodyHandlers.ofString());
    }

    private Answer send(String method, String path, String body, String user) throws Exception {
        HttpResponse<byte[]> response = http.send(request(method, path, body, user), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.body());
    }

    private HttpRequest request(String method, String path, String body, String user) {
        String password = user.equals(MODERATOR) ? MODERATOR : "correct-horse-battery";
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
