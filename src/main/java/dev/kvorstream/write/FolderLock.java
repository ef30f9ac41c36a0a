package dev.kvorstream.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One writer at a time in a folder: an operating-system lock on a file in it, held while a
 * run writes and removed when the run is done, so nothing of ours stays behind. A run that
 * was killed leaves the file but not the lock (the system lets go of a dead process's
 * locks), and the next run takes it over.
 *
 * <p>Because the file is removed, a run may lock a file that another run has just removed
 * while a third has already made a new one. Each run therefore writes its own token into the
 * file it locked and reads it back by name: only when the name still leads to its token does
 * it hold the folder; otherwise it tries again.
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
    Path file = dir.resolve(name);
    byte[] token = (ProcessHandle.current().pid() + " "
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
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
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        if (holds(file, token)) {
          return new FolderLock(file, channel, lock);
        }
      } catch (IOException | RuntimeException e) {
        lock.release();
        channel.close();
        throw e;
      }
      // the file we locked is no longer the one the name leads to: a finished run removed it
      lock.release();
      channel.close();
    }
    return null;
  }

  private static boolean holds(Path file, byte[] token) throws IOException {
    try {
      return java.util.Arrays.equals(Files.readAllBytes(file), token);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Removes the lock file, then lets go of the lock. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
