package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files named network namespaces are bind-mounted on, handled the way {@code ip netns} does: the directory
 * is a shared mount point (so an unmount here also reaches mount namespaces created later, and a deleted
 * namespace is really freed), each namespace an empty file with the namespace mounted on it.
 */
final class NamespaceMounts {

    private NamespaceMounts() {
    }

    /** Creates {@code directory} if needed and makes it a shared mount point (a bind mount onto itself). */
    static void prepareDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw failure("create " + directory, e);
        }
        String dir = directory.toString();
        if (Libc.mount("", dir, "none", Libc.MS_SHARED | Libc.MS_REC, null) == 0) {
            return;
        }
        if (Libc.errno() != Errno.EINVAL) {
            throw KernelException.of("make " + dir + " a shared mount", Libc.errno());
        }
        Libc.check(Libc.mount(dir, dir, "none", Libc.MS_BIND | Libc.MS_REC, null), "bind-mount " + dir);
        Libc.check(Libc.mount("", dir, "none", Libc.MS_SHARED | Libc.MS_REC, null), "make " + dir + " a shared mount");
    }

    /** The empty file a new namespace will be mounted on; {@code EEXIST} if a namespace has that name. */
    static void createMountPoint(Path file, String operation) {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw KernelException.of(operation, Errno.EEXIST);
        } catch (IOException e) {
            throw failure(operation, e);
        }
    }

    /** Unmounts a namespace (lazily, so open handles elsewhere do not block it) and deletes its file. */
    static void remove(Path file, String operation) {
        if (Libc.umount2(file.toString(), Libc.MNT_DETACH) != 0 && Libc.errno() != Errno.EINVAL
                && Libc.errno() != Errno.ENOENT) {
            throw KernelException.of(operation, Libc.errno());
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw failure(operation, e);
        }
    }

    static KernelException failure(String operation, IOException e) {
        int errno = e instanceof NoSuchFileException ? Errno.ENOENT
                : e instanceof FileAlreadyExistsException ? Errno.EEXIST
                : e instanceof AccessDeniedException ? Errno.EACCES : Errno.EIO;
        KernelException failure = KernelException.of(operation, errno);
        failure.initCause(e);
        return failure;
    }
}
