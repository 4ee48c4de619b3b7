// OpenSSL's EVP digest: audited, and fast where the CPU has SHA instructions.

#include "kpi/util/sha256.hpp"

#include <openssl/evp.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <vector>

#include "kpi/util/file.hpp"

namespace kpi {

namespace {

struct Digest {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
  Digest() { EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr); }
  void add(const void* data, size_t size) { EVP_DigestUpdate(ctx.get(), data, size); }
  std::string hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), out, &size);
    static const char* const k_digits = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < size; ++i) {
      text += k_digits[out[i] >> 4];
      text += k_digits[out[i] & 15];
    }
    return text;
  }
};

}  // namespace

std::string sha256_hex(std::string_view data) {
  Digest d;
  d.add(data.data(), data.size());
  return d.hex();
}

std::optional<std::string> sha256_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = describe_errno(errno);
    return std::nullopt;
  }
  Digest d;
  std::vector<char> block(1 << 16);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    d.add(block.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return d.hex();
}

}  // namespace kpi
