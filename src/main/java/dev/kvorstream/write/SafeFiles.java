package dev.kvorstream.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a crash at any moment leaves it old or new, never half-written: the
 * bytes go to a temporary file in the same folder, are forced to disk, and the temporary
 * file is moved over the target atomically. Nothing is written when the content is equal.
 */
public final class SafeFiles {

  /** What a write did. */
  public enum Outcome { CREATED, UPDATED, UNCHANGED }

  private SafeFiles() {}

  public static Outcome write(Path target, String content) throws IOException {
    return write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #write(Path, String)} for content already encoded (UTF-8). */
  public static Outcome write(Path target, byte[] bytes) throws IOException {
    boolean exists = Files.exists(target);
    if (exists && Files.size(target) == bytes.length
        && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return Outcome.UNCHANGED;
    }
    Path dir = target.toAbsolutePath().getParent();
    Set<PosixFilePermission> mode = exists ? permissions(target) : null;
    Path temp = null;
    try {
      FileChannel opened = null;
      while (opened == null) {
        // Not Files.createTempFile: it makes the file 0600 whatever the umask. Created
        // plainly, the file gets the mode the umask gives, as any other program's would.
        temp = dir.resolve("." + target.getFileName() + "."
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
          opened = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          temp = null;
        }
      }
      try (FileChannel channel = opened) {
        if (mode != null) {
          // a replaced file keeps the mode it had
          Files.setPosixFilePermissions(temp, mode);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
    return exists ? Outcome.UPDATED : Outcome.CREATED;
  }

  /** The file's POSIX permissions, or null where the file system has none (Windows). */
  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    try {
      return Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  /** Threads that write at once: most of a write's time is waiting for the disk. */
  static final int WRITERS = 8;

  /**
   * Writes many files of one folder, each as {@link #write} does, several at once so their
   * waits for the disk overlap. Outcomes come back by file name, in the order of
   * {@code files}.
   */
  public static java.util.Map<String, Outcome> writeAll(Path dir, java.util.Map<String, String> files)
      throws IOException {
    return atOnce(new java.util.ArrayList<>(files.keySet()),
        name -> write(dir.resolve(name), files.get(name)));
  }

  /** A piece of work on one file that may fail with an I/O error. */
  @FunctionalInterface
  public interface FileTask<T> {
    T run(String name) throws IOException;
  }

  /**
   * Runs a task for each name on {@value #WRITERS} threads, so that one task's wait for the
   * disk overlaps another's work, and returns the results by name in the order of
   * {@code names}. The first failure in that order is thrown, and the other tasks stopped.
   */
  public static <T> java.util.Map<String, T> atOnce(java.util.List<String> names, FileTask<T> task)
      throws IOException {
    java.util.Map<String, T> out = new java.util.LinkedHashMap<>();
    if (names.size() < 2) {
      for (String name : names) {
        out.put(name, task.run(name));
      }
      return out;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(WRITERS, names.size()), r -> {
          Thread t = new Thread(r, "kv-or-stream-writer");
          t.setDaemon(true);
          return t;
        });
    try {
      java.util.Map<String, java.util.concurrent.Future<T>> futures = new java.util.LinkedHashMap<>();
      for (String name : names) {
        futures.put(name, pool.submit(() -> task.run(name)));
      }
      for (var future : futures.entrySet()) {
        try {
          out.put(future.getKey(), future.getValue().get());
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IOException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while writing", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Deletes temporary files that a killed run left in {@code dir} (named
   * {@code .NAME.RANDOM.tmp} by {@link #write}). Call only while holding the folder's lock,
   * when no other run can be writing.
   */
  public static void removeLeftovers(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)
            && !name.startsWith(".kv-or-stream")) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Writes only if the file does not exist yet; false when it does. */
  public static boolean create(Path target, String content) throws IOException {
    if (Files.exists(target)) {
      return false;
    }
    write(target, content);
    return true;
  }
}
