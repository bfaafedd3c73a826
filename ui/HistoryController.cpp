#include "HistoryController.h"

#include "AuditLogDialog.h"
#include "FileDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "ToolTip.h"
#include "audit/AuditLog.h"
#include "check/DocketCheck.h"
#include "check/Witness.h"
#include "domain/Clock.h"
#include "domain/LocalTime.h"
#include "sign/TrustStore.h"
#include "store/CaseStore.h"
#include "store/DocketBackup.h"
#include "store/ReviewStore.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>

HistoryController::HistoryController(MainWindow *window, QLabel *warning, QLabel *lastBackup)
    : QObject(window), m_window(window), m_auditWarning(warning), m_lastBackup(lastBackup) {}

void HistoryController::checkAtOpening() {
    showLastBackup();
    checkTail();
    checkRememberedHead();
}

void HistoryController::checkTail() {
    // The newest entries, at every opening (a few milliseconds); the whole chain is a
    // menu action, since a 1.5-million-case docket has as many entries. The schema was
    // compared when the docket opened (a changed one opens read-only).
    const AuditVerification tail = AuditLog(m_window->store()->handle()).verify(64);
    const QStringList &schema = m_window->store()->schemaChanges();
    // The kept policy texts too (a handful): a changed one is never used, but the attorney
    // should hear of it at opening, not only from Verify Audit Log (a new user's finding).
    const QStringList policies = ReviewStore(*m_window->store()).policyTextProblems();
    const bool ok = tail.ok && schema.isEmpty() && policies.isEmpty();
    m_auditWarning->setVisible(!ok);
    if (ok)
        return;
    QStringList found;
    if (!tail.ok)
        found << tr("the audit log: %1").arg(tail.problem);
    for (const QString &change : schema)
        found << tr("the schema: %1").arg(change);
    found << policies;
    m_auditWarning->setText(tail.ok ? tr("Docket changed outside Discretion")
                                    : tr("Audit log broken"));
    m_auditWarning->setToolTip(ToolTip::wrapped(found.join(u'\n')));
    MessageBox::warning(
        m_window, tr("Docket changed outside Discretion"),
        tr("This docket was changed outside Discretion:\n\n%1\n\n"
           "Entries recorded before that point still hold; treat later changes "
           "with suspicion and restore a backup if you have one.%2")
            .arg(found.join(u'\n'), schema.isEmpty() ? QString()
                                                     : tr(" Until then it is open read-only, so "
                                                          "that nothing hidden runs when it is "
                                                          "written.")));
}

void HistoryController::rememberHead() {
    if (!m_window->store())
        return;
    const AuditLog log(m_window->store()->handle());
    Settings::setLastAuditHead(m_window->store()->path(),
                               QStringLiteral("%1:%2").arg(log.headSeq()).arg(log.headHashHex()));
}

void HistoryController::checkRememberedHead() {
    // What this computer saw last time is a witness the docket cannot rewrite. When the
    // chain no longer holds it, say so, and keep that memory so the warning stays.
    const QString remembered = Settings::lastAuditHead(m_window->store()->path());
    const Witness witness{tr("This computer, when it last had the docket open,"),
                          remembered.section(u':', 0, 0).toLongLong(),
                          QByteArray::fromHex(remembered.section(u':', 1).toLatin1()),
                          {},
                          {}};
    const QString problem =
        remembered.isEmpty() ? QString() : witness.problemIn(*m_window->store());
    if (problem.isEmpty()) {
        rememberHead();
        return;
    }
    m_auditWarning->setText(tr("History rewritten"));
    m_auditWarning->setToolTip(ToolTip::wrapped(problem));
    m_auditWarning->setVisible(true);
    MessageBox::warning(m_window, tr("History rewritten"),
                        problem + tr(".\n\nRestore the docket from a backup you trust, and check "
                                     "it with discretion check --witness."));
}

void HistoryController::showLastBackup() {
    const QString when = m_window->store() ? m_window->store()->lastBackup() : QString();
    m_lastBackup->setText(when.isEmpty() ? tr("Never backed up")
                                         : tr("Last backup %1").arg(LocalTime::text(when)));
}

void HistoryController::chooseAndBackUp() {
    if (!m_window->store())
        return;
    const QString suggested =
        QStringLiteral("%1/%2-backup-%3.sqlite")
            .arg(Settings::lastFolder(), QFileInfo(m_window->store()->path()).completeBaseName(),
                 Clock::nowUtc().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path =
        FileDialog::saveFile(m_window, tr("Back Up Docket"), suggested, tr("Dockets (*.sqlite)"));
    if (!path.isEmpty())
        backUpTo(path);
}

bool HistoryController::backUpTo(const QString &path) {
    if (!m_window->store())
        return false;
    if (QFileInfo(path).absoluteFilePath() ==
        QFileInfo(m_window->store()->path()).absoluteFilePath()) {
        MessageBox::warning(m_window, tr("Back Up Docket"),
                            tr("Choose another file than the docket itself."));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const BackupResult r = DocketBackup::backup(*m_window->store(), path);
    QApplication::restoreOverrideCursor();
    if (!r.ok) {
        MessageBox::warning(m_window, tr("Backup failed"), r.problem);
        return false;
    }
    showLastBackup();
    m_window->statusBar()->showMessage(
        tr("Backed up to %1 and verified (%n audit entry(ies)).", nullptr, int(r.auditEntries))
            .arg(QDir::toNativeSeparators(path)),
        10000);
    return true;
}

void HistoryController::showAuditLog() {
    if (!m_window->store())
        return;
    AuditLogDialog dialog(*m_window->store(), m_window);
    dialog.exec();
}

bool HistoryController::verifyAuditLog() {
    if (!m_window->store())
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString trustError;
    const std::optional<TrustStore> trust =
        TrustStore::fromChoice({}, Settings::preferences().trustStore, &trustError);
    DocketCheck check = DocketCheck::run(*m_window->store(), trust ? &*trust : nullptr);
    if (!trustError.isEmpty())
        check.signers.prepend(trustError);
    QApplication::restoreOverrideCursor();
    m_auditWarning->setVisible(!check.ok());
    if (!check.ok()) {
        m_auditWarning->setText(tr("Audit log broken"));
        m_auditWarning->setToolTip(ToolTip::wrapped(check.problems().join(u'\n')));
        MessageBox::warning(m_window, tr("Audit log broken"),
                            tr("The docket was changed outside Discretion:\n\n%1")
                                .arg(check.problems().join(QStringLiteral("\n"))));
        return false;
    }
    const QString signers =
        trust ? tr("Every signature is by a certificate you trust (%1).").arg(trust->source())
              : tr("Signers were not checked against a trust store: choose one in Settings › "
                   "Trusted signers.");
    MessageBox::information(
        m_window, tr("Audit log verified"),
        tr("The chain holds: %n entry(ies) as written.", nullptr, int(check.audit.checked)) +
            QStringLiteral("\n") +
            tr("Every signed review still holds, and the schema is as Discretion makes it.") +
            QStringLiteral("\n") + signers);
    return true;
}
