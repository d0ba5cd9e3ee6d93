package com.engagementorchestrator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything the portal shows a client has words in every language of the portal: a new client task, a new code of a
 * shown enum or a new text in a client's Camunda Form without a translation fails the build. The client's tasks and
 * forms are read from the models themselves (user tasks assigned to ${clientUserId}), so nobody has to list them.
 */
class PortalWordsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final PortalWords words = new PortalWords(JSON);

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void everyShownCodeAndEveryClientTaskHasAWord(String language) throws IOException {
        List<String> missing = new ArrayList<>();
        PortalWords.CODES.forEach((group, codes) -> {
            for (Enum<?> code : codes.getEnumConstants()) {
                if (words.word(language, group + "." + code.name(), "x") == null) {
                    missing.add(group + "." + code.name());
                }
            }
        });
        for (String task : clientTasks().keySet()) {
            if (words.word(language, "task." + task) == null) {
                missing.add("task." + task);
            }
        }
        assertThat(missing).as("keys without a word in messages/portal%s.properties", "en".equals(language) ? "" : "_" + language)
                .isEmpty();
        assertThat(words.all(language).values()).noneMatch(word -> word.matches("[A-Z_]+"));
    }

    @Test
    void aClientTaskIsNamedWithoutTheStaffSuffix() {
        assertThat(words.taskName("ru", "PayInvoiceTask", "FINAL", "Pay the invoice · ENG-2026-000001 · Vector LLC"))
                .isEqualTo("Оплатите итоговый счёт");
        assertThat(words.taskName("en", "PayInvoiceTask", "FINAL", "Pay the invoice · ENG-2026-000001 · Vector LLC"))
                .isEqualTo("Pay the final invoice");
        assertThat(words.taskName("en", "SomeNewTask", null, "Do something · ENG-2026-000001 · Vector LLC")).isEqualTo("Do something");
    }

    /** collect-payment's one pay task is named by the kind of invoice it pays, in both languages. */
    @Test
    void thePayTaskIsNamedByItsInvoice() {
        for (var kind : com.engagementorchestrator.deposit.Invoice.Kind.values()) {
            for (String language : java.util.List.of("en", "ru")) {
                assertThat(words.word(language, "task.PayInvoiceTask." + kind.name())).as(language + " " + kind).isNotBlank();
            }
        }
        assertThat(words.taskName("en", "PayInvoiceTask", "DEPOSIT", "Pay the invoice")).isEqualTo("Pay the deposit");
        assertThat(words.taskName("ru", "PayInvoiceTask", "CHANGE_ORDER", "Pay the invoice")).isEqualTo("Оплатите дополнительные работы");
        assertThat(words.taskName("en", "PayInvoiceTask", null, "Pay the invoice")).isEqualTo("Pay the invoice");
    }

    /** Every label, description, text block and option label of every client's Camunda Form has a Russian entry. */
    @Test
    void everyTextOfAClientsFormHasARussianEntry() throws IOException {
        Map<String, String> catalogue = words.forms("ru").texts();
        Set<String> used = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        Set<String> forms = new LinkedHashSet<>(clientTasks().values());
        forms.remove(null);
        assertThat(forms).as("client tasks with a Camunda Form").contains("sign-protocol", "review-delivery",
                "respond-to-complaint-answer");
        for (String form : forms) {
            for (String text : texts(JSON.readTree(Path.of("forms", form + ".form").toFile()))) {
                used.add(text);
                if (!catalogue.containsKey(text)) {
                    missing.add(form + ": " + text);
                }
            }
        }
        assertThat(missing).as("texts without an entry in messages/forms.ru.json").isEmpty();
        // an entry whose English is no longer in any client's form is stale: its form changed, the translation did not
        assertThat(catalogue.keySet()).as("entries no client's form uses").isSubsetOf(used);
        assertThat(catalogue.values()).noneMatch(String::isBlank);
    }

    @Test
    void aFormIsTranslatedForRussianAndLeftEnglishOtherwise() throws IOException {
        JsonNode schema = JSON.readTree(Path.of("forms", "sign-protocol.form").toFile());
        JsonNode ru = words.translate(schema, "ru");
        assertThat(texts(ru)).contains("Ваше решение", "Подписываю: мы договорились именно об этом")
                .doesNotContain("Your decision", "I sign: this is what we agreed");
        assertThat(ru.toString()).contains("\"value\":\"SIGN\"", "\"key\":\"protocolDecision\"");
        assertThat(words.translate(schema, "en")).isEqualTo(schema);
        assertThat(texts(schema)).contains("Your decision"); // the shipped form stays English for staff
        assertThat(words.forms("ru").validation()).containsKey("Field is required.");
    }

    /** Client task id → its Camunda Form id (null for an embedded form, which the portal draws itself). */
    static Map<String, String> clientTasks() throws IOException {
        Map<String, String> tasks = new LinkedHashMap<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
                    if ("${clientUserId}".equals(task.getCamundaAssignee())) {
                        tasks.put(task.getId(), task.getCamundaFormRef());
                    }
                }
            }
        }
        assertThat(tasks).as("client tasks in processes/").hasSizeGreaterThanOrEqualTo(7);
        return tasks;
    }

    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isObject()) {
            for (String property : PortalWords.TEXT_PROPERTIES) {
                if (node.path(property).isTextual() && !node.path(property).asText().isBlank()) {
                    texts.add(node.path(property).asText());
                }
            }
            node.elements().forEachRemaining(child -> texts.addAll(texts(child)));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> texts.addAll(texts(child)));
        }
        return texts;
    }
}
