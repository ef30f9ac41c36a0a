package dev.kvorstream.render;

import dev.kvorstream.model.Marker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The tool's own part of the fingerprints that let a rerun skip an ADR or a site page: the
 * tool's version and a digest of every template and data file it ships (found by listing
 * the jar or the classes folder, so a new file counts without anyone naming it). A new
 * version or any changed template or data file therefore makes every output it could touch
 * out of date; no number has to be raised by hand.
 */
public final class ToolPrint {

  /** Resources under these folders of the class path are the tool's templates and data. */
  private static final String TEMPLATES = "templates/";
  private static final String SITE_TEMPLATES = "templates/site/";
  private static final String DATA = "dev/kvorstream/";
  private static final String MCP_TEMPLATES = "templates/mcp/";
  private static final String MCP_DATA = "dev/kvorstream/mcp/";

  private static final Map<String, String> PRINTS = new ConcurrentHashMap<>();

  private ToolPrint() {}

  /** The tool's version, as the build wrote it. */
  public static String version() {
    try (InputStream in = ToolPrint.class.getResourceAsStream("/" + DATA + "version.txt")) {
      return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an ADR or the index depends on in the tool: its version, the templates but the site's, the data. */
  public static String adrs() {
    return PRINTS.computeIfAbsent("adrs", k -> print(ToolPrint::forAdrs));
  }

  /** What a site page depends on in the tool besides its ADR: the version and the site's templates. */
  public static String site() {
    return PRINTS.computeIfAbsent("site", k -> print(ToolPrint::forSite));
  }

  /** The templates and data files, read once per run by one pass over the jar. */
  private static volatile Map<String, byte[]> shipped;

  private static String print(Predicate<String> wanted) {
    Map<String, byte[]> files = shipped;
    if (files == null) {
      files = resources(name -> !name.endsWith(".class") && (name.startsWith(TEMPLATES) || name.startsWith(DATA)));
      shipped = files;
    }
    return print(version(), files, wanted);
  }

  /** The digest of a version and the files (by name) that {@code wanted} picks. */
  static String print(String version, Map<String, byte[]> files, Predicate<String> wanted) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(("version " + version + "\n").getBytes(StandardCharsets.UTF_8));
    new TreeMap<>(files).forEach((name, bytes) -> {
      if (wanted.test(name)) {
        all.writeBytes((name + " " + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        all.writeBytes(bytes);
      }
    });
    return Marker.sha256(all.toByteArray());
  }

  /**
   * Whether a file is part of what ADRs and the index are made from. The MCP server's
   * templates and data (its tools' questions and schemas) are not: changing them does not
   * make every ADR's fingerprint change.
   */
  static boolean forAdrs(String name) {
    return !name.endsWith(".class") && !name.startsWith(MCP_TEMPLATES) && !name.startsWith(MCP_DATA)
        && (name.startsWith(DATA) || (name.startsWith(TEMPLATES) && !name.startsWith(SITE_TEMPLATES)));
  }

  /** Whether a file is part of what site pages are made from (besides their ADRs). */
  static boolean forSite(String name) {
    return name.startsWith(SITE_TEMPLATES);
  }

  /** The resources whose names pass {@code wanted}, by name, from the jar or classes folder. */
  static Map<String, byte[]> resources(Predicate<String> wanted) {
    URL anchor = ToolPrint.class.getResource("/" + TEMPLATES + "adr.md.ftl");
    if (anchor == null) {
      throw new IllegalStateException("the built-in templates are missing from the class path");
    }
    Map<String, byte[]> out = new TreeMap<>();
    try {
      if (anchor.getProtocol().equals("jar")) {
        // the jar's directory is already read by the class loader; a second ZipFile of the
        // same file shares it, so listing the entries costs little
        Path jar = Path.of(((JarURLConnection) anchor.openConnection()).getJarFileURL().toURI());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          Enumeration<? extends ZipEntry> entries = zip.entries();
          while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (!entry.isDirectory() && wanted.test(entry.getName())) {
              try (InputStream in = zip.getInputStream(entry)) {
                out.put(entry.getName(), in.readAllBytes());
              }
            }
          }
        }
      } else {
        Path root = Path.of(anchor.toURI()).getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            String name = root.relativize(f).toString().replace('\\', '/');
            if (wanted.test(name)) {
              out.put(name, Files.readAllBytes(f));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tool's templates: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
