package dev.kvorstream.cli;

import dev.kvorstream.nats.Servers;
import dev.kvorstream.problem.KvException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How to reach a NATS server: its URL ($NATS_URL when not given, else the local default),
 * a credentials file, and a user ($NATS_USER; the password comes from $NATS_PASSWORD).
 */
record ServerOptions(String server, Path creds, String user) {

  static final String DEFAULT_URL = "nats://127.0.0.1:4222";

  ServerOptions {
    server = server == null || server.isBlank() ? DEFAULT_URL : server.strip();
    user = user == null || user.isBlank() ? null : user;
  }

  /** The server options of one command's grammar. */
  static final class Specs {
    private final OptionSpec server = OptionSpec.builder("--server").paramLabel("URL").arity("1")
        .type(String.class).defaultValue("${env:NATS_URL:-" + DEFAULT_URL + "}")
        .description("The server: nats://host:port, or tls://host:port for TLS (default: $NATS_URL, else "
            + DEFAULT_URL + ").").build();
    private final OptionSpec creds = Grammar.value("--creds", "FILE", Path.class, "A NATS credentials file.");
    private final OptionSpec user = OptionSpec.builder("--user").paramLabel("USER").arity("1")
        .type(String.class).defaultValue("${env:NATS_USER}")
        .description("A user name (default: $NATS_USER); the password comes from $NATS_PASSWORD.").build();

    CommandSpec addTo(CommandSpec spec) {
      return spec.addOption(server).addOption(creds).addOption(user);
    }

    ServerOptions options() {
      return new ServerOptions(server.getValue(), creds.getValue(), user.getValue());
    }
  }

  /** Work on a live server that may fail with the client's exceptions. */
  @FunctionalInterface
  interface Work {
    int on(Connection connection) throws IOException, JetStreamApiException, InterruptedException;
  }

  /**
   * Connects, does the work and disconnects; a failure becomes exit 3, its message led by
   * {@code what} (such as "apply on").
   */
  int run(Session session, String what, Work work) {
    try (Connection connection = connect(session)) {
      return work.on(connection);
    } catch (IOException | JetStreamApiException e) {
      throw KvException.failed(what + " " + server + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw KvException.failed("interrupted", e);
    }
  }

  Connection connect(Session session) {
    return Servers.connect(server, creds == null ? null : session.resolve(creds.toString()), user,
        user == null ? null : System.getenv("NATS_PASSWORD"));
  }
}
