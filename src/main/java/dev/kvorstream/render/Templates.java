package dev.kvorstream.render;

import dev.kvorstream.model.Marker;
import dev.kvorstream.problem.ToolException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The one FreeMarker configuration of a run. Templates come from the jar's
 * {@code /templates} folder; a user folder given with {@code --templates} is searched
 * first, so a repository can override one template by name and keep the rest. Templates
 * cannot create Java objects or reach the Java API.
 */
public final class Templates {

  private final Configuration configuration;
  private final Path userFolder;
  private volatile String userPrint;

  private Templates(Configuration configuration, Path userFolder) {
    this.configuration = configuration;
    this.userFolder = userFolder;
  }

  /** Built-in templates only. */
  public static Templates builtIn() {
    return create(null);
  }

  /**
   * Built-in templates behind the user's folder.
   *
   * @param userFolder a folder of templates overriding the built-in ones by name, or null
   */
  public static Templates create(Path userFolder) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setLocalizedLookup(false);
    cfg.setRecognizeStandardFileExtensions(true);
    TemplateLoader builtIn = new ClassTemplateLoader(Templates.class, "/templates");
    if (userFolder == null) {
      cfg.setTemplateLoader(builtIn);
    } else {
      if (!Files.isDirectory(userFolder)) {
        throw ToolException.usage("--templates " + userFolder + ": no such folder");
      }
      try {
        cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
            new FileTemplateLoader(userFolder.toFile()), builtIn}));
      } catch (IOException e) {
        throw ToolException.failed("cannot read templates in " + userFolder + ": " + e.getMessage(), e);
      }
    }
    Escapes.install(cfg);
    return new Templates(cfg, userFolder);
  }

  /**
   * Parses templates ahead of their first use (FreeMarker caches them), so that a command can
   * do it on another thread while it reads its input. A template that fails here fails again,
   * with its message, when it is rendered.
   */
  public Templates prepare(String... names) {
    for (String name : names) {
      try {
        configuration.getTemplate(name);
      } catch (IOException e) {
        // reported by render
      }
    }
    return this;
  }

  /**
   * Renders a template with a data model.
   *
   * @throws ToolException exit 3 when the template is missing or broken
   */
  public String render(String name, Map<String, Object> model) {
    try {
      Template template = configuration.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (TemplateException e) {
      throw ToolException.failed("template " + name + " failed: " + firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw ToolException.failed("cannot load template " + name + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * A file from the template folders as it is, not run as a template (a stylesheet, a
   * script), so a user folder can override it like any template.
   */
  public String raw(String name) {
    try {
      Object source = configuration.getTemplateLoader().findTemplateSource(name);
      if (source == null) {
        throw ToolException.failed("missing template file " + name, null);
      }
      try (Reader reader = configuration.getTemplateLoader().getReader(source, "UTF-8")) {
        StringWriter out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
      } finally {
        configuration.getTemplateLoader().closeTemplateSource(source);
      }
    } catch (IOException e) {
      throw ToolException.failed("cannot read template file " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * A fingerprint of the user's template folder: the name and bytes of every file in it
   * (the empty string without one). A fingerprint of rendered output includes it, so that
   * a changed template, or a new file one of them imports, counts as a changed input.
   */
  public String userPrint() {
    String print = userPrint;
    if (print == null) {
      if (userFolder == null) {
        print = "";
      } else {
        try (Stream<Path> files = Files.walk(userFolder)) {
          ByteArrayOutputStream all = new ByteArrayOutputStream();
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            all.writeBytes((userFolder.relativize(f).toString().replace('\\', '/') + "\n")
                .getBytes(StandardCharsets.UTF_8));
            all.writeBytes(Files.readAllBytes(f));
            all.write('\n');
          }
          print = Marker.sha256(all.toByteArray());
        } catch (IOException e) {
          throw ToolException.failed("cannot read templates in " + userFolder + ": " + e.getMessage(), e);
        }
      }
      userPrint = print;
    }
    return print;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String[] lines = message.strip().split("\\R");
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length && i < 4; i++) {
      if (lines[i].contains("line ") || lines[i].startsWith("Tip")) {
        out.append(' ').append(lines[i].strip());
      }
    }
    return out.toString();
  }
}
