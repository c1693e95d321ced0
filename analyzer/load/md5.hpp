// MD5, only to recover a v7–v9 manifest's project name from metadata.project_id (= md5(name)).
#pragma once

#include <string>
#include <string_view>

namespace meshgraph::load {

/// Lower-case hex MD5 digest of `text` (RFC 1321). Not for security: dbt uses it as a name hash.
std::string md5_hex(std::string_view text);

}  // namespace meshgraph::load
