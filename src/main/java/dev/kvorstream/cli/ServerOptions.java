package dev.kvorstream.cli;

import dev.kvorstream.nats.Servers;
import io.nats.client.Connection;
import picocli.CommandLine.Option;

/** How to reach a NATS server: a URL and the usual NATS credentials. */
public final class ServerOptions {

  @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:NATS_URL:-nats://127.0.0.1:4222}",
      description = "The server: nats://host:port, or tls://host:port for TLS (default: $NATS_URL, else ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--creds", paramLabel = "FILE", description = "A NATS credentials file.")
  String creds;

  @Option(names = "--user", paramLabel = "USER", defaultValue = "${env:NATS_USER}",
      description = "A user name (default: $NATS_USER); the password comes from $NATS_PASSWORD.")
  String user;

  Connection connect(Session session) {
    return Servers.connect(server, creds == null ? null : session.resolve(creds), user,
        user == null ? null : System.getenv("NATS_PASSWORD"));
  }
}
