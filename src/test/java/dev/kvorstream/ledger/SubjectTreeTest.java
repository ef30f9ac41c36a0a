package dev.kvorstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectTreeTest {

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
      "a.b.c, a.b.c, true", "a.b.c, a.b.d, false", "a.*.c, a.b.c, true", "a.b.c, a.*.c, true",
      "a.>, a.b.c, true", "a.b.c, a.>, true", "a.>, a, false", "a, a.>, false", "a.>, b.>, false",
      ">, x.y, true", "x.y, >, true", "a.*, a.b.c, false", "a.b.c, a.*, false", "*.b, a.*, true",
      "items.p1.>, items.p2.>, false", "tool.execute.>, tool.result.>, false", "a.*.>, a.b.c.d, true"})
  void overlapIsFoundExactlyWhenSomeSubjectMatchesBoth(String first, String second, boolean overlaps) {
    SubjectTree<String> tree = new SubjectTree<>();
    tree.add(first, first);
    assertThat(tree.overlapping(second)).as(first + " vs " + second).isEqualTo(overlaps ? List.of(first) : List.of());
  }

  @Test
  void manyDisjointSubjectsFindNothing() {
    SubjectTree<Integer> tree = new SubjectTree<>();
    for (int i = 0; i < 20_000; i++) {
      assertThat(tree.overlapping("items.p" + i + ".>")).isEmpty();
      tree.add("items.p" + i + ".>", i);
    }
    assertThat(tree.overlapping("items.*.x")).hasSize(20_000);
  }
}
