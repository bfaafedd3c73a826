#pragma once

#include <QString>

class CaseStore;

// What a backup or restore did, for the caller to show.
struct BackupResult {
    bool ok = false;
    QString problem;  // why not, naming the file
    qint64 auditEntries = 0;
    QString auditHead;  // hex, of the copy
    QString keptAside;  // restore: where the replaced docket was moved
};

// Backups through SQLite's online backup API: a consistent copy even while the docket is
// open (and being written) elsewhere, written beside the target and renamed into place
// only once it is complete and verified (integrity check and the whole audit chain).
// The copy is mode 0600. Both operations are recorded in the audit log.
namespace DocketBackup {
BackupResult backup(CaseStore &store, const QString &target);
// Replaces the docket at `docket` with the backup. Refuses an existing docket unless
// `force`, and then keeps the replaced file aside (docket.replaced-<UTC time>).
BackupResult restore(const QString &backupPath, const QString &docket, bool force);
// Checks a copy without changing it: SQLite's integrity check and the audit chain.
BackupResult verifyCopy(const QString &path);
}  // namespace DocketBackup
