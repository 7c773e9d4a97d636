#include "lsp/server.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <vector>

#include "lsp/features.h"
#include "lsp/json_fast.h"
#include "rules/engine/registry.h"

namespace kflint::lsp {
namespace {

uint32_t cursor(const OpenDocument& doc, const json& params, Encoding enc) { return offset_of(*doc.text, params.at("position"), enc); }

// A value as the server writes it.
std::string text(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// Pull diagnostics (LSP 3.17): the document's findings under a result id that changes only when
// it is analyzed again, so that a client asking about an untouched document hears "unchanged".
// The result as JSON text: the items are the document's kept JSON (DiagnosticsJson).
std::string pulled_diagnostics(const OpenDocument& doc, Encoding enc, const json& params) {
  const std::string id = std::to_string(doc.result_id);
  if (params.contains("previousResultId") && params["previousResultId"].is_string() && params["previousResultId"].get<std::string>() == id)
    return text(json{{"kind", "unchanged"}, {"resultId", id}});
  return R"({"items":)" + doc.diagnostics_json.array(doc.result, doc.uri, enc) + R"(,"kind":"full","resultId":)" + text(id) + "}";
}

// The features that answer from one open document's analysis: method -> (document, params) ->
// the result as JSON text (pull diagnostics write the document's kept JSON as it is).
using Feature = std::string (*)(const OpenDocument&, Encoding, const json&);
const std::map<std::string, Feature, std::less<>>& document_features() {
  static const std::map<std::string, Feature, std::less<>> table = {
      {"textDocument/codeAction", [](const OpenDocument& d, Encoding e, const json& p) { return text(code_actions(d, e, p)); }},
      {"textDocument/hover", [](const OpenDocument& d, Encoding e, const json& p) { return text(hover(d, e, cursor(d, p, e))); }},
      {"textDocument/completion", [](const OpenDocument& d, Encoding e, const json& p) { return text(completion(d, e, cursor(d, p, e))); }},
      {"textDocument/documentSymbol", [](const OpenDocument& d, Encoding e, const json&) { return text(document_symbols(d, e)); }},
      {"textDocument/foldingRange", [](const OpenDocument& d, Encoding, const json&) { return text(folding_ranges(d)); }},
      {"textDocument/diagnostic", [](const OpenDocument& d, Encoding e, const json& p) { return pulled_diagnostics(d, e, p); }},
  };
  return table;
}

// Milliseconds as the trace writes them.
std::string fixed(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", ms);
  return text;
}

}  // namespace

int Server::run() {
  while (!exit_code_) {
    std::vector<Transport::Message> batch;
    auto first = transport_.next(true);
    if (!first) break;
    batch.push_back(std::move(*first));
    while (auto more = transport_.next(false)) batch.push_back(std::move(*more));
    // Cancellations apply to requests later in the same batch.
    for (const Transport::Message& m : batch) {
      // Only a cancellation is read here (a didOpen of a large file is parsed once, below).
      if (!m.error.empty() || m.body.find("$/cancelRequest") == std::string::npos) continue;
      const json j = json::parse(m.body, nullptr, false);
      // Untrusted input: types are checked before reading (json::value() throws on a mismatch).
      if (j.is_object() && j.contains("method") && j["method"] == "$/cancelRequest" && j.contains("params") && j["params"].is_object() &&
          j["params"].contains("id"))
        cancelled_.insert(text(j["params"]["id"]));
    }
    for (Transport::Message& m : batch) {
      if (!m.error.empty()) {
        reply_error(nullptr, error_code::kParseError, m.error);
        continue;
      }
      received_ms_ = std::max(received_ms_, std::chrono::duration<double, std::milli>(m.complete - m.first_byte).count());
      handle_raw(std::move(m.body));
      if (exit_code_) break;
    }
    cancelled_.clear();
    if (!exit_code_) publish_pending();
  }
  return exit_code_.value_or(state_ == State::ShutDown ? 0 : 1);
}

void Server::handle_raw(std::string body) {
  const auto start = std::chrono::steady_clock::now();
  json message = parse_message(std::move(body));
  decoded_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (message.is_discarded()) {
    reply_error(nullptr, error_code::kParseError, "invalid JSON");
    return;
  }
  handle(message);
}

void Server::handle(json& m) {
  // Types are checked before every read: a field of the wrong type is an invalid request, never
  // an exception out of the server (found by fuzz_lsp_session).
  if (!m.is_object() || !m.contains("jsonrpc") || m["jsonrpc"] != "2.0") {
    reply_error(m.is_object() && m.contains("id") ? m["id"] : json(nullptr), error_code::kInvalidRequest, "not a JSON-RPC 2.0 message");
    return;
  }
  const bool has_id = m.contains("id") && (m["id"].is_string() || m["id"].is_number_integer());
  if (!m.contains("method")) {
    if (m.contains("result") || m.contains("error")) return;  // a response to us; we send no requests
    reply_error(has_id ? m["id"] : json(nullptr), error_code::kInvalidRequest, "missing method");
    return;
  }
  if (!m["method"].is_string() || (m.contains("id") && !has_id)) {
    reply_error(nullptr, error_code::kInvalidRequest, "invalid method or id");
    return;
  }
  const std::string method = m["method"].get<std::string>();
  json params = m.contains("params") ? std::move(m["params"]) : json::object();  // a didOpen's text is moved, not copied
  if (has_id) {
    if (cancelled_.count(m["id"].dump())) {
      reply_error(m["id"], error_code::kRequestCancelled, "request cancelled");
      return;
    }
    dispatch_request(m["id"], method, params);
  } else {
    dispatch_notification(method, params);
  }
}

void Server::dispatch_request(const json& id, const std::string& method, const json& params) {
  if (state_ == State::Uninitialized && method != "initialize") {
    reply_error(id, error_code::kServerNotInitialized, "the server is not initialized");
    return;
  }
  if (state_ == State::ShutDown) {
    reply_error(id, error_code::kInvalidRequest, "the server is shut down");
    return;
  }
  try {
    if (method == "initialize") {
      if (state_ != State::Uninitialized) return reply_error(id, error_code::kInvalidRequest, "initialize was already called");
      reply(id, initialize(params));
      state_ = State::Running;
    } else if (method == "shutdown") {
      state_ = State::ShutDown;
      reply(id, nullptr);
    } else if (const auto feature = document_features().find(method); feature != document_features().end()) {
      const std::string uri = params.at("textDocument").at("uri").get<std::string>();
      auto it = documents_.find(uri);
      if (it == documents_.end())
        return reply(id, method == "textDocument/hover"        ? json(nullptr)
                         : method == "textDocument/diagnostic" ? json{{"kind", "full"}, {"items", json::array()}}
                                                               : json::array());
      OpenDocument& doc = it->second;
      if (doc.dirty) relint(doc, options_for(doc));  // answer from the latest version
      reply_raw(id, feature->second(doc, encoding_, params));
    } else {
      reply_error(id, error_code::kMethodNotFound, "method not found: " + method);
    }
  } catch (const json::exception& e) {
    reply_error(id, error_code::kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    reply_error(id, error_code::kInternalError, e.what());
  }
}

void Server::dispatch_notification(const std::string& method, json& params) {
  if (method == "exit") {
    exit_code_ = state_ == State::ShutDown ? 0 : 1;
    return;
  }
  if (state_ != State::Running) return;  // before initialize (or after shutdown): dropped
  try {
    if (method == "initialized") {
      // Ask the client to tell us when a configuration file changes (if it can watch files).
      if (watch_registration_) {
        const json watchers = json::array({{{"globPattern", "**/.kflint.yaml"}}, {{"globPattern", "**/.kflint.yml"}}});
        transport_.send(json{{"jsonrpc", "2.0"}, {"id", "kflint-watch-config"}, {"method", "client/registerCapability"},
                             {"params", {{"registrations", json::array({{{"id", "kflint-config-watch"}, {"method", "workspace/didChangeWatchedFiles"},
                                                                          {"registerOptions", {{"watchers", watchers}}}}})}}}}
                            .dump());
      }
      return;
    }
    if (method == "textDocument/didOpen") did_open(params);
    else if (method == "textDocument/didChange") did_change(params);
    else if (method == "textDocument/didClose") did_close(params);
    else if (method == "textDocument/didSave") return;  // content already known from didChange
    else if (method == "workspace/didChangeConfiguration") apply_settings(params.value("settings", json::object()));
    else if (method == "workspace/didChangeWatchedFiles") {
      configs_.forget_files();
      for (auto& [uri, doc] : documents_) doc.invalidate();
      refresh_wanted_ = true;
    } else if (method == "$/setTrace") trace_ = params.value("value", "off");
    // Other notifications (and every `$/` one) are ignored, as the protocol asks.
  } catch (const std::exception& e) {
    notify("window/logMessage", {{"type", 1}, {"message", std::string("kflint: bad ") + method + ": " + e.what()}});
  }
}

json Server::initialize(const json& params) {
  const json encodings = params.value("capabilities", json::object()).value("general", json::object()).value("positionEncodings", json::array());
  encoding_.utf16 = true;
  watch_registration_ = params.value("capabilities", json::object())
                            .value("workspace", json::object())
                            .value("didChangeWatchedFiles", json::object())
                            .value("dynamicRegistration", false);
  for (const json& e : encodings)
    if (e == "utf-8") encoding_.utf16 = false;
  // A client that pulls diagnostics gets them only when it asks (pushing too would show them twice).
  const json caps = params.value("capabilities", json::object());
  pull_ = caps.value("textDocument", json::object()).contains("diagnostic");
  refresh_ = caps.value("workspace", json::object()).value("diagnostics", json::object()).value("refreshSupport", false);
  if (params.contains("initializationOptions") && params["initializationOptions"].is_object()) apply_settings(params["initializationOptions"]);
  return {{"capabilities",
           {{"positionEncoding", encoding_.utf16 ? "utf-16" : "utf-8"},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.kflint"}}}},
            {"hoverProvider", true},
            {"completionProvider", {{"triggerCharacters", {":", " "}}, {"resolveProvider", false}}},
            {"documentSymbolProvider", true},
            {"foldingRangeProvider", true},
            {"diagnosticProvider", {{"identifier", "kflint"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}}}}},
          {"serverInfo", {{"name", "kflint"}, {"version", KFLINT_VERSION}}}};
}

void Server::apply_settings(const json& settings) {
  const json& s = settings.contains("kflint") ? settings["kflint"] : settings;
  if (!s.is_object()) return;
  ConfigOverrides overrides;
  Target t;
  if (s.contains("target") && s["target"].is_string() && parse_target(s["target"].get<std::string>(), t)) overrides.target = t;
  Operation op;
  if (s.contains("operation") && s["operation"].is_string()) {
    if (parse_operation(s["operation"].get<std::string>(), op)) overrides.operation = op;
    else notify("window/showMessage", {{"type", 2}, {"message", "kflint: setting kflint.operation: expected apply, create, replace or patch"}});
  }
  if (s.contains("rules") && s["rules"].is_object())
    for (auto it = s["rules"].begin(); it != s["rules"].end(); ++it) {
      const Rule* r = find_rule(it.key());
      if (!r || !it.value().is_string()) {
        notify("window/showMessage", {{"type", 2}, {"message", "kflint: setting kflint.rules: unknown rule `" + it.key() + "` (or its level is not a string)"}});
        continue;
      }
      RuleSetting setting;
      const std::string level = it.value().get<std::string>();
      Severity sev;
      if (level == "off") setting.enabled = false;
      else if (parse_severity(level, sev)) setting.severity = sev;
      else notify("window/showMessage", {{"type", 2}, {"message", "kflint: setting kflint.rules." + it.key() + ": expected off, error, warning, info or hint, got `" + level + "`"}});
      overrides.rules[std::string(r->info.id)] = setting;
    }
  configs_.set_overrides(std::move(overrides));
  for (auto& [uri, doc] : documents_) doc.invalidate();
  refresh_wanted_ = true;
}

LintOptions Server::options_for(const OpenDocument& doc) {
  ConfigSet::Lookup lookup;
  LintOptions options = configs_.options_for(doc.path, &lookup);  // "" (untitled): the settings alone
  if (!lookup.error.empty() && lookup.first_use) notify("window/showMessage", {{"type", 1}, {"message", "kflint: " + lookup.error}});
  return options;
}

OpenDocument& Server::open_document(const json& text_document) {
  const std::string uri = text_document.at("uri").get<std::string>();
  auto it = documents_.find(uri);
  if (it != documents_.end()) return it->second;
  auto waiting = waiting_.find(uri);  // over the cap: its text is kept current, not linted yet
  if (waiting != waiting_.end()) return waiting->second;
  throw std::runtime_error("document not open: " + uri);
}

// A document that waited for room is linted (on the next publish) once there is room.
void Server::admit_waiting(const std::string& uri) {
  while (documents_.size() < kMaxOpenDocuments && !waiting_.empty()) {
    auto it = waiting_.find(uri);
    if (it == waiting_.end()) it = waiting_.begin();
    it->second.dirty = it->second.unpublished = true;
    documents_[it->first] = std::move(it->second);
    waiting_.erase(it);
  }
  if (documents_.size() < kMaxOpenDocuments) cap_notified_ = false;
}

void Server::did_open(json& params) {
  json& td = params.at("textDocument");
  const std::string uri = td.at("uri").get<std::string>();
  OpenDocument doc;
  doc.uri = uri;
  doc.path = uri_to_path(uri);
  doc.version = td.value("version", 0);
  doc.text = std::make_shared<SourceText>(std::move(td.at("text").get_ref<std::string&>()));
  doc.dirty = true;
  if (documents_.size() >= kMaxOpenDocuments && !documents_.count(uri)) {
    // One message, however many documents wait; each is linted once others are closed.
    if (!cap_notified_)
      notify("window/showMessage", {{"type", 2},
                                    {"message", "kflint: more than " + std::to_string(kMaxOpenDocuments) +
                                                    " open documents; the others are linted when some are closed"}});
    cap_notified_ = true;
    waiting_[uri] = std::move(doc);
    return;
  }
  documents_[uri] = std::move(doc);
}

void Server::did_change(const json& params) {
  OpenDocument& doc = open_document(params.at("textDocument"));
  const auto start = std::chrono::steady_clock::now();
  for (const json& change : params.at("contentChanges")) {
    const bool ranged = change.contains("range");
    const json& r = ranged ? change["range"] : json::object();
    if (!doc.apply_change(ranged, ranged ? r.at("start").at("line").get<uint32_t>() : 0, ranged ? r.at("start").at("character").get<uint32_t>() : 0,
                          ranged ? r.at("end").at("line").get<uint32_t>() : 0, ranged ? r.at("end").at("character").get<uint32_t>() : 0,
                          change.at("text").get<std::string>(), encoding_.utf16))
      throw std::runtime_error("change outside the document");
  }
  edited_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  doc.version = params.at("textDocument").value("version", doc.version + 1);
  doc.dirty = doc.unpublished = true;
  if (!waiting_.empty()) admit_waiting(doc.uri);
}

void Server::did_close(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  waiting_.erase(uri);
  if (documents_.erase(uri)) notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  admit_waiting("");
}

void Server::publish_pending() {
  if (pull_) {  // the client asks when it wants them; tell it when a configuration change moved them all
    if (refresh_wanted_ && refresh_)
      transport_.send(json{{"jsonrpc", "2.0"}, {"id", "kflint-refresh-" + std::to_string(++requests_sent_)}, {"method", "workspace/diagnostic/refresh"}}.dump());
    refresh_wanted_ = false;
    return;
  }
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) { return fixed(std::chrono::duration<double, std::milli>(d).count()); };
  for (auto& [uri, doc] : documents_) {
    const Clock::time_point start = Clock::now();
    if (doc.dirty) relint(doc, options_for(doc));
    if (!doc.unpublished) continue;
    doc.unpublished = false;
    const Clock::time_point analyzed = Clock::now();
    const std::string message = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":)" +
                                doc.diagnostics_json.array(doc.result, uri, encoding_) + R"(,"uri":)" +
                                text(uri) + R"(,"version":)" + std::to_string(doc.version) + "}}";
    const Clock::time_point serialized = Clock::now();
    transport_.send(message);
    // With tracing on (`$/setTrace`), what the keystroke cost: the analysis, and the publication:
    // building the message (only the JSON of documents analyzed again is new) and writing it, the
    // floor the push model sets (the whole set is written for every change).
    if (trace_ != "off")
      notify("$/logTrace", {{"message", "kflint: received " + fixed(received_ms_) + " ms, decoded " + fixed(decoded_ms_) + " ms, edits applied " + fixed(edited_ms_) + " ms, analysis " +
                                            ms(analyzed - start) + " ms (" + std::to_string(doc.result.analyzed) + " of " +
                                            std::to_string(doc.result.documents.size()) + " documents), publication " + ms(Clock::now() - analyzed) +
                                            " ms (" + std::to_string(doc.diagnostics().size()) + " diagnostics, " +
                                            std::to_string(doc.diagnostics_json.serialized()) + " serialized, " + std::to_string(message.size()) +
                                            " bytes; building " + ms(serialized - analyzed) + " ms, writing " + ms(Clock::now() - serialized) + " ms)"}});
    received_ms_ = decoded_ms_ = edited_ms_ = 0;
  }
}

const OpenDocument* Server::document(const std::string& uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

void Server::reply(const json& id, json result) { reply_raw(id, text(result)); }

void Server::reply_raw(const json& id, const std::string& result) {
  transport_.send(R"({"id":)" + text(id) + R"(,"jsonrpc":"2.0","result":)" + result + "}");
}

void Server::reply_error(const json& id, int code, const std::string& message) {
  transport_.send(text(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}));
}

void Server::notify(const std::string& method, json params) {
  transport_.send(text(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}));
}

}  // namespace kflint::lsp
