package dev.kvorstream.nats;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nats-server with JetStream on a free loopback port and a temporary store, for the
 * tests. Debian's package installs it as /usr/sbin/nats-server; .ci/run installs it when
 * missing. A missing server fails the test, it does not skip it.
 */
final class NatsServer implements AutoCloseable {

  final int port;
  final Path store;
  private final Process process;

  private NatsServer(int port, Path store, Process process) {
    this.port = port;
    this.store = store;
    this.process = process;
  }

  static String binary() {
    for (String candidate : new String[] {"/usr/sbin/nats-server", "/usr/bin/nats-server",
        "/usr/local/bin/nats-server"}) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    throw new IllegalStateException("nats-server is not installed; run: apt-get install -y nats-server");
  }

  static NatsServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path store = Files.createTempDirectory("kv-nats");
    Process p = new ProcessBuilder(binary(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port),
        "-sd", store.toString()).redirectErrorStream(true)
        .redirectOutput(store.resolve("server.log").toFile()).start();
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new NatsServer(port, store, p);
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          throw new IllegalStateException("nats-server exited: " + Files.readString(store.resolve("server.log")));
        }
        Thread.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("nats-server did not start on port " + port);
  }

  String url() {
    return "nats://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(store)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
