package com.engagementorchestrator.portal;

import com.engagementorchestrator.authority.AuthorityDocument;
import com.engagementorchestrator.complaint.Complaint;
import com.engagementorchestrator.delivery.Deliverable;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.engagement.EngagementPhase;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.promise.Promise;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the portal says in the client's language instead of a code or a staff wording: task names
 * (messages/portal*.properties, keyed {@code task.<element id>}), the codes of engagements, invoices, promises,
 * complaints, results and documents ({@code <group>.<CODE>}), and the texts of the Camunda Forms a client fills in
 * (messages/forms.&lt;lang&gt;.json, keyed by the English text of the .form file, which staff keep reading in Tasklist).
 * PortalWordsTest fails the build when any of them lacks a word.
 */
@Component
class PortalWords {

    static final List<String> LANGUAGES = List.of("en", "ru");

    /** The codes the portal shows, by the prefix of their keys. */
    static final Map<String, Class<? extends Enum<?>>> CODES = codes();

    /** The texts of a Camunda Form: labels, descriptions, text blocks and option labels. */
    static final List<String> TEXT_PROPERTIES = List.of("label", "description", "text");

    /** The form catalogue of one language: texts by their English wording, and form-js's validation messages. */
    record FormCatalogue(Map<String, String> texts, Map<String, String> validation) {
        static final FormCatalogue NONE = new FormCatalogue(Map.of(), Map.of());
    }

    private final MessageSource words;
    private final Map<String, FormCatalogue> forms = new LinkedHashMap<>();

    PortalWords(ObjectMapper json) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/portal");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        this.words = source;
        for (String language : LANGUAGES) {
            forms.put(language, catalogue(json, language));
        }
    }

    /** The language asked for if the portal speaks it, else the client's own, else English. */
    static String language(String asked, String clients) {
        if (asked != null && LANGUAGES.contains(asked)) {
            return asked;
        }
        return clients != null && LANGUAGES.contains(clients) ? clients : "en";
    }

    /** The word for a key, or null when there is none. */
    String word(String language, String key, Object... arguments) {
        return words.getMessage(key, arguments, null, Locale.forLanguageTag(language));
    }

    /**
     * A client task's name: never the staff name with its " · ENG-… · Company" suffix. A task that serves several
     * obligations is named {@code task.<element id>.<variant>} (collect-payment's pay task by the kind of invoice).
     */
    String taskName(String language, String taskKey, String variant, String staffName) {
        String word = variant == null ? null : word(language, "task." + taskKey + "." + variant);
        if (word == null) {
            word = word(language, "task." + taskKey);
        }
        if (word != null) {
            return word;
        }
        return staffName == null ? taskKey : staffName.split(" · ", 2)[0];
    }

    /** Every code's word and every client task's name in one language: {@code phase.WORK → work}. */
    Map<String, String> all(String language) {
        Map<String, String> all = new LinkedHashMap<>();
        CODES.forEach((group, codes) -> {
            for (Enum<?> code : codes.getEnumConstants()) {
                String key = group + "." + code.name();
                String word = word(language, key, "");
                all.put(key, word == null ? code.name() : word.strip());
            }
        });
        return all;
    }

    /** What the client owes, in words: the kind of promise in their language, with its detail. */
    String promise(String language, Promise.Kind kind, String detail, String description) {
        String word = word(language, "promiseKind." + kind.name(), detail == null ? "" : detail);
        return word == null ? description : word.strip();
    }

    FormCatalogue forms(String language) {
        return forms.getOrDefault(language, FormCatalogue.NONE);
    }

    /** A copy of a Camunda Form's schema with every text the catalogue knows in the language; English as it is. */
    JsonNode translate(JsonNode schema, String language) {
        FormCatalogue catalogue = forms(language);
        if (schema == null || catalogue.texts().isEmpty()) {
            return schema;
        }
        JsonNode copy = schema.deepCopy();
        translateIn(copy, catalogue.texts());
        return copy;
    }

    private static void translateIn(JsonNode node, Map<String, String> texts) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String property : TEXT_PROPERTIES) {
                JsonNode text = object.get(property);
                if (text != null && text.isTextual() && texts.containsKey(text.asText())) {
                    object.put(property, texts.get(text.asText()));
                }
            }
            object.elements().forEachRemaining(child -> translateIn(child, texts));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> translateIn(child, texts));
        }
    }

    private static FormCatalogue catalogue(ObjectMapper json, String language) {
        ClassPathResource resource = new ClassPathResource("messages/forms." + language + ".json");
        if (!resource.exists()) {
            return FormCatalogue.NONE;
        }
        try (InputStream content = resource.getInputStream()) {
            JsonNode root = json.readTree(content);
            return new FormCatalogue(strings(root.path("texts")), strings(root.path("validation")));
        } catch (IOException e) {
            throw new UncheckedIOException("messages/forms." + language + ".json cannot be read", e);
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> strings.put(field.getKey(), field.getValue().asText()));
        return Map.copyOf(strings);
    }

    private static Map<String, Class<? extends Enum<?>>> codes() {
        Map<String, Class<? extends Enum<?>>> codes = new LinkedHashMap<>();
        codes.put("engagementStatus", EngagementStatus.class);
        codes.put("phase", EngagementPhase.class);
        codes.put("invoiceKind", Invoice.Kind.class);
        codes.put("invoiceStatus", Invoice.Status.class);
        codes.put("promiseStatus", Promise.Status.class);
        codes.put("promiseKind", Promise.Kind.class);
        codes.put("complaintStatus", Complaint.Status.class);
        codes.put("deliveryStatus", Deliverable.Status.class);
        codes.put("authorityDecision", AuthorityDocument.Decision.class);
        return java.util.Collections.unmodifiableMap(codes);
    }
}
