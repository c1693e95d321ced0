// The one error type for input the user must fix: it names the file, where in it, and what next.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace meshgraph::load {

/// Position in a text file, 1-based.
struct TextPosition {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// Thrown by every reader (manifests, policy file, baseline) for bad input; caught once in
/// main and printed as `meshgraph: error: FILE[:LINE:COL]: MESSAGE` + `help: HELP`, exit 2.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string message, std::string help = {},
             std::optional<TextPosition> position = std::nullopt)
      : std::runtime_error(message),
        file_(std::move(file)),
        help_(std::move(help)),
        position_(position) {}

  const std::string& file() const { return file_; }
  const std::string& help() const { return help_; }
  const std::optional<TextPosition>& position() const { return position_; }

 private:
  std::string file_;
  std::string help_;
  std::optional<TextPosition> position_;
};

}  // namespace meshgraph::load
