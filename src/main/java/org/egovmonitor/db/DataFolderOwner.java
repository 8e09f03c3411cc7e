package org.egovmonitor.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Who runs the embedded PostgreSQL of a data folder: the process holding an exclusive lock on {@code <folder>.lock}
 * (beside the folder: {@code initdb} wants the folder itself empty on first use). The operating system drops the lock
 * when that process dies however it dies, so a held lock means a live owner and a free lock with a running
 * postmaster means a true orphan. The file also says what the owner is and on which port its server listens, so a
 * second process can use that server as a client instead of stopping it.
 *
 * <p>File content, one line: {@code <role> <pid> <port>}; port 0 while the server is still starting.
 */
public final class DataFolderOwner implements AutoCloseable {

    /** What kind of process owns the folder: a long-running service, or a short command. */
    public enum Role {
        SERVER,
        COMMAND
    }

    /** What the lock file says about its current owner. */
    public record Owner(Role role, long pid, int port) {
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final Role role;

    private DataFolderOwner(FileChannel channel, FileLock lock, Role role) {
        this.channel = channel;
        this.lock = lock;
        this.role = role;
    }

    /** The lock file of a data folder. */
    public static Path lockFile(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".lock");
    }

    /** Takes ownership if nobody holds it; empty when a live process (this one included) does. */
    public static Optional<DataFolderOwner> tryAcquire(Path dataDir, Role role) throws IOException {
        Path file = lockFile(dataDir);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM (a command run inside a running server's process)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        DataFolderOwner owner = new DataFolderOwner(channel, lock, role);
        owner.publish(0);
        return Optional.of(owner);
    }

    /** What the lock file says, if it says anything readable. */
    public static Optional<Owner> read(Path dataDir) {
        try {
            String[] parts = Files.readString(lockFile(dataDir), StandardCharsets.US_ASCII).trim().split("\\s+");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Owner(Role.valueOf(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Records the port the owned server listens on, for the processes that will use it as clients. */
    public void publish(int port) throws IOException {
        byte[] line = (role + " " + ProcessHandle.current().pid() + " " + port + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(line), 0);
        channel.force(true);
    }

    /** Gives the folder up; the file stays (an unlocked file means "free"). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
