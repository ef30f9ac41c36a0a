package dev.kvorstream.heuristic;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The labelled descriptions of {@code src/test/resources/inference/}: each a text, the verdict
 * a NATS expert gives it ({@code undecided} where the text cannot tell), and where the corpus
 * states them, the answers to the tests, its domain and its style.
 *
 * <p>Every set but the blind ones trains the model. The fifth of the corpus {@code corpus.yaml}
 * that was held out for the first model, {@code independent.yaml}, {@code blind-2.yaml} and
 * {@code blind-3.yaml} were each measured blind once and then became training data; the
 * blind sets of the latest round ({@link #BLIND}) were measured once and are never trained
 * on. Generalisation to a new writer is judged by leaving one set out at a time
 * ({@link InferenceCrossValidation}).
 */
final class InferenceData {

  /**
   * The sets that train the model but are not counted in the cross-validated figures: the
   * older sets, labelled with verdicts only, on which the cue phrases were tuned, and
   * {@code concepts.yaml}, written for the second model after reading its misses.
   */
  static final List<String> OLDER = List.of("tuning-a.yaml", "tuning-b.yaml", "tuning-c.yaml", "unseen.yaml",
      "concepts.yaml");

  /** Descriptions written for the model in the corpus's format; all of them train it. */
  static final String WRITTEN = "written.yaml";

  /** The corpus of descriptions with domains, styles and answers. */
  static final String CORPUS = "corpus.yaml";

  /**
   * Sets written apart from the model, each by its own writer, in the corpus's format: the
   * independent set and the second round's {@code train-a} to {@code train-d} and blind sets,
   * and this round's {@code train-e} to {@code train-aw}, each written from a brief with its
   * own emphasis by a writer who never saw the model or another set (docs/inference.md).
   */
  static final List<String> AUTHORED =
      List.of("independent.yaml", "train-a.yaml", "train-b.yaml", "train-c.yaml", "train-d.yaml",
          "blind-2.yaml", "blind-3.yaml", "train-e.yaml", "train-f.yaml", "train-g.yaml", "train-h.yaml",
          "train-i.yaml", "train-j.yaml", "train-k.yaml", "train-l.yaml", "train-m.yaml", "train-n.yaml",
          "train-o.yaml", "train-p.yaml", "train-q.yaml", "train-r.yaml", "train-s.yaml", "train-t.yaml",
          "train-u.yaml", "train-v.yaml", "train-w.yaml", "train-x.yaml", "train-y.yaml", "train-z.yaml",
          "train-aa.yaml", "train-ab.yaml", "train-ac.yaml", "train-ad.yaml", "train-ae.yaml", "train-af.yaml",
          "train-ag.yaml", "train-ah.yaml", "train-ai.yaml", "train-aj.yaml", "train-ak.yaml", "train-al.yaml",
          "train-am.yaml", "train-an.yaml", "train-ao.yaml", "train-ap.yaml", "train-aq.yaml", "train-ar.yaml",
          "train-as.yaml", "train-at.yaml", "train-au.yaml", "train-av.yaml", "train-aw.yaml");

  /**
   * Sets written apart from everything, each by its own writer, and measured once with the
   * model of their round (docs/inference.md); kept in the test resources, never trained on.
   */
  static final List<String> BLIND = List.of("blind-4.yaml", "blind-5.yaml", "blind-6.yaml", "blind-7.yaml");

  /** The names of every set the model trains on, in training order. */
  static List<String> sets() {
    List<String> all = new ArrayList<>(OLDER);
    all.add(WRITTEN);
    all.add(CORPUS);
    all.addAll(AUTHORED);
    return all;
  }

  /** Every how many corpus entries one was held out for the first model. */
  static final int HOLD_OUT_EVERY = 5;

  record Example(String set, int index, String text, Verdict verdict, Map<Question, Answer> answers,
      String domain, String style) {

    /**
     * Whether this example is in the fifth of the corpus held out until the model of the
     * independent and train sets; it is trained on now.
     */
    boolean onceHeldOut() {
      return set.equals(CORPUS) && index % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1;
    }
  }

  private InferenceData() {}

  /** Every example the model trains on, in a fixed order. */
  static List<Example> training() {
    List<Example> all = new ArrayList<>();
    for (String name : sets()) {
      all.addAll(read(name));
    }
    return all;
  }

  /** The fifth of the corpus once held out (the 5th, 10th, ... entry), now trained on. */
  static List<Example> onceHeldOut() {
    return read(CORPUS).stream().filter(Example::onceHeldOut).toList();
  }

  static List<Example> read(String name) {
    try (InputStream in = InferenceData.class.getResourceAsStream("/inference/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing labelled set " + name);
      }
      return read(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A labelled set in a file outside the test resources (one to measure, never to train on). */
  static List<Example> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.getFileName().toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Example> read(String name, InputStream in) {
    List<Map<String, Object>> rows = (List<Map<String, Object>>)
        new Load(LoadSettings.builder().setLabel(name).build()).loadFromInputStream(in);
    List<Example> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<Question, Answer> answers = new EnumMap<>(Question.class);
      Map<String, Object> given = (Map<String, Object>) row.get("answers");
      if (given != null) {
        given.forEach((k, v) -> {
          Question q = Question.byKey(k);
          Answer a = q == null ? null : Answer.of(q, String.valueOf(v));
          if (a == null) {
            throw new IllegalStateException(name + ": bad answer " + k + ": " + v);
          }
          answers.put(q, a);
        });
      }
      out.add(new Example(name, out.size(), (String) row.get("text"), verdict((String) row.get("verdict")),
          answers, (String) row.getOrDefault("domain", "-"), (String) row.getOrDefault("style", "-")));
    }
    return out;
  }

  private static Verdict verdict(String id) {
    return switch (id) {
      case "kv-watch" -> Verdict.KV_WATCH;
      case "jetstream-stream" -> Verdict.JETSTREAM_STREAM;
      case "undecided" -> Verdict.UNDECIDED;
      default -> throw new IllegalStateException("bad verdict " + id);
    };
  }
}
