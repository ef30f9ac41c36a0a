package dev.kvorstream.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.site.Axe;
import dev.kvorstream.site.Chromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The preview as a user meets it, in Debian's Chromium: an open page follows the edits made
 * to the designs on disk, by itself. Screenshots go to {@code target/screenshots/}.
 */
class PreviewBrowserIT {

  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static Path work;
  static Path decisions;
  static Preview preview;
  static WebDriver driver;

  @BeforeAll
  static void serveACopyOfTheExamples() throws IOException {
    work = Files.createTempDirectory("kv-serve-it");
    decisions = work.resolve("decisions");
    Files.createDirectories(decisions);
    try (Stream<Path> files = Files.list(Path.of("decisions"))) {
      for (Path f : files.toList()) {
        Files.copy(f, decisions.resolve(f.getFileName()));
      }
    }
    preview = Preview.start(new Preview.Options(work, null, null, null, true, "127.0.0.1", 0, false),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    Files.createDirectories(SCREENSHOTS);
    driver = Chromium.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (preview != null) {
      preview.close();
    }
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
  }

  /** Marks the page the browser shows now: a reload (and only a reload) clears the mark. */
  static void mark() {
    ((JavascriptExecutor) driver).executeScript("window.kvSamePage = true");
  }

  static boolean reloaded() {
    return ((JavascriptExecutor) driver).executeScript("return window.kvSamePage === undefined")
        .equals(true);
  }

  static void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void anOpenPageShowsTheNewTitleThenABrokenDesignsErrorThenTheFixWithoutAManualReload()
      throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 900));
    Path design = decisions.resolve("0007-tool-results.yaml");
    String good = Files.readString(design);
    driver.get(preview.uri().toString());
    assertThat(driver.findElement(By.linkText("Tool results returned to the agent loop")).isDisplayed()).isTrue();
    // the page knows which version of the site it shows, so an edit made before its event
    // stream is open is not missed
    assertThat(((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('navigation')[0].serverTiming[0].description"))
        .isEqualTo(preview.site().version());

    mark();
    Files.writeString(design, good.replaceFirst("title: .*", "title: Tool results, renamed on disk"));
    waiting().until(d -> !d.findElements(By.linkText("Tool results, renamed on disk")).isEmpty());
    assertThat(reloaded()).isTrue();
    assertThat(driver.findElements(By.linkText("Tool results returned to the agent loop"))).isEmpty();

    mark();
    Files.writeString(design, good.replaceFirst("title: .*", "title: Tool results, renamed on disk")
        .replace("status: accepted", "status: acceptd"));
    WebElement problems = waiting().until(d -> d.findElements(By.cssSelector(".problems")).stream()
        .findFirst().orElse(null));
    assertThat(reloaded()).isTrue();
    assertThat(problems.findElement(By.cssSelector("code.where")).getText())
        .isEqualTo("decisions/0007-tool-results.yaml:2:9");
    assertThat(problems.findElement(By.cssSelector(".message")).getText())
        .startsWith("unknown status 'acceptd'; expected one of proposed, accepted");
    assertThat(problems.findElement(By.tagName("pre")).getText()).contains("^");
    // the decision is still listed, as it last was
    assertThat(driver.findElement(By.linkText("Tool results, renamed on disk")).isDisplayed()).isTrue();
    screenshot("serve-problem.png");
    assertThat(Axe.violations(driver)).isEmpty();

    driver.findElement(By.linkText("Tool results, renamed on disk")).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/0007-tool-results.html"));
    assertThat(driver.findElement(By.cssSelector(".problems code.where")).getText())
        .isEqualTo("decisions/0007-tool-results.yaml:2:9");
    assertThat(Axe.violations(driver)).isEmpty();

    mark();
    Files.writeString(design, good);
    waiting().until(d -> d.findElements(By.cssSelector(".problems")).isEmpty());
    assertThat(reloaded()).isTrue();
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tool results returned to the agent loop");
  }

  @Test
  void thePageShownForABrokenTemplatePassesAxeCore() throws Exception {
    Path templates = Files.createDirectories(work.resolve("broken-templates/site"));
    Files.writeString(templates.resolve("decision.ftlh"), "<#if>\n");
    try (Preview broken = Preview.start(new Preview.Options(work, null, "broken-templates", null, true,
        "127.0.0.1", 0, false), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))) {
      driver.manage().window().setSize(new Dimension(1280, 900));
      driver.get(broken.uri() + "0001-entity-state-changes.html");
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This page cannot be made right now");
      assertThat(driver.findElement(By.cssSelector(".problems code.where")).getText()).isEqualTo("broken-templates");
      assertThat(Axe.violations(driver)).isEmpty();
    }
  }

  @Test
  void everyServedPagePassesAxeCoreOnADesktopAndAPhone() throws Exception {
    driver.get(preview.uri().toString());
    List<String> pages = new ArrayList<>(List.of("", "heuristic.html"));
    for (WebElement a : driver.findElements(By.cssSelector("#decisions a"))) {
      pages.add(a.getAttribute("href").substring(preview.uri().toString().length()));
    }
    try (Stream<Path> files = Files.list(decisions)) {
      assertThat(pages).hasSize(2 + (int) files.filter(f -> f.toString().endsWith(".yaml")).count());
    }
    Map<String, List<String>> found = new TreeMap<>();
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
      driver.manage().window().setSize(size);
      for (String page : pages) {
        driver.get(preview.uri() + page);
        List<String> violations = Axe.violations(driver);
        if (!violations.isEmpty()) {
          found.put(size.getWidth() + "px /" + page, violations);
        }
      }
    }
    driver.manage().window().setSize(new Dimension(1280, 900));
    assertThat(found).isEmpty();
  }
}
