// doctest runner. Tests read fixtures by repository-relative paths, as a user types them.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (::chdir(MESHGRAPH_SOURCE_DIR) != 0) {
    std::perror("cannot enter the source folder");
    return 2;
  }
  doctest::Context context(argc, argv);
  return context.run();
}
