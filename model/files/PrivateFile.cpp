#include "PrivateFile.h"

#include "ProtectedPaths.h"

#include <unistd.h>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>
#include <cerrno>
#include <cstring>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PrivateFile", text);
}
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}  // namespace

PrivateFile::PrivateFile(const QString &path) : m_file(path) {}

PrivateFile::~PrivateFile() {
    if (m_file.isOpen())
        m_file.cancelWriting();
}

QString PrivateFile::failure() const {
    return tr("cannot write %1: %2; nothing was replaced")
        .arg(QDir::toNativeSeparators(m_file.fileName()),
             m_reason.isEmpty() ? m_file.errorString() : m_reason);
}

void PrivateFile::noteFailure() {
    const int code = errno;  // what the failed write(2) or fsync said
    m_failed = true;
    if (!m_reason.isEmpty())
        return;
    m_reason = m_file.error() != QFileDevice::NoError ? m_file.errorString() : QString();
    if ((m_reason.isEmpty() || m_reason == QLatin1String("Unknown error")) && code != 0)
        m_reason = QString::fromLocal8Bit(std::strerror(code));
}

void PrivateFile::markFailed() {
    noteFailure();
}

bool PrivateFile::open(QString *error) {
    if (ProtectedPaths::contains(m_file.fileName())) {
        *error = tr("cannot write %1: it is the open docket itself (or a file SQLite keeps "
                    "beside it); choose another name. Nothing was written.")
                     .arg(QDir::toNativeSeparators(m_file.fileName()));
        return false;
    }
    if (m_file.open(QIODevice::WriteOnly) && m_file.setPermissions(kOwnerOnly))
        return true;
    *error = failure();
    return false;
}

bool PrivateFile::write(const QByteArray &bytes) {
    if (!m_failed && m_file.write(bytes) != bytes.size())
        noteFailure();
    return !m_failed;
}

bool PrivateFile::commit(QString *error) {
    errno = 0;
    if (!m_failed && !(m_file.flush() && m_file.error() == QFileDevice::NoError))
        noteFailure();
    if (!m_failed && m_file.commit())
        return true;
    if (!m_failed)
        noteFailure();
    *error = failure();
    m_file.cancelWriting();
    return false;
}

bool PrivateFile::write(const QString &path, const QByteArray &bytes, QString *error) {
    PrivateFile file(path);
    if (!file.open(error))
        return false;
    // A write larger than Qt's buffer fails here at once; commit() then says why (it
    // used to be skipped, leaving *error empty, which callers took for success).
    file.write(bytes);
    return file.commit(error);
}

bool PrivateFile::create(const QString &path, const QByteArray &bytes, QString *error) {
    const QString shown = QDir::toNativeSeparators(path);
    if (QFileInfo::exists(path)) {
        *error = tr("%1 already exists; it is never replaced: choose another name").arg(shown);
        return false;
    }
    QTemporaryFile beside(path + QStringLiteral(".XXXXXX"));  // 0600
    const bool written = beside.open() && beside.write(bytes) == bytes.size() && beside.flush() &&
                         ::fsync(beside.handle()) == 0;
    if (!written) {
        *error = tr("cannot write %1: %2; nothing was written").arg(shown, beside.errorString());
        return false;
    }
    if (::link(QFile::encodeName(beside.fileName()).constData(),
               QFile::encodeName(path).constData()) != 0) {
        const int code = errno;
        *error =
            code == EEXIST
                ? tr("%1 already exists; it is never replaced: choose another name").arg(shown)
                : tr("cannot write %1: %2").arg(shown, QString::fromLocal8Bit(std::strerror(code)));
        return false;
    }
    return true;  // the temporary name is removed with `beside`
}

bool PrivateFile::makeFolders(const QString &path, QString *error) {
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString made;
    for (const QString &part : absolute.split(u'/', Qt::SkipEmptyParts)) {
        made += u'/' + part;
        if (QFileInfo(made).isDir())
            continue;
        if (!QDir().mkdir(
                made, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
            *error = tr("cannot make the folder %1").arg(QDir::toNativeSeparators(made));
            return false;
        }
    }
    return true;
}
