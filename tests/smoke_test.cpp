#include <gtest/gtest.h>
#include "rules/engine/registry.h"
TEST(Smoke, RulesRegistered) { EXPECT_GT(kflint::all_rules().size(), 10u); }
