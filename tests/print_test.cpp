// `kflint print --json`: what kubectl sends, in Go's words (sorted keys, Go's numbers and
// escapes), and the documents kubectl refuses.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/print_command.h"

namespace kflint {
namespace {

struct Printed {
  int code;
  std::string out, err;
};

Printed print(const std::string& text) {
  std::istringstream in(text);
  std::ostringstream out, err;
  const int code = cli::run_print({"-"}, in, out, err);
  return {code, out.str(), err.str()};
}

TEST(Print, TheJsonKubectlSends) {
  const Printed p = print("version: 1.10\nvalue: no\nmode: 0755\nbig: 99999999999999999999\nu64: 18446744073709551615\n"
                          "tiny: 1e-7\nhuge: 1e400\nhtml: \"<a&b>\"\ny: 1\nlist: [1, 2.5, ~]\n");
  EXPECT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(p.out,
            "{\"big\":100000000000000000000,\"html\":\"\\u003ca\\u0026b\\u003e\",\"huge\":\"1e400\",\"list\":[1,2.5,null],\"mode\":493,"
            "\"tiny\":1e-7,\"true\":1,\"u64\":18446744073709551615,\"value\":false,\"version\":1.1}\n");
}

TEST(Print, EmptyAndNullDocumentsAreSkippedAndEachObjectIsALine) {
  const Printed p = print("---\n# nothing\n---\nnull\n---\na: 1\n---\nb: 2\n");
  EXPECT_EQ(p.code, 0);
  EXPECT_EQ(p.out, "{\"a\":1}\n{\"b\":2}\n");
}

TEST(Print, DocumentsKubectlRefusesAreErrors) {
  for (const char* text : {"a: .inf\n", "- a\n- b\n", "just a string\n", "a: 1\nb\n", "a: [1\n", "{\"a\": 1, # c\n}\n"}) {
    const Printed p = print(text);
    EXPECT_EQ(p.code, 2) << text;
    EXPECT_NE(p.err.find("error: document 1:"), std::string::npos) << text << p.err;
  }
}

TEST(Print, RepeatedKeysAreWarnings) {
  const Printed p = print("a: 1\na: 2\n");
  EXPECT_EQ(p.code, 0);
  EXPECT_EQ(p.out, "{\"a\":2}\n");
  EXPECT_NE(p.err.find("<stdin>:2:1: warning: duplicate key `a`"), std::string::npos) << p.err;
}

}  // namespace
}  // namespace kflint
