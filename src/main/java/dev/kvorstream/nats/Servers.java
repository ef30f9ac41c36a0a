package dev.kvorstream.nats;

import dev.kvorstream.problem.ToolException;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Connecting to a server the usual NATS ways: a URL, a credentials file, or user and password. */
public final class Servers {

  private Servers() {}

  /**
   * Connects once, without reconnecting.
   *
   * @param url {@code nats://host:port}, or {@code tls://host:port} for TLS
   * @param creds a credentials file, or null
   * @param user a user name, or null; the password then comes from {@code password}
   */
  public static Connection connect(String url, Path creds, String user, String password) {
    Options.Builder options = Options.builder().server(url).connectionTimeout(Duration.ofSeconds(5))
        .maxReconnects(0).noReconnect().errorListener(new io.nats.client.ErrorListener() { });
    if (creds != null) {
      if (!Files.isReadable(creds)) {
        throw ToolException.usage("--creds " + creds + ": no such readable file");
      }
      options.authHandler(Nats.credentials(creds.toString()));
    }
    if (user != null) {
      options.userInfo(user, password == null ? "" : password);
    }
    try {
      return Nats.connect(options.build());
    } catch (IOException e) {
      throw ToolException.failed("cannot connect to " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ToolException.failed("interrupted while connecting to " + url, e);
    }
  }
}
