#include "FileDialog.h"
#include "MessageBox.h"
#include "PoliciesDialog.h"
#include "TestDocket.h"
#include "policy/PolicyLibrary.h"
#include "review/ReviewSession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QTextBrowser>

namespace {
// The default pack under another id, in force from 2026: what an agency might issue.
QByteArray customPack() {
    QFile f(u":/policies/mayorkas-doyle-2022.json"_qs);
    f.open(QIODevice::ReadOnly);
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    o[u"id"_qs] = u"agency-local-2026"_qs;
    o[u"title"_qs] = u"Local supplement 2026"_qs;
    o[u"in_force"_qs] = QJsonArray{QJsonObject{{u"from"_qs, u"2026-01-01"_qs}}};
    return QJsonDocument(o).toJson();
}
}  // namespace

class TestPoliciesDialog : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void listsViewsLoadsAndValidates() {
        TestDocket docket;
        auto store = docket.open();
        Case c = makeCase(u"012345678"_qs, u"Someone"_qs);
        QString error;
        QVERIFY(store->saveCase(c, &error));

        PoliciesDialog dialog(*store);
        QCOMPARE(dialog.packCount(), 3);
        auto *view = dialog.findChild<QTextBrowser *>(u"policyView"_qs);
        QVERIFY(view->toPlainText().contains(u"SHA-256"_qs));

        QVERIFY(docket.writeFile(u"custom.json"_qs, customPack()));
        QVERIFY(docket.writeFile(u"broken.json"_qs, R"({"format": 1})"));
        FileDialog::setNextAnswer(docket.path(u"broken.json"_qs));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        dialog.loadFromFile();
        QVERIFY2(MessageBox::lastText().contains(u"broken.json: id: missing"_qs),
                 qPrintable(MessageBox::lastText()));
        QCOMPARE(dialog.packCount(), 3);

        FileDialog::setNextAnswer(docket.path(u"custom.json"_qs));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        dialog.validateFile();
        QVERIFY(MessageBox::lastText().contains(u"is a valid policy pack: agency-local-2026"_qs));
        QCOMPARE(dialog.packCount(), 3);  // validating does not load

        FileDialog::setNextAnswer(docket.path(u"custom.json"_qs));
        dialog.loadFromFile();
        QCOMPARE(dialog.packCount(), 4);
        QVERIFY(view->toPlainText().contains(u"Local supplement 2026"_qs));

        // The loaded pack lives in the docket: a later session offers it, and a review
        // dated 2026 uses it by default because it is the one in force.
        QCOMPARE(PolicyLibrary::available(*store).size(), 4);
        ReviewSession session(*store, c.id, PolicyLibrary::available(*store), QDate(2026, 11, 29),
                              u"A"_qs);
        QCOMPARE(session.pack().id, u"agency-local-2026"_qs);
        QVERIFY(session.policyWarning().isEmpty());
    }
};

QTEST_MAIN(TestPoliciesDialog)
#include "tst_policiesdialog.moc"
