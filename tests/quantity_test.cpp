// Kubernetes quantities: parsing, exact comparison, canonical formatting (apimachinery's rules).
#include <gtest/gtest.h>

#include "rules/engine/quantity.h"

namespace kflint {
namespace {

Quantity q(const char* text) {
  const QuantityParse p = parse_quantity(text);
  EXPECT_TRUE(p.value.has_value()) << text << ": " << p.error;
  return p.value.value_or(Quantity{});
}

TEST(Quantity, EqualValuesInDifferentNotations) {
  EXPECT_EQ(q("1000m"), q("1"));
  EXPECT_EQ(q("1e3"), q("1k"));
  EXPECT_EQ(q("0.5"), q("500m"));
  EXPECT_EQ(q(".5"), q("500m"));
  EXPECT_EQ(q("1Ki"), q("1024"));
  EXPECT_EQ(q("2048Mi"), q("2Gi"));
  EXPECT_EQ(q("1E"), q("1e18"));
  EXPECT_EQ(q("+1"), q("1"));
  EXPECT_EQ(q("1."), q("1"));
  EXPECT_EQ(q("1500u"), q("1.5m"));
}

TEST(Quantity, Ordering) {
  EXPECT_TRUE(q("2000Mi") < q("2Gi"));
  EXPECT_TRUE(q("2G") < q("2Gi"));
  EXPECT_TRUE(q("999m") < q("1"));
  EXPECT_TRUE(q("-1") < q("0"));
  EXPECT_FALSE(q("1") < q("1000m"));
}

TEST(Quantity, RejectsWhatKubernetesRejects) {
  for (const char* bad : {"", "1.5.0", "2GB", "1 Gi", "512mb", "2K", "Gi", "1e1.5", "1gi", "0x10", "1e", "--1", "1Mi1"}) {
    const QuantityParse p = parse_quantity(bad);
    EXPECT_FALSE(p.value.has_value()) << "`" << bad << "` should be rejected";
    EXPECT_FALSE(p.error.empty()) << bad;
  }
}

TEST(Quantity, RoundsUpToNanoUnits) {
  EXPECT_EQ(q("0.1n").nano, 1);
  EXPECT_EQ(q("1n").nano, 1);
  EXPECT_EQ(q("1.5n").nano, 2);
}

TEST(Quantity, CanonicalFormKeepsTheFamily) {
  EXPECT_EQ(format_quantity(q("1.5")), "1500m");
  EXPECT_EQ(format_quantity(q("1.5Gi")), "1536Mi");
  EXPECT_EQ(format_quantity(q("0.25")), "250m");
  EXPECT_EQ(format_quantity(q("1000m")), "1");
  EXPECT_EQ(format_quantity(q("2048Mi")), "2Gi");
  EXPECT_EQ(format_quantity(q("0.5Gi")), "512Mi");
  EXPECT_EQ(format_quantity(q("1e3")), "1k");
  EXPECT_EQ(format_quantity(q("0")), "0");
}

TEST(Quantity, FormattedValuesParseBackEqual) {
  for (const char* text : {"1", "0.5", "1.5Gi", "123456789", "3.14159", "7Ei", "1n", "999999m", "12e6", "100Mi", "-2.5"}) {
    const Quantity a = q(text);
    const QuantityParse back = parse_quantity(format_quantity(a));
    ASSERT_TRUE(back.value) << text << " -> " << format_quantity(a);
    EXPECT_EQ(*back.value, a) << text << " -> " << format_quantity(a);
  }
}

TEST(Quantity, HugeValuesDoNotOverflowSilently) {
  const QuantityParse p = parse_quantity("1e400");
  ASSERT_TRUE(p.value);
  EXPECT_TRUE(p.value->overflow);
  EXPECT_TRUE(parse_quantity("99999999999999999999999999999999999999Ei").value->overflow);
}

}  // namespace
}  // namespace kflint
