// LD_PRELOAD shim for the fault-injection test (tests/fault/inject.sh): counts the calls
// that write files and makes one of them fail.
//
//   KPI_FAULT_CALL   write | fsync | rename | open | ftruncate | close (fdatasync counts
//                    as fsync, renameat/renameat2 as rename, openat/creat/mkstemp's open
//                    as open -- only opens for writing count)
//   KPI_FAULT_N      the call to fail, counted from 1 (0 or unset: fail none)
//   KPI_FAULT_ERRNO  the errno to fail with: EIO (default) or ENOSPC
//   KPI_FAULT_COUNT  a file to which, at exit, "KIND COUNT" lines are written
//
// Writes to stdout and stderr (descriptors 1 and 2) are neither counted nor failed: the
// test is about the files a command writes, and it needs the messages.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum kind { K_WRITE, K_FSYNC, K_RENAME, K_OPEN, K_FTRUNCATE, K_CLOSE, K_COUNT };
static const char* const k_names[K_COUNT] = {"write", "fsync",     "rename",
                                             "open",  "ftruncate", "close"};
static long g_counts[K_COUNT];
static int g_fail_kind = -1;
static long g_fail_n = 0;
static int g_errno = EIO;
static int g_ready = 0;
static int g_open_for_write[1024];  // descriptors opened for writing (close counts them)

static void setup(void) {
  if (g_ready) {
    return;
  }
  g_ready = 1;
  const char* call = getenv("KPI_FAULT_CALL");
  const char* n = getenv("KPI_FAULT_N");
  const char* err = getenv("KPI_FAULT_ERRNO");
  if (call != NULL) {
    for (int k = 0; k < K_COUNT; ++k) {
      if (strcmp(call, k_names[k]) == 0) {
        g_fail_kind = k;
      }
    }
  }
  if (n != NULL) {
    g_fail_n = strtol(n, NULL, 10);
  }
  if (err != NULL && strcmp(err, "ENOSPC") == 0) {
    g_errno = ENOSPC;
  }
}

/// Counts a call of `kind`; true when this one is to fail.
static int hit(int kind) {
  setup();
  long n = ++g_counts[kind];
  return kind == g_fail_kind && n == g_fail_n;
}

__attribute__((destructor)) static void report_counts(void) {
  const char* path = getenv("KPI_FAULT_COUNT");
  if (path == NULL || *path == '\0') {
    return;
  }
  FILE* f = fopen(path, "w");  // goes through the real functions: the counts are done
  if (f == NULL) {
    return;
  }
  for (int k = 0; k < K_COUNT; ++k) {
    fprintf(f, "%s %ld\n", k_names[k], g_counts[k]);
  }
  fclose(f);
}

#define REAL(name, type) ((type)dlsym(RTLD_NEXT, name))

static int counted_fd(int fd) { return fd > 2; }

ssize_t write(int fd, const void* buf, size_t count) {
  typedef ssize_t (*fn)(int, const void*, size_t);
  if (counted_fd(fd) && hit(K_WRITE)) {
    errno = g_errno;
    return -1;
  }
  return REAL("write", fn)(fd, buf, count);
}

ssize_t writev(int fd, const struct iovec* iov, int n) {
  typedef ssize_t (*fn)(int, const struct iovec*, int);
  if (counted_fd(fd) && hit(K_WRITE)) {
    errno = g_errno;
    return -1;
  }
  return REAL("writev", fn)(fd, iov, n);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
  typedef ssize_t (*fn)(int, const void*, size_t, off_t);
  if (counted_fd(fd) && hit(K_WRITE)) {
    errno = g_errno;
    return -1;
  }
  return REAL("pwrite", fn)(fd, buf, count, offset);
}

int fsync(int fd) {
  typedef int (*fn)(int);
  if (hit(K_FSYNC)) {
    errno = g_errno;
    return -1;
  }
  return REAL("fsync", fn)(fd);
}

int fdatasync(int fd) {
  typedef int (*fn)(int);
  if (hit(K_FSYNC)) {
    errno = g_errno;
    return -1;
  }
  return REAL("fdatasync", fn)(fd);
}

int ftruncate(int fd, off_t length) {
  typedef int (*fn)(int, off_t);
  if (hit(K_FTRUNCATE)) {
    errno = g_errno;
    return -1;
  }
  return REAL("ftruncate", fn)(fd, length);
}

int rename(const char* from, const char* to) {
  typedef int (*fn)(const char*, const char*);
  if (hit(K_RENAME)) {
    errno = g_errno;
    return -1;
  }
  return REAL("rename", fn)(from, to);
}

int renameat(int fromdir, const char* from, int todir, const char* to) {
  typedef int (*fn)(int, const char*, int, const char*);
  if (hit(K_RENAME)) {
    errno = g_errno;
    return -1;
  }
  return REAL("renameat", fn)(fromdir, from, todir, to);
}

int renameat2(int fromdir, const char* from, int todir, const char* to, unsigned flags) {
  typedef int (*fn)(int, const char*, int, const char*, unsigned);
  if (hit(K_RENAME)) {
    errno = g_errno;
    return -1;
  }
  return REAL("renameat2", fn)(fromdir, from, todir, to, flags);
}

static int writing(int flags) { return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0; }

static int track(int fd) {
  if (fd >= 0 && fd < 1024) {
    g_open_for_write[fd] = 1;
  }
  return fd;
}

int open(const char* path, int flags, ...) {
  typedef int (*fn)(const char*, int, ...);
  mode_t mode = 0;
  if (flags & (O_CREAT | __O_TMPFILE)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  if (writing(flags)) {
    if (hit(K_OPEN)) {
      errno = g_errno;
      return -1;
    }
    return track(REAL("open", fn)(path, flags, mode));
  }
  return REAL("open", fn)(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  typedef int (*fn)(const char*, int, ...);
  mode_t mode = 0;
  if (flags & (O_CREAT | __O_TMPFILE)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  if (writing(flags)) {
    if (hit(K_OPEN)) {
      errno = g_errno;
      return -1;
    }
    return track(REAL("open64", fn)(path, flags, mode));
  }
  return REAL("open64", fn)(path, flags, mode);
}

int openat(int dir, const char* path, int flags, ...) {
  typedef int (*fn)(int, const char*, int, ...);
  mode_t mode = 0;
  if (flags & (O_CREAT | __O_TMPFILE)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  if (writing(flags)) {
    if (hit(K_OPEN)) {
      errno = g_errno;
      return -1;
    }
    return track(REAL("openat", fn)(dir, path, flags, mode));
  }
  return REAL("openat", fn)(dir, path, flags, mode);
}

int mkostemp(char* tmpl, int flags) {
  typedef int (*fn)(char*, int);
  if (hit(K_OPEN)) {
    errno = g_errno;
    return -1;
  }
  return track(REAL("mkostemp", fn)(tmpl, flags));
}

int mkstemp(char* tmpl) {
  typedef int (*fn)(char*);
  if (hit(K_OPEN)) {
    errno = g_errno;
    return -1;
  }
  return track(REAL("mkstemp", fn)(tmpl));
}

int close(int fd) {
  typedef int (*fn)(int);
  if (fd >= 0 && fd < 1024 && g_open_for_write[fd]) {
    g_open_for_write[fd] = 0;
    if (hit(K_CLOSE)) {
      REAL("close", fn)(fd);  // the descriptor is gone, as after a real failed close
      errno = g_errno;
      return -1;
    }
  }
  return REAL("close", fn)(fd);
}
