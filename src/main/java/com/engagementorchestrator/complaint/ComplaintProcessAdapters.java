package com.engagementorchestrator.complaint;

import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.TaskForms;
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
        return execution -> ComplaintProcess.COMPLAINT_ID.set(execution, ComplaintProcess.RAISED_COMPLAINT_ID.required(execution));
    }

    @Bean
    TaskListener showComplaint(ComplaintService complaints, ComplaintRecord record) {
        return task -> {
            Complaint c = complaints.get(complaintId(task));
            // the client reads our answer in their language (portal), staff in English (Tasklist)
            boolean clients = ComplaintProcess.Elements.RESPOND_TO_ANSWER.equals(task.getTaskDefinitionKey());
            task.setVariablesLocal(ProcessVariable.values()
                    .with(ComplaintProcess.COMPLAINT_TEXT, c.getText())
                    // what the moderator may cite; a client's form does not show these, so a client never reads them
                    .with(ComplaintProcess.COMPLAINT_PROTOCOLS, record.protocolsOf(c.getEngagementId()))
                    .with(ComplaintProcess.COMPLAINT_LETTERS, record.lettersOf(c.getEngagementId()))
                    .with(ComplaintProcess.OUR_ANSWER, complaints.answerInWords(c, clients ? complaints.clientLocale(c) : "en"))
                    .with(ComplaintProcess.CLIENT_REPLY_SHOWN, c.getClientReply() == null ? "" : c.getClientReply()));
        };
    }

    @Bean
    TaskListener recordComplaintAnswer(ComplaintService complaints) {
        return task -> {
            complaints.answer(complaintId(task), TaskForms.actor(task),
                    TaskForms.choice(task, ComplaintProcess.CLASSIFICATION, Complaint.Classification.class),
                    TaskForms.text(task, ComplaintProcess.ANSWER), TaskForms.text(task, ComplaintProcess.FIX),
                    TaskForms.text(task, ComplaintProcess.FIX_BY), TaskForms.amount(task, ComplaintProcess.REFUND_AMOUNT));
            TaskForms.consume(task, ComplaintProcess.CLASSIFICATION, ComplaintProcess.ANSWER, ComplaintProcess.FIX,
                    ComplaintProcess.FIX_BY, ComplaintProcess.REFUND_AMOUNT);
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
                    .filter(t -> Long.valueOf(complaintId).equals(ComplaintProcess.COMPLAINT_ID.get(tasks, t.getId())))
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
                throw new com.engagementorchestrator.common.InvalidInputException(ComplaintProcess.RESPONSE.name(), "choose ACCEPT or ESCALATE");
            }
            TaskForms.requireOwnEngagement(task, complaints.get(complaintId(task)).getEngagementId(), "complaint");
            complaints.respond(complaintId(task), "ACCEPT".equals(response), TaskForms.text(task, ComplaintProcess.CLIENT_REPLY));
            TaskForms.consume(task, ComplaintProcess.RESPONSE, ComplaintProcess.CLIENT_REPLY);
        };
    }

    @Bean
    TaskListener recordEscalationAnswer(ComplaintService complaints) {
        return task -> {
            complaints.answerEscalation(complaintId(task), TaskForms.actor(task), TaskForms.text(task, ComplaintProcess.ESCALATION_ANSWER));
            TaskForms.consume(task, ComplaintProcess.ESCALATION_ANSWER);
        };
    }

    @Bean
    JavaDelegate closeComplaint(ComplaintService complaints) {
        return execution -> complaints.close(complaintId(execution));
    }

    static long complaintId(VariableScope scope) {
        return ComplaintProcess.COMPLAINT_ID.required(scope);
    }
}
