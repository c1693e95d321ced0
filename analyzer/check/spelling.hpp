// "Did you mean": the nearest valid word to one the user typed (ninja's SpellcheckString).
#pragma once

#include <span>
#include <string_view>

namespace meshgraph::check {

/// Case-insensitive edit distance between two words.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely typo; else "".
std::string_view nearest_spelling(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace meshgraph::check
