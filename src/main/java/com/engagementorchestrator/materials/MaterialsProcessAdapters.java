package com.engagementorchestrator.materials;

import static com.engagementorchestrator.engagement.EngagementProcess.Variables.BRIEF_ITEMS;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.MATERIALS_COMPLETE;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.MATERIALS_DUE_AT;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.MATERIALS_TO_REVIEW;
import static com.engagementorchestrator.engagement.EngagementProcess.Variables.engagementId;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.ProcessVariable;
import com.engagementorchestrator.engagement.EngagementProcess.Variables;
import com.engagementorchestrator.common.TaskForms;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.BlockingProperties;
import com.engagementorchestrator.engagement.EngagementResumed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Inbound adapters of the materials steps of processes/engagement.bpmn. The client's form submits, per item id,
 * {@code answer_<id>} (text), {@code file_<id>} (a file) or {@code extend_<id>} (a new date).
 */
@Configuration(proxyBeanMethods = false)
class MaterialsProcessAdapters {

    @Bean
    TaskListener showBriefDraft(MaterialsService materials) {
        return task -> {
            // On the process, not the task: a submitted field is stored there and must replace the draft.
            BRIEF_ITEMS.set(task, materials.draft(engagementId(task)));
        };
    }

    @Bean
    TaskListener recordBrief(MaterialsService materials) {
        return task -> {
            materials.saveBrief(engagementId(task), TaskForms.text(task, BRIEF_ITEMS));
            BRIEF_ITEMS.remove(task);
        };
    }

    @Bean
    JavaDelegate sendBrief(MaterialsService materials) {
        return execution -> MATERIALS_DUE_AT.set(execution, Date.from(materials.sendBrief(engagementId(execution))));
    }

    /** The open items as JSON for the client's form, which builds one input per item. */
    @Bean
    TaskListener showBriefItems(MaterialsService materials, ObjectMapper json) {
        return task -> {
            List<Map<String, Object>> shown = new ArrayList<>();
            for (BriefItem item : materials.awaited(engagementId(task))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", item.getId());
                row.put("position", item.getPosition());
                row.put("kind", item.getKind().name());
                row.put("title", item.getTitle());
                row.put("dueDate", item.getDueDate().toString());
                row.put("canExtend", !item.isExtensionRequested());
                row.put("note", item.getReviewNote() == null ? "" : item.getReviewNote());
                shown.add(row);
            }
            try {
                Variables.BRIEF_ITEMS_JSON.set(task, json.writeValueAsString(shown));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Bean
    TaskListener recordMaterials(MaterialsService materials) {
        return task -> {
            long engagementId = engagementId(task);
            Map<Long, MaterialsService.ItemInput> inputs = new LinkedHashMap<>();
            List<String> submittedFields = new ArrayList<>();
            for (BriefItem item : materials.awaited(engagementId)) {
                long id = item.getId();
                String answer = TaskForms.text(task, Variables.itemAnswer(id));
                FileValue file = Variables.itemFile(id).get(task);
                String extendTo = TaskForms.text(task, Variables.itemExtension(id));
                boolean hasFile = file != null && file.getValue() != null;
                submittedFields.addAll(List.of(Variables.itemAnswer(id).name(), Variables.itemFile(id).name(),
                        Variables.itemExtension(id).name()));
                if (answer != null || hasFile || extendTo != null) {
                    inputs.put(id, new MaterialsService.ItemInput(answer, hasFile ? file.getFilename() : null,
                            hasFile ? UploadedFiles.readAll(file.getValue()) : null, extendTo));
                }
            }
            // An item id the form did not offer (another engagement's item, one already accepted) is refused outright.
            for (String name : task.getVariableNames()) {
                if (name.matches("(answer|file|extend)_[0-9]+") && !submittedFields.contains(name)) {
                    throw new com.engagementorchestrator.common.InvalidInputException(name,
                            "not an item of this engagement's brief that awaits materials");
                }
            }
            MaterialsService.Submitted submitted = materials.submit(engagementId, TaskForms.actor(task), inputs);
            // Recorded in the domain tables; the history keeps answers and dates as submitted.
            TaskForms.consume(task, submittedFields.toArray(String[]::new));
            MATERIALS_TO_REVIEW.set(task, submitted.toReview());
            MATERIALS_DUE_AT.set(task, Date.from(submitted.nextDueAt()));
        };
    }

    /** The submitted items as checklist options (form-js valuesKey) and as a readable summary. */
    @Bean
    TaskListener showMaterialsForReview(MaterialsService materials) {
        return task -> {
            long engagementId = engagementId(task);
            List<BriefItem> submitted = materials.submitted(engagementId);
            List<Map<String, Object>> options = new ArrayList<>();
            StringBuilder summary = new StringBuilder();
            var latest = materials.submissionsOf(submitted.stream().map(BriefItem::getId).toList());
            for (BriefItem item : submitted) {
                // A HashMap, not Map.of: the engine deserializes only its allow-list of JDK types (no immutable collections).
                options.add(new java.util.HashMap<>(Map.of("label", item.getPosition() + ". " + item.getTitle(),
                        "value", String.valueOf(item.getId()))));
                summary.append(item.getPosition()).append(". ").append(item.getTitle()).append('\n');
                latest.stream().filter(s -> s.getItemId().equals(item.getId())).reduce((a, b) -> b).ifPresent(s -> {
                    if (s.getAnswer() != null) {
                        summary.append("   answer: ").append(s.getAnswer()).append('\n');
                    }
                    if (s.getFile() != null) {
                        summary.append("   file: ").append(s.getFile().getFileName()).append(" (").append(s.getFile().getContentType())
                                .append(", ").append(s.getFile().getSizeBytes()).append(" bytes) /api/engagements/")
                                .append(task.getExecution().getProcessBusinessKey()).append("/materials/").append(s.getId()).append('\n');
                    }
                });
            }
            Variables.SUBMITTED_ITEM_OPTIONS.set(task, options);
            Variables.MATERIALS_SUMMARY.set(task, summary.toString());
        };
    }

    @Bean
    TaskListener recordMaterialsReview(MaterialsService materials) {
        return task -> {
            boolean complete = materials.review(engagementId(task), itemIds(task, Variables.MISSING_ITEMS),
                    TaskForms.text(task, Variables.REVIEW_NOTES));
            TaskForms.consume(task, Variables.MISSING_ITEMS, Variables.REVIEW_NOTES);
            MATERIALS_COMPLETE.set(task, complete);
        };
    }

    @Bean
    JavaDelegate requestMissingMaterials(MaterialsService materials) {
        return execution -> MATERIALS_DUE_AT.set(execution, Date.from(materials.requestMissing(engagementId(execution))));
    }

    @Bean
    JavaDelegate completeMaterials(MaterialsService materials) {
        return execution -> materials.complete(engagementId(execution));
    }

    @Bean
    JavaDelegate renewMaterialsDueDates(MaterialsService materials, BlockingProperties blocking) {
        return execution -> MATERIALS_DUE_AT.set(execution,
                Date.from(materials.renewDueDates(engagementId(execution), blocking.graceAfterLift())));
    }

    @Bean
    MaterialsResumption materialsResumption(MaterialsService materials) {
        return new MaterialsResumption(materials);
    }

    /** The blocked time does not count against the client's open items. */
    record MaterialsResumption(MaterialsService materials) {
        @EventListener
        public void onResumed(EngagementResumed resumed) {
            if (!resumed.breached()) {
                materials.postpone(List.of(resumed.engagementId()), resumed.pausedFor());
            }
        }
    }

    /**
     * Tasklist submits a checklist as a JSON array variable; tests and the REST API may send a list or a comma-separated
     * text. Read serialized, so no Java type is needed to deserialize it.
     */
    static Set<Long> itemIds(DelegateTask task, ProcessVariable<String> field) {
        String name = field.name();
        TypedValue typed = field.getTyped(task, false);
        Set<Long> ids = new LinkedHashSet<>();
        if (typed == null) {
            return ids;
        }
        String text = typed instanceof SerializableValue serialized ? serialized.getValueSerialized()
                : typed.getValue() == null ? null : String.valueOf(typed.getValue());
        if (text == null) {
            return ids;
        }
        for (String v : text.replaceAll("[\\[\\]\"]", " ").trim().split("[,\\s]+")) {
            if (v.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(name, "not an item id: " + v);
            }
        }
        return ids;
    }
}
