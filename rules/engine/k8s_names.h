#pragma once
// Kubernetes name and label validation (apimachinery pkg/util/validation): each function
// returns "" when valid, else Kubernetes' own message.

#include <string>
#include <string_view>

namespace kflint {

std::string check_dns1123_subdomain(std::string_view s);  // metadata.name of a custom resource
std::string check_dns1123_label(std::string_view s);      // container names
std::string check_dns1035_label(std::string_view s);      // TFJob/MXJob names (operator), Service names
std::string check_qualified_name(std::string_view s);     // label and annotation keys
std::string check_label_value(std::string_view s);
std::string check_port_name(std::string_view s);          // IsValidPortName

// For a name holding a kustomize/Kubernetes `$(VAR)` reference: Kubernetes expands `$(VAR)` only
// in a container's command, args and env values, so anywhere else the text is sent as it is.
// " (...hint...)" to append to the finding, or "".
std::string kustomize_hint(std::string_view value);

}  // namespace kflint
