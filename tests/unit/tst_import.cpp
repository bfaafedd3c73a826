#include "TestDocket.h"
#include "io/CaseExporter.h"
#include "io/CsvImporter.h"
#include "io/DocketGenerator.h"
#include "io/JsonLinesImporter.h"
#include "store/CasePager.h"
#include "store/DocketFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace {
const QByteArray kHeader =
    "a_number,family_name,given_names,date_of_birth,court,custody,nta_date,next_hearing_date,"
    "notes\n";

// Writes `csv` into the docket's folder as `name` and imports it.
ImportReport importCsv(TestDocket &docket, CaseStore &store, const QString &name,
                       const QByteArray &csv, DuplicatePolicy policy = DuplicatePolicy::Skip) {
    if (!docket.writeFile(name, csv)) {
        ImportReport failed;
        failed.fatal = u"could not write the test file"_qs;
        return failed;
    }
    return CsvImporter(store, policy).importFile(docket.path(name));
}

Case caseByANumber(CaseStore &store, const QString &digits) {
    return *store.loadCase(store.findCaseId(digits));
}
}  // namespace

class TestImport : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void importsEdgeCasesVerbatim() {
        TestDocket docket;
        auto store = docket.open();
        QVERIFY(docket.writeFile(
            u"in.csv"_qs,
            "\xEF\xBB\xBF" + kHeader +
                "A012-345-678,Nguy\xE1\xBB\x85n,Th\xE1\xBB\x8B "
                "Lan,1990-01-02,atl,D,2021-01-01,03/15/2027,\"line one\r\nline two\"\r\n"
                "12345679,\xC3\x93 Briain,Siobh\xC3\xA1n,,BOS,N,,,\"Robert'); DROP TABLE "
                "cases;--\"\r\n"
                "\r\n"
                "212345670,\xEA\xB9\x80,\xEB\xAF\xBC\xEC\xA4\x80,,,,,,\"O'Brien, \"\"the "
                "elder\"\"\"\n"));
        const ImportReport r =
            CsvImporter(*store, DuplicatePolicy::Skip).importFile(docket.path(u"in.csv"_qs));
        QVERIFY2(r.succeeded(), qPrintable(r.fatal));
        QCOMPARE(r.imported, 3);
        QVERIFY(r.rejected.isEmpty());
        const Case a = caseByANumber(*store, u"012345678"_qs);
        QCOMPARE(a.familyName, QString::fromUtf8("Nguyễn"));
        QCOMPARE(a.court, u"ATL"_qs);
        QCOMPARE(a.nextHearingDate, QDate(2027, 3, 15));
        QCOMPARE(a.notes, u"line one\r\nline two"_qs);
        QCOMPARE(caseByANumber(*store, u"012345679"_qs).notes, u"Robert'); DROP TABLE cases;--"_qs);
        const Case k = caseByANumber(*store, u"212345670"_qs);
        QCOMPARE(k.givenNames, QString::fromUtf8("민준"));
        QCOMPARE(k.notes, u"O'Brien, \"the elder\""_qs);
        QCOMPARE(store->caseCount(), 3);
        // The values go to SQLite as UTF-8 made on the parsing thread: an empty field is ''
        // (never NULL), a date is ISO text, and the search name is folded.
        QSqlQuery row(
            u"SELECT typeof(date_of_birth), date_of_birth, typeof(court), "
            "search_name, next_hearing_date, review_status FROM cases "
            "WHERE a_number IN ('012345679', '012345678') ORDER BY a_number"_qs,
            store->database());
        QVERIFY(row.next());
        QCOMPARE(row.value(1).toString(), u"1990-01-02"_qs);
        QCOMPARE(row.value(3).toString(), u"nguyen thi lan"_qs);
        QCOMPARE(row.value(4).toString(), u"2027-03-15"_qs);
        QCOMPARE(row.value(5).toString(), u"not_reviewed"_qs);
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), u"text"_qs);
        QCOMPARE(row.value(1).toString(), QString());
        QCOMPARE(row.value(3).toString(), u"o briain siobhan"_qs);
    }

    void reportsEveryBadRowWithLineColumnAndReason() {
        TestDocket docket;
        auto store = docket.open();
        QVERIFY(docket.writeFile(
            u"in.csv"_qs,
            "a_number,family_name,date_of_birth,court,favourite_colour,nta_date,next_hearing_date\n"
            "012345678,Good,1990-01-01,ATL,blue,,\n"
            "0123,Short,,,,,\n"
            "012345670,BadDate,1990-02-30,,,,\n"
            "012345671,BadCourt,,XYZ,,,\n"
            "012345672,,,,,,\n"
            "012345673,Order,,,,2022-05-01,2022-04-01\n"
            "012345674,Too,many,fields,here,,,\n"
            "012345675,Latin1 \xE9,,,,,\n"));
        const ImportReport r =
            CsvImporter(*store, DuplicatePolicy::Skip).importFile(docket.path(u"in.csv"_qs));
        QVERIFY(r.succeeded());
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.unknownColumns, QStringList{u"favourite_colour"_qs});
        QCOMPARE(r.rejected.size(), 7);
        const QList<std::tuple<int, QString, QString>> expected = {
            {3, u"a_number"_qs, u"8 or 9 digits"_qs},
            {4, u"date_of_birth"_qs, u"not a date that exists"_qs},
            {5, u"court"_qs, u"XYZ"_qs},
            {6, u"family_name"_qs, u"required"_qs},
            {7, u"next_hearing_date"_qs, u"before the NTA"_qs},
            {8, QString(), u"has 8 fields but the header has 7"_qs},
            {9, u"family_name"_qs, u"not valid UTF-8 (in Excel: Save As, \"CSV UTF-8\")"_qs}};
        for (int i = 0; i < expected.size(); ++i) {
            const auto &[line, column, reason] = expected[i];
            QCOMPARE(r.rejected[i].line, line);
            QCOMPARE(r.rejected[i].column, column);
            QVERIFY2(r.rejected[i].reason.contains(reason), qPrintable(r.rejected[i].reason));
        }
        QCOMPARE(store->caseCount(), 1);
    }

    void fatalProblemsImportNothing() {
        TestDocket docket;
        auto store = docket.open();
        Case existing = makeCase(u"099999999"_qs, u"Existing"_qs);
        QString error;
        QVERIFY(store->saveCase(existing, &error));
        QVERIFY(docket.writeFile(u"nocol.csv"_qs, "family_name\nX\n"));
        ImportReport r =
            CsvImporter(*store, DuplicatePolicy::Skip).importFile(docket.path(u"nocol.csv"_qs));
        QVERIFY(r.fatal.contains(u"no a_number column"_qs));
        QVERIFY(docket.writeFile(u"quote.csv"_qs,
                                 "a_number,family_name\n012345678,Fine\n012345679,\"Broken\n"));
        r = CsvImporter(*store, DuplicatePolicy::Skip).importFile(docket.path(u"quote.csv"_qs));
        QVERIFY2(r.fatal.contains(u"line 3"_qs) && r.fatal.contains(u"Nothing was imported"_qs),
                 qPrintable(r.fatal));
        QCOMPARE(r.imported, 0);
        QCOMPARE(store->caseCount(), 1);
        QVERIFY(store->findCaseId(u"012345678"_qs) == 0);
    }

    void cancelRollsBackEverything() {
        TestDocket docket;
        auto store = docket.open();
        QByteArray csv = "a_number,family_name\n";
        for (int i = 0; i < 10000; ++i)
            csv += QByteArray::number(100000000 + i) + ",Name" + QByteArray::number(i) + "\n";
        QVERIFY(docket.writeFile(u"big.csv"_qs, csv));
        int calls = 0;
        const ImportReport r = CsvImporter(*store, DuplicatePolicy::Skip, [&](qint64, qint64) {
                                   return ++calls < 3;
                               }).importFile(docket.path(u"big.csv"_qs));
        QVERIFY(r.cancelled);
        QCOMPARE(calls, 3);
        QCOMPARE(store->caseCount(), 0);
        QVERIFY(store->integrityProblems().isEmpty());
        // The indexes set aside for the bulk load are back after the rollback.
        QCOMPARE(CasePager(store->database(), {}, {}).first(5).rows.size(), 0);
        QSqlQuery q(
            u"SELECT count(*) FROM sqlite_schema WHERE type='index' AND name LIKE 'cases_%'"_qs,
            store->database());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 8);
    }

    void duplicatesAreSkippedOrUpdated() {
        TestDocket docket;
        auto store = docket.open();
        Case c = makeCase(u"012345678"_qs, u"Old"_qs, u"Given"_qs);
        c.notes = u"keep me"_qs;
        QString error;
        QVERIFY(store->saveCase(c, &error));
        QVERIFY(docket.writeFile(
            u"dup.csv"_qs, "a_number,family_name,court\n012345678,New,ATL\n012345679,Other,BOS\n"));
        ImportReport r =
            CsvImporter(*store, DuplicatePolicy::Skip).importFile(docket.path(u"dup.csv"_qs));
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(caseByANumber(*store, u"012345678"_qs).familyName, u"Old"_qs);
        r = CsvImporter(*store, DuplicatePolicy::Update).importFile(docket.path(u"dup.csv"_qs));
        QCOMPARE(r.updated, 2);
        const Case updated = caseByANumber(*store, u"012345678"_qs);
        QCOMPARE(updated.familyName, u"New"_qs);
        QCOMPARE(updated.court, u"ATL"_qs);
        QCOMPARE(updated.notes, u"keep me"_qs);  // not a column of the file: untouched
        CaseFilter f;
        f.search = u"new given"_qs;  // search name rebuilt from the new family and kept given names
        QCOMPARE(CasePager(store->database(), f, {}).first(5).rows.size(), 1);
    }

    // U+FEFF at the start of a field: the import has always dropped it (QString::fromUtf8),
    // so a family name of nothing else is missing, on the quick path as on the careful one;
    // after a space it stays, and an update stores it as a new case would (helper finding).
    void aByteOrderMarkInAFieldIsReadTheSameEveryWay() {
        TestDocket docket;
        auto store = docket.open();
        const QByteArray bom = "\xEF\xBB\xBF";
        ImportReport r = importCsv(docket, *store, u"bom.csv"_qs,
                                   "a_number,family_name,given_names\n012345678," + bom +
                                       ",Ana\n012345679," + bom + "Garcia,Ana\n");
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.rejected.size(), 1);
        QCOMPARE(r.rejected.first().column, u"family_name"_qs);
        QCOMPARE(caseByANumber(*store, u"012345679"_qs).familyName, u"Garcia"_qs);
        r = importCsv(docket, *store, u"update.csv"_qs,
                      "a_number,family_name\n012345679,\" " + bom + "Updated\"\n",
                      DuplicatePolicy::Update);
        QCOMPARE(r.updated, 1);
        QCOMPARE(caseByANumber(*store, u"012345679"_qs).familyName,
                 QString(QChar(0xFEFF)) + u"Updated"_qs);
    }

    void jsonLinesRoundTripsWholeRecords() {
        TestDocket docket;
        auto source = docket.open(u"a.sqlite"_qs);
        QString error;
        QVERIFY(DocketGenerator::fill(*source, 300, 11, PinnedClock::today(), &error));
        qint64 written = 0;
        QVERIFY2(CaseExporter::exportJsonLines(*source, {}, {CaseSortKey::ANumber, false},
                                               docket.path(u"all.jsonl"_qs), &written, &error),
                 qPrintable(error));
        QCOMPARE(written, 300);
        auto target = docket.open(u"b.sqlite"_qs);
        const ImportReport r = JsonLinesImporter(*target, DuplicatePolicy::Skip)
                                   .importFile(docket.path(u"all.jsonl"_qs));
        QVERIFY2(r.succeeded() && r.rejected.isEmpty(),
                 r.rejected.isEmpty() ? qPrintable(r.fatal)
                                      : qPrintable(r.rejectedText(r.rejected.first())));
        QCOMPARE(r.imported, 300);
        int compared = 0;
        CasePager(source->database(), {}, {CaseSortKey::ANumber, false})
            .forEachCase(true, [&](const Case &a) {
                Case b = caseByANumber(*target, a.aNumber);
                b.id = a.id;
                b.createdAt = a.createdAt;
                b.updatedAt = a.updatedAt;
                if (!(a == b))
                    return false;
                ++compared;
                return true;
            });
        QCOMPARE(compared, 300);
        // The round trip carried "records checked, none found" too (the generator sets it).
        QSqlQuery checked(
            u"SELECT count(*) FROM cases WHERE no_criminal_history_checked_on <> '' "
            "AND no_us_family_checked_on <> ''"_qs,
            target->database());
        QVERIFY(checked.next() && checked.value(0).toInt() > 10);
    }

    // An update names only some columns: the case it updates must still hold together.
    void aPartialUpdateIsCheckedAgainstTheWholeCase() {
        TestDocket docket;
        auto store = docket.open();
        Case c = makeCase(u"204555201"_qs, u"Charged"_qs);
        c.ntaDate = QDate(2019, 4, 1);
        c.charges = {{u"Theft"_qs, {}, {}, u"convicted"_qs, {}, false}};
        QString error;
        QVERIFY2(store->saveCase(c, &error), qPrintable(error));
        ImportReport r = importCsv(docket, *store, u"upd.csv"_qs,
                                   "a_number,family_name,no_criminal_history_checked_on\n"
                                   "A204-555-201,Charged,2026-01-02\n",
                                   DuplicatePolicy::Update);
        QCOMPARE(r.updated, 0);
        QCOMPARE(r.rejected.size(), 1);
        QCOMPARE(r.rejected[0].line, 2);
        QCOMPARE(r.rejected[0].column, u"no_criminal_history_checked_on"_qs);
        QVERIFY2(r.rejected[0].reason.contains(u"1 charge is recorded"_qs) &&
                     r.rejected[0].reason.contains(u"as the docket holds it"_qs),
                 qPrintable(r.rejected[0].reason));
        r = importCsv(docket, *store, u"hearing.csv"_qs,
                      "a_number,family_name,next_hearing_date\n"
                      "A204-555-201,Charged,2018-01-01\n",
                      DuplicatePolicy::Update);
        QCOMPARE(r.rejected.size(), 1);
        QCOMPARE(r.rejected[0].column, u"next_hearing_date"_qs);
        const Case after = caseByANumber(*store, u"204555201"_qs);
        QVERIFY(!after.noCriminalHistoryCheckedOn.isValid());
        QVERIFY(!after.nextHearingDate.isValid());
    }

    void textThatWouldPrintOtherwiseIsRefusedByColumn() {
        // A line break in a name forges lines wherever it is printed; a direction override
        // printed a name reversed in the PDF's caption, and a line separator forged a second
        // "In the Matter of" line. Notes may hold line breaks.
        TestDocket docket;
        auto store = docket.open();
        const ImportReport r = importCsv(docket, *store, u"names.csv"_qs,
                                         "a_number,family_name,given_names,counsel_name,notes\n"
                                         "012345678,\"Smith\nA999-999-999\tFake\",Ana,,\n"
                                         "012345679,Mehta,\xE2\x80\xAE"
                                         "Deepak,,\n"
                                         "012345670,Mehta\xE2\x80\xA8In the Matter of,Ana,,\n"
                                         "012345671,Ruiz,Ana,\xE2\x81\xA7"
                                         "Elena,\n"
                                         "012345672,Ruiz,Ana,Elena Vasquez,\"two\nlines\"\n");
        QCOMPARE(r.imported, 1);
        const QList<std::pair<QString, QString>> expected = {
            {u"family_name"_qs, u"control character"_qs},
            {u"given_names"_qs, u"U+202E"_qs},
            {u"family_name"_qs, u"U+2028"_qs},
            {u"counsel_name"_qs, u"U+2067"_qs}};
        QCOMPARE(r.rejected.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(r.rejected[i].column, expected[i].first);
            QVERIFY2(r.rejected[i].reason.contains(expected[i].second),
                     qPrintable(r.rejected[i].reason));
        }
    }

    void checkedNoneDatesImportAndExportAsColumns() {
        TestDocket docket;
        auto store = docket.open();
        const ImportReport r = importCsv(docket, *store, u"in.csv"_qs,
                                         "a_number,family_name,no_criminal_history_checked_on,"
                                         "no_us_family_checked_on\n"
                                         "012345678,Ruiz,2026-10-02,10/03/2026\n"
                                         "012345679,Diaz,2026-13-01,\n");
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.rejected.size(), 1);
        QCOMPARE(r.rejected[0].line, 3);
        QCOMPARE(r.rejected[0].column, u"no_criminal_history_checked_on"_qs);
        const Case ruiz = caseByANumber(*store, u"012345678"_qs);
        QCOMPARE(ruiz.noCriminalHistoryCheckedOn, QDate(2026, 10, 2));
        QCOMPARE(ruiz.noUsFamilyCheckedOn, QDate(2026, 10, 3));
        qint64 written = 0;
        QString error;
        QVERIFY(
            CaseExporter::exportCsv(*store, {}, {}, docket.path(u"out.csv"_qs), &written, &error));
        QFile out(docket.path(u"out.csv"_qs));
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = out.readAll().replace("\r\n", "\n").split('\n');
        const QList<QByteArray> header = lines[0].split(',');
        const QList<QByteArray> row = lines[1].split(',');
        const qsizetype criminal = header.indexOf("no_criminal_history_checked_on");
        const qsizetype family = header.indexOf("no_us_family_checked_on");
        QVERIFY(criminal > 0 && family > 0);
        QCOMPARE(row.value(criminal), QByteArray("2026-10-02"));
        QCOMPARE(row.value(family), QByteArray("2026-10-03"));
    }

    void jsonLinesNamesTheBadField() {
        TestDocket docket;
        auto store = docket.open();
        QVERIFY(docket.writeFile(
            u"bad.jsonl"_qs,
            "{\"a_number\":\"012345678\",\"family_name\":\"Ok\"}\n"
            "not json\n"
            "{\"a_number\":\"012345679\",\"family_name\":\"X\",\"charges\":[{\"offense\":\"Theft\","
            "\"disposition\":\"maybe\"}]}\n"
            "{\"a_number\":\"012345670\",\"family_name\":\"Y\",\"shoe_size\":\"9\"}\n"
            "{\"a_number\":\"012345671\",\"family_name\":\"Z\",\"family\":[{\"relation\":\"child\","
            "\"status\":\"USC\",\"dependency\":\"x\"}]}\n"));
        const ImportReport r = JsonLinesImporter(*store, DuplicatePolicy::Skip)
                                   .importFile(docket.path(u"bad.jsonl"_qs));
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.rejected.size(), 4);
        QCOMPARE(r.rejected[0].line, 2);
        QCOMPARE(r.rejected[1].column, u"charges[1].disposition"_qs);
        QCOMPARE(r.rejected[2].column, u"shoe_size"_qs);
        QCOMPARE(r.rejected[3].column, u"family[1].dependency"_qs);
    }

    void csvExportReimportsToTheSameCases() {
        TestDocket docket;
        auto source = docket.open(u"a.sqlite"_qs);
        QString error;
        QVERIFY(DocketGenerator::fill(*source, 500, 3, PinnedClock::today(), &error));
        qint64 written = 0;
        CaseFilter court;
        court.court = u"ATL"_qs;
        QVERIFY(CaseExporter::exportCsv(*source, court, {}, docket.path(u"atl.csv"_qs), &written,
                                        &error));
        QVERIFY(written > 0);
        QCOMPARE(QFileInfo(docket.path(u"atl.csv"_qs)).permissions() &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 0);
        auto target = docket.open(u"b.sqlite"_qs);
        const ImportReport r =
            CsvImporter(*target, DuplicatePolicy::Skip).importFile(docket.path(u"atl.csv"_qs));
        QVERIFY(r.rejected.isEmpty());
        QCOMPARE(r.imported, written);
        CaseFilter all;
        QCOMPARE(CasePager(target->database(), all, {}).census(1000, {}).count, written);
    }

    // An export told to stop (the window's Cancel) writes nothing and keeps an earlier file.
    void aCancelledExportLeavesTheEarlierFile() {
        TestDocket docket;
        auto store = docket.openGenerated(4500, 5);
        QVERIFY(docket.writeFile(u"out.csv"_qs, "earlier\n"));
        for (const bool jsonLines : {false, true}) {
            QList<qint64> told;
            const CaseExporter::Progress stopAtSecond = [&told](qint64 written) {
                told << written;
                return told.size() < 2;
            };
            qint64 written = 0;
            QString error;
            const auto run = jsonLines ? CaseExporter::exportJsonLines : CaseExporter::exportCsv;
            QVERIFY(!run(*store, {}, {}, docket.path(u"out.csv"_qs), &written, &error,
                         CaseExporter::Privacy::Full, stopAtSecond));
            QCOMPARE(told, (QList<qint64>{2000, 4000}));
            QCOMPARE(error, CaseExporter::cancelledMessage());
            QFile f(docket.path(u"out.csv"_qs));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("earlier\n"));
        }
        QStringList leftovers = QDir(docket.dir()).entryList(QDir::Files);
        leftovers.removeIf(
            [](const QString &name) { return name.startsWith(u"docket.sqlite"_qs); });
        QCOMPARE(leftovers, QStringList{u"out.csv"_qs});
    }

    // A load cut off mid-way leaves the docket and its rollback journal (copied here at that
    // moment, as a kill would leave them). A reader refuses it rather than read half a load;
    // opening it to write rolls the load back to the empty docket.
    void aLoadCutOffIsNeverReadHalfDone() {
        TestDocket docket;
        QByteArray csv = "a_number,family_name\n";
        for (int i = 0; i < 9000; ++i)
            csv += "A2" + QByteArray::number(10000000 + i) + ",Ruiz\n";
        QVERIFY(docket.writeFile(u"many.csv"_qs, csv));
        const QString torn = docket.path(u"torn.sqlite"_qs);
        {
            auto store = docket.open();
            bool copied = false;
            const ImportProgress cutOff = [&](qint64, qint64) {
                copied = QFile::copy(docket.path(), torn) &&
                         QFile::copy(docket.path() + u"-journal"_qs, torn + u"-journal"_qs);
                return false;  // and cancel: the real docket rolls back too
            };
            CsvImporter(*store, DuplicatePolicy::Skip, cutOff)
                .importFile(docket.path(u"many.csv"_qs));
            QVERIFY(copied);
            QCOMPARE(store->caseCount(), 0);
        }
        QVERIFY(QFileInfo(torn + u"-journal"_qs).size() > 0);
        bool read = false;
        QVERIFY(!DocketFile::readOnThisThread(torn, [&read](QSqlDatabase &) { read = true; }));
        QVERIFY(!read);
        QFile::setPermissions(torn, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        QVERIFY(!DocketFile::readOnThisThread(torn, [&read](QSqlDatabase &) { read = true; }));
        QFile::setPermissions(torn, QFile::ReadOwner | QFile::WriteOwner);
        auto reopened = docket.open(u"torn.sqlite"_qs);
        QVERIFY(reopened);
        QCOMPARE(reopened->caseCount(), 0);
        QVERIFY(reopened->integrityProblems().isEmpty());
        QVERIFY(!QFileInfo::exists(torn + u"-journal"_qs));
    }

    // Into an empty docket the import writes each page once, through a rollback journal
    // (under WAL the log grows to the docket's size and is copied back); the docket is in
    // WAL again afterwards. With another connection open the switch is refused and the
    // import still runs, in WAL.
    void anImportIntoAnEmptyDocketWritesEachPageOnce() {
        TestDocket docket;
        QByteArray csv = "a_number,family_name,given_names,notes\n";
        for (int i = 0; i < 6000; ++i)
            csv += "A2" + QByteArray::number(10000000 + i) + ",Ruiz,Ana," + QByteArray(200, 'x') +
                   '\n';
        QVERIFY(docket.writeFile(u"many.csv"_qs, csv));
        for (const bool alone : {true, false}) {
            const QString name = alone ? u"alone.sqlite"_qs : u"shared.sqlite"_qs;
            auto store = docket.open(name);
            auto other = alone ? nullptr : docket.open(name);
            if (other)
                QCOMPARE(other->caseCount(), 0);
            const ImportReport r =
                CsvImporter(*store, DuplicatePolicy::Skip).importFile(docket.path(u"many.csv"_qs));
            QVERIFY2(r.succeeded(), qPrintable(r.fatal));
            QCOMPARE(r.imported, 6000);
            const qint64 docketBytes = QFileInfo(docket.path(name)).size();
            const qint64 walBytes = QFileInfo(docket.path(name + u"-wal"_qs)).size();
            QVERIFY2(docketBytes > 1'000'000, qPrintable(QString::number(docketBytes)));
            if (alone)
                QVERIFY2(walBytes < docketBytes / 10, qPrintable(QString::number(walBytes)));
            else
                QVERIFY2(walBytes > docketBytes / 2, qPrintable(QString::number(walBytes)));
            QSqlQuery mode(u"PRAGMA journal_mode"_qs, store->database());
            QVERIFY(mode.next());
            QCOMPARE(mode.value(0).toString(), u"wal"_qs);
            QCOMPARE(store->caseCount(), 6000);
        }
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
