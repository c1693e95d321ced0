// The escapers on the hostile string, asserted exactly: one test case per target syntax.
#include "report/escape.hpp"

#include <doctest/doctest.h>

#include "report_samples.hpp"

namespace meshgraph::report {

using testing::kHostile;

TEST_CASE("format escape: XML turns markup into entities and CR LF into references") {
  CHECK(
      escape_xml(kHostile) ==
      "q&quot;uote &apos;apos&apos; back\\slash &lt;lt&gt; &amp;amp; | pipe `tick` 100% a:b, "
      "c&#13;&#10;line2 "
      "--&gt; ::error::forged &lt;script&gt;alert(1)&lt;/script&gt; \xEF\xBF\xBD[31mred Zürich 🐳");
}

TEST_CASE("format escape: XML replaces bytes that are not UTF-8 and code points XML forbids") {
  CHECK(escape_xml("a\xff"
                   "b\xc3"
                   "c\xed\xa0\x80"
                   "d\x01\tz") ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
        "d\xEF\xBF\xBD&#9;z");
  CHECK(escape_xml("\xef\xbf\xbe") == "\xEF\xBF\xBD");          // U+FFFE
  CHECK(escape_xml("\xc0\xaf") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
}

TEST_CASE("format escape: GitHub data encodes % CR LF and controls, leaves : and , as they are") {
  CHECK(escape_github_data(kHostile) ==
        "q\"uote 'apos' back\\slash <lt> &amp; | pipe `tick` 100%25 a:b, c%0D%0Aline2 --> "
        "::error::forged "
        "<script>alert(1)</script> %1B[31mred Zürich 🐳");
}

TEST_CASE("format escape: GitHub properties also encode : and ,") {
  CHECK(escape_github_property(kHostile) ==
        "q\"uote 'apos' back\\slash <lt> &amp; | pipe `tick` 100%25 a%3Ab%2C c%0D%0Aline2 --> "
        "%3A%3Aerror%3A%3Aforged <script>alert(1)</script> %1B[31mred Zürich 🐳");
  CHECK(escape_github_property("%0A") ==
        "%250A");  // the runner decodes %25 last: no double decoding
}

TEST_CASE("format escape: Markdown text backslash-escapes markup and keeps a row on one line") {
  CHECK(escape_markdown_text(kHostile) ==
        "q\"uote 'apos' back\\\\slash \\<lt\\> \\&amp; \\| pipe \\`tick\\` 100% a:b, c<br>line2 "
        "--\\> ::error::forged "
        "\\<script\\>alert(1)\\</script\\> \xEF\xBF\xBD\\[31mred Zürich 🐳");
  CHECK(escape_markdown_text("[x](javascript:y) *a* _b_ ~c~ $d$ #1 !") ==
        "\\[x\\](javascript:y) \\*a\\* \\_b\\_ \\~c\\~ \\$d\\$ \\#1 \\!");
}

TEST_CASE("format escape: a Markdown code span outlasts every backtick run and escapes pipes") {
  CHECK(markdown_table_code(kHostile) ==
        "``q\"uote 'apos' back\\slash <lt> &amp; \\| pipe `tick` 100% a:b, c\\x0d\\x0aline2 --> "
        "::error::forged "
        "<script>alert(1)</script> \\x1b[31mred Zürich 🐳``");
  CHECK(markdown_table_code("``a``") == "``` ``a`` ```");
  CHECK(markdown_table_code("plain") == "`plain`");
  CHECK(markdown_table_code("") == "");
}

TEST_CASE("format escape: a path becomes a URI reference that cannot be read as a scheme") {
  CHECK(escape_uri_path("models/a b/c:d%#?.sql") == "models/a%20b/c%3Ad%25%23%3F.sql");
  CHECK(escape_uri_path("Zürich.sql") == "Z%C3%BCrich.sql");
  CHECK(escape_uri_path("/abs/x.sql") == "file:///abs/x.sql");
  CHECK(escape_uri_path(kHostile) ==
        "q%22uote%20%27apos%27%20back%5Cslash%20%3Clt%3E%20%26amp%3B%20%7C%20pipe%20%60tick%60%"
        "20100%25%20a%3Ab%2C%20"
        "c%0D%0Aline2%20--%3E%20%3A%3Aerror%3A%3Aforged%20%3Cscript%3Ealert%281%29%3C/"
        "script%3E%20%1B%5B31mred%20"
        "Z%C3%BCrich%20%F0%9F%90%B3");
}

TEST_CASE("format escape: terminal text shows control characters") {
  CHECK(escape_terminal("a\r\nb\x1b") == "a\\x0d\\x0ab\\x1b");
}

}  // namespace meshgraph::report
