package dev.kvorstream.render;

import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Catalogue;
import dev.kvorstream.heuristic.CommonCase;
import dev.kvorstream.heuristic.Evaluation;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.heuristic.NearestCase;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.LinkKind;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Outcome;
import dev.kvorstream.model.Part;
import dev.kvorstream.model.Primitive;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Spec;
import dev.kvorstream.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data the templates see: plain records with words (ids such as {@code kv-watch}),
 * numbers and lists, built from the log. Templates turn ids into wording.
 */
public final class Views {

  private Views() {}

  /** One test's outcome as a template sees it. */
  /**
   * One test's outcome.
   *
   * @param flow for an answer inferred from the flow's consumers, their names joined; else null
   */
  public record TestView(int number, String key, String answer, String source, String cue,
      String why, String vote, boolean decides, boolean conflicts, String flow) {}

  /** The nearest common case. */
  public record NearestView(String id, String name, String primitive, String label,
      String reasons, boolean declared, boolean agrees, boolean seed) {}

  /** One evaluation: verdict, tests and their relations. */
  public record EvaluationView(String verdict, Integer decidedBy, String decidedByKey,
      boolean conflict, List<Integer> conflicting, List<Integer> agreeing,
      List<Integer> unanswered, List<TestView> tests, NearestView nearest,
      String settledBy) {}

  /** One part of a split design. */
  public record PartView(String name, String context, EvaluationView evaluation) {}

  /** A row of the common-cases table. */
  public record CaseView(String id, String name, String primitive, String label, String reasons,
      boolean seed) {}

  /** A link to another decision. */
  public record LinkView(int number, String title, String file) {}

  /** The path's producer, consumers and subject. */
  public record FlowView(String producer, List<String> consumers, String subject) {}

  /** Everything an ADR template needs. */
  public record AdrView(int number, String title, String adrFile, String designFile,
      String status, String statusLabel, String date, List<String> deciders, List<String> tags,
      String context, FlowView flow, String verdict, boolean split, EvaluationView whole,
      List<PartView> parts, List<String> primitives, List<CaseView> cases,
      List<LinkView> supersedes, List<LinkView> supersededBy, List<LinkView> related,
      List<Spec.Kv> buckets, List<Spec.Stream> streams, List<LinkView> amends,
      List<LinkView> amendedBy) {}

  /** One row of the index. */
  public record IndexRow(int number, String title, String file, String status, String verdict,
      String date, boolean generated) {}

  /** The index: rows in number order and counts per verdict. */
  public record IndexView(List<IndexRow> rows, Map<String, Integer> verdicts, int handWritten) {}

  public static AdrView adr(Decision entry, DecisionLog log, Catalogue catalogue) {
    Design d = entry.design();
    Assessment a = entry.assessment();
    List<PartView> parts = new ArrayList<>();
    for (int i = 0; i < a.parts().size(); i++) {
      Part part = d.parts().get(i);
      parts.add(new PartView(part.name(), part.context().strip(),
          evaluation(a.parts().get(i).evaluation(), part.concern().why())));
    }
    EvaluationView whole = a.isSplit() ? null : evaluation(a.whole(), d.concern().why());
    FlowView flow = d.flow() == null ? null
        : new FlowView(d.flow().producer(), d.flow().consumers(), d.flow().subject());
    return new AdrView(entry.number(), d.title(), entry.adrFileName(), d.name().fileName(),
        d.status().word(), d.status().label(), d.date() == null ? "" : d.date().toString(),
        d.deciders(), d.tags(), d.context().strip(), flow, a.verdict().id(), a.isSplit(), whole,
        parts, primitives(a), cases(catalogue),
        links(entry, LinkKind.SUPERSEDES, log), links(entry, LinkKind.SUPERSEDED_BY, log),
        links(entry, LinkKind.RELATED, log),
        entry.specs().stream().filter(Spec.Kv.class::isInstance).map(Spec.Kv.class::cast).toList(),
        entry.specs().stream().filter(Spec.Stream.class::isInstance).map(Spec.Stream.class::cast).toList(),
        links(entry, LinkKind.AMENDS, log), links(entry, LinkKind.AMENDED_BY, log));
  }

  /** The primitives a design uses, KV first: what the "working with" sections cover. */
  static List<String> primitives(Assessment a) {
    List<Verdict> verdicts = a.isSplit()
        ? a.parts().stream().map(p -> p.evaluation().verdict()).toList()
        : List.of(a.verdict());
    List<String> out = new ArrayList<>();
    for (Primitive p : Primitive.values()) {
      if (verdicts.contains(Verdict.of(p))) {
        out.add(p.id());
      }
    }
    return out;
  }

  public static EvaluationView evaluation(Evaluation e, Map<Question, String> why) {
    List<TestView> tests = new ArrayList<>();
    for (Outcome o : e.outcomes()) {
      Question q = o.question();
      tests.add(new TestView(q.number(), q.key(),
          o.answer() == null ? null : o.answer().word(), o.origin().id(), o.cue(), why.get(q),
          o.vote() == null ? null : o.vote().id(), q == e.decidedBy(), e.conflicting().contains(q),
          o.cue() != null && o.cue().startsWith(Heuristic.FLOW_CUE)
              ? o.cue().substring(Heuristic.FLOW_CUE.length()) : null));
    }
    return new EvaluationView(e.verdict().id(),
        e.decidedBy() == null ? null : e.decidedBy().number(),
        e.decidedBy() == null ? null : e.decidedBy().key(),
        e.conflict(), numbers(e.conflicting()), numbers(e.agreeing()), numbers(e.unanswered()),
        tests, nearest(e.nearest()),
        e.conflictSettled() ? e.nearest().commonCase().advice() : null);
  }

  static NearestView nearest(NearestCase n) {
    if (n == null) {
      return null;
    }
    CommonCase c = n.commonCase();
    return new NearestView(c.id(), c.name(), c.primitive().id(), c.primitiveLabel(), c.reasons(),
        n.declared(), n.agrees(), c.seed());
  }

  public static List<CaseView> cases(Catalogue catalogue) {
    return catalogue.cases().stream()
        .map(c -> new CaseView(c.id(), c.name(), c.primitive().id(), c.primitiveLabel(), c.reasons(),
            c.seed()))
        .toList();
  }

  private static List<Integer> numbers(List<Question> questions) {
    return questions.stream().map(Question::number).toList();
  }

  private static List<LinkView> links(Decision entry, LinkKind kind, DecisionLog log) {
    List<LinkView> out = new ArrayList<>();
    for (int n : entry.linked(kind)) {
      Decision target = log.byNumber(n);
      if (target != null) {
        out.add(new LinkView(n, target.title(), target.adrFileName()));
      }
    }
    return out;
  }

  public static IndexView index(DecisionLog log) {
    List<IndexRow> rows = new ArrayList<>();
    Map<String, Integer> verdicts = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      verdicts.put(v.id(), 0);
    }
    int handWritten = 0;
    for (Decision e : log.entries()) {
      String verdict = e.generated() ? e.assessment().verdict().id() : "";
      if (e.generated()) {
        verdicts.merge(verdict, 1, Integer::sum);
      } else {
        handWritten++;
      }
      rows.add(new IndexRow(e.number(), e.title(), e.adrFileName(), e.status(), verdict, e.date(),
          e.generated()));
    }
    return new IndexView(rows, verdicts, handWritten);
  }
}
