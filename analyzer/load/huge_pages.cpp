#include "load/huge_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace meshgraph::load {

namespace {

/// madvise(advice) on the whole pages of `page` bytes inside [data, data + bytes): madvise wants
/// a page-aligned start, and a partial page at either end may hold someone else's bytes
/// (malloc's header).
/// The advice is best effort: an error leaves the memory as it was, which is correct.
void advise_whole_pages(const void* data, std::size_t bytes, int advice, std::uintptr_t page) noexcept {
  if (data == nullptr) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) / page * page;
  if (end <= begin) return;
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, advice);
}

std::uintptr_t system_page() noexcept { return static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE)); }

/// x86-64's transparent huge page (the PMD size). Elsewhere it may differ (arm64 with 64 KiB
/// pages: 512 MiB); releasing by 2 MiB is still correct there, only less effective.
constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

}  // namespace

void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  // Below one huge page there is nothing to gain.
  if (bytes >= kHugePage) advise_whole_pages(data, bytes, MADV_HUGEPAGE, system_page());
#endif
}

void release_memory(void* data, std::size_t bytes) noexcept {
  // Whole huge pages only: giving back part of one splits it, and what is faulted in again
  // there comes back 4 KiB at a time (perf: 40% of check's page faults were the structural
  // index's, ~740 per file, until the release kept to 2 MiB boundaries).
  advise_whole_pages(data, bytes, MADV_DONTNEED, kHugePage);
}

}  // namespace meshgraph::load
