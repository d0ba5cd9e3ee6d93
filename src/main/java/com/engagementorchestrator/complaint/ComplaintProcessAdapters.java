package com.engagementorchestrator.complaint;

import com.engagementorchestrator.common.ProcessVariables;
import com.engagementorchestrator.common.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of the complaint event subprocess of processes/engagement.bpmn. */
@Configuration(proxyBeanMethods = false)
class ComplaintProcessAdapters {

    /** Runs in the complaint's own scope right after the message: the id becomes local to it. */
    @Bean
    JavaDelegate registerComplaint() {
        return execution -> execution.setVariableLocal(ComplaintProcess.COMPLAINT_ID,
                execution.getVariable(ComplaintProcess.RAISED_COMPLAINT_ID));
    }

    @Bean
    TaskListener showComplaint(ComplaintService complaints, ComplaintRecord record) {
        return task -> {
            Complaint c = complaints.get(complaintId(task));
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("complaintText", c.getText());
            // what the moderator may cite; a client's form does not show these, so a client never reads them
            shown.put("complaintProtocols", record.protocolsOf(c.getEngagementId()));
            shown.put("complaintLetters", record.lettersOf(c.getEngagementId()));
            // the client reads our answer in their language (portal), staff in English (Tasklist)
            boolean clients = ComplaintProcess.Elements.RESPOND_TO_ANSWER.equals(task.getTaskDefinitionKey());
            shown.put("ourAnswer", complaints.answerInWords(c, clients ? complaints.clientLocale(c) : "en"));
            shown.put("clientReplyShown", c.getClientReply() == null ? "" : c.getClientReply());
            task.setVariablesLocal(shown);
        };
    }

    @Bean
    TaskListener recordComplaintAnswer(ComplaintService complaints) {
        return task -> {
            complaints.answer(complaintId(task), TaskForms.actor(task),
                    TaskForms.choice(task, "classification", Complaint.Classification.class), TaskForms.text(task, "answer"),
                    TaskForms.text(task, "fix"), TaskForms.text(task, "fixBy"), TaskForms.amount(task, "refundAmount"));
            TaskForms.consume(task, "classification", "answer", "fix", "fixBy", "refundAmount");
        };
    }

    @Bean
    JavaDelegate sendComplaintAnswer(ComplaintService complaints) {
        return execution -> complaints.sendAnswer(complaintId(execution));
    }

    /** Late: the client is told, and the freelancers join the moderators on the answer, at top priority. */
    @Bean
    JavaDelegate escalateOverdueComplaint(ComplaintService complaints) {
        return execution -> {
            long complaintId = complaintId(execution);
            complaints.answerOverdue(complaintId);
            var tasks = execution.getProcessEngineServices().getTaskService();
            tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(ComplaintProcess.Elements.ANSWER_COMPLAINT).unlimitedList().stream()
                    .filter(t -> Long.valueOf(complaintId).equals(((Number) tasks.getVariable(t.getId(), ComplaintProcess.COMPLAINT_ID)).longValue()))
                    .forEach(t -> {
                        tasks.addCandidateGroup(t.getId(), "freelancers");
                        tasks.setPriority(t.getId(), 100);
                    });
        };
    }

    /** ACCEPT or ESCALATE, recorded on the complaint; the gateway asks the complaint, not a shared variable. */
    @Bean
    TaskListener recordComplaintResponse(ComplaintService complaints) {
        return task -> {
            String response = TaskForms.text(task, ComplaintProcess.RESPONSE);
            if (!"ACCEPT".equals(response) && !"ESCALATE".equals(response)) {
                throw new com.engagementorchestrator.common.InvalidInputException(ComplaintProcess.RESPONSE, "choose ACCEPT or ESCALATE");
            }
            TaskForms.requireOwnEngagement(task, complaints.get(complaintId(task)).getEngagementId(), "complaint");
            complaints.respond(complaintId(task), "ACCEPT".equals(response), TaskForms.text(task, "clientReply"));
            TaskForms.consume(task, ComplaintProcess.RESPONSE, "clientReply");
        };
    }

    @Bean
    TaskListener recordEscalationAnswer(ComplaintService complaints) {
        return task -> {
            complaints.answerEscalation(complaintId(task), TaskForms.actor(task), TaskForms.text(task, "escalationAnswer"));
            TaskForms.consume(task, "escalationAnswer");
        };
    }

    @Bean
    JavaDelegate closeComplaint(ComplaintService complaints) {
        return execution -> complaints.close(complaintId(execution));
    }

    static long complaintId(VariableScope scope) {
        return ProcessVariables.requiredLong(scope, ComplaintProcess.COMPLAINT_ID);
    }
}
