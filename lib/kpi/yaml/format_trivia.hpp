#pragma once
// Internal to yaml/format: what a YAML parser drops and kpi fmt keeps. Comments and blank
// lines are found in the text (outside quoted and block scalars, whose extent the tree's
// positions give) and attached to the entry they stand before, or end the line of; block
// scalars (`|`, `>`) are kept as their lines.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/yaml/tree.hpp"

namespace kpi::yaml {

/// What goes with one entry (a mapping's key-value pair or a block list's item).
struct Trivia {
  std::vector<std::string> before;  ///< comment lines ("# ...") and blank lines (""), in order
  std::string end_comment;          ///< "# ..." at the end of the entry's first line, or empty
  int end_column = 0;  ///< its column as written, from where its line's indentation ends
  std::vector<std::string> end_more;  ///< comment lines continuing it, written under it
  std::vector<std::string>
      after;  ///< comment lines closing its value, indented past the next entry
};

/// A block scalar as written: its header and its lines without their indentation.
struct BlockScalar {
  std::string header;              ///< "|", ">-", ...
  std::vector<std::string> lines;  ///< "" for a blank line
};

struct FileTrivia {
  std::map<int32_t, Trivia> pairs;        ///< by the key's byte offset
  std::map<int32_t, Trivia> items;        ///< by the item's byte offset
  std::vector<std::string> tail;          ///< comments after the last entry
  std::map<int32_t, BlockScalar> blocks;  ///< by the scalar's byte offset; only those kept as lines
};

/// The trivia of `text`, whose tree is `tree`.
FileTrivia collect_trivia(std::string_view text, const Tree& tree);

/// Code points in `text` (bytes that do not continue a UTF-8 sequence).
std::size_t display_width(std::string_view text);

}  // namespace kpi::yaml
