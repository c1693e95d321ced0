// Where `meshgraph check` spends its time: runs the same stages as the CLI (find, read, graph,
// rules, JSON report) in-process and prints each stage's wall time and the peak RSS after it.
// A profiling aid for bench/README.md, not a benchmark: bench/run is the measurement.
//
// Usage: meshgraph_phases INPUT...   (as `meshgraph check INPUT...`, without a policy file)
#include <fmt/format.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

#include "check/policy.hpp"
#include "check/runner.hpp"
#include "graph/mesh_graph.hpp"
#include "load/input_discovery.hpp"
#include "load/input_error.hpp"
#include "load/parallel_reader.hpp"
#include "report/json_report.hpp"
#include "rules/registry.hpp"

namespace {

using Clock = std::chrono::steady_clock;

/// Resident memory now (peak RSS says only the most it ever was).
long rss_now_mib() {
  long pages_total = 0;
  long pages_resident = 0;
  if (std::FILE* statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(statm, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = 0;
    std::fclose(statm);
  }
  return pages_resident * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

class Stopwatch {
 public:
  void lap(std::string_view stage) {
    const Clock::time_point now = Clock::now();
    const struct mallinfo2 heap = mallinfo2();
    fmt::print(stderr, "{:<14} {:>8.3f} s   peak RSS {:>5} MiB   RSS {:>5} MiB   heap in use {:>5} MiB\n", stage,
               std::chrono::duration<double>(now - last_).count(), peak_rss_mib(), rss_now_mib(),
               (heap.uordblks + heap.hblkhd) >> 20);
    last_ = now;
  }

 private:
  Clock::time_point last_ = Clock::now();
};

}  // namespace

int main(int argc, char** argv) {
  using namespace meshgraph;
  const std::vector<std::string> inputs(argv + 1, argv + argc);
  try {
    Stopwatch watch;
    const Clock::time_point start = Clock::now();
    std::vector<std::string> paths = load::find_manifests(inputs, {});
    watch.lap("find");
    std::vector<load::Manifest> manifests = load::read_manifests(paths, load::Detail::Check);
    watch.lap("read");
    // MESHGRAPH_ACCOUNT=1: where the loaded model's memory is (docs/performance.md).
    if (std::getenv("MESHGRAPH_ACCOUNT") != nullptr) {
      std::size_t nodes = 0, refs = 0, columns = 0, text = 0, sources = 0, n = 0, tests = 0;
      for (const auto& m : manifests) {
        nodes += m.nodes.capacity() * sizeof(load::Node);
        text += m.text->capacity();
        for (const auto& node : m.nodes) {
          ++n;
          tests += node.resource_type == load::ResourceType::Test;
          refs += node.refs.capacity() * sizeof(load::Ref);
          columns += node.details->columns.capacity() * sizeof(load::Column);
          sources += node.depends_on_sources.capacity() * sizeof(load::Text);
        }
      }
      fmt::print(
          stderr,
          "nodes {} ({} tests) {} MB, refs {} MB, columns {} MB, text {} MB, sources {} MB\n", n,
          tests, nodes / 1e6, refs / 1e6, columns / 1e6, text / 1e6, sources / 1e6);
    }
    const graph::MeshGraph mesh = graph::MeshGraph::build(std::move(manifests));
    watch.lap("graph");
    const check::Policy policy;
    const check::CheckContext context{mesh, policy};
    check::RunResult result = check::run_checks(rules::all_rules(), context, check::RunSettings{});
    watch.lap("rules");
    const std::size_t findings = result.diagnostics.size();
    const report::Report report{"check", {}, std::move(result.diagnostics), result.waived, {}, {}};
    const std::string json = report::render_json(report);
    watch.lap("json");
    fmt::print(stderr, "{:<14} {:>8.3f} s   {} manifests, {} nodes, {} findings, {} bytes of JSON\n",
               "total", std::chrono::duration<double>(Clock::now() - start).count(), paths.size(),
               mesh.nodes().size(), findings, json.size());
    std::fflush(stderr);
    std::_Exit(0);  // as the CLI does not: what destruction costs shows in `meshgraph check`
  } catch (const load::InputError& error) {
    fmt::print(stderr, "meshgraph_phases: {}: {}\n", error.file(), error.what());
    return 2;
  }
}
