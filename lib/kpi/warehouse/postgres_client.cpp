// Table sources in PostgreSQL through libpq (the only file that includes it). The query
// is sent without blocking and waited for with a deadline, so that neither a stalled
// server nor a lost network hangs a run; past the deadline it is cancelled.

#include <libpq-fe.h>
#include <poll.h>

#include <memory>

#include "kpi/warehouse/connect.hpp"

namespace kpi::warehouse {

namespace {

using Clock = std::chrono::steady_clock;

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Connection = std::unique_ptr<PGconn, ConnDeleter>;
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string trimmed_message(const char* text) {
  std::string out = text == nullptr ? "" : text;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

class PostgresReader : public TableReader {
 public:
  PostgresReader(std::string dsn, const ConnectOptions& options)
      : m_dsn(std::move(dsn)), m_options(options) {}

  void run(const TableQuery& query, const std::function<void(const AnswerRow&)>& row) override {
    connect(query);
    const Clock::time_point deadline = Clock::now() + m_options.timeout;
    if (PQsendQuery(m_conn.get(), query.sql.c_str()) == 0) {
      throw failed(query);
    }
    Result answer;
    while (true) {
      wait_readable(query, deadline);
      if (PQconsumeInput(m_conn.get()) == 0) {
        throw failed(query);
      }
      while (PQisBusy(m_conn.get()) == 0) {
        Result next(PQgetResult(m_conn.get()));
        if (!next) {
          take(query, answer.get(), row);
          return;
        }
        answer = std::move(next);
      }
    }
  }

 private:
  void connect(const TableQuery& query) {
    if (m_conn) {
      return;
    }
    // connect_timeout first: a DSN that sets its own wins (expand_dbname reads it after).
    const std::string seconds = std::to_string(std::min<int64_t>(m_options.timeout.count(), 30));
    const char* keys[] = {"connect_timeout", "dbname", "application_name", nullptr};
    const char* values[] = {seconds.c_str(), m_dsn.c_str(), "kpi", nullptr};
    m_conn.reset(PQconnectdbParams(keys, values, 1));
    if (!m_conn || PQstatus(m_conn.get()) != CONNECTION_OK) {
      const std::string why = trimmed_message(m_conn ? PQerrorMessage(m_conn.get()) : nullptr);
      m_conn.reset();
      throw table_error(query, "warehouse-connect",
                        "cannot connect to the PostgreSQL warehouse for table " +
                            query.source->table + ": " + why,
                        "check the DSN's host, port, user and password, and that the server runs");
    }
    // Days as the dates are written, whatever the server's zone; the server stops a
    // query past the limit too.
    const std::string settings =
        "SET TimeZone = 'UTC'; SET DateStyle = 'ISO'; "
        "SET statement_timeout = " +
        std::to_string(m_options.timeout.count() * 1000);
    Result set(PQexec(m_conn.get(), settings.c_str()));
    if (PQresultStatus(set.get()) != PGRES_COMMAND_OK) {
      throw failed(query, set.get());
    }
  }

  void wait_readable(const TableQuery& query, Clock::time_point deadline) {
    pollfd fd{PQsocket(m_conn.get()), POLLIN, 0};
    while (true) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) {
        cancel();
        throw table_error(query, "warehouse-timeout",
                          "the query of table " + query.source->table + " took longer than " +
                              std::to_string(m_options.timeout.count()) + " s and was cancelled",
                          "give it longer with --timeout SECONDS, or an index on the date column");
      }
      const int ready = ::poll(&fd, 1, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
      if (ready > 0) {
        return;
      }
      if (m_progress != nullptr) {
        const auto ran = m_options.timeout - (deadline - Clock::now());
        m_progress->querying(query.source->table, std::chrono::duration<double>(ran).count());
      }
      if (ready < 0 && errno != EINTR) {
        throw failed(query);
      }
    }
  }

  void cancel() {
    if (PGcancel* c = PQgetCancel(m_conn.get())) {
      char why[256];
      PQcancel(c, why, sizeof why);
      PQfreeCancel(c);
    }
    m_conn.reset();
  }

  Error failed(const TableQuery& query, const PGresult* result = nullptr) {
    std::string why =
        trimmed_message(result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)
                                          : PQerrorMessage(m_conn.get()));
    const std::string code =
        result != nullptr ? trimmed_message(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : "";
    std::string rule = "warehouse-query";
    std::string hint = "kpi sql prints the query";
    if (code == "42P01") {  // undefined_table
      rule = "warehouse-table";
      hint = "check 'table' and the grants of the DSN's user (GRANT SELECT ON ... TO ...)";
    } else if (code == "42703") {  // undefined_column
      rule = "warehouse-column";
      hint = "check the source's column names against the table";
    } else if (code.rfind("22", 0) == 0 || code == "42846" || code == "42883") {
      rule = "warehouse-type";  // data exception, cannot cast, no such operator
      hint = "the date column must be a DATE, TIMESTAMP or ISO text and values numeric";
    } else if (code == "57014") {
      rule = "warehouse-timeout";
      hint = "give it longer with --timeout SECONDS";
    }
    if (result == nullptr && m_conn) {
      m_conn.reset();  // the connection is in no state to be used again
    }
    return table_error(query, rule,
                       "PostgreSQL refused the query of table " + query.source->table +
                           " (source '" + query.source->id + "'): " + why,
                       hint);
  }

  void take(const TableQuery& query, const PGresult* answer,
            const std::function<void(const AnswerRow&)>& row) {
    if (answer == nullptr || PQresultStatus(answer) != PGRES_TUPLES_OK) {
      throw failed(query, answer);
    }
    if (PQnfields(answer) != k_fields) {
      throw table_error(query, "warehouse-answer",
                        "PostgreSQL answered " + std::to_string(PQnfields(answer)) +
                            " columns for table " + query.source->table + ", not " +
                            std::to_string(k_fields));
    }
    const int rows = PQntuples(answer);
    AnswerRow cells;
    for (int r = 0; r < rows; ++r) {
      for (int f = 0; f < k_fields; ++f) {
        if (PQgetisnull(answer, r, f) != 0) {
          cells[static_cast<size_t>(f)].reset();
        } else {
          cells[static_cast<size_t>(f)].emplace(PQgetvalue(answer, r, f),
                                                static_cast<size_t>(PQgetlength(answer, r, f)));
        }
      }
      row(cells);
    }
  }

  std::string m_dsn;
  ConnectOptions m_options;
  Connection m_conn;
};

}  // namespace

std::unique_ptr<TableReader> postgres_reader(std::string dsn, const ConnectOptions& options) {
  return std::make_unique<PostgresReader>(std::move(dsn), options);
}

}  // namespace kpi::warehouse
