// advise_huge_pages and release_memory are hints: they never change what a buffer holds, except
// that released pages read as zeros.
#include "load/huge_pages.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
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

TEST_CASE("released whole 2 MiB pages read as zeros; the partial ones at either end keep their bytes") {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  constexpr std::size_t kSize = 4 * kHugePage;
  auto buffer = std::make_unique<char[]>(kSize);
  std::fill_n(buffer.get(), kSize, 'm');
  // The first 2 MiB boundary after the buffer's first byte (the release below starts at its
  // second), and the last one before its end: between them are whole huge pages (at least two,
  // as the buffer holds four).
  const auto address = reinterpret_cast<std::uintptr_t>(buffer.get());
  const std::size_t first_whole = (address + 1 + kHugePage - 1) / kHugePage * kHugePage - address;
  const std::size_t end_whole = (address + kSize) / kHugePage * kHugePage - address;
  REQUIRE(end_whole - first_whole >= 2 * kHugePage);

  // Less than one whole huge page: nothing is given back, not even its whole 4 KiB pages.
  release_memory(buffer.get() + first_whole, kHugePage - 1);
  CHECK(buffer[first_whole + kHugePage / 2] == 'm');

  release_memory(buffer.get() + 1, kSize - 1);
  CHECK(buffer[1] == 'm');
  CHECK(buffer[first_whole - 1] == 'm');
  CHECK(buffer[first_whole] == '\0');
  CHECK(buffer[end_whole - 1] == '\0');
  if (end_whole < kSize) CHECK(buffer[end_whole] == 'm');
  CHECK(buffer[kSize - 1] == 'm');
  release_memory(nullptr, kSize);  // nothing to do
  buffer[first_whole] = 'w';  // released pages can be written again
  CHECK(buffer[first_whole] == 'w');
}

}  // namespace meshgraph::load
