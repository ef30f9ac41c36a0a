package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.nats.Servers;
import dev.kvorstream.problem.KvException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;

/** How to reach a NATS server: a URL and the usual NATS credentials. */
public final class ServerOptions {

  static final String DEFAULT_URL = "nats://127.0.0.1:4222";

  String server;
  String creds;
  String user;

  /** Adds the server options to a command's syntax. */
  static Syntax declare(Syntax syntax) {
    return syntax
        .option("--server", "URL", "The server: nats://host:port, or tls://host:port for TLS"
            + " (default: $NATS_URL, else " + DEFAULT_URL + ").")
        .option("--creds", "FILE", "A NATS credentials file.")
        .option("--user", "USER", "A user name (default: $NATS_USER); the password comes from $NATS_PASSWORD.");
  }

  /** The server options as a command line gave them, with the environment's defaults. */
  static ServerOptions of(Parsed args) {
    ServerOptions o = new ServerOptions();
    String env = System.getenv("NATS_URL");
    o.server = args.value("--server", env == null || env.isBlank() ? DEFAULT_URL : env);
    o.creds = args.value("--creds");
    o.user = args.value("--user", System.getenv("NATS_USER"));
    return o;
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
    return Servers.connect(server, creds == null ? null : session.resolve(creds), user,
        user == null ? null : System.getenv("NATS_PASSWORD"));
  }
}
