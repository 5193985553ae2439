package org.survivorvoice.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium driven through chromedriver, with a fresh profile, that resolves no host but
 * localhost: nothing it does reaches the network, and a link to another site fails at once (keeping
 * its address in the address bar).
 *
 * <p>Finds {@code chromium} (or {@code chromium-browser}, {@code google-chrome}) and
 * {@code chromedriver} on the PATH, or where the system properties {@code sv.test.chromium} and
 * {@code sv.test.chromedriver} say. When they are missing the test fails, as CI installs them
 * ({@code .ci/run}); {@code -Dsv.test.browser.skip=true} skips it instead.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String SKIP_PROPERTY = "sv.test.browser.skip";
    private static final String[] BROWSER_NAMES = {"chromium", "chromium-browser", "google-chrome"};
    private static final String[] DRIVER_NAMES = {"chromedriver"};

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Null when chromium and chromedriver are there; else why not. Throws unless
     * {@code -Dsv.test.browser.skip=true}, for a test to fail rather than skip silently.
     */
    static String missingUnlessSkipped() {
        Optional<Path> browser = find("sv.test.chromium", BROWSER_NAMES);
        Optional<Path> driverBinary = find("sv.test.chromedriver", DRIVER_NAMES);
        if (browser.isPresent() && driverBinary.isPresent()) {
            return null;
        }
        String missing = "The browser tests need chromium and chromedriver (Debian: apt-get install chromium chromium-driver;"
                + " or -Dsv.test.chromium=… -Dsv.test.chromedriver=…). Found: chromium " + browser.map(Path::toString).orElse("no")
                + ", chromedriver " + driverBinary.map(Path::toString).orElse("no") + ".";
        if (!Boolean.getBoolean(SKIP_PROPERTY)) {
            throw new IllegalStateException(missing + " To skip these tests instead: -D" + SKIP_PROPERTY + "=true.");
        }
        return missing + " Skipped (-D" + SKIP_PROPERTY + "=true).";
    }

    /** @param javascript false for a browser with JavaScript switched off */
    static HeadlessChromium start(boolean javascript) {
        Path browser = find("sv.test.chromium", BROWSER_NAMES).orElseThrow(() -> new IllegalStateException(missingUnlessSkipped()));
        Path driverBinary = find("sv.test.chromedriver", DRIVER_NAMES).orElseThrow(() -> new IllegalStateException(missingUnlessSkipped()));
        Path profile;
        try {
            profile = Files.createTempDirectory("sv-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--disable-extensions", "--window-size=1280,1024", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static Optional<Path> find(String property, String... names) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        List<String> path = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.of(names)
                .flatMap(name -> path.stream().filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
