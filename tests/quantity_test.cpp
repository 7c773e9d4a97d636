// Kubernetes quantities: parsing, exact comparison, canonical formatting (apimachinery's rules).
#include <gtest/gtest.h>

#include "rules/engine/quantity.h"
#include "test_util.h"

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

// The API server accepts any magnitude and caps it at 2^63-1 units; kflint compares exactly at
// every magnitude (a request 10^22 times a small limit was neither KF301 nor KF302).
TEST(Quantity, HugeValuesAreCappedAsTheApiServerCapsThem) {
  const __int128 cap = static_cast<__int128>(INT64_MAX) * 1000000000;
  for (const char* huge : {"1e400", "99999999999999999999999999999999999999Ei", "10000000000000000000000Ei", "1e99999", "9223372036854775808"}) {
    const QuantityParse p = parse_quantity(huge);
    ASSERT_TRUE(p.value) << huge;
    EXPECT_TRUE(p.value->capped) << huge;
    EXPECT_EQ(p.value->nano, cap) << huge;
  }
  EXPECT_EQ(q("-1e400").nano, -cap);
  EXPECT_FALSE(q("9223372036854775807").capped);
  EXPECT_TRUE(q("1Ei") < q("10000000000000000000000Ei"));
  // Long digit strings below the cap stay exact to the nano unit, rounded up beyond it.
  EXPECT_EQ(q("0.000000001000000000000000000000000000000000000001").nano, 2);
  EXPECT_EQ(q("000000000000000000000000000000000000000000001.5").nano, 1500000000);
  EXPECT_EQ(q("12345678901234567890123456789012345678901234567890e-40").nano, static_cast<__int128>(1234567890123456790));  // rounded up
  EXPECT_EQ(q("1e-400").nano, 1);
  EXPECT_EQ(q("0e400").nano, 0);
  // What the API server refuses: an exponent beyond int64.
  EXPECT_FALSE(parse_quantity("1e99999999999999999999").value);
}

TEST(Quantity, RequestsAboveAHugeLimitAreFound) {
  const std::string job =
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: x}\nspec:\n  tfReplicaSpecs:\n    Worker:\n      template:\n        spec:\n"
      "          containers:\n          - name: tensorflow\n            image: busybox:1.36\n"
      "            resources: {requests: {cpu: 10000000000000000000000Ei}, limits: {cpu: \"1\"}}\n";
  EXPECT_FALSE(test::rendered(test::lint_string(job), "KF301").empty()) << job;
}

}  // namespace
}  // namespace kflint
