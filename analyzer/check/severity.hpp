// Severity of a finding, and its one mapping to and from the words users write.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace meshgraph::check {

/// Ordered from least to most severe, so `a >= b` reads "a is at least as severe as b".
enum class Severity : std::uint8_t { Note, Warning, Error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view word);

}  // namespace meshgraph::check
