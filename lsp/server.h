#pragma once
// The language server: JSON-RPC 2.0 dispatch, lifecycle, document store, configuration.
// Single-threaded: it drains all input already available, then re-lints each changed document
// once at its latest version and publishes (debounce without threads).

#include <map>
#include <optional>
#include <set>
#include <string>

#include "lsp/documents.h"
#include "lsp/protocol.h"
#include "lsp/transport.h"
#include "rules/engine/config_set.h"

namespace kflint::lsp {

inline constexpr size_t kMaxOpenDocuments = 1000;

class Server {
 public:
  explicit Server(Transport& transport) : transport_(transport) {}
  // Serves until `exit` or end of input; returns the process exit status (0 after shutdown).
  int run();
  // For tests: handle one message (already parsed or raw) and flush pending diagnostics.
  void handle_raw(std::string body);
  void publish_pending();
  const OpenDocument* document(const std::string& uri) const;
  bool exited() const { return exit_code_.has_value(); }

 private:
  void handle(json& message);
  void dispatch_request(const json& id, const std::string& method, const json& params);
  void dispatch_notification(const std::string& method, json& params);
  void reply(const json& id, json result);
  void reply_error(const json& id, int code, const std::string& message);
  void reply_raw(const json& id, const std::string& result);  // `result` is JSON text
  void notify(const std::string& method, json params);
  void admit_waiting(const std::string& preferred_uri);

  json initialize(const json& params);
  void did_open(json& params);
  void did_change(const json& params);
  void did_close(const json& params);
  void apply_settings(const json& settings);
  LintOptions options_for(const OpenDocument& doc);
  OpenDocument& open_document(const json& text_document);

  Transport& transport_;
  enum class State { Uninitialized, Running, ShutDown } state_ = State::Uninitialized;
  std::optional<int> exit_code_;
  Encoding encoding_;
  std::map<std::string, OpenDocument> documents_;
  std::map<std::string, OpenDocument> waiting_;  // opened over kMaxOpenDocuments: kept, linted when there is room
  bool cap_notified_ = false;                    // the client was told about the cap (once until there is room)
  std::set<std::string> cancelled_;
  // Configuration: .kflint.yaml files (found, read and resolved as the CLI does) with the client's
  // settings as overrides.
  ConfigSet configs_;
  std::string trace_ = "off";
  bool watch_registration_ = false;
  bool pull_ = false;            // the client pulls diagnostics (textDocument/diagnostic): none are pushed
  bool refresh_ = false;         // ... and can be told to pull again (workspace/diagnostic/refresh)
  bool refresh_wanted_ = false;  // the configuration changed since the last batch
  uint64_t requests_sent_ = 0;
  // For the trace of the next publication: how long the messages since the last one took to
  // arrive (the longest), to decode (all), and their edits to apply to the stored texts.
  double received_ms_ = 0, decoded_ms_ = 0, edited_ms_ = 0;
};

}  // namespace kflint::lsp
