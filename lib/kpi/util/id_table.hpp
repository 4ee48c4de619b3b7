#pragma once
// Flat open-addressing lookup tables for the measurement reader's hot loop: ids looked
// up by the bytes of a view into the read buffer, and (kpi, entity) pairs. Built once,
// read by several threads at a time (lookups are const and allocate nothing).

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::util {

/// The first sixteen bytes of a string as two words (zeros past its end), loaded
/// without a loop or a library call: the ids of a workspace are short.
struct ShortKey {
  uint64_t low = 0;
  uint64_t high = 0;

  static ShortKey of(std::string_view text) noexcept {
    const char* p = text.data();
    const size_t n = text.size();
    ShortKey key;
    if (n >= 8) {
      key.low = load<uint64_t>(p);
      if (n > 8) {
        // The last eight bytes of the first sixteen, shifted down to start at byte 8.
        const size_t end = n < 16 ? n : 16;
        key.high = load<uint64_t>(p + end - 8) >> (8 * (16 - end));
      }
    } else if (n >= 4) {
      // Two loads of four that overlap; the shared bytes are the same, so or-ing works.
      key.low =
          load<uint32_t>(p) | (static_cast<uint64_t>(load<uint32_t>(p + n - 4)) << (8 * (n - 4)));
    } else if (n > 0) {
      key.low = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
                (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << (8 * (n / 2))) |
                (static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << (8 * (n - 1)));
    }
    return key;
  }

  uint64_t hash(size_t length) const noexcept {
    uint64_t h = (low ^ (high * 0xC2B2AE3D27D4EB4Full) ^ length) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }

 private:
  template <typename T>
  static T load(const char* p) noexcept {
    T value;
    std::memcpy(&value, p, sizeof value);
    return value;
  }
};

/// Maps distinct strings to ints.
class IdTable {
 public:
  /// Adds `id` with `value` unless it is there; returns false when it was.
  bool insert(std::string_view id, int value);
  /// The value of `id`, or -1.
  int find(std::string_view id) const noexcept {
    if (m_slots.empty()) {
      return -1;
    }
    const ShortKey key = ShortKey::of(id);
    for (size_t i = key.hash(id.size()) & m_mask;; i = (i + 1) & m_mask) {
      const Slot& s = m_slots[i];
      if (s.value < 0) {
        return -1;
      }
      if (s.key.low == key.low && s.key.high == key.high && s.length == id.size() &&
          (id.size() <= 16 ||
           std::memcmp(m_text.data() + s.offset + 16, id.data() + 16, id.size() - 16) == 0)) {
        return s.value;
      }
    }
  }
  size_t size() const { return m_count; }

 private:
  struct Slot {
    ShortKey key;
    uint32_t offset = 0;  ///< in m_text, for ids longer than sixteen bytes
    uint32_t length = 0;
    int value = -1;
  };
  void grow();

  std::vector<Slot> m_slots;
  std::string m_text;  ///< every id's bytes, one after another
  size_t m_mask = 0;
  size_t m_count = 0;
};

/// Maps distinct pairs of non-negative ints to ints.
class PairTable {
 public:
  /// Adds the pair with `value` unless it is there; returns false when it was.
  bool insert(int a, int b, int value);
  /// The value of (a, b), or -1.
  int find(int a, int b) const noexcept {
    if (m_slots.empty()) {
      return -1;
    }
    const uint64_t key = pack(a, b);
    for (size_t i = mix(key) & m_mask;; i = (i + 1) & m_mask) {
      const Slot& s = m_slots[i];
      if (s.value < 0) {
        return -1;
      }
      if (s.key == key) {
        return s.value;
      }
    }
  }
  size_t size() const { return m_count; }

 private:
  struct Slot {
    uint64_t key = 0;
    int value = -1;
  };
  static uint64_t pack(int a, int b) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
  }
  static uint64_t mix(uint64_t key) {
    key *= 0x9E3779B97F4A7C15ull;
    return key ^ (key >> 31);
  }
  void grow();

  std::vector<Slot> m_slots;
  size_t m_mask = 0;
  size_t m_count = 0;
};

}  // namespace kpi::util
