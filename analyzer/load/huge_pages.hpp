// Asks the kernel to back a large buffer with 2 MiB pages before it is first written.
#pragma once

#include <cstddef>

namespace meshgraph::load {

/// Advises transparent huge pages for the whole 4 KiB pages inside [data, data + bytes).
///
/// Why: reading a manifest writes about three times its size in fresh memory (the file, then
/// simdjson's structural index, tape and strings). With 4 KiB pages that is one page fault per
/// 4 KiB, and on a 20 MB manifest the faults cost more than parsing (perf: 60% of a one-project
/// `check` in the kernel). Most Linux systems run THP in `madvise` mode, so the buffers must ask.
/// Best effort: where THP is off, unsupported or refused, nothing changes.
void advise_huge_pages(const void* data, std::size_t bytes) noexcept;

/// Returns the memory of the whole 2 MiB pages inside [data, data + bytes) to the system; they
/// read as zeros afterwards and are faulted in again when written. Best effort, like the above.
void release_memory(void* data, std::size_t bytes) noexcept;

}  // namespace meshgraph::load
