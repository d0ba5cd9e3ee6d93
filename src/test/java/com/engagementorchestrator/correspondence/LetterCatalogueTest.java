package com.engagementorchestrator.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.IntegrationTest;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every letter we write, rendered in Russian and in English with sample details: a Russian letter has no English in
 * it (Latin script only in proper names: numbers, the product's name, the portal address, file formats), an
 * English one no Russian, and no placeholder is left unfilled. Print them all with -Dletters.print=true to read them.
 * The decline letters are left to the screening feature.
 */
@IntegrationTest
class LetterCatalogueTest {

    static final Set<String> PROPER_NAMES = Set.of("ENG-2026-000123", "INV-2026-000045", "PRT-2026-000007", "Engagement",
            "Orchestrator", "http", "localhost", "portal", "open", "reset", "SHA-256", "PDF", "JPEG", "PNG");
    static final String[] OBLIGATIONS = {"AUTHORITY", "DEPOSIT", "MATERIALS", "PROTOCOL", "FINAL_PAYMENT", "CHANGE_ORDER_PAYMENT"};

    @Autowired Correspondent correspondent;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void everyLetterIsWrittenInTheClientsLanguageThroughout(String locale) throws Exception {
        boolean ru = "ru".equals(locale);
        Map<String, Object[]> letters = catalogue(locale);
        Set<String> covered = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        StringBuilder printed = new StringBuilder();
        for (var letter : letters.entrySet()) {
            String template = letter.getKey().replaceFirst("#.*", "");
            covered.add(template);
            Correspondence sent = correspondent.send(new Correspondent.Letter("catalogue/" + UUID.randomUUID(), null,
                    "catalogue@example.com", locale, template, letter.getValue()));
            String text = sent.getSubject() + "\n" + sent.getBody();
            printed.append("\n===== ").append(letter.getKey()).append(" (").append(locale).append(")\n").append(text).append('\n');
            if (Pattern.compile("\\{\\d").matcher(text).find()) {
                problems.add(letter.getKey() + ": an unfilled placeholder");
            }
            if (ru) {
                // a link is no word: it names the portal's route, e.g. #/task/{engagement}/PayInvoiceTask
                Set<String> latin = latinWords(text.replaceAll("SHA-256 [0-9a-f]+", "SHA-256").replaceAll("https?://\\S+", ""));
                latin.removeAll(PROPER_NAMES);
                if (!latin.isEmpty()) {
                    problems.add(letter.getKey() + ": Latin script in a Russian letter " + latin);
                }
            } else if (Pattern.compile("\\p{IsCyrillic}").matcher(text).find()) {
                problems.add(letter.getKey() + ": Cyrillic in an English letter");
            }
        }
        if (Boolean.getBoolean("letters.print")) {
            System.out.println(printed);
        }
        assertThat(problems).isEmpty();
        assertThat(covered).as("every template is in the catalogue").containsAll(templates());
    }

    /** Sample details for every template, as the features pass them, in the client's language. */
    private Map<String, Object[]> catalogue(String locale) {
        boolean ru = "ru".equals(locale);
        String name = ru ? "Ольга Смирнова" : "Olga Smirnova";
        String number = "ENG-2026-000123";
        String invoice = "INV-2026-000045";
        String url = "http://localhost/portal/#/task/" + number + "/PayInvoiceTask";
        String howToPay = f("payment.label.account", locale) + ": 40702810900000000001\n"
                + f("payment.label.reference", locale) + ": " + invoice + " / " + number + "\n";
        String date = "2026-12-09";
        Money amount = new Money(new BigDecimal("75000.00"), "RUB");
        Money paid = new Money(new BigDecimal("25000.00"), "RUB");
        Money rest = new Money(new BigDecimal("50000.00"), "RUB");
        String company = ru ? "ООО «Вектор»" : "Vector Solutions LLC";
        String checklist = String.join("\n",
                f("materials.item", locale, 1, ru ? "Кто ваши клиенты" : "Who are your customers", f("materials.kind.ANSWER", locale), date),
                f("materials.item.noted", locale, 2, ru ? "Логотип" : "Logo", f("materials.kind.FILE", locale), date,
                        ru ? "нужен векторный файл" : "a vector file is needed"));
        Map<String, Object[]> describe = new LinkedHashMap<>();
        describe.put("AUTHORITY", new Object[] {company});
        describe.put("DEPOSIT", new Object[] {amount, "RUB", invoice, paid});
        describe.put("MATERIALS", new Object[] {checklist});
        describe.put("PROTOCOL", new Object[] {"PRT-2026-000007", 2});
        describe.put("FINAL_PAYMENT", new Object[] {amount, "RUB", invoice, paid});
        describe.put("CHANGE_ORDER_PAYMENT", new Object[] {amount, "RUB", invoice, paid});

        Map<String, Object[]> letters = new LinkedHashMap<>();
        letters.put("registration.received", args(name, number, url));
        letters.put("authority.requested", args(name, number, company, date, url));
        letters.put("authority.rejected", args(name, number, ru ? "документ нечитаем" : "the document is unreadable", 2, url));
        letters.put("authority.accepted", args(name, number));
        letters.put("authority.refused", args(name, number));
        for (String obligation : OBLIGATIONS) {
            String what = f("obligation." + obligation, locale, describe.get(obligation));
            List<String> consequences = switch (obligation) {
                case "AUTHORITY", "DEPOSIT", "CHANGE_ORDER_PAYMENT" -> List.of("WORK_NOT_STARTED");
                case "MATERIALS" -> List.of("WORK_PAUSED");
                case "PROTOCOL" -> List.of("WORK_NOT_STARTED", "WORK_PAUSED");
                default -> List.of("RESULTS_WITHHELD");
            };
            for (String step : List.of("friendly", "concern", "warning")) {
                String generic = "reminder." + step;
                String template = correspondent.knows(generic + "." + obligation + ".body") ? generic + "." + obligation : generic;
                for (String consequence : consequences) {
                    String paragraph = correspondent.knows("consequence." + consequence + "." + obligation)
                            ? "consequence." + consequence + "." + obligation : "consequence." + consequence;
                    letters.put(template + "#" + obligation + "/" + consequence, args(name, number, what, date, url,
                            f("why." + obligation, locale), "2026-12-16", f("ask." + obligation, locale), f(paragraph, locale)));
                }
            }
            letters.put("block.notice#" + obligation, args(name, number, what, date, f("evidence." + obligation, locale)));
        }
        letters.put("deposit.invoice", args(name, number, invoice, amount, "RUB", date, url, howToPay));
        letters.put("deposit.order.rejected", args(name, number, invoice, ru ? "сумма не совпадает" : "the amount does not match", url));
        letters.put("deposit.order.partial", args(name, number, invoice, paid, "RUB", rest, url));
        letters.put("deposit.received", args(name, number, invoice, amount, "RUB"));
        letters.put("materials.brief", args(name, number, checklist, url));
        letters.put("materials.missing", args(name, number, checklist, url, 2));
        letters.put("materials.complete", args(name, number));
        letters.put("block.evidence", args(name, number, ru ? "Платёжное поручение, пожалуйста" : "The payment order, please"));
        letters.put("block.lifted", args(name, number, number));
        letters.put("engagement.terminated#prepaid", args(name, number, f("engagement.terminated.prepayment", locale, amount)));
        letters.put("engagement.terminated#none", args(name, number, f("engagement.terminated.noPrepayment", locale)));
        letters.put("final.invoice", args(name, number, invoice, amount, "RUB", date, url, howToPay));
        letters.put("engagement.completed", args(name, number, String.join("\n",
                f("summary.head", locale, number, "2026-09-01", date),
                f("summary.payments", locale),
                f("summary.payment.paid", locale, f("invoice.kind.DEPOSIT", locale), invoice, amount, amount, "2026-09-10"),
                f("summary.payment", locale, f("invoice.kind.FINAL", locale), "INV-2026-000045", paid, amount),
                f("summary.promises", locale, 5, 1, 2, 1),
                f("summary.protocols", locale, f("summary.protocol", locale, "PRT-2026-000007", 2, "3f2a9c1b0d4e"))) + "\n"));
        letters.put("complaint.received", args(name, number, 1234L, date));
        String fix = f("complaint.fix", locale, ru ? "две дополнительные правки" : "two extra revisions", date);
        letters.put("complaint.answer.OUR_FAULT#refund", args(name, number, 1234L, ru ? "Мы сорвали свой срок." : "We missed our own date.",
                fix, date, new Money(new BigDecimal("5000"), "RUB"), url));
        letters.put("complaint.answer.OUR_FAULT#none", args(name, number, 1234L, ru ? "Мы сорвали свой срок." : "We missed our own date.",
                fix, date, f("complaint.refund.none", locale), url));
        letters.put("complaint.answer.OUR_FAULT#nothingToFix", args(name, number, 1234L, ru ? "Мы сорвали свой срок." : "We missed our own date.",
                f("complaint.fix.none", locale), "", f("complaint.refund.none", locale), url));
        String facts = ru ? "Хостинг был недоступен два часа." : "The hosting was down for two hours.";
        letters.put("complaint.answer.OUTSIDE_OUR_CONTROL", args(name, number, 1234L, facts, "", "", "", url));
        letters.put("complaint.answer.UNFOUNDED", args(name, number, 1234L, facts, "", "", "", url));
        letters.put("complaint.delayed", args(name, number, 1234L));
        letters.put("complaint.escalation", args(name, number, 1234L, facts));
        String result = ru ? "Главная страница" : "Home page";
        letters.put("delivery.ready", args(name, number, result, date, url));
        letters.put("delivery.reminder", args(name, number, result, date));
        letters.put("delivery.accepted.silence", args(name, number, result));
        letters.put("delivery.changeorder", args(name, number, result, ru ? "Добавьте блог" : "Add a blog",
                ru ? "блога не было в протоколе" : "the protocol has no blog"));
        letters.put("progress.report", args(name, number, ru ? "Свёрстана главная страница" : "The home page is laid out",
                ru ? "Каталог товаров" : "The product catalogue", f("progress.report.nothing.needed", locale),
                f("progress.report.every.many", locale, 7), f("contact.channel.EMAIL", locale), date));
        letters.put("changeorder.invoice", args(name, number, invoice, amount, "RUB", date, ru ? "блог" : "a blog", howToPay, url));
        letters.put("portal.password.reset", args(name, "http://localhost/portal/#/reset/0123456789", 60));
        return letters;
    }

    private String f(String key, String locale, Object... arguments) {
        return correspondent.fragment(key, locale, arguments);
    }

    private static Object[] args(Object... arguments) {
        return arguments;
    }

    /** Every template of the Russian messages (a subject and a body), but the screening feature's decline. */
    private static Set<String> templates() throws Exception {
        Properties messages = new Properties();
        try (var in = LetterCatalogueTest.class.getResourceAsStream("/messages/correspondence_ru.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> templates = new TreeSet<>();
        messages.stringPropertyNames().stream().filter(k -> k.endsWith(".body") && !k.startsWith("decline"))
                .forEach(k -> templates.add(k.substring(0, k.length() - ".body".length())));
        return templates;
    }

    static Set<String> latinWords(String text) {
        Set<String> words = new TreeSet<>();
        Matcher m = Pattern.compile("[A-Za-z][A-Za-z0-9-]*").matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
