#include "kpi/util/id_table.hpp"

#include <algorithm>
#include <utility>

namespace kpi::util {

// Both tables keep at most half of their slots full, so a probe ends quickly.

bool IdTable::insert(std::string_view id, int value) {
  if (find(id) >= 0) {
    return false;
  }
  const ShortKey key = ShortKey::of(id);
  m_entries.push_back(
      Entry{key, static_cast<uint32_t>(m_text.size()), static_cast<uint32_t>(id.size()), value});
  m_text.append(id);
  if (m_entries.size() * 2 > m_slots.size()) {
    m_slots.assign(std::max<size_t>(16, m_slots.size() * 2), Slot{});
    m_mask = m_slots.size() - 1;
    for (size_t e = 0; e < m_entries.size(); ++e) {
      place(m_entries[e].key.hash(m_entries[e].length), static_cast<int32_t>(e));
    }
  } else {
    place(key.hash(id.size()), static_cast<int32_t>(m_entries.size() - 1));
  }
  return true;
}

void IdTable::place(uint64_t hash, int32_t entry) {
  size_t i = hash & m_mask;
  while (m_slots[i].entry >= 0) {
    i = (i + 1) & m_mask;
  }
  m_slots[i] = Slot{static_cast<uint32_t>(hash >> 32), entry};
}

bool PairTable::insert(int a, int b, int value) {
  if (find(a, b) >= 0) {
    return false;
  }
  if ((m_count + 1) * 2 > m_slots.size()) {
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
