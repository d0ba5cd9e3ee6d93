package com.engagementorchestrator.browser;

import static com.engagementorchestrator.support.EngagementAssert.assertThatEngagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static com.engagementorchestrator.support.EngagementAssert.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.engagementorchestrator.delivery.DeliveryService;
import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.protocol.ProtocolAgreement;
import com.engagementorchestrator.protocol.ProtocolContent;
import com.engagementorchestrator.protocol.ProtocolWorkflow;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.engagementorchestrator.support.Mailbox;
import com.engagementorchestrator.support.RegistryStubs;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A client walks the portal at phone size, in English and in Russian: registers, signs in, uploads the authority
 * document, sees the payment instructions and pays, sends materials, signs a protocol, opens a preview, raises a
 * complaint and downloads the originals after paying. Our side's steps (moderator, freelancer, payment provider) are
 * played through the application's services.
 */
@IntegrationTest
class PortalBrowserTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired Engagements engagements;
    @Autowired DepositService deposits;
    @Autowired PaymentService payments;
    @Autowired DeliveryService deliveries;
    @Autowired ProtocolWorkflow protocols;
    @Autowired com.engagementorchestrator.materials.MaterialsService materials;

    WebDriver browser;
    WebDriverWait wait;
    Path files;

    @BeforeAll
    static void needsChromium() {
        boolean installed = Files.isExecutable(BrowserTest.CHROMIUM) && Files.isExecutable(BrowserTest.CHROMEDRIVER);
        // In CI a missing browser is a failure, never a silent skip.
        if (System.getenv("CI") != null) {
            org.junit.jupiter.api.Assertions.assertTrue(installed,
                    "Chromium not installed in CI: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium not installed: apt-get install chromium chromium-driver");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTest.CHROMIUM.toFile());
        // A phone-sized window: the portal is meant for phones.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=412,915",
                "--user-data-dir=" + Files.createTempDirectory("chromium-portal"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(BrowserTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(BrowserTest.SCREENSHOTS);
        files = Files.createTempDirectory("portal-files");
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            screenshot("portal-last-" + test.getDisplayName().replaceAll("\\W+", "-"));
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void aClientWalksThePortal(String lang) throws Exception {
        boolean ru = "ru".equals(lang);
        Journeys journey = new Journeys(context);
        String email = Intakes.uniqueEmail("portal-" + lang);

        // Registers on the public page.
        String number = register(email, lang);
        ProcessInstance instance = journey.instanceOf(number);
        Journeys.screenIntake(management, instance.getId());
        management.executeJob(com.engagementorchestrator.support.EngagementAssert.job(instance).getId());
        journey.acceptAfterIntroCall(instance);

        // Signs in at /portal; the page speaks the client's language.
        browser.get(url("/portal"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signInEmail")));
        browser.findElement(By.id("lang-" + lang)).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), ru ? "Войти" : "Sign in"));
        browser.findElement(By.id("signInEmail")).sendKeys(email);
        browser.findElement(By.id("signInPassword")).sendKeys(PASSWORD);
        browser.findElement(By.id("signInButton")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#engagements .engagement")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(ru ? "Ваши задачи" : "Your tasks");
        // A task is named in the client's language, without Tasklist's " · ENG-… · Company"; its engagement apart.
        WebElement authorityTask = browser.findElement(By.cssSelector("#tasks a.task[data-key='ProveSigningAuthorityTask']"));
        assertThat(authorityTask.findElement(By.tagName("strong")).getText())
                .isEqualTo(ru ? "Подтвердите право подписи" : "Prove you may sign for your company");
        assertThat(authorityTask.findElement(By.cssSelector(".meta")).getText()).startsWith(number);
        assertThat(authorityTask.getText()).containsOnlyOnce(number).doesNotContain(ru ? "Вектор" : "Vector LLC");
        assertInWords(ru, number);
        screenshot("portal-" + lang + "-1-home");

        // Uploads the authority document.
        openTask(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY);
        browser.findElement(By.id("authorityDocument")).sendKeys(file("authority.pdf", Journeys.PDF));
        screenshot("portal-" + lang + "-2-authority");
        browser.findElement(By.id("submitTask")).click();
        awaitMessage(ru ? "Отправлено" : "Sent");
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY);
        complete(task(EngagementProcess.Elements.VERIFY_SIGNING_AUTHORITY, instance), withVariables("authorityDecision", "ACCEPTED"));

        // The deposit letter links to that very task: the portal opens it.
        var invoice = deposits.depositInvoice(journey.engagement(instance).getId());
        String depositLetter = Mailbox.text(email, ru ? "Заявка " + number + ": счёт " + invoice.getNumber() + " на предоплату"
                : "Request " + number + ": invoice " + invoice.getNumber() + " for the deposit");
        openLetterLink(depositLetter, number, EngagementProcess.Elements.PAY_DEPOSIT, task(EngagementProcess.Elements.PAY_DEPOSIT, instance).getId(),
                ru ? "Оплатите предоплату" : "Pay the deposit");
        screenshot("portal-" + lang + "-3a-letter-link");

        // Sees the payment instructions and pays by bank transfer: uploads the payment order.
        reload();
        WebElement instructions = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#engagements .payment[data-invoice='" + invoice.getNumber() + "']")));
        assertThat(instructions.getText()).contains(ru ? "Как оплатить" : "How to pay", "40702810900000000001",
                invoice.getNumber() + " / " + number);
        assertThat(instructions.findElement(By.cssSelector("a.payLink")).getAttribute("href"))
                .startsWith("https://pay.example.test/checkout?invoice=" + invoice.getNumber());
        openTask(EngagementProcess.Elements.PAY_DEPOSIT);
        assertThat(browser.findElement(By.cssSelector(".payment")).getText()).contains("40702810900000000001");
        assertInWords(ru, number, invoice.getNumber());
        screenshot("portal-" + lang + "-3-pay");
        browser.findElement(By.id("paymentOrder")).sendKeys(file("payment-order.pdf", Journeys.PDF));
        browser.findElement(By.id("paidAmount")).clear();
        browser.findElement(By.id("paidAmount")).sendKeys(invoice.getAmount().toPlainString());
        browser.findElement(By.id("submitTask")).click();
        awaitMessage(ru ? "Отправлено" : "Sent");
        complete(task(EngagementProcess.Elements.REVIEW_PAYMENT_ORDER, instance), withVariables("paymentOrderDecision", "CONFIRMED"));

        // Sends the materials the brief asks for.
        complete(task(EngagementProcess.Elements.PREPARE_BRIEF, instance), withVariables("briefItems",
                "ANSWER | " + (ru ? "Кто ваши клиенты" : "Who are your customers") + " | " + LocalDate.now().plusDays(5)));
        long itemId = materials.items(journey.engagement(instance).getId()).get(0).getId();
        reload();
        openTask(EngagementProcess.Elements.PROVIDE_MATERIALS);
        browser.findElement(By.id("answer_" + itemId)).sendKeys(ru ? "Небольшие магазины" : "Small shops");
        assertInWords(ru, number);
        screenshot("portal-" + lang + "-4-materials");
        browser.findElement(By.id("submitTask")).click();
        awaitMessage(ru ? "Отправлено" : "Sent");
        complete(task(EngagementProcess.Elements.REVIEW_MATERIALS, instance), withVariables("missingItems", ""));
        assertThatEngagement(instance).isWaitingAt(EngagementProcess.Elements.WORK_DELIVERED);

        // Signs a protocol: a Camunda Form rendered by form-js.
        long engagementId = journey.engagement(instance).getId();
        String agreed = ru ? "Каталог с поиском" : "A catalogue with search";
        String design = ru ? "Сдать дизайн каталога" : "Deliver the catalogue design";
        var protocol = protocols.open(engagementId, new ProtocolContent(LocalDate.now(),
                ru ? List.of("Ольга", "Мария") : List.of("Olga", "Maria"),
                List.of(agreed), List.of(new ProtocolContent.Agreement(ProtocolAgreement.Party.FREELANCER,
                design, LocalDate.now().plusDays(10))), List.of()), "moderator");
        reload();
        openTask("SignAsClientTask");
        // The same .form as Tasklist's, its texts in the client's language; form-js's own messages too.
        WebElement sign = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//div[@id='form']//label[normalize-space()='"
                + (ru ? "Подписываю: мы договорились именно об этом" : "I sign: this is what we agreed") + "']")));
        assertThat(browser.findElement(By.id("form")).getText()).contains(ru ? "Ваше решение" : "Your decision");
        // the protocol's text too is in the client's words: no party code, no English headings for a Russian client
        assertThat(browser.findElement(By.cssSelector("#form textarea")).getDomProperty("value")).contains(agreed)
                .contains(ru ? "Исполнитель — срок" : "The freelancer owes by").doesNotContain("FREELANCER")
                .doesNotContain(ru ? "Participants" : "Участники");
        WebElement submit = browser.findElement(By.id("submitTask"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#form .fjs-form-field-error"),
                ru ? "Заполните это поле." : "Field is required."));
        assertInWords(ru, number, protocol.getNumber(), "Vector LLC"); // the company, as the client named it
        screenshot("portal-" + lang + "-5a-protocol-required");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", sign);
        sign.click();
        screenshot("portal-" + lang + "-5-protocol");
        browser.findElement(By.id("submitTask")).click();
        awaitMessage(ru ? "Отправлено" : "Sent");
        var protocolService = context.getBean(com.engagementorchestrator.protocol.ProtocolService.class);
        assertThat(protocolService.signaturesOf(protocol.getId())).singleElement().satisfies(signature -> {
            assertThat(signature.getUserId()).isEqualTo(email);
            assertThat(signature.getRole().name()).isEqualTo("CLIENT");
            // Recorded from the portal's request: the browser's loopback address and its own user agent.
            assertThat(signature.getIpAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(signature.getUserAgent()).contains("Chrome");
            assertThat(signature.getContentSha256()).isEqualTo(protocol.getContentSha256());
        });
        assertThat(protocolService.verify(protocol.getId()).intact()).isTrue();
        String signing = runtime.createProcessInstanceQuery().processInstanceBusinessKey(protocol.getNumber()).singleResult().getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(signing).taskDefinitionKey("SignAsFreelancerTask").singleResult()
                .getId(), java.util.Map.of("protocolDecision", "SIGN"));
        reload();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#engagements .engagement"))).getText())
                .contains(design);

        // The freelancer delivers a result; the client opens its preview and accepts it.
        var result = deliveries.upload(engagementId, ru ? "Главная страница" : "Home page", "home.png", png(), "freelancer", null);
        browser.get(url("/portal/#/engagement/" + number));
        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#results li[data-result='" + result.getId() + "'] a.preview")));
        assertThat(browser.findElement(By.cssSelector("#results li[data-result='" + result.getId() + "']")).getText())
                .contains(ru ? "будет доступна после оплаты" : "released once the final invoice is paid")
                .contains(ru ? "ждёт вашей проверки" : "awaiting your review");
        assertThat(browser.findElement(By.id("invoices")).getText()).contains(ru ? "счёт на предоплату" : "deposit invoice")
                .contains(ru ? "оплачен" : "paid").doesNotContain("DEPOSIT", "PAID");
        assertInWords(ru, number, invoice.getNumber());
        screenshot("portal-" + lang + "-6-engagement");
        assertThat(fetchStatus(preview.getAttribute("href"))).isEqualTo("200 image/png");
        // The watermarked preview shows in the page (800 px wide at most), loaded with the portal's session.
        WebElement image = browser.findElement(By.cssSelector("#results li[data-result='" + result.getId() + "'] img.preview"));
        wait.until(driver -> ((Number) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).intValue() == 800);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", image);
        screenshot("portal-" + lang + "-7-preview");
        browser.get(url("/portal/#/"));
        openTask("ReviewDeliveryTask");
        WebElement accept = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[@id='form']//label[normalize-space()='" + (ru ? "Принимаю" : "I accept it") + "']")));
        assertInWords(ru, number, result.getTitle());
        screenshot("portal-" + lang + "-7a-review");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", accept);
        accept.click();
        browser.findElement(By.id("submitTask")).click();
        awaitMessage(ru ? "Отправлено" : "Sent");

        // Raises a complaint and follows it.
        browser.get(url("/portal/#/engagement/" + number));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaintText")))
                .sendKeys(ru ? "Сроки макета сдвинулись без предупреждения" : "The design was late without a word");
        browser.findElement(By.id("complaintButton")).click();
        WebElement complaint = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#complaints .complaint")));
        assertThat(complaint.getText()).contains(ru ? "Сроки макета" : "The design was late")
                .contains(ru ? "ждёт нашего ответа" : "awaiting our answer").doesNotContain("OPEN");
        assertInWords(ru, number, invoice.getNumber());
        screenshot("portal-" + lang + "-8-complaint");

        // The final invoice: its letter opens its own task, headed as the final invoice (not the deposit).
        deliveries.declareDelivered(engagementId);
        var finalInvoice = deposits.finalInvoice(engagementId).orElseThrow();
        String finalLetter = Mailbox.text(email, ru ? "Заявка " + number + ": итоговый счёт " + finalInvoice.getNumber()
                : "Request " + number + ": final invoice " + finalInvoice.getNumber());
        openLetterLink(finalLetter, number, EngagementProcess.Elements.PAY_FINAL_INVOICE,
                task(EngagementProcess.Elements.PAY_FINAL_INVOICE, instance).getId(), ru ? "Оплатите итоговый счёт" : "Pay the final invoice");
        assertThat(browser.findElement(By.cssSelector(".payment")).getText()).contains(finalInvoice.getNumber());
        assertThat(browser.findElement(By.id("view")).getText()).doesNotContain("Pay the deposit", "Оплатите предоплату");
        assertInWords(ru, number, finalInvoice.getNumber());
        screenshot("portal-" + lang + "-8a-final-invoice");

        // After the final invoice is paid the originals are the client's.
        payments.record(new PaymentService.ProviderPayment("pay-" + UUID.randomUUID(), finalInvoice.getNumber(),
                finalInvoice.getAmount(), finalInvoice.getCurrency(), null), "{}");
        browser.get(url("/portal/#/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks")));
        browser.get(url("/portal/#/engagement/" + number));
        WebElement original = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#results li[data-result='" + result.getId() + "'] a.original")));
        assertThat(fetchStatus(original.getAttribute("href"))).isEqualTo("200 image/png");
        assertThat(fetchStatus(browser.findElement(By.id("evidenceLink")).getAttribute("href"))).isEqualTo("200 application/zip");
        screenshot("portal-" + lang + "-9-originals");
    }

    /**
     * Opens the one portal link of a letter as the client would (signed in already) and checks that it lands on that
     * very task: the letter names it by engagement and element id, the portal shows the task with this id.
     */
    private void openLetterLink(String letter, String number, String taskElementId, String taskId, String taskName) {
        Matcher link = Pattern.compile("https?://\\S+/portal/#/task/\\S+").matcher(letter);
        assertThat(link.find()).as("a portal link in\n" + letter).isTrue();
        String href = link.group();
        assertThat(href).endsWith("/portal/#/task/" + number + "/" + taskElementId);
        browser.get(url("/portal/?letter=" + UUID.randomUUID() + href.substring(href.indexOf("#"))));
        wait.until(ExpectedConditions.textToBe(By.id("taskName"), taskName));
        assertThat(((JavascriptExecutor) browser).executeScript("return location.hash")).isEqualTo("#/task/" + taskId);
    }

    /**
     * In Russian the page shows no English word and no code: every Latin word left is data the test typed or a number
     * (engagement, invoice, protocol), an e-mail address, a file name, or the bpmn.io mark of the form viewer.
     */
    private void assertInWords(boolean ru, String... data) {
        String text = browser.findElement(By.id("view")).getText() + "\n" + browser.findElement(By.tagName("header")).getText();
        // what a Camunda Form shows in its read-only fields is on the page too (a path to a preview is no word)
        for (WebElement shown : browser.findElements(By.cssSelector("#form input[readonly], #form textarea[readonly]"))) {
            text += "\n" + String.valueOf(shown.getDomProperty("value")).replaceAll("/api/\\S+", " ");
        }
        for (String datum : data) {
            text = text.replace(datum, " ");
        }
        // the configured bank details (recipient, bank) are data too, whatever language they are written in
        for (WebElement configured : browser.findElements(By.cssSelector(".payment dd"))) {
            if (!configured.getText().isBlank()) {
                text = text.replace(configured.getText(), " ");
            }
        }
        text = text.replaceAll("\\b[0-9a-f]{64}\\b", " ").replaceAll("\\S+@\\S+", " ").replaceAll("[\\w.-]+\\.(pdf|png)", " ").replaceAll("ENG-\\d{4}-\\d+", " ");
        Set<String> codes = new TreeSet<>();
        Matcher code = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)*\\b").matcher(text);
        while (code.find()) {
            codes.add(code.group());
        }
        codes.removeAll(Set.of("EN", "RU", "ZIP", "PDF", "JPEG", "PNG", "MB", "INN", "BIC", "RUB", "SHA"));
        assertThat(codes).as("codes on the page").isEmpty();
        if (ru) {
            Set<String> latin = new TreeSet<>();
            Matcher word = Pattern.compile("[A-Za-z][A-Za-z-]*").matcher(text);
            while (word.find()) {
                latin.add(word.group());
            }
            latin.removeAll(Set.of("EN", "RU", "E-mail", "e-mail", "ZIP", "PDF", "JPEG", "PNG", "MB", "SHA", "SHA-", "v"));
            assertThat(latin).as("English on a Russian page:\n" + text).isEmpty();
        }
    }

    private String register(String email, String lang) {
        String inn = Intakes.randomInn();
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        browser.get(url("/register"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#industry option"), 5));
        type("fullName", "ru".equals(lang) ? "Ольга Смирнова" : "Olga Smirnova");
        type("email", email);
        type("password", PASSWORD);
        new Select(browser.findElement(By.id("locale"))).selectByValue(lang);
        type("companyName", "ru".equals(lang) ? "ООО «Вектор»" : "Vector LLC");
        type("registrationNumber", inn);
        new Select(browser.findElement(By.id("industry"))).selectByValue("IT");
        new Select(browser.findElement(By.id("firstContactChannel"))).selectByValue("EMAIL");
        type("projectDescription", "ru".equals(lang) ? "Корпоративный сайт с каталогом товаров" : "A corporate website with a product catalogue");
        type("budgetAmount", "250000");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('desiredDeadline').value = arguments[0]",
                LocalDate.now().plusMonths(3).toString());
        browser.findElement(By.id("submit")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("engagementNumber"))).getText();
    }

    private void openTask(String key) {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tasks a.task[data-key='" + key + "']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
        link.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submitTask")));
    }

    private void reload() {
        browser.get(url("/portal/#/?" + UUID.randomUUID()));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks")));
    }

    private void awaitMessage(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), text));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks")));
    }

    /** Fetches a link with the page's session, as the browser would download it: status and content type. */
    private String fetchStatus(String href) {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + (r.headers.get('Content-Type') || '')))"
                        + ".catch(e => done('failed ' + e));", href);
        return String.valueOf(answer);
    }

    private String file(String name, byte[] content) throws IOException {
        Path path = files.resolve(name);
        Files.write(path, content);
        return path.toAbsolutePath().toString();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 1200, 800);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void type(String id, String value) {
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private void screenshot(String name) {
        try {
            Files.write(BrowserTest.SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
