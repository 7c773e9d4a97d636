#pragma once
// Container image references under the distribution/reference grammar (what the kubelet parses):
//   reference := name [":" tag] ["@" digest];  name := [domain "/"] path
// A first path element is a registry host only if it has a '.' or ':' or is `localhost`.

#include <string>
#include <string_view>

namespace kflint {

struct ImageRef {
  bool valid = false;
  std::string error;   // "invalid reference format", "repository name must be lowercase", ...
  std::string domain;  // "" when the image is on Docker Hub
  std::string path;
  std::string tag;
  std::string digest;
  bool private_registry() const { return !domain.empty() && domain != "docker.io" && domain != "index.docker.io" && domain != "registry-1.docker.io"; }
};

ImageRef parse_image_ref(std::string_view text);

}  // namespace kflint
