#pragma once

#include <QSaveFile>
#include <QString>

// How every file with personal data or a key is written: through QSaveFile (an earlier
// file stays whole until the new one is complete), readable by its owner only (0600), and
// every write and the final flush checked. QSaveFile::commit alone reports success on a
// full disk when the last bytes were still in its buffer, leaving an empty file in place
// of a good one; here the buffer is flushed and checked first.
class PrivateFile {
  public:
    explicit PrivateFile(const QString &path);
    ~PrivateFile();
    PrivateFile(const PrivateFile &) = delete;
    PrivateFile &operator=(const PrivateFile &) = delete;

    bool open(QString *error);
    QIODevice *device() { return &m_file; }  // for writers that stream
    bool write(const QByteArray &bytes);     // false once any write has failed
    void markFailed();                       // a write through device() failed
    // Makes the new file the file, or leaves the old one untouched and says why.
    bool commit(QString *error);

    // A whole buffer in one call.
    static bool write(const QString &path, const QByteArray &bytes, QString *error);
    // A file that must never replace another (a signing identity): written beside the
    // name, flushed to disk, then linked into place, which fails if the name is taken.
    static bool create(const QString &path, const QByteArray &bytes, QString *error);
    // A folder and its missing parents, each made 0700; folders already there are kept.
    static bool makeFolders(const QString &path, QString *error);

  private:
    QString failure() const;
    void noteFailure();
    QSaveFile m_file;
    bool m_failed = false;
    // The reason at the first failure: QSaveFile forgets it by the time commit() returns
    // (a full disk read "Unknown error").
    QString m_reason;
};
