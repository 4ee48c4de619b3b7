#include "kpi/util/id_table.hpp"

#include <algorithm>
#include <utility>

namespace kpi::util {

// The tables keep at most three quarters of their slots full: probes stay short, and
// the table small enough to stay in the cache while rows stream through (a table twice
// as large made the entity lookup of the reader miss the cache).

bool IdTable::insert(std::string_view id, int value) {
  if (find(id) >= 0) {
    return false;
  }
  if ((m_count + 1) * 4 > m_slots.size() * 3) {
    grow();
  }
  const ShortKey key = ShortKey::of(id);
  size_t i = key.hash(id.size()) & m_mask;
  while (m_slots[i].value >= 0) {
    i = (i + 1) & m_mask;
  }
  m_slots[i] =
      Slot{key, static_cast<uint32_t>(m_text.size()), static_cast<uint32_t>(id.size()), value};
  m_text.append(id);
  ++m_count;
  return true;
}

void IdTable::grow() {
  std::vector<Slot> old =
      std::exchange(m_slots, std::vector<Slot>(std::max<size_t>(16, m_slots.size() * 2)));
  m_mask = m_slots.size() - 1;
  for (const Slot& s : old) {
    if (s.value >= 0) {
      size_t i = s.key.hash(s.length) & m_mask;
      while (m_slots[i].value >= 0) {
        i = (i + 1) & m_mask;
      }
      m_slots[i] = s;
    }
  }
}

bool PairTable::insert(int a, int b, int value) {
  if (find(a, b) >= 0) {
    return false;
  }
  if ((m_count + 1) * 4 > m_slots.size() * 3) {
    grow();
  }
  const uint64_t key = pack(a, b);
  size_t i = mix(key) & m_mask;
  while (m_slots[i].value >= 0) {
    i = (i + 1) & m_mask;
  }
  m_slots[i] = Slot{key, value};
  ++m_count;
  return true;
}

void PairTable::grow() {
  std::vector<Slot> old =
      std::exchange(m_slots, std::vector<Slot>(std::max<size_t>(16, m_slots.size() * 2)));
  m_mask = m_slots.size() - 1;
  for (const Slot& s : old) {
    if (s.value >= 0) {
      size_t i = mix(s.key) & m_mask;
      while (m_slots[i].value >= 0) {
        i = (i + 1) & m_mask;
      }
      m_slots[i] = s;
    }
  }
}

}  // namespace kpi::util
