package dev.kvorstream.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built site of the project's own decisions in a real browser: Debian's Chromium and
 * ChromeDriver ({@code .ci/run} installs them), never a downloaded one. Screenshots go to
 * {@code target/screenshots/}.
 */
class SiteBrowserIT {

  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static WebDriver driver;
  static Path site;
  static Path hostile;

  @BeforeAll
  static void buildSitesAndStartBrowser() throws Exception {
    site = Path.of("target/it-site").toAbsolutePath();
    assertThat(build("decisions", site)).isZero();
    Path lifecycle = Path.of("target/it-lifecycle").toAbsolutePath();
    Files.createDirectories(lifecycle);
    for (Path p : Files.list(Path.of("src/test/resources/golden/lifecycle/input")).toList()) {
      Files.copy(p, lifecycle.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(lifecycle.resolve("0006-special-characters.yaml"),
        Files.readString(lifecycle.resolve("0006-special-characters.yaml")).replace(
            "context: |\n", "context: |\n  <script>window.pwned = 1; alert(1)</script>\n"));
    hostile = Path.of("target/it-hostile-site").toAbsolutePath();
    assertThat(build(lifecycle.toString(), hostile)).isZero();
    Files.createDirectories(SCREENSHOTS);

    driver = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  static int build(String dir, Path out) {
    Cli.Result r = Cli.run("site", "--dir", dir, "--out", out.toString());
    assertThat(r.err()).isEmpty();
    return r.code();
  }

  List<WebElement> visibleRows() {
    return driver.findElements(By.cssSelector("#decisions tbody tr")).stream()
        .filter(WebElement::isDisplayed).toList();
  }

  static void screenshot(String name) throws Exception {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theIndexListsEveryDecisionAndTheFiltersAndSearchNarrowIt() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.get(site.resolve("index.html").toUri().toString());
    assertThat(driver.getTitle()).isEqualTo("Decisions");
    assertThat(visibleRows()).hasSize(10);
    screenshot("index.png");

    new Select(driver.findElement(By.id("filter-verdict"))).selectByValue("kv-watch");
    assertThat(visibleRows()).hasSize(5)
        .allSatisfy(r -> assertThat(r.getAttribute("data-verdict")).isEqualTo("kv-watch"));
    assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("5 of 10 decisions");

    new Select(driver.findElement(By.id("filter-status"))).selectByValue("proposed");
    assertThat(visibleRows()).hasSize(1);
    new Select(driver.findElement(By.id("filter-status"))).selectByValue("");
    new Select(driver.findElement(By.id("filter-verdict"))).selectByValue("");

    WebElement search = driver.findElement(By.id("search"));
    search.sendKeys("humidity");
    assertThat(visibleRows()).hasSize(1);
    assertThat(visibleRows().get(0).getText()).contains("Temperature telemetry");
    search.clear();
    search.sendKeys("agent loop");
    assertThat(visibleRows()).extracting(r -> r.getAttribute("data-id")).containsExactly(
        "0004-llm-completion-calls.html", "0005-agent-loop-current-state.html",
        "0006-tool-execution-requests.html", "0007-tool-results.html");
    search.clear();
    search.sendKeys("no such words anywhere");
    assertThat(visibleRows()).isEmpty();
    assertThat(driver.findElement(By.id("none")).isDisplayed()).isTrue();
  }

  @Test
  void aClickOpensTheDecisionPageWithItsDiagramAndNeighbours() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.linkText("Tool execution requests from the agent loop")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("0006-tool-execution-requests.html"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Tool execution requests from the agent loop");
    assertThat(driver.findElement(By.cssSelector(".badges .verdict-jetstream-stream")).getText())
        .isEqualTo("JetStream stream");
    assertThat(driver.findElements(By.cssSelector(".glance li"))).hasSize(4);
    assertThat(driver.findElement(By.cssSelector(".glance li.decides")).getText()).contains("Restart");
    assertThat(driver.findElement(By.cssSelector("figure.diagram svg")).getAttribute("aria-label"))
        .isEqualTo("agentic-loop to JetStream stream to tool-runner");
    assertThat(driver.findElement(By.cssSelector("a[rel=prev]")).getAttribute("href"))
        .endsWith("0005-agent-loop-current-state.html");
    assertThat(driver.findElement(By.cssSelector("article.adr")).getText())
        .contains("Working with a JetStream stream").doesNotContain("flowchart LR");
    screenshot("decision.png");

    driver.findElement(By.linkText("How we decide")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("How we decide");
  }

  @Test
  void userTextNeverRunsAsScript() throws Exception {
    driver.get(hostile.resolve("0006-special-characters.html").toUri().toString());
    assertThat(((JavascriptExecutor) driver).executeScript("return window.pwned === undefined"))
        .isEqualTo(true);
    String article = driver.findElement(By.cssSelector("article.adr")).getText();
    assertThat(article).contains("<script>window.pwned = 1; alert(1)</script>");
    assertThat(article).contains("${user.home}").contains("<#list 1..3 as i>");
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("<script>alert(1)</script>");
    for (WebElement a : driver.findElements(By.cssSelector("article.adr a"))) {
      assertThat(String.valueOf(a.getAttribute("href"))).doesNotStartWith("javascript:");
    }
    assertThat(driver.findElement(By.cssSelector(".banner")).getText()).contains("rejected");
    driver.get(hostile.resolve("0001-workflow-queue.html").toUri().toString());
    assertThat(driver.findElement(By.cssSelector(".banner")).getText())
        .contains("superseded by 2. Workflow runs, split into trigger and state");
  }

  @Test
  void everyPageOfTheWrittenSitePassesAxeCoreOnADesktopAndAPhone() throws Exception {
    List<Path> pages = new ArrayList<>();
    for (Path dir : List.of(site, hostile)) {
      try (var files = Files.list(dir)) {
        files.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
      }
    }
    assertThat(pages).hasSizeGreaterThan(12);
    Map<String, List<String>> found = new TreeMap<>();
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
      driver.manage().window().setSize(size);
      for (Path page : pages) {
        driver.get(page.toUri().toString());
        List<String> violations = Axe.violations(driver);
        if (!violations.isEmpty()) {
          found.put(size.getWidth() + "px " + site.getParent().relativize(page), violations);
        }
      }
    }
    driver.manage().window().setSize(new Dimension(1280, 900));
    assertThat(found).isEmpty();
  }

  @Test
  void thePagesFitAPhone() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(site.resolve("index.html").toUri().toString());
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    screenshot("index-phone.png");
    driver.manage().window().setSize(new Dimension(1280, 900));
  }
}
