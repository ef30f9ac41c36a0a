package dev.kvorstream.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One writer at a time in a folder: an operating-system lock on a file in it, held while a
 * run writes and removed when the run is done, so nothing of ours stays behind. A run that
 * was killed leaves the file but not the lock (the system lets go of a dead process's
 * locks), and the next run takes it over.
 *
 * <p>Because the file is removed, a run may lock a file that another run has just removed
 * while a third has already made a new one. So a run looks up which file the name leads to
 * (without opening it: on POSIX systems closing any handle to the file would let go of the
 * process's lock) before it opens the file and again once it holds the lock; only when both
 * are the same file does it hold the folder, otherwise it tries again. It writes its process
 * id into the file, for a person wondering who holds it.
 */
public final class FolderLock implements AutoCloseable {

  private static final int ATTEMPTS = 20;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock named {@code name} in {@code dir}, or returns null when another run holds
   * it.
   */
  public static FolderLock tryAcquire(Path dir, String name) throws IOException {
    Path file = dir.resolve(name).toAbsolutePath().normalize();
    // Within one process the system's lock cannot tell two holders apart, and closing any
    // handle to the file would let go of it: a second holder here is turned away before it
    // opens the file.
    if (HELD.putIfAbsent(file, Boolean.TRUE) != null) {
      return null;
    }
    FolderLock acquired = null;
    try {
      acquired = acquire(file);
      return acquired;
    } finally {
      if (acquired == null) {
        HELD.remove(file);
      }
    }
  }

  /** The lock files this process holds. */
  private static final Map<Path, Boolean> HELD = new ConcurrentHashMap<>();

  private static FolderLock acquire(Path file) throws IOException {
    byte[] token = (ProcessHandle.current().pid() + " "
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Object before = key(file);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        return null;
      }
      try {
        Object after = key(file);
        if (before != null && before.equals(after)) {
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(token), 0);
          return new FolderLock(file, channel, lock);
        }
      } catch (IOException | RuntimeException e) {
        lock.release();
        channel.close();
        throw e;
      }
      // the name led to another file meanwhile (a finished run removed the one we opened),
      // or there was none yet: look again
      lock.release();
      channel.close();
    }
    return null;
  }

  /** The identity of the file a name leads to (device and inode), or null when there is none. */
  private static Object key(Path file) throws IOException {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      return key != null ? key : NO_KEYS;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Stands for every file on a system without file keys, where the check cannot be made. */
  private static final Object NO_KEYS = new Object();

  /** Removes the lock file, then lets go of the lock. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      try {
        lock.release();
      } finally {
        try {
          channel.close();
        } finally {
          HELD.remove(file);
        }
      }
    }
  }
}
