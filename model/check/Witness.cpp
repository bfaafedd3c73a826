#include "Witness.h"

#include "audit/AuditLog.h"
#include "files/InputFile.h"
#include "sign/PdfVerifier.h"
#include "sign/TrustStore.h"
#include "store/CaseStore.h"

#include <sqlite3.h>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Witness", text);
}

bool isPdf(const QString &path) {
    QFile file(path);
    QString why;
    return InputFile::openToRead(file, &why) && file.read(5) == "%PDF-";
}

std::optional<Witness> fromPdf(const QString &path, QString *error, const TrustStore *trust) {
    const PdfVerification v = PdfVerifier::verify(path);
    if (!v.ok()) {
        *error = tr("%1 is no witness: %2").arg(path, v.problem);
        return std::nullopt;
    }
    const QByteArray head = QByteArray::fromHex(v.auditHead.toLatin1());
    if (head.size() != 32) {
        *error =
            tr("%1 carries no audit head (made before disposition PDFs carried one)").arg(path);
        return std::nullopt;
    }
    return Witness{path, 0, head, v.signer,
                   trust ? trust->problem(v.signerCertificate, v.signingTime) : QString()};
}

std::optional<Witness> fromBackup(const QString &path, QString *error) {
    // Read-only, and never through CaseStore: opening a docket upgrades its schema, and a
    // witness must stay exactly as it was kept (an upgrade would add its own entry).
    sqlite3 *db = nullptr;
    const QByteArray uri =
        QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() + "?mode=ro";
    const int opened =
        sqlite3_open_v2(uri.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> owned(db, &sqlite3_close);
    if (opened != SQLITE_OK || sqlite3_exec(db, "SELECT 1 FROM audit_log LIMIT 1", nullptr, nullptr,
                                            nullptr) != SQLITE_OK) {
        *error = tr("%1 is no witness: it is not a docket with an audit log").arg(path);
        return std::nullopt;
    }
    const AuditLog log(db);
    const AuditVerification v = log.verify();
    if (!v.ok) {
        *error = tr("%1 is no witness: its own audit log is broken (%2)").arg(path, v.problem);
        return std::nullopt;
    }
    return Witness{path, log.headSeq(), log.headHash(), {}, {}};
}
}  // namespace

std::optional<Witness> Witness::read(const QString &path, QString *error, const TrustStore *trust) {
    if (!QFileInfo(path).isFile()) {
        *error = tr("%1 does not exist").arg(path);
        return std::nullopt;
    }
    return isPdf(path) ? fromPdf(path, error, trust) : fromBackup(path, error);
}

QString Witness::problemIn(CaseStore &store) const {
    const AuditLog log(store.handle());
    const QString head = QString::fromLatin1(hash.toHex().left(16));
    if (seq == 0) {
        return log.seqOf(hash) != 0
                   ? QString()
                   : tr("%1 saw the audit head %2…, which no entry of the docket has now: the "
                        "history before it was rewritten or cut off")
                         .arg(source, head);
    }
    const QByteArray now = log.hashAt(seq);
    if (now.isEmpty())
        return tr("%1 saw entry %2 (head %3…), and the docket's log now ends at entry %4: it "
                  "was cut off")
            .arg(source)
            .arg(seq)
            .arg(head)
            .arg(log.headSeq());
    if (now != hash)
        return tr("%1 saw entry %2 with head %3…; the docket's entry %2 is now %4…: the history "
                  "up to it was rewritten")
            .arg(source)
            .arg(seq)
            .arg(head, QString::fromLatin1(now.toHex().left(16)));
    return {};
}
