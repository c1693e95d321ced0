// advise_huge_pages and release_memory are hints: they never change what a buffer holds, except
// that released pages read as zeros.
#include "load/huge_pages.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

namespace meshgraph::load {

TEST_CASE("advising huge pages keeps the contents; small, empty or null ranges are ignored") {
  constexpr std::size_t kSize = std::size_t{8} << 20;
  auto buffer = std::make_unique<char[]>(kSize);
  std::fill_n(buffer.get(), kSize, 'm');
  advise_huge_pages(buffer.get(), kSize);
  advise_huge_pages(buffer.get() + 1, 100);
  advise_huge_pages(nullptr, kSize);
  CHECK(std::all_of(buffer.get(), buffer.get() + kSize, [](char c) { return c == 'm'; }));
}

TEST_CASE("released whole pages read as zeros; the partial pages at either end keep their bytes") {
  constexpr std::size_t kSize = std::size_t{1} << 20;
  auto buffer = std::make_unique<char[]>(kSize);
  std::fill_n(buffer.get(), kSize, 'm');
  // From one byte in: the page that byte is on is not whole inside the range, so it is kept.
  release_memory(buffer.get() + 1, kSize - 1);
  CHECK(buffer[1] == 'm');
  CHECK(buffer[kSize / 2] == '\0');
  release_memory(nullptr, kSize);  // nothing to do
  buffer[kSize / 2] = 'w';  // released pages can be written again
  CHECK(buffer[kSize / 2] == 'w');
}

}  // namespace meshgraph::load
