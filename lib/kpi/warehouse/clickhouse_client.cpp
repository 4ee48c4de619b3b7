// Table sources in ClickHouse through its HTTP interface, with libcurl (the only file
// that includes it). The answer comes as TSV: JSON formats write big decimals as
// doubles. wait_end_of_query=1 makes the server answer only once the query is done, so
// an error cannot arrive after a 200 status with half the rows. Past --timeout the
// server stops the query itself (max_execution_time), and kpi asks it to (KILL QUERY).

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <random>

#include "kpi/warehouse/connect.hpp"

namespace kpi::warehouse {

namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using Curl = std::unique_ptr<CURL, CurlDeleter>;

/// What the transfer callback needs to tell a progress line how long the query has run.
struct Waiting {
  ReadProgress* progress = nullptr;
  const std::string* table = nullptr;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  int64_t told = 0;  ///< whole seconds already told
};

int tell_progress(void* data, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  Waiting& w = *static_cast<Waiting*>(data);
  const double ran =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - w.start).count();
  if (w.progress != nullptr && static_cast<int64_t>(ran) > w.told) {
    w.told = static_cast<int64_t>(ran);
    w.progress->querying(*w.table, ran);
  }
  return 0;  // go on
}

size_t append(char* data, size_t size, size_t count, void* into) {
  static_cast<std::string*>(into)->append(data, size * count);
  return size * count;
}

/// The DSN, http[s]://[user[:password]@]host[:port][/database][?settings], taken apart.
struct Endpoint {
  std::string base;  ///< scheme://host:port/
  std::string user, password, database, settings;
};

Endpoint parse_dsn(const std::string& dsn) {
  Endpoint out;
  const size_t scheme_end = dsn.find("://");
  const std::string scheme = scheme_end == std::string::npos ? "http" : dsn.substr(0, scheme_end);
  std::string rest = scheme_end == std::string::npos ? dsn : dsn.substr(scheme_end + 3);
  const size_t query = rest.find('?');
  if (query != std::string::npos) {
    out.settings = rest.substr(query + 1);
    rest.resize(query);
  }
  const size_t at = rest.rfind('@');
  if (at != std::string::npos) {
    const std::string userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const size_t colon = userinfo.find(':');
    out.user = userinfo.substr(0, colon);
    if (colon != std::string::npos) {
      out.password = userinfo.substr(colon + 1);
    }
  }
  const size_t slash = rest.find('/');
  if (slash != std::string::npos) {
    out.database = rest.substr(slash + 1);
    rest.resize(slash);
  }
  out.base = scheme + "://" + rest + "/";
  return out;
}

/// ClickHouse's TSV escapes undone; \N is NULL.
std::optional<std::string> unescape(std::string_view cell) {
  if (cell == "\\N") {
    return std::nullopt;
  }
  std::string out;
  out.reserve(cell.size());
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] != '\\' || i + 1 == cell.size()) {
      out += cell[i];
      continue;
    }
    const char c = cell[++i];
    out += c == 'n'   ? '\n'
           : c == 't' ? '\t'
           : c == 'r' ? '\r'
           : c == '0' ? '\0'
           : c == 'b' ? '\b'
           : c == 'f' ? '\f'
                      : c;
  }
  return out;
}

class ClickHouseReader : public TableReader {
 public:
  ClickHouseReader(std::string dsn, const ConnectOptions& options)
      : m_endpoint(parse_dsn(dsn)), m_options(options) {
    static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    (void)ready;
  }

  void run(const TableQuery& query, const std::function<void(const AnswerRow&)>& row) override {
    const std::string id = query_id();
    std::string body;
    long status = 0;
    Waiting waiting{m_progress, &query.source->table};
    const CURLcode code =
        post(query.sql + "\nFORMAT TSV", id, m_options.timeout, body, status, &waiting);
    if (code == CURLE_OPERATION_TIMEDOUT) {
      std::string ignored;
      long ignored_status = 0;
      post("KILL QUERY WHERE query_id = '" + id + "' ASYNC", "", std::chrono::seconds(5), ignored,
           ignored_status);
      throw table_error(query, "warehouse-timeout",
                        "the query of table " + query.source->table + " took longer than " +
                            std::to_string(m_options.timeout.count()) + " s and was cancelled",
                        "give it longer with --timeout SECONDS");
    }
    if (code != CURLE_OK) {
      throw table_error(query, "warehouse-connect",
                        "cannot reach the ClickHouse warehouse at " + m_endpoint.base +
                            " for table " + query.source->table + ": " + curl_easy_strerror(code),
                        "check the DSN's host and port (the HTTP port, 8123 by default)");
    }
    if (status != 200) {
      throw refused(query, status, body);
    }
    take(query, body, row);
  }

 private:
  static std::string query_id() {
    static std::atomic<uint64_t> serial{0};
    std::random_device random;
    return "kpi-" + std::to_string(random()) + "-" + std::to_string(++serial);
  }

  CURLcode post(const std::string& sql, const std::string& id, std::chrono::seconds timeout,
                std::string& body, long& status, Waiting* waiting = nullptr) {
    Curl curl(curl_easy_init());
    if (!curl) {
      return CURLE_FAILED_INIT;
    }
    std::string url = m_endpoint.base +
                      "?wait_end_of_query=1&max_execution_time=" + std::to_string(timeout.count()) +
                      "&timeout_overflow_mode=throw";
    auto param = [&](const char* name, const std::string& value) {
      if (!value.empty()) {
        char* escaped = curl_easy_escape(curl.get(), value.c_str(), static_cast<int>(value.size()));
        url += std::string("&") + name + "=" + escaped;
        curl_free(escaped);
      }
    };
    param("database", m_endpoint.database);
    param("user", m_endpoint.user);
    param("password", m_endpoint.password);
    param("query_id", id);
    if (!m_endpoint.settings.empty()) {
      url += "&" + m_endpoint.settings;
    }
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, sql.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(sql.size()));
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    if (waiting != nullptr && waiting->progress != nullptr) {
      curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, tell_progress);
      curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, waiting);
      curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
    }
    const CURLcode code = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    return code;
  }

  /// "Code: 60, e.displayText() = DB::Exception: Table crm.x doesn't exist., ..." as a
  /// finding: the code says which.
  Error refused(const TableQuery& query, long status, const std::string& body) {
    int code = 0;
    if (body.rfind("Code: ", 0) == 0) {
      code = std::atoi(body.c_str() + 6);
    }
    std::string why = body.substr(0, body.find('\n'));
    const size_t text = why.find("DB::Exception: ");
    if (text != std::string::npos) {
      why = why.substr(text + 15);
      why = why.substr(0, why.find(", e.what()"));
    }
    std::string rule = "warehouse-query";
    std::string hint = "kpi sql prints the query";
    if (code == 60 || code == 81) {  // UNKNOWN_TABLE, UNKNOWN_DATABASE
      rule = "warehouse-table";
      hint = "check 'table' and the DSN's database and user";
    } else if (code == 47 || code == 16) {  // UNKNOWN_IDENTIFIER, NO_SUCH_COLUMN_IN_TABLE
      rule = "warehouse-column";
      hint = "check the source's column names against the table";
    } else if (code == 6 || code == 38 || code == 41 || code == 43 || code == 53 || code == 70) {
      rule = "warehouse-type";  // CANNOT_PARSE_*, ILLEGAL_TYPE_OF_ARGUMENT, TYPE_MISMATCH
      hint = "the date column must be a Date, a DateTime or ISO text and values numeric";
    } else if (code == 159) {  // TIMEOUT_EXCEEDED
      rule = "warehouse-timeout";
      hint = "give it longer with --timeout SECONDS";
    } else if (code == 192 || code == 193 || code == 194 || code == 516) {
      rule = "warehouse-connect";  // unknown user, wrong password, no access
      hint = "check the DSN's user and password";
    }
    return table_error(query, rule,
                       "ClickHouse refused the query of table " + query.source->table +
                           " (source '" + query.source->id + "', HTTP " + std::to_string(status) +
                           "): " + (why.empty() ? "no message" : why),
                       hint);
  }

  void take(const TableQuery& query, const std::string& body,
            const std::function<void(const AnswerRow&)>& row) {
    AnswerRow cells;
    size_t start = 0;
    while (start < body.size()) {
      size_t end = body.find('\n', start);
      if (end == std::string::npos) {
        end = body.size();
      }
      const std::string_view line(body.data() + start, end - start);
      start = end + 1;
      size_t field = 0;
      size_t from = 0;
      while (true) {
        const size_t tab = line.find('\t', from);
        if (field < cells.size()) {
          std::optional<std::string> cell =
              unescape(line.substr(from, tab == std::string_view::npos ? tab : tab - from));
          // The numbers go out as strings, '' for none (clickhouse.cpp): NULL here.
          if (field >= static_cast<size_t>(Field::sum) && cell && cell->empty()) {
            cell.reset();
          }
          cells[field] = std::move(cell);
        }
        ++field;
        if (tab == std::string_view::npos) {
          break;
        }
        from = tab + 1;
      }
      if (field != cells.size()) {
        throw table_error(query, "warehouse-answer",
                          "ClickHouse answered " + std::to_string(field) + " columns for table " +
                              query.source->table + ", not " + std::to_string(cells.size()));
      }
      row(cells);
    }
  }

  Endpoint m_endpoint;
  ConnectOptions m_options;
};

}  // namespace

std::unique_ptr<TableReader> clickhouse_reader(std::string dsn, const ConnectOptions& options) {
  return std::make_unique<ClickHouseReader>(std::move(dsn), options);
}

}  // namespace kpi::warehouse
