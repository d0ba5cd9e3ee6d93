package com.engagementorchestrator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.registration.RegistrationRequest;
import com.engagementorchestrator.registration.RegistrationService;
import com.engagementorchestrator.screening.ScreeningService;
import com.engagementorchestrator.support.Intakes;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.RegistryStubs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real browser (Debian's headless Chromium) on the registration page and in Camunda Tasklist and Cockpit, where our
 * staff work; the key journey also runs in Firefox ({@link FirefoxBrowserTest}). Clients work in the portal
 * ({@link PortalBrowserTest}): Tasklist turns them away; their steps between the moderator's go through the portal's API.
 */
@IntegrationTest
class BrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired RegistrationService registrations;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ScreeningService screening;
    @Autowired Engagements engagements;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired com.engagementorchestrator.deposit.DepositService deposits;
    @Autowired com.engagementorchestrator.deposit.PaymentService payments;
    @Autowired com.engagementorchestrator.materials.MaterialsService materials;
    @Autowired com.engagementorchestrator.protocol.ProtocolWorkflow protocolWorkflow;
    @Autowired com.engagementorchestrator.protocol.ProtocolService protocolService;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void needsChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        // In CI a missing browser is a failure, never a silent skip; on a developer's machine it is a skip that says why.
        if (System.getenv("CI") != null) {
            org.junit.jupiter.api.Assertions.assertTrue(installed,
                    "Chromium not installed in CI: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium not installed: apt-get install chromium chromium-driver");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            screenshot("last-" + test.getTestMethod().orElseThrow().getName());
            browser.quit();
        }
    }

    @Test
    void aNewClientRegistersOnThePublicPageWithoutLogin() throws Exception {
        String email = Intakes.uniqueEmail("browser");
        browser.get(url("/register"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#industry option"), 5));

        type("fullName", "Olga Smirnova");
        type("email", email);
        type("password", "short");
        type("companyName", "Vector LLC");
        type("registrationNumber", Intakes.randomInn());
        new Select(browser.findElement(By.id("industry"))).selectByValue("IT");
        new Select(browser.findElement(By.id("firstContactChannel"))).selectByValue("EMAIL");
        type("projectDescription", "A corporate website with a product catalogue");
        type("budgetAmount", "250000");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('desiredDeadline').value = arguments[0]",
                LocalDate.now().plusMonths(3).toString());
        long clientsBefore = count("client");
        browser.findElement(By.id("submit")).click();

        WebElement passwordError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".error[data-field='password']")));
        assertThat(passwordError.getText()).contains("between 10 and 128");
        screenshot("register-invalid");
        assertThat(count("client")).isEqualTo(clientsBefore);

        browser.findElement(By.id("password")).clear();
        type("password", PASSWORD);
        browser.findElement(By.id("submit")).click();

        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("engagementNumber")));
        screenshot("register-done");
        assertThat(number.getText()).matches("ENG-\\d{4}-\\d{6}");
        assertThat(engagements.findByNumber(number.getText())).isPresent();
        // The new client is sent to the portal, not to Tasklist.
        assertThat(browser.findElement(By.xpath("//a[contains(., 'client portal')]")).getDomAttribute("href"))
                .isEqualTo("/portal");
    }

    @Test
    void theModeratorHoldsTheIntroCallInTasklist() {
        String number = registered(body -> body.put("industry", "SEAFOOD"));
        String instanceId = instanceOf(number);
        // the base name from the BPMN, then the engagement and the company: a shared queue tells its tasks apart
        assertThat(tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.runningInstanceIds(instanceId).toArray(String[]::new)).singleResult().getName())
                .startsWith("Hold the intro call · " + number + " · ");

        logIntoTasklist("moderator", "moderator");
        openFilter("Moderation queue");
        openTask("Hold the intro call", instanceId);
        claim();

        WebElement partners = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(., 'Partners or spouses')]")));
        screenshot("review-form");
        clickCheckboxOf(partners);
        clickCentered(browser.findElement(By.xpath("//label[contains(., 'Accept the client')]")));
        fieldAfterLabel("Notes from the intro call").sendKeys("Founder is the old partner; new owner signs.");
        fieldAfterLabel("Reason for overriding the rules").sendKeys("Known to us for years; the new owner signs.");
        screenshot("review-filled");
        clickCentered(browser.findElement(By.xpath("//button[normalize-space()='Complete']")));

        wait.until(driver -> tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.runningInstanceIds(instanceId).toArray(String[]::new))
                .taskDefinitionKey(EngagementProcess.Elements.PROVE_SIGNING_AUTHORITY).count() == 1);
        screenshot("review-completed");
        var s = screening.find(engagements.findByNumber(number).orElseThrow().getId()).orElseThrow();
        assertThat(s.getVerdict().name()).isEqualTo("ACCEPT");
        assertThat(s.getReviewedBy()).isEqualTo("moderator");
        assertThat(s.getMarkers()).extracting("id").contains("M4", "M8");
    }

    @Test
    void aClientTypingTheirLoginIntoTasklistIsSentToThePortal() {
        String email = Intakes.uniqueEmail("own");
        String own = registered(body -> body.put("email", email));
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(own)
                .taskDefinitionKey(EngagementProcess.Elements.REVIEW_SCREENING).singleResult().getId(),
                Map.of("reviewDecision", "ACCEPT"));

        typeLogin("tasklist", email, PASSWORD);

        // Tasklist shows our answer on its login page, and the login form stays: no session, no task list.
        WebElement message = wait.until(driver -> driver.findElements(By.xpath("//*[contains(text(), 'client portal at /portal')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        screenshot("client-refused-in-tasklist");
        assertThat(message.getText()).contains("/portal");
        assertThat(browser.findElement(By.cssSelector("form[name='signinForm']")).isDisplayed()).isTrue();
        Object session = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})"
                        + ".then(r => done(r.status), e => done(String(e)));");
        assertThat(session).as("Tasklist knows no signed-in user").isEqualTo(404L);
        assertThat(browser.getPageSource()).doesNotContain("Prove signing authority");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(own).singleResult().getAssignee()).isEqualTo(email);

        // Staff sign in as before, in the same browser.
        logIntoTasklist("moderator", "moderator");
    }

    @Test
    void theBriefIsPreparedInTasklistAnsweredInThePortalAndReviewedInTasklist() throws Exception {
        var journeys = new com.engagementorchestrator.support.Journeys(context);
        var instance = journeys.awaitingDeposit(body -> body.put("kindOfWork", "DESIGN"));
        long engagementId = journeys.engagement(instance).getId();
        var invoice = deposits.depositInvoice(engagementId);
        payments.record(new com.engagementorchestrator.deposit.PaymentService.ProviderPayment("pay-browser-" + engagementId,
                invoice.getNumber(), invoice.getAmount(), invoice.getCurrency(), null), "{}");

        // The moderator gets the default brief for design work, keeps two items and sends it.
        logIntoTasklist("moderator", "moderator");
        openFilter("Moderation queue");
        openTask("Prepare the brief", instance.getId());
        claim();
        WebElement brief = wait.until(driver -> driver.findElements(By.xpath("//label[contains(., 'Checklist')]/following::textarea[1]"))
                .stream().filter(t -> t.getAttribute("value").contains("Logo and brand book")).findFirst().orElse(null));
        screenshot("brief-draft");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", brief);
        brief.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        brief.sendKeys("ANSWER | Where the design will be used | " + LocalDate.now().plusDays(3)
                + "\nFILE | Logo and brand book | " + LocalDate.now().plusDays(5));
        clickCentered(browser.findElement(By.xpath("//button[normalize-space()='Complete']")));
        wait.until(driver -> tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.PROVIDE_MATERIALS).count() == 1);

        // The client answers and uploads the file in the portal (PortalBrowserTest walks its pages).
        var briefItems = materials.items(engagementId);
        long answerItem = briefItems.stream().filter(i -> i.getTitle().contains("Where the design")).findFirst()
                .orElseThrow().getId();
        long fileItem = briefItems.stream().filter(i -> i.getTitle().contains("Logo")).findFirst().orElseThrow().getId();
        String provide = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.PROVIDE_MATERIALS).singleResult().getId();
        var submitted = portal(journeys.email).upload(provide, Map.of("answer_" + answerItem, "Packaging and the online shop",
                "file_" + fileItem, com.engagementorchestrator.support.Journeys.PDF));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        wait.until(driver -> tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.REVIEW_MATERIALS).count() == 1);
        var items = materials.items(engagementId);
        var sent = materials.submissionsOf(items.stream().map(i -> i.getId()).toList());
        assertThat(sent).extracting("answer").contains("Packaging and the online shop");
        assertThat(sent).filteredOn(x -> x.getFile() != null).singleElement().satisfies(x -> {
            assertThat(x.getFile().getContentType()).isEqualTo("application/pdf");
            assertThat(x.getFile().getContent()).isEqualTo(com.engagementorchestrator.support.Journeys.PDF);
        });
        assertThat(runtime.getVariables(instance.getId()).keySet()).noneMatch(name -> name.startsWith("file_"));

        // The moderator marks the file unusable on the checklist: it goes back to the client.
        browser.manage().deleteAllCookies();
        logIntoTasklist("moderator", "moderator");
        openFilter("Moderation queue");
        openTask("Review the materials", instance.getId());
        claim();
        WebElement unusable = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(., '2. Logo and brand book')]")));
        clickCheckboxOf(unusable);
        fieldAfterLabel("What is missing or wrong").sendKeys("The PDF is empty; please send the vector logo");
        screenshot("materials-review");
        clickCentered(browser.findElement(By.xpath("//button[normalize-space()='Complete']")));
        wait.until(driver -> tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.PROVIDE_MATERIALS).count() == 1);
        assertThat(materials.items(engagementId)).hasSize(2);
        assertThat(materials.awaited(engagementId)).singleElement()
                .satisfies(item -> assertThat(item.getReviewNote()).contains("vector logo"));
    }

    @Test
    void theModeratorConfirmsThePaymentOrderInTasklist() throws Exception {
        var journeys = new com.engagementorchestrator.support.Journeys(context);
        var instance = journeys.awaitingDeposit(body -> { });
        // The client uploads the payment order in the portal (PortalBrowserTest walks its pages).
        String pay = tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.PAY_DEPOSIT).singleResult().getId();
        var uploaded = portal(journeys.email).upload(pay, Map.of("paymentOrder", com.engagementorchestrator.support.Journeys.PDF,
                "paidAmount", "75000"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(204);
        wait.until(driver -> tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.REVIEW_PAYMENT_ORDER).count() == 1);

        browser.manage().deleteAllCookies();
        logIntoTasklist("moderator", "moderator");
        openFilter("Moderation queue");
        openTask("Confirm the payment order", instance.getId());
        claim();
        // The payment order opens with the Tasklist sign-in: no second password for /api.
        WebElement orderLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Open the payment order")));
        assertThat(orderLink.getAttribute("href")).contains("/api/engagements/" + instance.getBusinessKey() + "/payment-orders/");
        Object orderStatus = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));",
                orderLink.getAttribute("href"));
        assertThat(orderStatus).as("the payment order over the Tasklist session").isEqualTo(200L);
        clickCentered(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(., 'Confirm: the money arrived')]"))));
        screenshot("deposit-review");
        clickCentered(browser.findElement(By.xpath("//button[normalize-space()='Complete']")));
        wait.until(driver -> tasks.createTaskQuery().processInstanceIdIn(com.engagementorchestrator.support.EngagementAssert.instanceIds(instance))
                .taskDefinitionKey(EngagementProcess.Elements.PREPARE_BRIEF).count() == 1);

        var invoice = deposits.depositInvoice(journeys.engagement(instance).getId());
        assertThat(invoice.isPaid()).isTrue();
        assertThat(deposits.paymentOrders(invoice)).singleElement().satisfies(o -> {
            assertThat(o.getFile().getFileName()).startsWith("paymentOrder");
            assertThat(o.getDeclaredAmount()).isEqualByComparingTo("75000");
            assertThat(o.getDecidedBy()).isEqualTo("moderator");
        });
    }

    @Test
    void theModeratorSearchesTheProcessesInCockpit() {
        logIn("cockpit", "moderator", "moderator");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Processes']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[normalize-space()='Meeting protocol']")));
        assertThat(browser.findElements(By.xpath("//a[normalize-space()='Engagement']"))).isNotEmpty();

        // Cockpit's search box: a criterion (Name), then its value, each confirmed with Enter.
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input.main-field")));
        search.click();
        search.sendKeys("Name");
        wait.until(driver -> driver.findElements(By.xpath("//ul[contains(@class, 'dropdown-menu')]/li[normalize-space()='Name']"))
                .stream().anyMatch(WebElement::isDisplayed));
        search.sendKeys(Keys.ENTER);
        wait.until(driver -> driver.switchTo().activeElement().getTagName().equals("input")
                && !driver.switchTo().activeElement().equals(search));
        browser.switchTo().activeElement().sendKeys("Meeting", Keys.ENTER);

        // Cockpit redraws the table more than once while the search applies: wait for the filtered list itself.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("table tbody tr"));
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.getText().contains("Meeting"));
        });
        screenshot("cockpit-search");
        assertThat(browser.findElements(By.xpath("//a[normalize-space()='Engagement']"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//a[normalize-space()='Meeting protocol']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[cam-widget-search]")).getText()).contains("Name", "like", "Meeting");
    }

    /** Registers through the service and runs the registry job: clean intakes wait for the client's upload. */
    private String registered(Consumer<Map<String, Object>> change) {
        String inn = Intakes.randomInn();
        RegistryStubs.company(inn, "ACTIVE", 0, 0);
        Map<String, Object> body = Intakes.clean(Intakes.uniqueEmail("browser"));
        body.put("registrationNumber", inn);
        body.put("password", PASSWORD);
        change.accept(body);
        String number = registrations.register(json.convertValue(body, RegistrationRequest.class)).getNumber();
        String instanceId = instanceOf(number);
        com.engagementorchestrator.support.Journeys.screenIntake(management, instanceId);
        management.executeJob(management.createJobQuery().rootProcessInstanceId(instanceId).singleResult().getId());
        return number;
    }

    private String instanceOf(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(com.engagementorchestrator.engagement.EngagementProcess.KEY).singleResult().getId();
    }

    /**
     * Logs into Tasklist as a person does: types the name and password into its login form and clicks its button.
     * Whoever used this browser before is gone (their cookies deleted), as on a shared computer after signing out.
     */
    private void logIntoTasklist(String user, String password) {
        logIn("tasklist", user, password);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(text(), 'My tasks')]")));
        // Camunda's end-of-life banner is in the page but never shown to our users (user-styles.css).
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).as("the banner element").isNotEmpty()
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).as("the banner shown").isFalse());
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("migrate to Camunda 8");
        screenshot("logged-in-" + user.replaceAll("[^a-z]", ""));
    }

    /** The login form of Tasklist, Cockpit and Admin (Camunda's shared one). */
    private void logIn(String app, String user, String password) {
        typeLogin(app, user, password);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    }

    /** Types the name and password into the login form and clicks its button, as a person does. */
    private void typeLogin(String app, String user, String password) {
        // Cookies are deleted on a page of ours that runs no script: a webapp page would still have requests on their
        // way whose answers set the old session's cookies again (then the XSRF token no longer fits the session).
        browser.get(url("/assets/style.css"));
        browser.manage().deleteAllCookies();
        browser.get(url("/camunda/app/" + app + "/default/#/login"));
        // The webapp's CSRF token arrives with its first API answer; a person is never faster than that.
        wait.until(driver -> ((JavascriptExecutor) driver).executeScript("return document.cookie.indexOf('XSRF-TOKEN=') >= 0"));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
        name.click();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
        secret.click();
        secret.sendKeys(password);
        // What was typed arrived in the page (the browser's own prompt, for one, once swallowed every key stroke).
        assertThat(name.getDomProperty("value")).as("typed user name").isEqualTo(user);
        assertThat(secret.getDomProperty("value")).as("typed password").isEqualTo(password);
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    private com.engagementorchestrator.support.PortalClient portal(String email) {
        return new com.engagementorchestrator.support.PortalClient(java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build(), json, port, email, PASSWORD);
    }

    private void openFilter(String name) {
        WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[normalize-space(text())='" + name + "']")));
        filter.click();
    }

    private void openTask(String name) {
        WebElement task = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[starts-with(normalize-space(text()), '" + name + " · ')]")));
        clickCentered(task);
    }

    /** A queue holds the same task of many engagements: the moderator picks this engagement's one. */
    private void openTask(String name, String processInstanceId) {
        List<String> instances = new java.util.ArrayList<>(List.of(processInstanceId));
        for (int i = 0; i < instances.size(); i++) { // the engagement and the processes it called
            runtime.createProcessInstanceQuery().superProcessInstanceId(instances.get(i)).list()
                    .forEach(called -> instances.add(called.getId()));
        }
        // the base name from the BPMN; the engagement and the company follow it
        String taskId = tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .taskNameLike(name + " · %").singleResult().getId();
        By link = By.xpath("//a[contains(@href, 'task=" + taskId + "')]");
        // The queue is shared and shows a page at a time (newest first, and other tests leave tasks dated in the
        // future): turn its pages, as a moderator would, until the task shows.
        By firstOnPage = By.cssSelector("a[href*='task=']");
        WebElement task = new WebDriverWait(browser, Duration.ofSeconds(90))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            List<WebElement> found = driver.findElements(link);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            List<WebElement> next = driver.findElements(By.cssSelector(".pagination li.pagination-next:not(.disabled) a"));
            List<WebElement> shown = driver.findElements(firstOnPage);
            if (!next.isEmpty() && next.get(0).isDisplayed() && !shown.isEmpty()) {
                String first = shown.get(0).getAttribute("href");
                clickCentered(next.get(0));
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(firstOnPage).stream()
                        .findFirst().map(a -> !first.equals(a.getAttribute("href"))).orElse(false));
            }
            return null;
        });
        assertThat(task.getText()).startsWith(name + " · ");
        clickCentered(task);
    }

    /** A candidate-group task must be claimed before its form can be worked on. */
    private void claim() {
        WebElement claim = wait.until(driver -> driver.findElements(By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        claim.click();
        wait.until(driver -> driver.findElements(By.cssSelector(".disabled-form")).isEmpty());
    }

    private void clickCheckboxOf(WebElement label) {
        String id = label.getAttribute("for");
        WebElement box = id != null && !id.isBlank() ? browser.findElement(By.id(id))
                : label.findElement(By.xpath(".//input[@type='checkbox'] | ./preceding::input[@type='checkbox'][1]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.click();
        assertThat(box.isSelected()).isTrue();
    }

    /** Tasklist's fixed footer covers the bottom of the form; scroll an element to the middle first. */
    private void clickCentered(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebElement fieldAfterLabel(String label) {
        WebElement field = browser.findElement(By.xpath("//label[contains(., '" + label + "')]/following::textarea[1]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        return field;
    }

    /** Sets an AngularJS-bound input the way a user's typing would: value, then the input event. */
    private void fill(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    private void type(String id, String value) {
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private long count(String table) {
        Long value = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return value == null ? 0 : value;
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
