package com.engagementorchestrator.reply;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.CorrespondenceLog;
import com.engagementorchestrator.correspondence.InboundReplies;
import com.engagementorchestrator.correspondence.ReplyStored;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.Engagements;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts every stored reply in front of the moderators: a "Read the client's reply" task per reply, started in the
 * transaction that stored it (a reply is stored with its task or not at all, and then tried again).
 */
@Service
public class ClientReplies {

    private final RuntimeService runtime;
    private final Engagements engagements;
    private final CorrespondenceLog log;
    private final InboundReplies replies;

    ClientReplies(RuntimeService runtime, Engagements engagements, CorrespondenceLog log, InboundReplies replies) {
        this.runtime = runtime;
        this.engagements = engagements;
        this.log = log;
        this.replies = replies;
    }

    @EventListener
    void stored(ReplyStored reply) {
        ProcessVariable.Values variables = ProcessVariable.values()
                .with(ClientReplyProcess.Variables.CORRESPONDENCE_ID, reply.correspondenceId());
        String businessKey = null;
        if (reply.engagementId() != null) {
            variables.with(ClientReplyProcess.Variables.ENGAGEMENT_ID, reply.engagementId());
            businessKey = engagements.findById(reply.engagementId()).map(Engagement::getNumber).orElse(null);
        }
        runtime.startProcessInstanceByKey(ClientReplyProcess.KEY, businessKey, variables);
    }

    /** What the moderator's form shows of the reply. */
    @Transactional(readOnly = true)
    public ProcessVariable.Values show(long correspondenceId) {
        Correspondence reply = replies.get(correspondenceId);
        return ProcessVariable.values()
                .with(ClientReplyProcess.Variables.REPLY_FROM, reply.getSender())
                .with(ClientReplyProcess.Variables.REPLY_SENDER_CHECK, senderCheck(reply))
                .with(ClientReplyProcess.Variables.REPLY_SUBJECT, reply.getSubject())
                .with(ClientReplyProcess.Variables.REPLY_RECEIVED_AT, String.valueOf(reply.getReceivedAt()))
                .with(ClientReplyProcess.Variables.REPLY_ANSWERS, reply.getAnswersId() == null ? "(no letter of ours named)"
                        : log.findById(reply.getAnswersId()).map(l -> l.getSubject() + " (sent " + l.getCreatedAt() + ")").orElse(""))
                .with(ClientReplyProcess.Variables.REPLY_TEXT, reply.getBody());
    }

    public void markRead(long correspondenceId, String by, String note) {
        replies.markRead(correspondenceId, by, note);
    }

    private String senderCheck(Correspondence reply) {
        return switch (reply.getStatus()) {
            case RECEIVED -> "From the client's own address.";
            case UNVERIFIED -> "NOT FROM THE CLIENT'S ADDRESS: this is not the client's word. Check who wrote it before "
                    + "acting on it.";
            case UNMATCHED -> "Names no engagement of ours (no letter, no engagement number): find out who wrote it.";
            default -> reply.getStatus().name();
        };
    }
}
