package dev.kvorstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.model.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The four tests' short names live in {@link Question}; the templates keep theirs in
 * {@code lib/words.ftl} (template data, part of the tool's fingerprint), which must say the same.
 */
class TestNamesTest {

  @Test
  void theTemplatesNameTheTestsAsTheModelDoes() throws IOException {
    String words = Files.readString(Path.of("templates/lib/words.ftl"));
    Matcher block = Pattern.compile("<#assign testName = \\{(.*?)}>", Pattern.DOTALL).matcher(words);
    assertThat(block.find()).isTrue();
    Map<String, String> inTemplates = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("\"([^\"]+)\": \"([^\"]+)\"").matcher(block.group(1));
    while (pair.find()) {
      inTemplates.put(pair.group(1), pair.group(2));
    }
    Map<String, String> inModel = new LinkedHashMap<>();
    for (Question q : Question.values()) {
      inModel.put(q.key(), q.title());
    }
    assertThat(inTemplates).isEqualTo(inModel);
  }
}
