package org.dailydl.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with what the tests check besides the page
 * itself: the browser console (every entry, kept across page loads) and every URL the browser
 * requested (from Chrome's performance log, so fonts, scripts and API calls all count).
 */
final class BrowserSession implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  final ChromeDriver driver;
  private final Path profile;
  private final String origin;
  private final List<LogEntry> console = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();

  private BrowserSession(ChromeDriver driver, Path profile, String origin) {
    this.driver = driver;
    this.profile = profile;
    this.origin = origin;
  }

  /** True when Debian's chromium and chromedriver are installed. */
  /**
   * Stops a browser test class when Chromium is missing: a failure in CI (CI=true), where the
   * browser must be installed, and a skip elsewhere.
   */
  static void requireBrowser() {
    if (!available()) {
      String why = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install -y chromium chromium-driver fonts-wqy-microhei";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + " — CI=true, so a missing browser is a failure, not a skip");
      }
      Assumptions.abort(why + " — skipped outside CI");
    }
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** A browser without a hovering pointer, as headless Chromium is (hover: none, like a touch screen). */
  static BrowserSession start(String origin) throws IOException {
    return start(origin, false);
  }

  /**
   * A browser with a mouse ({@code mouse}: the page sees hover: hover and pointer: fine, as on a
   * desktop), or without one.
   */
  static BrowserSession start(String origin, boolean mouse) throws IOException {
    Path profile = Files.createTempDirectory("dailydl-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars", "--lang=zh-CN",
        "--user-data-dir=" + profile.toAbsolutePath());
    if (mouse) {
      // Blink's pointer settings (4 = fine pointer, 2 = can hover); DevTools cannot emulate these media features
      options.addArguments("--blink-settings=primaryPointerType=4,availablePointerTypes=4,primaryHoverType=2,availableHoverTypes=2");
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(TIMEOUT);
      driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
      return new BrowserSession(driver, profile, origin);
    } catch (RuntimeException e) {
      deleteTree(profile);
      throw e;
    }
  }

  // ---- navigation and waiting -----------------------------------------------------------------

  /** Loads {@code path} of the app in the browser and waits until the view has rendered. */
  void open(String path) {
    driver.get(origin + path);
    waitUntilRendered();
  }

  /** Waits until the current view finished loading (main[data-state] is ready or error). */
  void waitUntilRendered() {
    waitFor("the view to render", () -> {
      Object state = js("var m = document.getElementById('main'); return m ? m.dataset.state : null;");
      return "ready".equals(state) || "error".equals(state);
    });
  }

  /** Waits until {@code condition} holds (polling), failing with {@code what} after the timeout. */
  void waitFor(String what, BooleanSupplier condition) {
    new WebDriverWait(driver, TIMEOUT)
        .pollingEvery(Duration.ofMillis(50))
        .withMessage("waiting for " + what)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  long jsLong(String script, Object... args) {
    Object value = js(script, args);
    return value instanceof Number n ? n.longValue() : -1;
  }

  String pathAndQuery() {
    return (String) js("return location.pathname + location.search;");
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    waitFor("the viewport to be " + width + " px wide", () -> jsLong("return window.innerWidth;") <= width);
  }

  /** Writes a PNG of the viewport to {@code dir}/{@code name}.png. */
  Path screenshot(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  // ---- console and requests -------------------------------------------------------------------

  /** Moves the browser's buffered log entries into this session (Chrome hands each out once). */
  void collectLogs() {
    console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      try {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
          requests.add(message.path("params").path("request").path("url").asText());
        }
      } catch (IOException e) {
        throw new IllegalStateException("unreadable performance log entry: " + entry.getMessage(), e);
      }
    }
  }

  /** Every console entry so far (after {@link #collectLogs()}). */
  List<LogEntry> console() {
    return List.copyOf(console);
  }

  /** Every URL requested so far (after {@link #collectLogs()}). */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The console's errors so far, except the 404s of the given paths (which a test expects). */
  List<String> consoleErrors(List<String> expectedNotFound) {
    collectLogs();
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : console) {
      String message = entry.getMessage();
      boolean expected = message.contains("status of 404") && expectedNotFound.stream().anyMatch(message::contains);
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected) {
        errors.add(message);
      }
    }
    return errors;
  }

  /** The URLs requested so far that left the app's origin. */
  List<String> foreignRequests() {
    collectLogs();
    return requests.stream().filter(url -> !(url.startsWith(origin + "/") || url.startsWith("data:")
        || url.startsWith("blob:") || url.startsWith("about:"))).toList();
  }

  /** Forgets the collected entries, e.g. between tests. */
  void clearLogs() {
    collectLogs();
    console.clear();
    requests.clear();
  }

  WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
