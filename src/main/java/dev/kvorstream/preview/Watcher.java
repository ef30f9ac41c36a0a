package dev.kvorstream.preview;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.kvorstream.design.ProjectConfig;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches what the site is made from with the JDK's {@link WatchService}: the decisions
 * folder, the templates folder (and its subfolders) and {@code kv-or-stream.yaml}. Changes
 * that come together (an editor's save is often several events) are taken as one, then the
 * site reads again what they touched and the listener hears of it.
 */
final class Watcher implements AutoCloseable {

  /** How long to wait for more events after one, so a save is one change. */
  private static final long SETTLE_MILLIS = 40;

  private static final long POLL_MILLIS = 500;

  private final LiveSite site;
  private final Consumer<List<String>> listener;
  private final Consumer<RuntimeException> failure;
  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private final Thread thread;
  /**
   * Where the JDK has no file notifications from the system (macOS), its WatchService
   * looks for changes every few seconds: the decisions folder is then also read again
   * every {@value #POLL_MILLIS} ms (only changed files are parsed).
   */
  private final boolean polling;
  private List<Path> roots = List.of();

  /**
   * Starts watching.
   *
   * @param listener told the names of what changed, after the site has read them again
   * @param failure told of a change the site could not take in
   */
  Watcher(LiveSite site, Consumer<List<String>> listener, Consumer<RuntimeException> failure)
      throws IOException {
    this.site = site;
    this.listener = listener;
    this.failure = failure;
    this.service = site.settings().dir().getFileSystem().newWatchService();
    this.polling = service.getClass().getName().contains("Polling");
    register();
    thread = new Thread(this::loop, "kv-or-stream-watch");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // closing anyway
    }
    thread.interrupt();
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = polling ? service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS) : service.take();
        boolean config = false;
        boolean templates = false;
        while (key != null) {
          Path dir = keys.get(key);
          for (WatchEvent<?> event : key.pollEvents()) {
            Path name = event.context() instanceof Path p ? p : null;
            if (event.kind() == OVERFLOW || dir == null) {
              config = true;
              templates = true;
              continue;
            }
            Path file = name == null ? dir : dir.resolve(name);
            Path templateRoot = site.settings().templates();
            if (templateRoot != null && file.startsWith(templateRoot)) {
              templates = true;
              if (event.kind() == ENTRY_CREATE && Files.isDirectory(file)) {
                watchTree(file);
              }
            }
            config |= file.equals(configFile());
          }
          if (!key.reset()) {
            keys.remove(key);
          }
          key = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        try {
          List<String> changed = site.refresh(config, templates);
          register();
          if (!changed.isEmpty()) {
            listener.accept(changed);
          }
        } catch (RuntimeException e) {
          // not expected (the site turns problems into pages): said, and the watch goes on
          failure.accept(e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopped
    }
  }

  private Path configFile() {
    return site.watched().get(1).resolve(ProjectConfig.FILE);
  }

  /**
   * Watches the folders the settings name now: again when the settings name others, or
   * when one of them was removed and is back.
   */
  private void register() {
    List<Path> now = site.watched();
    if (now.equals(roots) && keys.values().containsAll(now)) {
      return;
    }
    keys.keySet().forEach(WatchKey::cancel);
    keys.clear();
    roots = now;
    watch(now.get(0));
    watch(now.get(1));
    if (now.size() > 2) {
      watchTree(now.get(2));
    }
  }

  private void watchTree(Path root) {
    try (Stream<Path> dirs = Files.walk(root)) {
      dirs.filter(Files::isDirectory).forEach(this::watch);
    } catch (IOException e) {
      // a folder that cannot be read shows as a problem of the templates
    }
  }

  private void watch(Path dir) {
    try {
      keys.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
    } catch (IOException e) {
      // a folder that is missing shows as a problem of the site
    }
  }
}
