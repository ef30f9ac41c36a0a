package dev.kvorstream.ledger;

import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Ref;
import dev.kvorstream.model.Spec;
import dev.kvorstream.model.Status;
import dev.kvorstream.nats.Specs;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The numbered, linked decision log of one folder. Links are declared once, in a design,
 * and each entry carries both directions. {@link #blocking()} lists the problems that make
 * the log unusable (generate refuses it); {@link #advisories()} the ones {@code check}
 * also reports (a status that contradicts the links).
 */
public final class DecisionLog {

  private final Folder folder;
  private final List<Decision> entries;
  private final Map<Integer, Decision> byNumber;
  private final List<Diagnostic> blocking;
  private final List<Diagnostic> advisories;

  private DecisionLog(Folder folder, List<Decision> entries, List<Diagnostic> blocking,
      List<Diagnostic> advisories) {
    this.folder = folder;
    this.entries = List.copyOf(entries);
    this.byNumber = new HashMap<>();
    for (Decision e : entries) {
      byNumber.putIfAbsent(e.number(), e);
    }
    this.blocking = List.copyOf(blocking);
    this.advisories = List.copyOf(advisories);
  }

  /** Assesses every design of the folder and links the entries. */
  public static DecisionLog build(Folder folder, Assessor assessor) {
    Map<Integer, List<String>> filesByNumber = new TreeMap<>();
    List<Decision> draft = new ArrayList<>();
    Map<Integer, List<Link>> links = new HashMap<>();
    List<Diagnostic> blocking = new ArrayList<>(folder.misnamed());
    List<Diagnostic> advisories = new ArrayList<>();

    for (Design d : folder.designs()) {
      filesByNumber.computeIfAbsent(d.number(), n -> new ArrayList<>()).add(d.name().fileName());
    }
    for (HandWritten h : folder.handWritten()) {
      filesByNumber.computeIfAbsent(h.number(), n -> new ArrayList<>()).add(h.fileName());
    }
    filesByNumber.forEach((number, files) -> {
      if (files.size() > 1) {
        List<String> sorted = files.stream().sorted().toList();
        String move = sorted.stream().filter(f -> !f.endsWith(".md")).reduce((a, b) -> b).orElse(null);
        blocking.add(Diagnostic.of(Position.ofFile(folder.displayPath(sorted.get(sorted.size() - 1))),
            "decision number " + number + " is taken by " + files.size() + " files ("
                + String.join(", ", sorted) + ")" + (move == null ? "; rename one by hand"
                : "; fix it with: kv-or-stream renumber " + folder.displayPath(move))));
      }
    });

    for (Design d : folder.designs()) {
      for (Ref ref : d.supersedes()) {
        if (checkRef(d, ref, "supersedes", filesByNumber, blocking)) {
          add(links, d.number(), new Link(LinkKind.SUPERSEDES, ref.number()));
          add(links, ref.number(), new Link(LinkKind.SUPERSEDED_BY, d.number()));
        }
      }
      for (Ref ref : d.amends()) {
        if (checkRef(d, ref, "amends", filesByNumber, blocking)) {
          add(links, d.number(), new Link(LinkKind.AMENDS, ref.number()));
          add(links, ref.number(), new Link(LinkKind.AMENDED_BY, d.number()));
        }
      }
      for (Ref ref : d.related()) {
        if (checkRef(d, ref, "related", filesByNumber, blocking)) {
          add(links, d.number(), new Link(LinkKind.RELATED, ref.number()));
          add(links, ref.number(), new Link(LinkKind.RELATED, d.number()));
        }
      }
    }
    blocking.addAll(cycles(folder));

    List<Assessment> assessments = folder.designs().parallelStream().map(assessor::assess).toList();
    for (int i = 0; i < folder.designs().size(); i++) {
      Design d = folder.designs().get(i);
      Specs.Result specs = Specs.of(d, assessments.get(i));
      blocking.addAll(specs.problems());
      draft.add(new Decision(d.number(), d.name().stem(), d, assessments.get(i), null,
          sorted(links.getOrDefault(d.number(), List.of())), specs.specs()));
    }
    for (HandWritten h : folder.handWritten()) {
      String stem = h.fileName().substring(0, h.fileName().length() - 3);
      draft.add(new Decision(h.number(), stem, null, null, h,
          sorted(links.getOrDefault(h.number(), List.of())), List.of()));
    }
    blocking.addAll(clashes(draft));
    draft.sort(Comparator.comparingInt(Decision::number).thenComparing(Decision::stem));

    for (Decision e : draft) {
      if (!e.generated()) {
        continue;
      }
      List<Integer> successors = e.linked(LinkKind.SUPERSEDED_BY);
      String where = e.design().path();
      if (!successors.isEmpty() && e.design().status() != Status.SUPERSEDED) {
        advisories.add(Diagnostic.of(Position.ofFile(where), "decision " + e.number()
            + " is superseded by " + join(successors) + " but its status is '"
            + e.design().status().word() + "'; set status: superseded"));
      }
      if (successors.isEmpty() && e.design().status() == Status.SUPERSEDED) {
        advisories.add(Diagnostic.of(Position.ofFile(where), "decision " + e.number()
            + " has status 'superseded' but no decision supersedes it; add supersedes: ["
            + e.number() + "] to its successor"));
      }
    }
    return new DecisionLog(folder, draft, blocking, advisories);
  }

  /** Two decisions naming one bucket or stream, or streams whose subjects overlap. */
  private static List<Diagnostic> clashes(List<Decision> entries) {
    List<Diagnostic> found = new ArrayList<>();
    Map<String, Decision> names = new HashMap<>();
    SubjectTree<Map.Entry<String, Decision>> subjects = new SubjectTree<>();
    for (Decision e : entries) {
      for (Spec spec : e.specs()) {
        for (Spec.ServerStream server : spec.serverStreams()) {
          Decision other = names.putIfAbsent(server.name(), e);
          if (other != null && other != e) {
            found.add(Diagnostic.of(Position.ofFile(e.design().path()), "decision " + e.number()
                + " uses " + server.described() + ", which decision " + other.number()
                + " uses already; give it its own name under nats:"));
          }
        }
        if (spec instanceof Spec.Stream st) {
          for (String subject : st.subjects()) {
            Set<String> reported = new HashSet<>();
            for (Map.Entry<String, Decision> seen : subjects.overlapping(subject)) {
              if (seen.getValue() != e && reported.add(seen.getKey() + "#" + seen.getValue().number())) {
                found.add(Diagnostic.of(Position.ofFile(e.design().path()), "decision " + e.number()
                    + " stream subject '" + subject + "' overlaps '" + seen.getKey() + "' of decision "
                    + seen.getValue().number() + "; NATS refuses streams with overlapping subjects"));
              }
            }
          }
          for (String subject : st.subjects()) {
            subjects.add(subject, Map.entry(subject, e));
          }
        }
      }
    }
    return found;
  }

  /** Whether two subjects (with wildcards) can match one subject. */
  static boolean overlap(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      if (i < x.length && x[i].equals(">") || i < y.length && y[i].equals(">")) {
        return true;
      }
      if (i >= x.length || i >= y.length) {
        return false;
      }
      if (!x[i].equals(y[i]) && !x[i].equals("*") && !y[i].equals("*")) {
        return false;
      }
    }
    return true;
  }

  private static boolean checkRef(Design d, Ref ref, String key,
      Map<Integer, List<String>> numbers, List<Diagnostic> problems) {
    if (ref.number() == d.number()) {
      problems.add(Diagnostic.of(ref.at(), "decision " + d.number() + " lists itself in '" + key + "'"));
      return false;
    }
    if (!numbers.containsKey(ref.number())) {
      problems.add(Diagnostic.of(ref.at(), "'" + key + "' names decision " + ref.number()
          + ", but the folder has no decision " + ref.number()));
      return false;
    }
    return true;
  }

  private static List<Diagnostic> cycles(Folder folder) {
    Map<Integer, List<Integer>> edges = new HashMap<>();
    Map<Integer, Design> designs = new LinkedHashMap<>();
    for (Design d : folder.designs()) {
      designs.putIfAbsent(d.number(), d);
      for (Ref r : d.supersedes()) {
        edges.computeIfAbsent(d.number(), n -> new ArrayList<>()).add(r.number());
      }
    }
    List<Diagnostic> found = new ArrayList<>();
    Map<Integer, Integer> state = new HashMap<>();
    TreeSet<Integer> reported = new TreeSet<>();
    for (Integer start : new TreeSet<>(edges.keySet())) {
      List<Integer> path = new ArrayList<>();
      walk(start, edges, state, path, cycle -> {
        int smallest = cycle.stream().min(Integer::compare).orElseThrow();
        if (reported.add(smallest)) {
          Design d = designs.get(cycle.get(0));
          StringBuilder chain = new StringBuilder();
          for (Integer n : cycle) {
            chain.append(n).append(" supersedes ");
          }
          chain.append(cycle.get(0));
          found.add(Diagnostic.of(Position.ofFile(d.path()),
              "supersede cycle: " + chain + "; a decision cannot supersede its own successor"));
        }
      });
    }
    return found;
  }

  private static void walk(int node, Map<Integer, List<Integer>> edges, Map<Integer, Integer> state,
      List<Integer> path, Consumer<List<Integer>> onCycle) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      onCycle.accept(new ArrayList<>(path.subList(path.indexOf(node), path.size())));
      return;
    }
    state.put(node, 1);
    path.add(node);
    for (int next : edges.getOrDefault(node, List.of())) {
      walk(next, edges, state, path, onCycle);
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
  }

  private static void add(Map<Integer, List<Link>> links, int from, Link link) {
    List<Link> list = links.computeIfAbsent(from, n -> new ArrayList<>());
    if (!list.contains(link)) {
      list.add(link);
    }
  }

  private static List<Link> sorted(List<Link> links) {
    List<Link> copy = new ArrayList<>(links);
    copy.sort(Comparator.comparing(Link::kind).thenComparingInt(Link::target));
    return copy;
  }

  private static String join(List<Integer> numbers) {
    return String.join(", ", numbers.stream().map(String::valueOf).toList());
  }

  public Folder folder() {
    return folder;
  }

  /** Every decision, in number order. */
  public List<Decision> entries() {
    return entries;
  }

  /** The decision with this number (the first, if the number is taken twice), or null. */
  public Decision byNumber(int number) {
    return byNumber.get(number);
  }

  public List<Diagnostic> blocking() {
    return blocking;
  }

  public List<Diagnostic> advisories() {
    return advisories;
  }
}
