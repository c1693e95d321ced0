// Selector parsing (one pass, errors at the first bad character) and evaluation (a breadth-first
// walk per operator). Syntax follows dbt's node selection (docs: reference/node-selection/syntax,
// graph-operators): a bare word is a node name, `+` before or after adds ancestors or
// descendants, a number bounds the generations, a space makes a union.
#include "graph/selector.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>
#include <set>

namespace meshgraph::graph {

namespace {

constexpr std::array<std::string_view, 3> kMethods{"project", "group", "access"};
constexpr std::array<std::string_view, 3> kAccessLevels{"public", "protected", "private"};

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Selector parse() {
    Selector selector;
    skip_spaces();
    if (at_end()) throw SelectorError(1, "the selector is empty");
    while (!at_end()) {
      selector.terms.push_back(parse_term());
      if (!at_end() && is_word_char(text_[pos_])) {
        throw SelectorError(column(pos_), "expected a space between two terms");
      }
      if (!at_end() && text_[pos_] != ' ') fail_here();
      skip_spaces();
    }
    return selector;
  }

 private:
  SelectorTerm parse_term() {
    SelectorTerm term;
    const std::size_t digits = count_digits();
    if (pos_ + digits < text_.size() && text_[pos_ + digits] == '+') {
      term.parents = digits == 0 ? kAllGenerations : read_number(digits);
      ++pos_;
    }
    const std::size_t word_start = pos_;
    std::string word = read_word();
    if (word.empty()) fail_expected("a model name", word_start);
    if (!at_end() && text_[pos_] == ':') {
      const auto method = std::find(kMethods.begin(), kMethods.end(), word);
      if (method == kMethods.end()) {
        throw SelectorError(column(word_start), fmt::format("unknown selector method '{}:'", word),
                            word, std::vector<std::string>(kMethods.begin(), kMethods.end()));
      }
      term.method = static_cast<SelectorMethod>(1 + (method - kMethods.begin()));
      ++pos_;
      const std::size_t value_start = pos_;
      term.value = read_word();
      term.column = column(value_start);
      if (term.value.empty()) fail_expected(fmt::format("a value after '{}:'", word), value_start);
      if (term.method == SelectorMethod::Access &&
          std::find(kAccessLevels.begin(), kAccessLevels.end(), term.value) ==
              kAccessLevels.end()) {
        throw SelectorError(term.column, fmt::format("unknown access level '{}'", term.value),
                            term.value,
                            std::vector<std::string>(kAccessLevels.begin(), kAccessLevels.end()));
      }
    } else {
      term.value = std::move(word);
      term.column = column(word_start);
    }
    if (!at_end() && text_[pos_] == '+') {
      ++pos_;
      const std::size_t after = count_digits();
      term.children = after == 0 ? kAllGenerations : read_number(after);
    }
    return term;
  }

  std::string read_word() {
    const std::size_t start = pos_;
    while (!at_end() && is_word_char(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  std::size_t count_digits() const {
    std::size_t n = 0;
    while (pos_ + n < text_.size() && is_digit(text_[pos_ + n])) ++n;
    return n;
  }

  std::size_t read_number(std::size_t digits) {
    if (digits > 6) throw SelectorError(column(pos_), "the number of generations is too large");
    std::size_t value = 0;
    for (std::size_t i = 0; i < digits; ++i)
      value = value * 10 + static_cast<std::size_t>(text_[pos_++] - '0');
    return value;
  }

  [[noreturn]] void fail_expected(const std::string& what, std::size_t at) {
    if (at >= text_.size())
      throw SelectorError(column(at), fmt::format("expected {} at the end of the selector", what));
    if (text_[at] == ' ')
      throw SelectorError(column(at), fmt::format("expected {}, found a space", what));
    pos_ = at;
    fail_here();
  }

  /// The character at pos_ cannot be read here: say which, and what dbt syntax it is if we know.
  [[noreturn]] void fail_here() {
    const char c = text_[pos_];
    const std::size_t at = column(pos_);
    if (c == ',')
      throw SelectorError(at,
                          "intersections (',') are not supported; separate a union with spaces");
    if (c == '@')
      throw SelectorError(
          at, "the '@' operator is not supported; use '+name+' for ancestors and descendants");
    if (c == '*')
      throw SelectorError(at,
                          "wildcards ('*') are not supported; name the model, project or group");
    if (c == '+') throw SelectorError(at, "unexpected '+': put one '+' before or after a name");
    if (c == ':')
      throw SelectorError(at, "unexpected ':': a method is one of project:, group:, access:");
    std::size_t length = 1;
    while (pos_ + length < text_.size() &&
           (static_cast<unsigned char>(text_[pos_ + length]) & 0xC0) == 0x80)
      ++length;
    const std::string_view shown = text_.substr(pos_, length);
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      throw SelectorError(at, fmt::format("invalid character \\x{:02x} in the selector",
                                          static_cast<unsigned char>(c)));
    }
    throw SelectorError(at, fmt::format("invalid character '{}' in the selector", shown));
  }

  /// 1-based column in characters (UTF-8 continuation bytes do not count).
  std::size_t column(std::size_t byte) const {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < byte && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++characters;
    }
    return characters + 1 + (byte > text_.size() ? byte - text_.size() : 0);
  }

  void skip_spaces() {
    while (!at_end() && text_[pos_] == ' ') ++pos_;
  }
  bool at_end() const { return pos_ >= text_.size(); }

  std::string_view text_;
  std::size_t pos_ = 0;
};

/// dbt names a model version `name.v2`; a bare name selects every version.
bool name_matches(const load::Node& node, std::string_view value) {
  if (node.name == value) return true;
  return node.details->version &&
         value.size() == node.name.size() + 2 + node.details->version->size() &&
         value.starts_with(node.name) && value.substr(node.name.size(), 2) == ".v" &&
         value.substr(node.name.size() + 2) == *node.details->version;
}

bool term_matches(const MeshGraph& mesh, NodeId id, const SelectorTerm& term) {
  const load::Node& node = mesh.node(id);
  switch (term.method) {
    case SelectorMethod::Name:
      return name_matches(node, term.value);
    case SelectorMethod::Project:
      return mesh.project_of(id).name == term.value;
    case SelectorMethod::Group:
      return node.group == term.value;
    case SelectorMethod::Access:
      return node.is_model() &&
             kAccessLevels[2 - static_cast<std::size_t>(node.access)] == term.value;
  }
  return false;
}

/// Words the user may have meant, for the "did you mean" of a term that matches nothing.
std::vector<std::string> known_values(const MeshGraph& mesh, SelectorMethod method) {
  std::set<std::string> values;
  for (NodeId id = 0; id < mesh.nodes().size(); ++id) {
    const load::Node& node = mesh.node(id);
    if (method == SelectorMethod::Name && node.resource_type != load::ResourceType::Test)
      values.emplace(node.name);
    if (method == SelectorMethod::Group && !node.group.empty()) values.emplace(node.group);
  }
  if (method == SelectorMethod::Project) {
    for (const Project& project : mesh.projects()) values.insert(project.name);
  }
  return {values.begin(), values.end()};
}

[[noreturn]] void fail_no_match(const MeshGraph& mesh, const SelectorTerm& term) {
  std::string message;
  switch (term.method) {
    case SelectorMethod::Name:
      message = fmt::format("no node of the mesh is named '{}'", term.value);
      break;
    case SelectorMethod::Project:
      message = fmt::format("no project of the mesh is named '{}'", term.value);
      break;
    case SelectorMethod::Group:
      message = fmt::format("no group of the mesh is named '{}'", term.value);
      break;
    case SelectorMethod::Access:
      message = fmt::format("no model of the mesh is {}", term.value);
      break;
  }
  throw SelectorError(term.column, message, term.value,
                      term.method == SelectorMethod::Access ? std::vector<std::string>{}
                                                            : known_values(mesh, term.method));
}

/// Adds to `selected` everything within `depth` generations of `start`, following `next`.
template <typename Next>
void add_generations(const std::vector<NodeId>& start, std::size_t depth, Next next,
                     std::vector<bool>& selected) {
  if (depth == 0) return;
  std::vector<std::size_t> seen(selected.size(), kAllGenerations);
  std::deque<NodeId> queue;
  for (NodeId id : start) {
    seen[id] = 0;
    queue.push_back(id);
  }
  while (!queue.empty()) {
    const NodeId current = queue.front();
    queue.pop_front();
    if (seen[current] >= depth) continue;
    for (NodeId neighbour : next(current)) {
      if (seen[neighbour] != kAllGenerations) continue;
      seen[neighbour] = seen[current] + 1;
      selected[neighbour] = true;
      queue.push_back(neighbour);
    }
  }
}

}  // namespace

Selector parse_selector(std::string_view text) { return Parser(text).parse(); }

std::vector<NodeId> select_nodes(const MeshGraph& mesh, const Selector& selector) {
  std::vector<bool> selected(mesh.nodes().size(), false);
  for (const SelectorTerm& term : selector.terms) {
    std::vector<NodeId> matched;
    for (NodeId id = 0; id < mesh.nodes().size(); ++id) {
      if (term_matches(mesh, id, term)) matched.push_back(id);
    }
    if (matched.empty()) fail_no_match(mesh, term);
    for (NodeId id : matched) selected[id] = true;
    add_generations(
        matched, term.parents, [&](NodeId id) { return mesh.parents(id); }, selected);
    add_generations(
        matched, term.children, [&](NodeId id) { return mesh.children(id); }, selected);
  }
  std::vector<NodeId> nodes;
  for (NodeId id = 0; id < selected.size(); ++id) {
    if (selected[id]) nodes.push_back(id);
  }
  return nodes;
}

}  // namespace meshgraph::graph
