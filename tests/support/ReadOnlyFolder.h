#pragma once

#include "Programs.h"

#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

// A folder nobody can write, holding copies of some files. Root ignores file modes, so when
// the tests run as root it is a small tmpfs remounted read-only; otherwise the folder and
// its files lose their write bits. Either way the program meets a real read-only docket.
class ReadOnlyFolder {
  public:
    explicit ReadOnlyFolder(QString path) : m_path(std::move(path)) { QDir().mkpath(m_path); }
    ~ReadOnlyFolder() {
        if (m_mounted)
            runProgram(QStringLiteral("umount"), {m_path});
        else
            QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    ReadOnlyFolder(const ReadOnlyFolder &) = delete;
    ReadOnlyFolder &operator=(const ReadOnlyFolder &) = delete;

    // Copies the files in, then takes writing away; false (with the reason) if it cannot.
    bool seal(const QStringList &files, QString *error) {
        if (geteuid() == 0) {
            const Run mount =
                runProgram(QStringLiteral("mount"),
                           {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                            QStringLiteral("size=16m"), QStringLiteral("tmpfs"), m_path});
            if (mount.exitCode != 0)
                return fail(mount.all(), error);
            m_mounted = true;
        }
        for (const QString &file : files)
            if (!QFile::copy(file, path(QFileInfo(file).fileName())))
                return fail(QStringLiteral("cannot copy ") + file, error);
        if (m_mounted) {
            const Run remount =
                runProgram(QStringLiteral("mount"),
                           {QStringLiteral("-o"), QStringLiteral("remount,ro"), m_path});
            return remount.exitCode == 0 || fail(remount.all(), error);
        }
        for (const QString &file : files)
            QFile::setPermissions(path(QFileInfo(file).fileName()), QFile::ReadOwner);
        return QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ExeOwner) ||
               fail(QStringLiteral("cannot change the folder's mode"), error);
    }
    QString path(const QString &name) const { return m_path + u'/' + name; }

  private:
    static bool fail(const QString &why, QString *error) {
        *error = why;
        return false;
    }
    QString m_path;
    bool m_mounted = false;
};
