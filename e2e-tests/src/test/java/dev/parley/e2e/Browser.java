package dev.parley.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless chromium driven through its chromedriver (both from apt: {@code chromium chromium-driver}).
 * Found at /usr/bin, or where {@code PARLEY_CHROMIUM} and {@code PARLEY_CHROMEDRIVER} say. Selenium Manager is
 * never asked to download a browser: there is no network for it here.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 860);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> unavailable() {
        if (chromium().isEmpty()) {
            return Optional.of("no chromium found (/usr/bin/chromium, or set PARLEY_CHROMIUM): install it with "
                    + "apt-get install chromium chromium-driver (.ci/run does this when it runs as root)");
        }
        if (chromedriver().isEmpty()) {
            return Optional.of("no chromedriver found (/usr/bin/chromedriver, or set PARLEY_CHROMEDRIVER): install "
                    + "it with apt-get install chromium-driver");
        }
        return Optional.empty();
    }

    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
        var options = new ChromeOptions()
                .setBinary(chromium().orElseThrow().toString())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().orElseThrow().toFile())
                .usingAnyFreePort()
                .withLogOutput(System.out)
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver);
    }

    void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves the page as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console errors since the last call: failed scripts, CSP violations, uncaught exceptions. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<Path> chromium() {
        return firstExisting(System.getenv("PARLEY_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    private static Optional<Path> chromedriver() {
        return firstExisting(System.getenv("PARLEY_CHROMEDRIVER"), "/usr/bin/chromedriver");
    }

    private static Optional<Path> firstExisting(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
