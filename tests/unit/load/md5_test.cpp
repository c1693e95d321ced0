// md5_hex against RFC 1321's test suite (appendix A.5), plus the padding edges and a dbt name.
#include "load/md5.hpp"

#include <doctest/doctest.h>

#include <string>

namespace meshgraph::load {

TEST_CASE("md5_hex matches the RFC 1321 test suite") {
  CHECK(md5_hex("") == "d41d8cd98f00b204e9800998ecf8427e");
  CHECK(md5_hex("a") == "0cc175b9c0f1b6a831c399e269772661");
  CHECK(md5_hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(md5_hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
  CHECK(md5_hex("abcdefghijklmnopqrstuvwxyz") == "c3fcd3d76192e4007dfb496cca67e13b");
  CHECK(md5_hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") ==
        "d174ab98d277d9f5a5611c2c9f419d9f");
  CHECK(md5_hex("1234567890123456789012345678901234567890"
                "1234567890123456789012345678901234567890") == "57edf4a22be3c955ac49da2e2107b67a");
}

TEST_CASE("md5_hex of 'test' is the well-known digest") {
  CHECK(md5_hex("test") == "098f6bcd4621d373cade4e832627b4f6");
}

TEST_CASE("md5_hex pads inputs that end at and across a block boundary") {
  // 55 bytes leave room for the length in one block; 56 and 64 need a second one.
  CHECK(md5_hex(std::string(55, 'a')) == "ef1772b6dff9a122358552954ad0df65");
  CHECK(md5_hex(std::string(56, 'a')) == "3b0c8ac703f828b04c6c197006d17218");
  CHECK(md5_hex(std::string(64, 'a')) == "014842d480b571495a4a0363793f7367");
}

TEST_CASE("md5_hex of a project name is the project_id dbt writes") {
  // metadata.project_id of fixtures/real/dbt-artifacts-parser/v7/manifest.json
  CHECK(md5_hex("jaffle_shop") == "06e5b98c2db46f8a72cc4f66410e9b3b");
}

}  // namespace meshgraph::load
