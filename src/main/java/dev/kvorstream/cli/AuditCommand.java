package dev.kvorstream.cli;

import dev.kvorstream.nats.Provisioner;
import dev.kvorstream.nats.Spec;
import dev.kvorstream.problem.KvException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", sortOptions = false,
    description = {"Compares a live server with the decisions: missing, mismatched or",
        "wrongly-kinded buckets, streams and consumers (and, with --strict, extra ones).",
        "Changes nothing; exit 1 on any finding, so it can run in CI against staging."})
final class AuditCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin FolderOptions options;
  @Mixin ServerOptions server;

  @Option(names = "--strict", description = "Also report buckets and streams no decision names.")
  boolean strict;

  @Override
  public Integer call() {
    Session session = main.session;
    List<Spec> specs = ApplyCommand.specs(options.usableLog(session, new Timing(session.err())));
    try (Connection connection = server.connect(session)) {
      return ApplyCommand.report(session, new Provisioner(connection).audit(specs, strict), "audit");
    } catch (IOException | JetStreamApiException e) {
      throw KvException.failed("audit of " + server.server + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw KvException.failed("interrupted", e);
    }
  }
}
