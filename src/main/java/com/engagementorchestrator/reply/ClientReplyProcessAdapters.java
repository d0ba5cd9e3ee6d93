package com.engagementorchestrator.reply;

import com.engagementorchestrator.common.TaskForms;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of processes/client-reply.bpmn. */
@Configuration(proxyBeanMethods = false)
class ClientReplyProcessAdapters {

    /** The reply, read-only in the moderator's form (task-local: nothing of it is written back). */
    @Bean
    TaskListener showClientReply(ClientReplies replies) {
        return task -> task.setVariablesLocal(replies.show(correspondenceId(task)));
    }

    @Bean
    TaskListener recordClientReplyRead(ClientReplies replies) {
        return task -> {
            replies.markRead(correspondenceId(task), TaskForms.actor(task),
                    TaskForms.text(task, ClientReplyProcess.Variables.REPLY_NOTE));
            TaskForms.consume(task, ClientReplyProcess.Variables.REPLY_NOTE);
        };
    }

    private static long correspondenceId(DelegateTask task) {
        return ClientReplyProcess.Variables.CORRESPONDENCE_ID.required(task);
    }
}
