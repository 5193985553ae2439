package org.survivorvoice.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.survivorvoice.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Exit this page" in a real browser (headless Chromium): Shift pressed three times, the button and
 * the keyboard link leave for the neutral site, replacing the page's history entry, after blanking
 * the page and clearing what she typed and what the site stored; Shift used for typing does not
 * leave; without JavaScript the button is a plain link. Also: the scripts run under the strict
 * content security policy, and a real browser's post passes the form's cross-site checks.
 *
 * <p>The browser resolves no host but localhost, so the exit's navigation fails at once and its
 * address stays in the address bar, whatever the network. Needs {@code chromium} and
 * {@code chromedriver} ({@link HeadlessChromium}); fails without them unless
 * {@code -Dsv.test.browser.skip=true}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitThisPageBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    PublicSiteProperties site;
    @Autowired
    ReactiveMongoTemplate mongo;

    HeadlessChromium chromium;
    ChromeDriver browser;
    String missing;

    @BeforeAll
    void startBrowser() {
        missing = HeadlessChromium.missingUnlessSkipped();
        if (missing == null) {
            chromium = HeadlessChromium.start(true);
            browser = chromium.driver();
        }
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Each test in a new tab: a history of its own. */
    @BeforeEach
    void newTab() {
        Assumptions.assumeTrue(missing == null, () -> missing);
        String old = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String fresh = browser.getWindowHandle();
        browser.switchTo().window(old).close();
        browser.switchTo().window(fresh);
    }

    @Test
    void shiftPressedThreeTimesLeavesBlanksThePageClearsItsAnswersAndStorageAndBackDoesNotReturn() {
        open("/");
        browser.findElement(By.cssSelector("main a.govuk-button--start")).click();
        waitForPath("/f/feedback/safety");
        browser.findElement(By.linkText("Continue to the form")).click();
        waitForPath("/f/feedback");
        assertThat(severeConsoleMessages()).as("the scripts run under the content security policy").isEmpty();

        typeAnswers();
        js("localStorage.setItem('draft', 'kept by something'); sessionStorage.setItem('draft', 'kept by something');");
        observeTheLeaving();

        new Actions(browser).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).pause(100)
                .keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).pause(100)
                .keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        waitForExit();

        browser.navigate().back();
        waitForPath("/f/feedback/safety");
        assertThat(browser.getCurrentUrl()).as("Back skips the form: its history entry was replaced").isEqualTo(url("/f/feedback/safety"));
        assertLeftNothingBehind();
        browser.navigate().forward();
        waitForExit();
    }

    @Test
    void theButtonLeavesTheSameWay() {
        open("/f/feedback/safety");
        open("/f/feedback");
        typeAnswers();
        js("localStorage.setItem('draft', 'kept by something'); sessionStorage.setItem('draft', 'kept by something');");
        observeTheLeaving();

        browser.findElement(By.cssSelector(".govuk-exit-this-page__button")).click();
        waitForExit();

        browser.navigate().back();
        waitForPath("/f/feedback/safety");
        assertLeftNothingBehind();
        // Loading the form again shows nothing of what she typed.
        open("/f/feedback");
        assertThat(browser.findElement(By.name("police-comment")).getAttribute("value")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("input:checked"))).isEmpty();
    }

    @Test
    void theKeyboardLinkIsTheSecondTabStopAndLeavesTheSameWay() {
        open("/");
        open("/f/feedback");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement link = browser.switchTo().activeElement();
        assertThat(link.getAttribute("href")).isEqualTo(site.exitUrl().toString());
        assertThat(link.getText()).isEqualTo("Exit this page");
        assertThat(link.isDisplayed()).as("shown when focused").isTrue();
        assertThat(link.getRect().getWidth()).isGreaterThan(10);

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitForExit();
        browser.navigate().back();
        waitForPath("/");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
    }

    @Test
    void shiftUsedForTypingOrTooSlowlyDoesNotLeave() throws InterruptedException {
        open("/f/feedback");
        WebElement comment = browser.findElement(By.name("police-comment"));
        comment.click();
        // Capital letters: Shift held with other keys, three times.
        for (int i = 0; i < 3; i++) {
            new Actions(browser).keyDown(Keys.SHIFT).sendKeys("a").keyUp(Keys.SHIFT).perform();
        }
        assertThat(status()).as("nothing counted").isEmpty();
        // Twice, another key, once: the sequence is broken and starts again.
        new Actions(browser).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT)
                .sendKeys("b").keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        assertThat(status()).as("the count is announced").isEqualTo("Shift, press 2 more times to exit.");
        // Shift with Control, twice: not counted, and the sequence is broken.
        for (int i = 0; i < 2; i++) {
            new Actions(browser).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
        }
        assertThat(status()).isEqualTo("Exit this page expired.");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/f/feedback"));
        assertThat(comment.getAttribute("value")).isEqualTo("AAAb");

        // Twice, then a pause longer than the window, then once.
        new Actions(browser).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).pause(100).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        assertThat(status()).isEqualTo("Shift, press 1 more time to exit.");
        Thread.sleep(5_500);
        assertThat(status()).isEqualTo("Exit this page expired.");
        new Actions(browser).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/f/feedback"));
        assertThat(comment.getAttribute("value")).isEqualTo("AAAb");
    }

    @Test
    void aRealBrowsersPostPassesTheCrossSiteChecksAndTheToken() {
        long before = count();
        open("/f/feedback");
        browser.findElement(By.cssSelector("input[name=gp-rating][value=positive]")).click();
        browser.findElement(By.id("send")).click();
        waitForPath("/f/feedback/thanks");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
        assertThat(count()).isEqualTo(before + 1);
        assertThat(browser.manage().getCookies()).as("no cookie").isEmpty();
    }

    @Test
    void withoutJavaScriptTheButtonAndTheLinkArePlainLinksToTheNeutralSite() {
        try (HeadlessChromium noScript = HeadlessChromium.start(false)) {
            ChromeDriver plain = noScript.driver();
            plain.get(url("/f/feedback"));
            assertThat(plain.findElements(By.cssSelector(".govuk-exit-this-page__indicator"))).as("the script did not run").isEmpty();
            WebElement button = plain.findElement(By.cssSelector(".govuk-exit-this-page__button"));
            assertThat(button.getAttribute("href")).isEqualTo(site.exitUrl().toString());
            assertThat(button.getAttribute("rel")).contains("noreferrer");
            assertThat(plain.findElement(By.cssSelector("a.govuk-skip-link.app-js-exit-this-page")).getAttribute("href"))
                    .isEqualTo(site.exitUrl().toString());

            button.click();
            new WebDriverWait(plain, WAIT).until(ExpectedConditions.urlToBe(site.exitUrl().toString()));
            // A plain link adds a history entry: Back returns to the form (the safety page says so).
            plain.navigate().back();
            new WebDriverWait(plain, WAIT).until(ExpectedConditions.urlToBe(url("/f/feedback")));
        }
    }

    private void typeAnswers() {
        browser.findElement(By.name("police-comment")).sendKeys("He reads my messages every night");
        browser.findElement(By.cssSelector("input[name=police-rating][value=very_negative]")).click();
        browser.findElement(By.cssSelector("input[name=barriers][value=money]")).click();
        assertThat(browser.findElement(By.name("police-comment")).getAttribute("value")).isEqualTo("He reads my messages every night");
    }

    /**
     * Records, as the page is left (when the browser unloads it, after the exit's script has run),
     * what is left of it: its title and text, its fields (kept from before), and the site's storage.
     * Stored in this origin's localStorage for {@link #assertLeftNothingBehind} to read back.
     */
    private void observeTheLeaving() {
        js("""
                window.svFields = Array.from(document.querySelectorAll('input, textarea'));
                const text = (f) => !['submit', 'button', 'checkbox', 'radio'].includes(f.type);
                const record = () => {
                  if (localStorage.getItem('sv-observed')) return;
                  const seen = {
                    title: document.title,
                    text: document.body.innerText,
                    elements: document.body.getElementsByTagName('*').length,
                    storage: localStorage.length + sessionStorage.length,
                    typed: window.svFields.filter((f) => text(f) && f.value !== '').map((f) => f.name),
                    defaults: window.svFields.filter((f) => text(f) && f.defaultValue !== '').map((f) => f.name),
                    checked: window.svFields.filter((f) => f.checked || f.defaultChecked).map((f) => f.name),
                  };
                  localStorage.setItem('sv-observed', JSON.stringify(seen));
                };
                window.addEventListener('beforeunload', record);
                window.addEventListener('pagehide', record);
                """);
    }

    @SuppressWarnings("unchecked")
    private void assertLeftNothingBehind() {
        Map<String, Object> seen = (Map<String, Object>) js("return JSON.parse(localStorage.getItem('sv-observed'));");
        assertThat(seen).as("the page was observed as it was left").isNotNull();
        assertThat(seen.get("title")).as("title").isEqualTo("");
        assertThat((String) seen.get("text")).as("text left on the page").doesNotContain("police", "Police", "He reads")
                .isIn("", "Loading.");
        assertThat(((Number) seen.get("elements")).intValue()).as("elements left on the page").isLessThanOrEqualTo(1);
        assertThat(((Number) seen.get("storage")).intValue()).as("items in this site's storage").isZero();
        assertThat((List<?>) seen.get("typed")).as("fields with a value").isEmpty();
        assertThat((List<?>) seen.get("defaults")).as("fields with a default value").isEmpty();
        assertThat((List<?>) seen.get("checked")).as("ticked fields").isEmpty();
        js("localStorage.clear();");
    }

    private String status() {
        return (String) js("return document.querySelector('.govuk-exit-this-page [role=status]').textContent;");
    }

    private List<String> severeConsoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void open(String path) {
        browser.get(url(path));
        waitForPath(path);
    }

    private void waitForPath(String path) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(url(path)));
        new WebDriverWait(browser, WAIT).until(driver -> "complete".equals(js("return document.readyState;")));
    }

    private void waitForExit() {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(site.exitUrl().toString()));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long count() {
        return mongo.count(new Query(Criteria.where("instrumentId").is("feedback")), "responses").block(Duration.ofSeconds(5));
    }
}
