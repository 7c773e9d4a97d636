// YAML 1.1 plain-scalar resolution as kubectl (sigs.k8s.io/yaml on go-yaml v2) does it.
#include <gtest/gtest.h>

#include <cmath>

#include "core/scalar_resolve.h"

namespace kflint {
namespace {

TEST(ScalarResolve, Booleans) {
  for (const char* t : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
    const ResolvedScalar r = resolve_plain_scalar(t);
    EXPECT_EQ(r.kind, Kind::Bool) << t;
    EXPECT_TRUE(r.bool_value) << t;
  }
  for (const char* t : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
    const ResolvedScalar r = resolve_plain_scalar(t);
    EXPECT_EQ(r.kind, Kind::Bool) << t;
    EXPECT_FALSE(r.bool_value) << t;
  }
  EXPECT_EQ(resolve_plain_scalar("yEs").kind, Kind::String);
}

TEST(ScalarResolve, Nulls) {
  for (const char* t : {"", "~", "null", "Null", "NULL"}) EXPECT_EQ(resolve_plain_scalar(t).kind, Kind::Null) << t;
  EXPECT_EQ(resolve_plain_scalar("nULL").kind, Kind::String);
}

TEST(ScalarResolve, Integers) {
  const struct { const char* text; int64_t value; } cases[] = {
      {"0", 0}, {"42", 42}, {"-7", -7}, {"+3", 3}, {"0755", 493}, {"0x1F", 31}, {"0o17", 15}, {"0b101", 5}, {"1_000", 1000}};
  for (const auto& c : cases) {
    const ResolvedScalar r = resolve_plain_scalar(c.text);
    EXPECT_EQ(r.kind, Kind::Int) << c.text;
    EXPECT_EQ(r.int_value, c.value) << c.text;
  }
  // Past int64, go-yaml tries uint64, then a float for a long decimal, else keeps the string.
  const ResolvedScalar big = resolve_plain_scalar("18446744073709551615");
  EXPECT_EQ(big.kind, Kind::Int);
  EXPECT_TRUE(big.big_int);
  EXPECT_EQ(resolve_plain_scalar("99999999999999999999").kind, Kind::Float);
  EXPECT_EQ(resolve_plain_scalar("-9223372036854775809").kind, Kind::Float);
  EXPECT_EQ(resolve_plain_scalar("0x10000000000000000").kind, Kind::String);
}

TEST(ScalarResolve, Floats) {
  const struct { const char* text; double value; } cases[] = {{"1.5", 1.5}, {".5", 0.5}, {"1.", 1.0}, {"1e3", 1000}, {"1.10", 1.1}, {"-2.5e-1", -0.25}};
  for (const auto& c : cases) {
    const ResolvedScalar r = resolve_plain_scalar(c.text);
    EXPECT_EQ(r.kind, Kind::Float) << c.text;
    EXPECT_DOUBLE_EQ(r.float_value, c.value) << c.text;
  }
  EXPECT_TRUE(std::isinf(resolve_plain_scalar(".inf").float_value));
  EXPECT_TRUE(std::isnan(resolve_plain_scalar(".NaN").float_value));
  EXPECT_EQ(resolve_plain_scalar("1e400").kind, Kind::String);  // strconv.ParseFloat's range error: go-yaml keeps the text
}

TEST(ScalarResolve, StringsStayStrings) {
  for (const char* t : {"2024-01-01", "1.2.3", "v1", "1Gi", "500m", "0x", "abc", "--1", "0b102", "1_0x"})
    EXPECT_EQ(resolve_plain_scalar(t).kind, Kind::String) << t;
}

TEST(ScalarResolve, ExplicitTags) {
  EXPECT_EQ(resolve_tagged_scalar("tag:yaml.org,2002:str", "yes").kind, Kind::String);
  EXPECT_EQ(resolve_tagged_scalar("tag:yaml.org,2002:int", "12").kind, Kind::Int);
  EXPECT_EQ(resolve_tagged_scalar("tag:yaml.org,2002:float", "12").kind, Kind::Float);
  EXPECT_EQ(resolve_tagged_scalar("!custom", "12").kind, Kind::String);
}

}  // namespace
}  // namespace kflint
