package dev.kvorstream.design;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.heuristic.Heuristic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/design-reference.md lists the cases the tool accepts: every one, as the case data has it. */
class DesignReferenceDocTest {

  static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (.+?) \\| (.+?) \\|$", Pattern.MULTILINE);

  @Test
  void theCasesTableNamesEveryCaseOfTheCaseDataInItsOrder() throws IOException {
    String doc = Files.readString(Path.of("docs/design-reference.md"));
    int start = doc.indexOf("\n## Cases\n");
    int end = doc.indexOf("\n## ", start + 1);
    assertThat(start).isPositive();
    Matcher m = ROW.matcher(doc.substring(start, end < 0 ? doc.length() : end));
    List<String> documented = new ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
    }
    List<String> data = Heuristic.standard().catalogue().cases().stream()
        .map(c -> c.id() + " | " + c.name() + " | " + c.primitiveLabel()).toList();
    assertThat(documented).containsExactlyElementsOf(data);
  }
}
