// kpi-bench-newlines: counts the newlines of a file in one pass, read() in 1 MiB blocks
// and memchr. It is the floor any CSV reader is measured against: no parsing at all.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: kpi-bench-newlines FILE|-\n");
    return 2;
  }
  int fd = std::strcmp(argv[1], "-") == 0 ? 0 : open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::fprintf(stderr, "kpi-bench-newlines: %s: %s\n", argv[1], std::strerror(errno));
    return 2;
  }
  std::vector<char> block(std::size_t{1} << 20);
  unsigned long long count = 0;
  for (;;) {
    ssize_t got = read(fd, block.data(), block.size());
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      std::fprintf(stderr, "kpi-bench-newlines: %s: %s\n", argv[1], std::strerror(errno));
      return 2;
    }
    if (got == 0) {
      break;
    }
    const char* at = block.data();
    const char* end = at + got;
    while ((at = static_cast<const char*>(std::memchr(at, '\n', end - at))) != nullptr) {
      ++count;
      ++at;
    }
  }
  std::printf("%llu\n", count);
  return 0;
}
