// Splits a formula into numbers, KPI ids, operators and parentheses.

#include "kpi/formula/lexer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <system_error>

namespace kpi::formula_detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_id_start(char c) { return (c >= 'a' && c <= 'z') || is_digit(c); }
bool is_id_char(char c) { return is_id_start(c) || c == '_' || c == '.' || c == '-'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Length of the longest id run at `from`: [a-z0-9][a-z0-9_.-]*.
std::size_t id_length(std::string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && is_id_char(text[end])) {
    ++end;
  }
  return end - from;
}

/// Length of the longest number at `from`: digits, optionally '.' and digits, optionally
/// an exponent such as e-5 or E3; 0 when `from` holds no digit.
std::size_t number_length(std::string_view text, std::size_t from) {
  std::size_t end = from;
  const auto skip_digits = [&](std::size_t at) {
    while (at < text.size() && is_digit(text[at])) {
      ++at;
    }
    return at;
  };
  end = skip_digits(end);
  if (end == from) {
    return 0;
  }
  if (end < text.size() && text[end] == '.') {
    end = skip_digits(end + 1);
  }
  if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
    std::size_t exponent = end + 1;
    if (exponent < text.size() && (text[exponent] == '+' || text[exponent] == '-')) {
      ++exponent;
    }
    const std::size_t exponent_end = skip_digits(exponent);
    if (exponent_end > exponent) {
      end = exponent_end;
    }
  }
  return end - from;
}

std::string describe_bad_character(char c) {
  if (c >= 'A' && c <= 'Z') {
    return fmt::format("unexpected '{}': KPI ids are lowercase", c);
  }
  if (c > ' ' && c <= '~') {
    return fmt::format(
        "unexpected character '{}': a formula holds numbers, KPI ids, + - * / and parentheses", c);
  }
  return fmt::format(
      "unexpected byte 0x{:02x}: a formula holds numbers, KPI ids, + - * / and "
      "parentheses",
      static_cast<unsigned char>(c));
}

Token::Kind operator_kind(char c) {
  switch (c) {
    case '+':
      return Token::Kind::plus;
    case '-':
      return Token::Kind::minus;
    case '*':
      return Token::Kind::star;
    case '/':
      return Token::Kind::slash;
    case '(':
      return Token::Kind::open;
    case ')':
      return Token::Kind::close;
    default:
      return Token::Kind::invalid;
  }
}

/// The number or id at `from`; an id run that is entirely a number is a number.
Token read_word(std::string_view text, std::size_t from) {
  const std::size_t id_len = id_length(text, from);
  const std::size_t number_len = number_length(text, from);
  Token token;
  token.column = static_cast<int>(from) + 1;
  if (number_len == 0 || number_len < id_len) {
    token.kind = Token::Kind::id;
    token.text = text.substr(from, id_len);
    return token;
  }
  token.text = text.substr(from, number_len);
  const char* first = token.text.data();
  const auto [end, status] = std::from_chars(first, first + token.text.size(), token.number);
  if (status != std::errc{} || end != first + token.text.size()) {
    token.kind = Token::Kind::invalid;
    token.error = fmt::format("number {} is out of range", token.text);
    return token;
  }
  token.kind = Token::Kind::number;
  return token;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (true) {
    while (at < text.size() && is_space(text[at])) {
      ++at;
    }
    if (at == text.size()) {
      tokens.push_back(Token{Token::Kind::end, {}, static_cast<int>(at) + 1, 0, {}});
      return tokens;
    }
    const char c = text[at];
    if (is_id_start(c)) {
      tokens.push_back(read_word(text, at));
      at += tokens.back().text.size();
    } else {
      Token token{operator_kind(c), text.substr(at, 1), static_cast<int>(at) + 1, 0, {}};
      if (token.kind == Token::Kind::invalid) {
        token.error = describe_bad_character(c);
      }
      tokens.push_back(token);
      ++at;
    }
    if (tokens.back().kind == Token::Kind::invalid) {
      return tokens;
    }
  }
}

}  // namespace kpi::formula_detail
