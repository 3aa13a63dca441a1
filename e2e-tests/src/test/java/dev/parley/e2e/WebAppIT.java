package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real browser (headless chromium) against the packaged services, as a user meets it: sign up,
 * watch an answer stream, stop one, reload in the middle of one, read the usage page, and an admin resolving a
 * flag. Every page is photographed at desktop and phone width into target/screenshots. Skipped, saying why, where
 * no chromium and chromedriver are installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppIT {

    static final String PASSWORD = "browser password 1";
    // many distinct words: the mock answers with a remark on each, so the answer streams for a few seconds
    static final String LONG_QUESTION = "Explain partitions, replicas, consumers, offsets, brokers, producers, "
            + "retention and compaction";

    RunningSystem system;
    Browser browser;
    String base;
    String email;
    String conversationId;

    @BeforeAll
    void startBrowserAndSystem() throws Exception {
        Browser.unavailable().ifPresent(reason -> Assumptions.abort("Browser tests skipped: " + reason));
        system = RunningSystem.start();
        base = system.ingress.baseUrl();
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aNewUserSignsUpAndSeesTheAnswerStreamIn() {
        open("");
        wait(ExpectedConditions.urlContains("#/signin"));
        shoot("signin");
        browser.driver.findElement(By.linkText("Create an account")).click();
        email = "browser-" + UUID.randomUUID() + "@example.com";
        type(By.name("email"), email);
        type(By.name("displayName"), "Browser User");
        type(By.name("password"), PASSWORD);
        shoot("signup");
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.name("content")));

        send("What is a Kafka partition and why does ordering matter?");
        wait(ExpectedConditions.urlContains("#/chat/"));
        conversationId = browser.driver.getCurrentUrl().replaceAll(".*#/chat/", "");
        List<String> seen = watchAnswerUntilFinished();

        assertThat(seen).as("texts shown while the answer was PENDING").isNotEmpty();
        String finalText = lastAnswer().findElement(By.cssSelector(".body")).getText();
        assertThat(finalText).startsWith("This is the Parley mock provider");
        seen.forEach(partial -> assertThat(finalText).startsWith(partial.strip()));
        assertThat(lastAnswer().getAttribute("data-status")).isEqualTo("COMPLETED");
        assertThat(conversationId).isNotBlank();
        shoot("chat");
        assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void stopEndsAnAnswerMidway() {
        send(LONG_QUESTION);
        await().atMost(Duration.ofSeconds(90)).pollInSameThread().until(() -> isPending() && !answerText().isEmpty());
        browser.driver.findElement(By.cssSelector("button.stop")).click();

        await().atMost(Duration.ofSeconds(90)).pollInSameThread()
                .until(() -> "CANCELLED".equals(lastAnswerState().status()));
        assertThat(lastAnswer().findElement(By.cssSelector(".status")).getText()).isEqualTo("Stopped");
        JsonAnswer stored = storedLastAnswer();
        assertThat(stored.status()).isEqualTo("CANCELLED");
        assertThat(answerText()).isEqualTo(stored.content().strip());
        assertThat(browser.driver.findElement(By.cssSelector("button.send")).isDisplayed()).isTrue();
    }

    @Test
    @Order(3)
    void aReloadInTheMiddleOfAnAnswerResumesItToTheEnd() {
        ApiClient user = system.api().as(userToken());
        String before;
        String messageId;
        String statusAtReload;
        // a busy machine may finish an answer before the reload: then ask again, so that the reload is mid-answer
        for (int attempt = 1; ; attempt++) {
            send(LONG_QUESTION + " and leaders, take " + attempt);
            await().atMost(Duration.ofSeconds(90)).pollInSameThread()
                    .until(() -> isPending() && !answerText().isEmpty());
            before = answerText();
            messageId = lastAnswer().getAttribute("data-message-id");
            statusAtReload = user.get(messagePath(messageId)).json().get("status").asString();
            if ("PENDING".equals(statusAtReload) || attempt == 3) {
                break;
            }
            watchAnswerUntilFinished();
        }

        browser.driver.navigate().refresh();

        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "article.message.assistant[data-message-id='" + messageId + "']")));
        List<String> seen = watchAnswerUntilFinished();
        JsonAnswer stored = storedLastAnswer();
        assertThat(statusAtReload).as("the answer was still being written at the reload").isEqualTo("PENDING");
        assertThat(stored.status()).isEqualTo("COMPLETED");
        assertThat(answerText()).isEqualTo(stored.content().strip());
        assertThat(stored.content()).startsWith(before.strip());
        seen.forEach(partial -> assertThat(stored.content()).startsWith(partial.strip()));
        assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void theUsagePageShowsTheDebitAndTheChart() {
        await().atMost(Duration.ofSeconds(60)).until(this::debitedCredits, credits -> credits > 0);
        open("usage");
        wait(ExpectedConditions.textMatches(By.cssSelector("[data-card=spent] .card-value"),
                java.util.regex.Pattern.compile(".*\\d.*")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.driver.navigate().refresh();
            wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.ledger")));
            assertThat(number(text("[data-card=spent] .card-value"))).isEqualTo(debitedCredits());
        });
        assertThat(number(text("[data-card=balance] .card-value"))).isEqualTo(RunningSystem.STARTING_BALANCE
                - debitedCredits());
        assertThat(browser.driver.findElements(By.cssSelector("table.ledger tbody tr[data-type=DEBIT]"))).hasSizeGreaterThanOrEqualTo(3);
        Object bars = browser.driver.executeScript("const chart = Chart.getChart(document.querySelector('canvas'));"
                + "return chart ? chart.data.datasets[0].data.reduce((a, b) => a + b, 0) : -1;");
        assertThat(((Number) bars).longValue()).as("credits of the per-day chart").isEqualTo(debitedCredits());
        shoot("usage");
        assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void anAdminResolvesAFlaggedAnswer() {
        open("chat/" + conversationId);
        WebElement answer = wait(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "article.message.assistant footer button.link-button:last-child")));
        String reason = "Wrong about ordering " + UUID.randomUUID();
        answer.click();
        type(By.name("reason"), reason);
        browser.driver.findElement(By.cssSelector("dialog button[type=submit]")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "reported"));

        system.adminToken();
        signIn(RunningSystem.ADMIN_EMAIL, RunningSystem.ADMIN_PASSWORD);
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("nav-admin"))).click();
        // the admin page renders after the click: its tabs are not there at once
        wait(ExpectedConditions.elementToBeClickable(By.linkText("Flags"))).click();
        WebElement flag = wait(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//li[contains(@class,'flag')][.//strong[text()='" + reason + "']]")));
        shoot("admin-flags");
        flag.findElement(By.cssSelector("button.primary")).click();

        By openFlag = By.xpath("//li[contains(@class,'flag')][.//strong[text()='" + reason + "']]");
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.driver.findElements(openFlag).isEmpty());
        var flags = system.api().as(system.adminToken()).get("/api/admin/flags?resolved=true&size=100").json();
        assertThat(flags.get("items").toString()).contains(reason);
        assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    void anAdminInvitesSomeoneWhoSignsUpWithTheLinkAndGetsItsCredits() {
        By invitation = By.cssSelector("section[aria-labelledby=invite-title]");
        open("admin/users");
        WebElement panel = wait(ExpectedConditions.visibilityOfElementLocated(invitation));
        type(By.cssSelector("section[aria-labelledby=invite-title] input[placeholder=default]"), "1234");
        // a toast of the previous step may still float over the form's button: a script click is not intercepted
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                panel.findElement(By.cssSelector("button.primary")));
        String code = wait(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section[aria-labelledby=invite-title] code.key"))).getText();
        shoot("admin-invitation");

        browser.driver.findElement(By.id("sign-out")).click();
        wait(ExpectedConditions.urlContains("#/signin"));
        open("signup?invite=" + code);
        assertThat(wait(ExpectedConditions.visibilityOfElementLocated(By.name("inviteCode"))).getDomProperty("value"))
                .isEqualTo(code);
        type(By.name("email"), "invited-" + UUID.randomUUID() + "@parley.test");
        type(By.name("password"), PASSWORD);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.name("content")));
        open("usage");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> number(text("[data-card=balance] .card-value")) == 1234);
        assertNoConsoleErrors();
    }

    @Test
    @Order(7)
    void everyPageAtDesktopAndPhoneWidth() {
        signIn(RunningSystem.ADMIN_EMAIL, RunningSystem.ADMIN_PASSWORD);
        photograph(List.of("admin/users", "admin/reports", "admin/providers", "admin/flags", "settings"), "admin-");
        signIn(email, PASSWORD);
        photograph(List.of("chat/" + conversationId, "chat", "projects", "usage", "settings"), "");
        assertNoConsoleErrors();
    }

    private void photograph(List<String> pages, String prefix) {
        for (String page : pages) {
            for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.size(size);
                open(page);
                wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1, main .chat-title")));
                await().atMost(Duration.ofSeconds(30)).until(() -> browser.driver.findElements(
                        By.cssSelector("[aria-busy=true]")).isEmpty());
                String name = page.startsWith("chat/") ? "chat-conversation" : page.replace('/', '-');
                shoot(prefix + name + (size == Browser.PHONE ? "-phone" : ""));
            }
        }
        browser.size(Browser.DESKTOP);
    }

    private void signIn(String user, String password) {
        browser.driver.findElement(By.id("sign-out")).click();
        wait(ExpectedConditions.urlContains("#/signin"));
        type(By.name("email"), user);
        type(By.name("password"), password);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.name("content")));
    }

    // ----- helpers

    private void open(String route) {
        browser.driver.get(base + "/#/" + route);
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(condition);
    }

    private void type(By field, String text) {
        WebElement input = wait(ExpectedConditions.visibilityOfElementLocated(field));
        input.clear();
        input.sendKeys(text);
    }

    private void send(String message) {
        int answers = browser.driver.findElements(By.cssSelector("article.message.assistant")).size();
        WebElement input = wait(ExpectedConditions.elementToBeClickable(By.name("content")));
        input.sendKeys(message);
        input.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                browser.driver.findElements(By.cssSelector("article.message.assistant")).size() > answers);
    }

    private WebElement lastAnswer() {
        List<WebElement> answers = browser.driver.findElements(By.cssSelector("article.message.assistant"));
        return answers.get(answers.size() - 1);
    }

    /** Status and text of the last answer, read in one round trip (a busy machine makes each one slow). */
    private AnswerState lastAnswerState() {
        Object state = browser.driver.executeScript("const answers = document.querySelectorAll("
                + "'article.message.assistant'); const a = answers[answers.length - 1];"
                + "return a ? [a.dataset.status || '', a.querySelector('.body').innerText] : ['', ''];");
        List<?> values = (List<?>) state;
        return new AnswerState(String.valueOf(values.get(0)), String.valueOf(values.get(1)));
    }

    private boolean isPending() {
        return "PENDING".equals(lastAnswerState().status());
    }

    private String answerText() {
        return lastAnswerState().text().strip();
    }

    /** The texts shown while the last answer was being written, until it finished. */
    private List<String> watchAnswerUntilFinished() {
        List<String> seen = new ArrayList<>();
        // the first answer after the services start waits for consumer groups and schema registration
        await().atMost(Duration.ofMinutes(3)).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
            AnswerState answer = lastAnswerState();
            if (!"PENDING".equals(answer.status())) {
                return true;
            }
            if (!answer.text().isBlank() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(answer.text()))) {
                seen.add(answer.text());
            }
            return false;
        });
        return seen;
    }

    private String userToken() {
        return system.api().post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).json()
                .get("accessToken").asString();
    }

    private String messagePath(String messageId) {
        return "/api/conversations/" + conversationId + "/messages/" + messageId;
    }

    private JsonAnswer storedLastAnswer() {
        String messageId = lastAnswer().getAttribute("data-message-id");
        var json = system.api().as(userToken()).get(messagePath(messageId)).json();
        return new JsonAnswer(json.get("status").asString(), json.get("content").asString());
    }

    private long debitedCredits() {
        return system.api().as(userToken()).get("/api/me/usage").json().get("debitedCredits").asLong();
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replaceAll("[^0-9-]", ""));
    }

    private void shoot(String name) {
        browser.screenshot(name);
    }

    private void assertNoConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors (CSP violations, script failures)")
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Uncaught"));
    }

    record JsonAnswer(String status, String content) {
    }

    record AnswerState(String status, String text) {
    }
}
