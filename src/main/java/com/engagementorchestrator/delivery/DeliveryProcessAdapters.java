package com.engagementorchestrator.delivery;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.common.TaskForms;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound adapters of processes/delivery-review.bpmn. */
@Configuration(proxyBeanMethods = false)
class DeliveryProcessAdapters {

    @Bean
    TaskListener showDelivery(DeliveryService deliveries) {
        return task -> {
            long id = deliverableId(task);
            Deliverable d = deliveries.byId(id);
            String base = "/api/engagements/" + task.getExecution().getProcessBusinessKey().split("/")[0] + "/deliveries/" + id;
            task.setVariablesLocal(ProcessVariable.values()
                    .with(DeliveryProcess.DELIVERY_TITLE, d.getTitle() + " (v" + d.getVersion() + ")") // "v1" reads in either language
                    .with(DeliveryProcess.DELIVERY_PREVIEW,
                            d.getPreview() == null ? "no preview for this kind of file: released after full payment" : base + "/preview")
                    .with(DeliveryProcess.DELIVERY_CHANGE_REQUEST, d.getChangeRequest() == null ? "" : d.getChangeRequest()));
        };
    }

    /** Create listener of the engagement's "Work delivered" task: where every result stands. */
    @Bean
    TaskListener showDeliveredWork(DeliveryService deliveries) {
        return task -> DeliveryProcess.DELIVERED_WORK.set(task,
                deliveries.deliveredWorkSummary(EngagementProcess.Variables.engagementId(task)));
    }

    /** Complete listener of "Work delivered": the one check, whether from Tasklist or from the API. */
    @Bean
    TaskListener declareWorkDelivered(DeliveryService deliveries) {
        return task -> deliveries.confirmDelivered(EngagementProcess.Variables.engagementId(task));
    }

    @Bean
    TaskListener recordDeliveryReview(DeliveryService deliveries) {
        return task -> {
            TaskForms.requireOwnEngagement(task, deliveries.byId(deliverableId(task)).getEngagementId(), "deliverable");
            deliveries.review(deliverableId(task), TaskForms.text(task, DeliveryProcess.DECISION), TaskForms.text(task, DeliveryProcess.CHANGE_REQUEST));
            TaskForms.consume(task, DeliveryProcess.CHANGE_REQUEST);
        };
    }

    @Bean
    JavaDelegate sendDeliveryReminder(DeliveryService deliveries) {
        return execution -> deliveries.remind(deliverableId(execution));
    }

    @Bean
    JavaDelegate autoAcceptDelivery(DeliveryService deliveries) {
        return execution -> deliveries.acceptBySilence(deliverableId(execution));
    }

    /** The acceptance is already on the result (the review recorded it); this step marks the end of the review. */
    @Bean
    JavaDelegate acceptDelivery(DeliveryService deliveries) {
        return execution -> deliveries.byId(deliverableId(execution));
    }

    @Bean
    TaskListener recordChangeAssessment(DeliveryService deliveries) {
        return task -> {
            deliveries.assess(deliverableId(task), TaskForms.text(task, DeliveryProcess.ASSESSMENT), TaskForms.text(task, DeliveryProcess.ASSESSMENT_NOTE));
            TaskForms.consume(task, DeliveryProcess.ASSESSMENT_NOTE);
        };
    }

    @Bean
    JavaDelegate requireChangeOrder(DeliveryService deliveries) {
        return execution -> deliveries.requireChangeOrder(deliverableId(execution));
    }

    @Bean
    TaskListener recordChangeOrder(DeliveryService deliveries) {
        return task -> {
            String invoice = deliveries.recordChangeOrder(deliverableId(task),
                    TaskForms.text(task, DeliveryProcess.CHANGE_ORDER_PROTOCOL), TaskForms.amount(task, DeliveryProcess.EXTRA_COST));
            DeliveryProcess.CHANGE_ORDER_INVOICE_NUMBER.set(task, invoice);
            TaskForms.consume(task, DeliveryProcess.CHANGE_ORDER_PROTOCOL, DeliveryProcess.EXTRA_COST);
        };
    }

    @Bean
    TaskListener recordRework(DeliveryService deliveries) {
        return task -> DeliveryProcess.DELIVERABLE_ID.set(task, deliveries.rework(deliverableId(task)));
    }

    static long deliverableId(VariableScope scope) {
        return DeliveryProcess.DELIVERABLE_ID.required(scope);
    }
}
