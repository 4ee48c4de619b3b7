#pragma once
// Internal to the formula module: the tokens of a formula.

#include <string>
#include <string_view>
#include <vector>

namespace kpi::formula_detail {

struct Token {
  enum class Kind { number, id, plus, minus, star, slash, open, close, end, invalid };
  Kind kind = Kind::end;
  std::string_view text;  ///< the token's characters in the formula (empty for end)
  int column = 1;         ///< 1-based; for end, one past the last character
  double number = 0;      ///< for number
  std::string error;      ///< for invalid: what is wrong with the character at `column`
};

/// The tokens of `text`, ending with one `end` token, or with an `invalid` token at the
/// first character that cannot start a token (nothing after it is read).
std::vector<Token> tokenize(std::string_view text);

}  // namespace kpi::formula_detail
