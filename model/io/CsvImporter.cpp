#include "CsvImporter.h"

#include "CsvRowParser.h"
#include "PlainCsvRow.h"
#include "domain/CaseFields.h"
#include "domain/Clock.h"
#include "files/CsvReader.h"
#include "files/InputFile.h"
#include "store/BulkLoad.h"
#include "store/CaseStore.h"
#include "store/GiveWay.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#ifdef Q_OS_LINUX
#endif
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CsvImporter", text);
}
constexpr qsizetype kBatchRows = 2000;
}  // namespace

QString ImportReport::rejectedText(const RejectedRow &r) const {
    return r.column.isEmpty()
               ? QStringLiteral("line %1: %2").arg(r.line).arg(r.reason)
               : QStringLiteral("line %1, %2: %3").arg(r.line).arg(r.column, r.reason);
}

QJsonObject ImportReport::summary(const QString &path) const {
    return {{QStringLiteral("file"), QFileInfo(path).fileName()},
            {QStringLiteral("imported"), imported},
            {QStringLiteral("updated"), updated},
            {QStringLiteral("skipped"), skipped},
            {QStringLiteral("rejected"), qint64(rejected.size())}};
}

QString utf16Problem(QIODevice &file) {
    const QByteArray head = file.peek(4);
    const bool bom = head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF");
    // Without a byte order mark, ASCII text in UTF-16 has a zero in every other byte.
    const bool zeros = head.size() == 4 && ((head[0] != 0 && head[1] == 0 && head[3] == 0) ||
                                            (head[0] == 0 && head[2] == 0 && head[1] != 0));
    if (!bom && !zeros)
        return {};
    return tr(
        "the file is UTF-16 text; save it as UTF-8 (in Excel: Save As, \"CSV UTF-8\") "
        "and import that.");
}

CsvImporter::CsvImporter(CaseStore &store, DuplicatePolicy onDuplicate, ImportProgress progress)
    : m_store(store), m_onDuplicate(onDuplicate), m_progress(std::move(progress)) {}

ImportReport CsvImporter::importFile(const QString &path) {
    ImportReport report;
    QFile file(path);
    if (QString why; !InputFile::openToRead(file, &why)) {
        report.fatal = tr("cannot read %1: %2").arg(path, why);
        return report;
    }
    m_courts = m_store.courtCodes();
    m_path = path;
    report.fatal = utf16Problem(file);
    if (!report.fatal.isEmpty() || !importRows(file, report)) {
        report.imported = report.updated = report.skipped = 0;
        if (!report.fatal.isEmpty())
            report.fatal = tr("%1: %2 Nothing was imported.").arg(path, report.fatal);
    }
    return report;
}

namespace {
// The field of each column (nullptr for a column that is ignored), or false and the
// reason when the import cannot start: a column twice, no A-number or family name.
bool mapHeader(const CsvRecord &header, QList<const CaseField *> &columns, QStringList &unknown,
               QString *fatal) {
    QSet<QString> seen;
    for (const QByteArray &raw : header.fields) {
        const QString name = QString::fromUtf8(raw).trimmed();
        const CaseField *field = CaseFields::find(name);
        if (field && seen.contains(field->key)) {
            *fatal = tr("the column %1 appears twice in the header.").arg(name);
            return false;
        }
        if (field)
            seen.insert(field->key);
        else
            unknown << name;
        columns << field;
    }
    for (const char *required : {"a_number", "family_name"}) {
        if (!seen.contains(QLatin1String(required))) {
            *fatal = tr("the header has no %1 column.").arg(QLatin1String(required));
            return false;
        }
    }
    return true;
}

// Rows parsed on the reading thread, handed to the writing thread in order.
struct Batch {
    QList<CaseRow> rows;  // each case's values as UTF-8, ready to bind
    QList<qint64> lines;  // the file line each case starts on
    QList<RejectedRow> rejected;
    qint64 bytesRead = 0;
    bool last = false;
    QString error;  // the reader's, on the last batch
};
}  // namespace

// A small bounded queue: parsing runs at most a few batches ahead of SQLite.
class BatchQueue {
  public:
    bool push(Batch batch) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_closed || m_batches.size() < kCapacity; });
        if (m_closed)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    bool pop(Batch &batch) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_closed || !m_batches.empty(); });
        if (m_batches.empty())
            return false;
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return true;
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

  private:
    static constexpr size_t kCapacity = 4;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_batches;
    bool m_closed = false;
};

namespace {

// The row the import stores for a record, or nothing (the record's problem added to
// `rejected`): the quick path for a plain row, the careful one for the rest.
struct RowReader {
    const PlainCsvRow &plain;
    const CsvRowParser &parser;
    const CaseRowEncoder &encoder;

    std::optional<CaseRow> read(const CsvRecord &record, QList<RejectedRow> &rejected) const {
        CaseRow row;
        if (plain.encode(record, row))
            return row;
        if (std::optional<Case> c = parser.parse(record, rejected))
            return encoder.encode(*c);
        return std::nullopt;
    }
};

void readBatches(CsvReader &reader, const RowReader &rows, BatchQueue &queue) {
    CsvRecord record;
    bool more = true;
    while (more) {
        Batch batch;
        while (batch.rows.size() + batch.rejected.size() < kBatchRows &&
               (more = reader.next(record)))
            if (std::optional<CaseRow> row = rows.read(record, batch.rejected)) {
                batch.rows.append(std::move(*row));
                batch.lines.append(record.line);
            }
        batch.bytesRead = reader.bytesRead();
        batch.last = !more;
        batch.error = more ? QString() : reader.error();
        if (!queue.push(std::move(batch)))
            return;
    }
}
}  // namespace

bool CsvImporter::importRows(QIODevice &file, ImportReport &report) {
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record)) {
        report.fatal = reader.error().isEmpty() ? tr("the file is empty.") : reader.error();
        return false;
    }
    if (!mapHeader(record, m_columns, report.unknownColumns, &report.fatal))
        return false;
    QStringList columns;
    for (const CaseField *f : m_columns)
        if (f)
            columns << f->key;
    BulkLoad load(m_store, columns, false, QFileInfo(m_path).fileName());
    if (!load.begin(&report.fatal))
        return false;
    // Parsing and checking rows runs on a second thread while this one writes: the
    // two halves cost about the same, and the machine has two cores.
    // Encoding each row's values for SQLite moves there too: the writing thread is the
    // busier one. A plain row (nearly all of a real file) is checked and encoded from its
    // bytes (PlainCsvRow): with a Case and its UTF-16 fields made for every row, the
    // parsing thread set the pace (15.6 s of rows at 1.5M; 9.2 s after, set by SQLite).
    const PlainCsvRow plain(m_columns, m_courts, Clock::today());
    const CsvRowParser parser(m_columns, m_courts, Clock::today());
    const CaseRowEncoder encoder(columns);
    BatchQueue queue;
    std::thread reading([&] {
        const GiveWay giveWay;  // the window keeps a core while a person scrolls
        readBatches(reader, RowReader{plain, parser, encoder}, queue);
    });
    m_encoder = &encoder;
    m_aNumberColumn = columns.indexOf(QLatin1String("a_number"));
    const bool ok = writeBatches(queue, load, report, file.size());
    m_encoder = nullptr;
    queue.close();
    reading.join();
    return ok && load.finish(QStringLiteral("import"), report.summary(m_path), &report.fatal);
}

bool CsvImporter::writeBatches(BatchQueue &queue, BulkLoad &load, ImportReport &report,
                               qint64 totalBytes) {
    Batch batch;
    while (queue.pop(batch)) {
        report.rejected += batch.rejected;
        for (qsizetype i = 0; i < batch.rows.size(); ++i)
            if (!store(batch.rows[i], batch.lines[i], load, report))
                return false;
        if (m_progress && !m_progress(batch.bytesRead, totalBytes)) {
            report.cancelled = true;
            return false;
        }
        if (batch.last) {
            if (!batch.error.isEmpty())
                report.fatal = batch.error + u'.';
            return batch.error.isEmpty();
        }
    }
    return false;
}

bool CsvImporter::store(const CaseRow &row, qint64 line, BulkLoad &load, ImportReport &report) {
    // Most rows are new: insert first, and look the case up only when the A-number's
    // unique index refuses the row (a lookup before every row cost 4.1 s of 1.5M).
    bool duplicate = false;
    if (load.insertIfNew(row, row.value(m_aNumberColumn), &duplicate, &report.fatal)) {
        ++report.imported;
        return true;
    }
    if (!duplicate)
        return false;
    if (m_onDuplicate == DuplicatePolicy::Skip) {
        ++report.skipped;
        return true;
    }
    Case c = m_encoder->decode(row);
    const CaseWriter::Existing existing = load.writer().find(c.aNumber);
    if (existing.id == 0) {
        report.fatal = tr("line %1: the docket refused A-number %2 as taken but holds no such "
                          "case")
                           .arg(line)
                           .arg(c.aNumber);
        return false;
    }
    // The row was checked alone; the case it updates must hold together as a whole (a
    // "none found" date against charges already recorded, a hearing before an NTA date
    // the file does not carry).
    const QList<FieldIssue> issues = updatedCaseIssues(existing.id, c);
    if (!issues.isEmpty()) {
        report.rejected.append(
            {line, issues.first().field,
             tr("%1 (with the case as the docket holds it)").arg(issues.first().message)});
        return true;
    }
    const bool ok = load.write(c, existing, &report.fatal);
    if (ok)
        ++report.updated;
    return ok;
}

QList<FieldIssue> CsvImporter::updatedCaseIssues(qint64 caseId, const Case &row) const {
    std::optional<Case> merged = m_store.loadCase(caseId);
    if (!merged)
        return {};
    for (const CaseField *field : m_columns)
        if (field)
            CaseFields::setText(*merged, *field, CaseFields::text(row, *field));
    return CaseValidator(m_courts, Clock::today()).validate(*merged);
}

CsvPreview CsvImporter::preview(const QString &path, int rows, const QSet<QString> &courts) {
    CsvPreview preview;
    QFile file(path);
    if (!InputFile::openToRead(file, &preview.error))
        return preview;
    if (preview.error = utf16Problem(file); !preview.error.isEmpty())
        return preview;
    CsvReader reader(&file);
    CsvRecord record;
    QList<const CaseField *> columns;
    std::optional<CsvRowParser> parser;
    for (int i = 0; i <= rows && reader.next(record); ++i) {
        QStringList fields;
        for (const QByteArray &f : record.fields)
            fields << QString::fromUtf8(f);
        if (i == 0) {
            preview.header = fields;
            QStringList unknown;
            QString fatal;
            if (mapHeader(record, columns, unknown, &fatal))
                parser.emplace(columns, courts, Clock::today());
            else
                preview.error = tr("The import will refuse this file: %1").arg(fatal);
            for (const QString &name : fields) {
                const CaseField *field = CaseFields::find(name.trimmed());
                preview.mappedTo << (field ? field->label : QString());
            }
            continue;
        }
        const int row = int(preview.rows.size());
        preview.rows << fields;
        preview.lines << record.line;
        if (!parser)
            continue;
        for (const RejectedRow &problem : parser->problems(record)) {
            const auto at = std::find_if(columns.cbegin(), columns.cend(), [&](const CaseField *f) {
                return f && !problem.column.isEmpty() && f->key == problem.column;
            });
            preview.problems.append({row, at == columns.cend() ? -1 : int(at - columns.cbegin()),
                                     problem.column, problem.reason});
        }
    }
    if (const QString error = reader.error(); !error.isEmpty())
        preview.error += (preview.error.isEmpty() ? QString() : QStringLiteral(" ")) + error;
    return preview;
}
