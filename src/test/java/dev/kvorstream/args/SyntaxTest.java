package dev.kvorstream.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxTest {

  static final Syntax SYNTAX = Syntax.command("move", "Moves a thing.", "Second line.")
      .param("FILE", "The thing.")
      .optionalParam("N", "Where to.")
      .option("--dir", "DIR", "A folder.")
      .choice("--format", "FORMAT", "text or json.", "text", "json")
      .flag("--force", "Do it anyway.");

  static Parsed parse(String... args) throws ArgsException {
    return SYNTAX.parse(List.of(args));
  }

  @Test
  void readsOptionsInBothSpellingsFlagsAndParameters() throws ArgsException {
    Parsed p = parse("a.yaml", "--dir", "x", "--format=JSON", "7", "--force");
    assertThat(p.param(0)).isEqualTo("a.yaml");
    assertThat(p.param(1)).isEqualTo("7");
    assertThat(p.numberParam(1, "N")).isEqualTo(7);
    assertThat(p.value("--dir")).isEqualTo("x");
    assertThat(p.value("--format")).isEqualTo("json");
    assertThat(p.has("--force")).isTrue();
    assertThat(p.wantsHelp()).isFalse();
    Parsed bare = parse("a.yaml");
    assertThat(bare.param(1)).isNull();
    assertThat(bare.value("--dir")).isNull();
    assertThat(bare.value("--format", "text")).isEqualTo("text");
    assertThat(bare.has("--force")).isFalse();
  }

  @Test
  void aLoneDashIsAValueAndDoubleDashEndsTheOptions() throws ArgsException {
    assertThat(parse("-").param(0)).isEqualTo("-");
    Parsed p = parse("--", "--force");
    assertThat(p.param(0)).isEqualTo("--force");
    assertThat(p.has("--force")).isFalse();
    assertThat(parse("--dir", "-", "f").value("--dir")).isEqualTo("-");
  }

  @Test
  void helpAnywhereWinsOverEverythingElse() throws ArgsException {
    assertThat(parse("--bogus", "-h").wantsHelp()).isTrue();
    assertThat(parse("--help").wantsHelp()).isTrue();
    assertThat(parse("--", "--help").wantsHelp()).isFalse();
  }

  @Test
  void eachMistakeIsNamed() {
    assertThatThrownBy(() -> parse("a", "--frce")).hasMessage("unknown option '--frce'; did you mean '--force'?");
    assertThatThrownBy(() -> parse("a", "--zzzzzzzzz")).hasMessage("unknown option '--zzzzzzzzz'");
    assertThatThrownBy(() -> parse("a", "--dir")).hasMessage("--dir needs a value (DIR)");
    assertThatThrownBy(() -> parse("a", "--force=yes")).hasMessage("--force takes no value");
    assertThatThrownBy(() -> parse("a", "--dir", "x", "--dir=y")).hasMessage("--dir is given more than once");
    assertThatThrownBy(() -> parse("a", "--format", "png")).hasMessage("--format png: expected text or json");
    assertThatThrownBy(() -> parse("a", "1", "2")).hasMessage("unexpected argument '2'");
    assertThatThrownBy(() -> parse("--force")).hasMessage("missing FILE");
    assertThatThrownBy(() -> parse("a", "x").numberParam(1, "N")).hasMessage("N: 'x' is not a whole number");
    assertThatThrownBy(() -> Syntax.command("x", "X.").flag("--a", "A").flag("--a", "A"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void helpShowsUsageParametersAndEveryOption() {
    String help = Help.of("tool", SYNTAX);
    assertThat(help).startsWith("Usage: tool move [OPTIONS] FILE [N]\nMoves a thing.\nSecond line.\n");
    assertThat(help).contains("  FILE  The thing.\n", "  --dir DIR        A folder.\n",
        "  --force          Do it anyway.\n", "  -h, --help       Print this help and exit.\n");
    String program = Help.program("tool", List.of("Does things."), List.of(SYNTAX), List.of("Footer."));
    assertThat(program).contains("  move  Moves a thing.\n", "  help  Prints the help of a command", "Footer.\n")
        .doesNotContain("Second line.");
  }
}
