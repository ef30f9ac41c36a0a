package dev.kvorstream.nats;

import dev.kvorstream.cli.Main;
import io.nats.client.Connection;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The jnats code of an ADR as a user copies it: a design rendered by the real
 * {@code generate}, the {@code ```java} blocks cut out of the Markdown, and each compiled
 * with javax.tools against jnats into a {@link SnippetHarness} whose {@code run} body it is.
 */
final class Snippets {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static int count;

  private Snippets() {}

  /** Writes {@code design} as decision 1 into {@code dir}, runs generate, returns the ADR text. */
  static String render(Path dir, String slug, String design) throws IOException {
    Files.writeString(dir.resolve("0001-" + slug + ".yaml"), design);
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"generate", "--dir", dir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), Path.of(""));
    if (code != 0) {
      throw new IllegalStateException("generate failed (" + code + "): " + err);
    }
    return Files.readString(dir.resolve("0001-" + slug + ".md"));
  }

  /** The index {@code generate} wrote beside the ADRs in {@code dir}. */
  static String index(Path dir) throws IOException {
    return Files.readString(dir.resolve("README.md"));
  }

  /**
   * The shared classes of an index ({@code StreamWork}, {@code KvFollow}): its {@code ```java}
   * blocks, each a compilation unit as the user copies it.
   */
  static List<String> shared(String index) {
    return javaBlocks(index);
  }

  /** The {@code ```java} blocks of a Markdown text, in order. */
  static List<String> javaBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The imports the snippet's first comment names ("// imports: a.*, b.C, ..."). */
  static List<String> imports(String snippet) {
    StringBuilder names = new StringBuilder();
    boolean in = false;
    for (String line : snippet.lines().toList()) {
      if (line.startsWith("// imports:")) {
        in = true;
        names.append(line.substring("// imports:".length()));
      } else if (in && line.startsWith("//   ")) {
        names.append(line.substring(2));
      } else if (in) {
        break;
      }
    }
    List<String> out = new ArrayList<>();
    for (String name : names.toString().split(",")) {
      if (!name.isBlank()) {
        out.add(name.strip());
      }
    }
    return out;
  }

  /** Compiles a snippet with no shared classes (the old pattern); fails with javac's errors. */
  static Class<? extends SnippetHarness> compile(String snippet, Path work) throws IOException {
    return compileAll(List.of(snippet), List.of(), work).get(0);
  }

  /**
   * Compiles the snippet as the body of a harness's {@code run}, together with the shared
   * classes of the index the same {@code generate} wrote; fails with javac's errors.
   */
  static Class<? extends SnippetHarness> compile(String snippet, List<String> shared, Path work) throws IOException {
    return compileAll(List.of(snippet), shared, work).get(0);
  }

  /** The {@code interface} a shared class declares for the user's part, by class name. */
  private static final Map<String, String[]> YOUR_PART = Map.of(
      "StreamWork", new String[] {"StreamWork.Handler", "handler"},
      "KvFollow", new String[] {"KvFollow.Watcher", "watcher"});
  private static final Pattern SHARED_CLASS = Pattern.compile("(?m)^final class (\\w+)");

  /**
   * Compiles each snippet into its own harness class, and the shared classes as they are
   * printed (each its own file in the snippets' package), in one javac run. The harness is
   * the user's part of each shared class: it implements {@code StreamWork.Handler} and
   * {@code KvFollow.Watcher} with its recording methods, and supplies itself as the
   * snippet's {@code handler} and {@code watcher}.
   */
  static List<Class<? extends SnippetHarness>> compileAll(List<String> snippets, List<String> shared, Path work)
      throws IOException {
    Path out = work.resolve("classes");
    Files.createDirectories(out);
    List<String> names = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    List<String> parts = new ArrayList<>();
    StringBuilder supplied = new StringBuilder();
    for (String code : shared) {
      Matcher m = SHARED_CLASS.matcher(code);
      if (!m.find()) {
        throw new AssertionError("no shared class in the index's block:\n" + code);
      }
      Path src = work.resolve("src/snippet/" + m.group(1) + ".java");
      Files.createDirectories(src.getParent());
      Files.writeString(src, "package snippet;\n" + code);
      sources.add(src);
      all.append(code);
      String[] part = YOUR_PART.get(m.group(1));
      if (part != null) {
        parts.add(part[0]);
        supplied.append("    ").append(part[0]).append(' ').append(part[1]).append(" = this;\n");
      }
    }
    for (String snippet : snippets) {
      String name = "Snippet" + (++count);
      StringBuilder source = new StringBuilder("package snippet;\n");
      for (String imp : imports(snippet)) {
        source.append("import ").append(imp).append(";\n");
      }
      source.append("public class ").append(name).append(" extends ").append(SnippetHarness.class.getName())
          .append(parts.isEmpty() ? "" : " implements " + String.join(", ", parts))
          .append(" {\n  @Override\n  public void run(").append(Connection.class.getName())
          .append(" connection) throws Exception {\n").append(supplied).append(snippet).append("\n  }\n}\n");
      Path src = work.resolve("src/snippet/" + name + ".java");
      Files.createDirectories(src.getParent());
      Files.writeString(src, source);
      names.add(name);
      sources.add(src);
      all.append(source);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      String classpath = location(Connection.class) + File.pathSeparator + location(SnippetHarness.class);
      boolean ok = compiler.getTask(null, files, diagnostics, List.of("-classpath", classpath, "-d", out.toString(),
          "-Xlint:none", "-proc:none"), null, files.getJavaFileObjects(sources.toArray(Path[]::new))).call();
      if (!ok) {
        StringBuilder text = new StringBuilder("the ADR's snippet does not compile:\n");
        diagnostics.getDiagnostics().forEach(d -> text.append(d.getSource() == null ? "" : d.getSource().getName())
            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n'));
        text.append(all);
        throw new AssertionError(text.toString());
      }
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, Snippets.class.getClassLoader());
    List<Class<? extends SnippetHarness>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(loader.loadClass("snippet." + name).asSubclass(SnippetHarness.class));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return classes;
  }

  static SnippetHarness instance(Class<? extends SnippetHarness> type) throws ReflectiveOperationException {
    return type.getDeclaredConstructor().newInstance();
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
