// Folding valid measurement rows into per-period accumulators (scoring.md, "Which
// measurements count" and "Actual"). Each reading thread folds into its own cells;
// the cells are merged at the end, which gives the same result in any order: sums are
// exact, min and max do not care, and `last` compares (stamp end, read order).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kpi/score/exact_sum.hpp"
#include "kpi/score/score.hpp"
#include "kpi/score/trace.hpp"
#include "kpi/source/headers.hpp"
#include "kpi/source/reader.hpp"
#include "kpi/source/xlsx.hpp"
#include "kpi/util/file.hpp"
#include "kpi/warehouse/answer.hpp"

namespace kpi {

namespace {

using score_detail::ExactSum;

/// One cell while rows are folded in: one cache line, since rows hit cells at random.
/// Values that are not exact (see Decimal) add up in PeriodFold::inexact instead.
struct alignas(64) WorkCell {
  Int128 scaled = 0;
  int64_t rows = 0;
  double min = 0;
  double max = 0;
  double last = 0;
  int64_t last_order = -1;
  Date last_end;

  /// Whether (end, order) comes after this cell's last row.
  bool later(Date end, int64_t order) const {
    return last_order < 0 || end > last_end || (end == last_end && order > last_order);
  }
};
static_assert(sizeof(WorkCell) == 64);

/// A partial-overlap warning and the read order of its row, for merging.
struct OrderedWarning {
  int64_t order = 0;
  Diagnostic warning;
  int64_t rows = 1;            ///< the rows it is about: a table's group stands for many
  std::string group_key = {};  ///< a table's warning: its source, cell and days
};

/// What one thread folds: cells and warnings of every period.
struct PeriodFold {
  Period period;
  Date as_of;
  bool cuts_at_as_of = false;  ///< the period holds the as-of date: later rows do not count
  std::vector<WorkCell> cells;
  std::vector<double> inexact;           ///< by cell, once a value is not exact (see ExactSum)
  std::vector<OrderedWarning> warnings;  ///< this thread's first k_overlap_warnings
  int64_t partial_overlaps = 0;
  std::vector<OrderedWarning> inactive;  ///< rows outside a person's active days
  int64_t inactive_rows = 0;
};

class Folder : public RowSink {
 public:
  Folder(const MeasurementIndex& index, const std::vector<std::pair<Period, Date>>& periods,
         RowTrace* trace)
      : m_index(index), m_trace(trace) {
    for (const auto& [period, as_of] : periods) {
      m_periods.push_back(PeriodFold{period,
                                     as_of,
                                     period.contains(as_of),
                                     std::vector<WorkCell>(static_cast<size_t>(index.slot_count())),
                                     {},
                                     {},
                                     0,
                                     {},
                                     0});
    }
  }

  void set_source(const std::string& name) {
    m_source = &name;
    m_sheet.clear();
  }
  /// The rows come from this sheet of a workbook: warnings name the row, "Visits!17:17".
  void set_sheet(const std::string& sheet) { m_sheet = sheet; }

  void add_rows(const Observation* rows, size_t count) override {
    // The cells a batch hits are spread over the whole array: ask for them all first,
    // so that their cache misses overlap instead of coming one after another.
    for (PeriodFold& fold : m_periods) {
      const WorkCell* cells = fold.cells.data();
      for (size_t i = 0; i < count; ++i) {
        __builtin_prefetch(cells + rows[i].slot, 1);
      }
    }
    for (size_t i = 0; i < count; ++i) {
      fold_row(rows[i]);
    }
  }

  void fold_row(const Observation& row) {
    for (PeriodFold& fold : m_periods) {
      const Period& stamp = row.stamp;
      if (!fold.period.overlaps(stamp)) {
        trace(fold, row, RowFate::outside_period);
        continue;
      }
      if (!fold.period.contains(stamp)) {
        note_overlap(fold, row);
        trace(fold, row, RowFate::partial_overlap);
        continue;
      }
      if (fold.cuts_at_as_of && stamp.end > fold.as_of) {
        trace(fold, row, RowFate::after_as_of);
        continue;
      }
      const std::optional<Period>& active = m_index.active_days(row.entity);
      if (active && !active->contains(stamp)) {
        note_inactive(fold, row, *active);
        trace(fold, row, RowFate::inactive);
        continue;
      }
      trace(fold, row, RowFate::counted);
      WorkCell& cell = fold.cells[static_cast<size_t>(row.slot)];
      const double value = row.value.value;
      if (cell.rows == 0) {
        cell.min = value;
        cell.max = value;
      } else {
        cell.min = std::min(cell.min, value);
        cell.max = std::max(cell.max, value);
      }
      ++cell.rows;
      Int128 total = 0;
      if (row.value.exact && !__builtin_add_overflow(cell.scaled, row.value.scaled, &total)) {
        cell.scaled = total;
      } else {
        add_inexact(fold, row.slot, value);
      }
      // The latest stamp end wins; on a tie the row read later.
      if (cell.later(stamp.end, row.order)) {
        cell.last = value;
        cell.last_end = stamp.end;
        cell.last_order = row.order;
      }
    }
  }

  /// Folds the rows of a table's group (see warehouse/answer.hpp), which come whole into
  /// a period or not at all: their days are one of the plan's buckets.
  void fold_group(const warehouse::GroupFold& group, int64_t order, const Source& source) {
    const Period days{group.days.first, group.days.last};
    for (PeriodFold& fold : m_periods) {
      if (!fold.period.contains(days) || (fold.cuts_at_as_of && days.end > fold.as_of)) {
        continue;
      }
      const std::optional<Period>& active = m_index.active_days(group.entity);
      if (active && !active->contains(days)) {
        note_inactive_group(fold, group, order, source, *active);
        trace_group(fold, group, order, source, RowFate::inactive);
        continue;
      }
      trace_group(fold, group, order, source, RowFate::counted);
      WorkCell& cell = fold.cells[static_cast<size_t>(group.slot)];
      if (cell.rows == 0) {
        cell.min = group.min;
        cell.max = group.max;
      } else {
        cell.min = std::min(cell.min, group.min);
        cell.max = std::max(cell.max, group.max);
      }
      cell.rows += group.rows;
      Int128 total = 0;
      if (group.sum.exact && !__builtin_add_overflow(cell.scaled, group.sum.scaled, &total)) {
        cell.scaled = total;
      } else {
        add_inexact(fold, group.slot, group.sum.value);
      }
      if (cell.later(group.last_day, order)) {
        cell.last = group.last;
        cell.last_end = group.last_day;
        cell.last_order = order;
      }
    }
  }

  std::vector<PeriodFold>& periods() { return m_periods; }

 private:
  /// Notes the fate of a traced row in the first period (the one `kpi explain` scores).
  /// Inline: it runs for every row and period, and traces nothing outside kpi explain.
  [[gnu::always_inline]] void trace(const PeriodFold& fold, const Observation& row,
                                    RowFate fate) const {
    if (m_trace != nullptr && &fold == m_periods.data()) [[unlikely]] {
      note_traced(row, fate);
    }
  }
  void note_traced(const Observation& row, RowFate fate) const {
    if (m_trace->wants(row.slot)) {
      m_trace->note(TracedRow{row.slot, fate, place(row), row.stamp, row.value.value, row.order});
    }
  }

  /// A table's group as kpi explain lists it: one line for its rows.
  void trace_group(const PeriodFold& fold, const warehouse::GroupFold& group, int64_t order,
                   const Source& source, RowFate fate) const {
    if (m_trace != nullptr && &fold == m_periods.data() && m_trace->wants(group.slot)) {
      m_trace->note(TracedRow{group.slot, fate, source.at_key("table"),
                              Period{group.days.first, group.days.last}, group.sum.value, order,
                              group.rows, source.table});
    }
  }

  static void add_inexact(PeriodFold& fold, int slot, double value) {
    if (fold.inexact.empty()) {
      fold.inexact.resize(fold.cells.size(), 0.0);
    }
    fold.inexact[static_cast<size_t>(slot)] += value;
  }

  void note_overlap(PeriodFold& fold, const Observation& row) {
    ++fold.partial_overlaps;
    if (fold.warnings.size() >= k_overlap_warnings) {
      return;  // counted only: the message need not be built
    }
    fold.warnings.push_back(OrderedWarning{
        row.order,
        Diagnostic{"partial-overlap",
                   Severity::warning,
                   "the row's stamp " + describe_period(row.stamp) + " overlaps the period " +
                       describe_period(fold.period) + " only in part, so it does not count",
                   place(row),
                   {}}});
  }

  void note_inactive(PeriodFold& fold, const Observation& row, const Period& active) {
    ++fold.inactive_rows;
    if (fold.inactive.size() >= k_overlap_warnings) {
      return;
    }
    fold.inactive.push_back(OrderedWarning{
        row.order,
        Diagnostic{"inactive-row",
                   Severity::warning,
                   "the row's stamp " + describe_period(row.stamp) +
                       " lies outside the active days of " + m_index.entity_id(row.entity) + " (" +
                       active_text(active) + "), so it does not count",
                   place(row),
                   {}}});
  }

  void note_inactive_group(PeriodFold& fold, const warehouse::GroupFold& group, int64_t order,
                           const Source& source, const Period& active) {
    fold.inactive_rows += group.rows;
    // Groups of one entity and days (its spellings in the table) share one warning.
    const std::string key = source.id + '\n' + std::to_string(group.slot) + '\n' +
                            std::to_string(group.days.first.days);
    auto same = std::find_if(fold.inactive.begin(), fold.inactive.end(),
                             [&](const OrderedWarning& w) { return w.group_key == key; });
    if (same == fold.inactive.end()) {
      if (fold.inactive.size() >= k_overlap_warnings) {
        return;
      }
      fold.inactive.push_back(OrderedWarning{
          order, Diagnostic{"inactive-row", Severity::warning, {}, source.at_key("table"), {}}, 0,
          key});
      same = fold.inactive.end() - 1;
    }
    same->rows += group.rows;
    const std::string& who = m_index.entity_id(group.entity);
    same->warning.message =
        std::to_string(same->rows) + (same->rows == 1 ? " row" : " rows") + " of table " +
        source.table + " for " + who + " and KPI " + m_index.kpi_id(group.kpi) + " on " +
        describe_period(Period{group.days.first, group.days.last}) +
        (same->rows == 1 ? " lies" : " lie") + " outside the active days of " + who + " (" +
        active_text(active) + "), so " + (same->rows == 1 ? "it does" : "they do") + " not count";
  }

  static std::string active_text(const Period& active) {
    const bool open_start = active.start.days < -1000000;
    const bool open_end = active.end.days > 10000000;
    if (open_start) {
      return "left " + format_date(active.end);
    }
    if (open_end) {
      return "joined " + format_date(active.start);
    }
    return "joined " + format_date(active.start) + ", left " + format_date(active.end);
  }

  const MeasurementIndex& m_index;
  RowTrace* m_trace;
  std::vector<PeriodFold> m_periods;
  const std::string* m_source = nullptr;
  std::string m_sheet;

  SourceLocation place(const Observation& row) const {
    if (m_sheet.empty()) {
      return SourceLocation{*m_source, row.line, 0};
    }
    if (row.cell >= 0) {
      return SourceLocation::in_sheet(*m_source,
                                      m_sheet + "!" + xlsx::cell_ref(row.cell, row.line));
    }
    const std::string r = std::to_string(row.line);
    return SourceLocation::in_sheet(*m_source, m_sheet + "!" + r + ":" + r);
  }
};

ExactSum sum_of(const PeriodFold& fold, size_t c) {
  return ExactSum{fold.cells[c].scaled, fold.inexact.empty() ? 0.0 : fold.inexact[c]};
}

void merge_cell(WorkCell& into, const WorkCell& from) {
  if (from.rows == 0) {
    return;
  }
  if (into.rows == 0) {
    into.min = from.min;
    into.max = from.max;
  } else {
    into.min = std::min(into.min, from.min);
    into.max = std::max(into.max, from.max);
  }
  into.rows += from.rows;
  if (into.later(from.last_end, from.last_order)) {
    into.last = from.last;
    into.last_end = from.last_end;
    into.last_order = from.last_order;
  }
}

/// The first k_overlap_warnings inactive-row warnings in read order, then a count.
void append_inactive(PeriodAggregates& out, std::vector<OrderedWarning>& inactive, int64_t total) {
  std::stable_sort(
      inactive.begin(), inactive.end(),
      [](const OrderedWarning& a, const OrderedWarning& b) { return a.order < b.order; });
  size_t listed = 0;
  int64_t covered = 0;  // rows the listed warnings are about
  for (; listed < inactive.size() && listed < k_overlap_warnings; ++listed) {
    covered += inactive[listed].rows;
    out.warnings.push_back(std::move(inactive[listed].warning));
  }
  if (total > covered) {
    const int64_t more = total - covered;
    out.warnings.push_back(Diagnostic{"inactive-row",
                                      Severity::warning,
                                      std::to_string(more) + " more row" + (more == 1 ? "" : "s") +
                                          " lie outside their person's active days and do not "
                                          "count (the first " +
                                          std::to_string(k_overlap_warnings) + " are listed)",
                                      SourceLocation{},
                                      {}});
  }
}

/// The threads' folds of one period, merged into its aggregates.
PeriodAggregates merge_period(std::vector<std::unique_ptr<Folder>>& folders, size_t p) {
  PeriodFold& first = folders.front()->periods()[p];
  std::vector<OrderedWarning> warnings = std::move(first.warnings);
  int64_t overlaps = first.partial_overlaps;
  std::vector<OrderedWarning> inactive = std::move(first.inactive);
  int64_t inactive_rows = first.inactive_rows;
  for (size_t f = 1; f < folders.size(); ++f) {
    PeriodFold& other = folders[f]->periods()[p];
    for (size_t c = 0; c < first.cells.size(); ++c) {
      ExactSum sum = sum_of(first, c);
      sum.merge(sum_of(other, c));
      merge_cell(first.cells[c], other.cells[c]);
      first.cells[c].scaled = sum.scaled;
      if (sum.inexact != 0 && first.inexact.empty()) {
        first.inexact.resize(first.cells.size(), 0.0);
      }
      if (!first.inexact.empty()) {
        first.inexact[c] = sum.inexact;  // also when it came back to 0
      }
    }
    overlaps += other.partial_overlaps;
    std::move(other.warnings.begin(), other.warnings.end(), std::back_inserter(warnings));
    inactive_rows += other.inactive_rows;
    std::move(other.inactive.begin(), other.inactive.end(), std::back_inserter(inactive));
  }
  std::stable_sort(
      warnings.begin(), warnings.end(),
      [](const OrderedWarning& a, const OrderedWarning& b) { return a.order < b.order; });
  PeriodAggregates out;
  out.period = first.period;
  out.as_of = first.as_of;
  out.partial_overlaps = overlaps;
  out.cells.reserve(first.cells.size());
  for (size_t c = 0; c < first.cells.size(); ++c) {
    const WorkCell& w = first.cells[c];
    const ExactSum sum = sum_of(first, c);
    out.cells.push_back(Accumulator{w.rows, sum.value(), w.min, w.max, w.last, w.last_end,
                                    w.last_order, sum.scaled, sum.inexact});
  }
  for (size_t w = 0; w < warnings.size() && w < k_overlap_warnings; ++w) {
    out.warnings.push_back(std::move(warnings[w].warning));
  }
  if (overlaps > static_cast<int64_t>(out.warnings.size())) {
    const int64_t more = overlaps - static_cast<int64_t>(out.warnings.size());
    out.warnings.push_back(Diagnostic{"partial-overlap",
                                      Severity::warning,
                                      std::to_string(more) + " more row" + (more == 1 ? "" : "s") +
                                          " overlap the period " + describe_period(out.period) +
                                          " only in part and do not count (the first " +
                                          std::to_string(k_overlap_warnings) + " are listed)",
                                      SourceLocation{},
                                      {}});
  }
  append_inactive(out, inactive, inactive_rows);
  return out;
}

/// `sources` with every file after its first naming left out (files are the same when
/// their device and inode are: another spelling of the path, a link), each repeat a
/// data-repeated warning. Standard input and paths that cannot be looked at are kept as
/// they are (reading them says what is wrong).
std::vector<std::string> once_each(const std::vector<std::string>& sources,
                                   std::vector<Diagnostic>& warnings) {
  std::vector<std::string> out;
  std::vector<std::pair<FileIdentity, std::string>> seen;
  for (const std::string& source : sources) {
    const std::optional<FileIdentity> id = source == "-" ? std::nullopt : file_identity(source);
    if (!id) {
      out.push_back(source);
      continue;
    }
    auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == *id; });
    if (it != seen.end()) {
      warnings.push_back(Diagnostic{
          "data-repeated",
          Severity::warning,
          source == it->second
              ? "the measurement file '" + source + "' is named more than once; it is read once"
              : "'" + source + "' is the same file as '" + it->second +
                    "', named more than once; it is read once",
          SourceLocation{source, 0, 0},
          {}});
      continue;
    }
    seen.emplace_back(*id, source);
    out.push_back(source);
  }
  return out;
}

}  // namespace

AggregateResult aggregate_measurements(const MeasurementIndex& index,
                                       const std::vector<std::string>& files,
                                       const std::vector<std::pair<Period, Date>>& periods,
                                       const ReadOptions& options) {
  MeasurementInputs inputs;
  inputs.files = files;
  return aggregate_measurements(index, inputs, periods, options);
}

AggregateResult aggregate_measurements(const MeasurementIndex& index,
                                       const MeasurementInputs& inputs,
                                       const std::vector<std::pair<Period, Date>>& periods,
                                       const ReadOptions& options) {
  const size_t jobs = options.plain ? 1 : static_cast<size_t>(std::max(1, options.jobs));
  std::vector<std::unique_ptr<Folder>> folders;
  std::vector<RowSink*> sinks;
  for (size_t j = 0; j < jobs; ++j) {
    folders.push_back(std::make_unique<Folder>(index, periods, inputs.trace));
    sinks.push_back(folders.back().get());
  }
  AggregateResult result;
  int64_t next_chunk = 0;
  std::vector<Diagnostic> notes;  // warnings of every period
  auto limits_now = [&] {
    ReadOptions limits = options;
    limits.max_errors = options.max_errors - std::min(options.max_errors, result.problems.size());
    limits.first_chunk = next_chunk;
    return limits;
  };
  auto take = [&](const ReadReport& report) {
    next_chunk += report.chunks;
    result.problems.insert(result.problems.end(), report.problems.begin(), report.problems.end());
    result.problems_total += report.problems_total;
  };
  auto set_source = [&](const std::string& name) {
    for (std::unique_ptr<Folder>& folder : folders) {
      folder->set_source(name);
    }
  };
  // The files of each source, then the measurement files: their sizes add up to the
  // total a progress line shows.
  struct SourceFiles {
    const Source* source;
    std::vector<Diagnostic> notes;  ///< what finding its files said, kept in read order
    std::vector<std::string> files;
  };
  std::vector<SourceFiles> source_files;
  if (inputs.workspace != nullptr) {
    for (const Source& s : inputs.workspace->sources) {
      SourceFiles entry{&s, {}, {}};
      if (s.table.empty()) {  // a table is asked for its aggregates below
        entry.files =
            source::source_files(s, entry.notes, inputs.workspace->file, inputs.allow_outside);
      }
      source_files.push_back(std::move(entry));
    }
  }
  std::vector<Diagnostic> repeated;
  const std::vector<std::string> data_files = once_each(inputs.files, repeated);
  ReadProgress* progress = options.progress;
  struct EndProgress {
    ReadProgress* progress;
    ~EndProgress() {
      if (progress != nullptr) {
        progress->end();
      }
    }
  } end_progress{progress};
  if (progress != nullptr) {
    uint64_t total = total_size(data_files);
    for (const SourceFiles& entry : source_files) {
      total += total_size(entry.files);
    }
    progress->begin(total);
  }
  if (!source_files.empty()) {
    const source::EntityMatcher matcher(*inputs.workspace);
    std::vector<warehouse::Bucket> buckets;  // the same for every table of the run
    std::unique_ptr<warehouse::Dialect> dialect;
    for (const SourceFiles& entry : source_files) {
      const Source& s = *entry.source;
      notes.insert(notes.end(), entry.notes.begin(), entry.notes.end());
      source::UnmatchedTally unmatched;
      if (!s.table.empty()) {
        if (inputs.tables == nullptr) {
          throw usage_error("warehouse-dsn", "source '" + s.id + "' reads the table " + s.table +
                                                 ", and no warehouse is open to read it from");
        }
        if (!dialect) {
          dialect = warehouse::dialect_for(inputs.workspace->warehouse.engine);
          buckets = warehouse::buckets_for(periods, warehouse::active_days_of(index));
        }
        const warehouse::TableQuery query =
            warehouse::compile_query(*dialect, *inputs.workspace, s, buckets);
        inputs.tables->report_to(progress);
        warehouse::TableRead read =
            warehouse::read_table(*inputs.tables, query, index, matcher, limits_now().max_errors);
        const int64_t first_order = next_chunk << 32;
        for (size_t g = 0; g < read.groups.size(); ++g) {
          folders.front()->fold_group(read.groups[g], first_order + static_cast<int64_t>(g), s);
        }
        read.report.chunks = 1;
        take(read.report);
        if (std::optional<Diagnostic> w = source::unmatched_warning(s, read.unmatched)) {
          notes.push_back(std::move(*w));
        }
        continue;
      }
      for (const std::string& file : entry.files) {
        set_source(file);
        FileError why;
        std::optional<InputFile> in = InputFile::open(file, why);
        if (!in) {
          throw usage_error(
              "unreadable-file",
              "cannot read the file '" + file + "' of source '" + s.id + "': " + why.message, file);
        }
        in->report_to(progress);
        if (source::is_workbook(file)) {
          const uint64_t workbook_bytes = in->size();
          in.reset();  // the sheet reader opens it itself: it needs to seek in the zip
          set_source(file);
          take(source::read_xlsx_source(file, s, index, matcher, *sinks.front(), limits_now(),
                                        unmatched, [&](const std::string& sheet) {
                                          for (std::unique_ptr<Folder>& folder : folders) {
                                            folder->set_sheet(sheet);
                                          }
                                        }));
          if (progress != nullptr) {
            progress->add(workbook_bytes);
          }
          continue;
        }
        const ReadReport report = source::read_text_source(in->stream(), file, s, index, matcher,
                                                           sinks, limits_now(), unmatched);
        if (in->stream().bad()) {
          throw usage_error("unreadable-file", "error while reading '" + file + "'", file);
        }
        take(report);
      }
      if (std::optional<Diagnostic> w = source::unmatched_warning(s, unmatched)) {
        notes.push_back(std::move(*w));
      }
    }
  }
  for (const std::string& file_name : data_files) {
    const bool is_stdin = file_name == "-";
    const std::string name = is_stdin ? "<stdin>" : file_name;
    std::optional<InputFile> file;
    if (!is_stdin) {
      FileError why;
      file = InputFile::open(file_name, why);
      if (!file) {
        throw usage_error("unreadable-file",
                          "cannot read the measurement file '" + file_name + "': " + why.message,
                          file_name);
      }
    }
    if (file) {
      file->report_to(progress);
    }
    std::istream& in = is_stdin ? std::cin : file->stream();
    const ReadOptions limits = limits_now();
    set_source(name);
    const ReadReport report =
        options.plain
            ? read_measurements(
                  in, name, index, [&](const Observation& row) { folders[0]->add(row); }, limits)
            : read_measurements_parallel(in, name, index, sinks, limits);
    if (in.bad()) {
      throw usage_error("unreadable-file", "error while reading '" + name + "'", name);
    }
    take(report);
  }
  for (const auto& [name, text] : inputs.texts) {
    std::istringstream in(text);
    set_source(name);
    take(read_measurements_parallel(in, name, index, sinks, limits_now()));
  }
  notes.insert(notes.end(), repeated.begin(), repeated.end());
  for (size_t p = 0; p < periods.size(); ++p) {
    result.periods.push_back(merge_period(folders, p));
    PeriodAggregates& period = result.periods.back();
    period.warnings.insert(period.warnings.begin(), notes.begin(), notes.end());
  }
  return result;
}

}  // namespace kpi
