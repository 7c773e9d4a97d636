// Image references under the distribution/reference grammar.
#include <gtest/gtest.h>

#include "rules/engine/image_ref.h"

namespace kflint {
namespace {

TEST(ImageRef, ValidReferences) {
  for (const char* ok : {"busybox", "library/busybox:1.36", "localhost:5000/a/b", "registry.example.com/ml/tf:2.15.0-gpu",
                         "[::1]:5000/x/y", "100.79.1.215:20202/paas_cci_w00427225/mxnet:xsw-dis", "a__b/c-d.e_f:V1.0_x",
                         "a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                         "gcr.io/kubeflow-ci/tf-mnist-with-summaries:1.0", "a---b/c"}) {
    const ImageRef r = parse_image_ref(ok);
    EXPECT_TRUE(r.valid) << ok << ": " << r.error;
  }
}

TEST(ImageRef, InvalidReferences) {
  for (const char* bad : {"*.*.*.215:20202/cci/mxnet:xsw-dis", "a b", "a:", ":tag", "-a/b", "a//b", "a/b_", "a/b:t+g",
                          "a/b@sha256:123", "registry.example.com:port/x", "a/.b"}) {
    const ImageRef r = parse_image_ref(bad);
    EXPECT_FALSE(r.valid) << bad;
    EXPECT_FALSE(r.error.empty()) << bad;
  }
}

TEST(ImageRef, UppercasePathSaysLowercase) {
  EXPECT_EQ(parse_image_ref("kubeflow/TF-mnist").error, "repository name must be lowercase");
}

TEST(ImageRef, SplitsDomainPathTagDigest) {
  const ImageRef r = parse_image_ref("localhost:5000/team/tf:1.0");
  EXPECT_EQ(r.domain, "localhost:5000");
  EXPECT_EQ(r.path, "team/tf");
  EXPECT_EQ(r.tag, "1.0");
  EXPECT_TRUE(r.private_registry());
  const ImageRef hub = parse_image_ref("kubeflow/tf-mnist");
  EXPECT_EQ(hub.domain, "");
  EXPECT_EQ(hub.tag, "");
  EXPECT_FALSE(hub.private_registry());
  EXPECT_FALSE(parse_image_ref("docker.io/library/busybox").private_registry());
}

}  // namespace
}  // namespace kflint
