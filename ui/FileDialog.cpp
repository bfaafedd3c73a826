#include "FileDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QRegularExpression>

namespace {
std::optional<QString> &nextAnswer() {
    static std::optional<QString> answer;
    return answer;
}
QString &suggestion() {
    static QString dir;
    return dir;
}

// Names and icons from the file name alone. Qt's provider (like the desktop's own file
// choosers) reads the first bytes of every file it lists to guess its type; reading the
// open docket that way and closing it drops the POSIX locks SQLite holds on it for this
// whole process, and then another program (the command line) can believe it is alone and
// delete the docket's WAL under the window: lost and corrupted data.
class NamesOnlyIconProvider : public QFileIconProvider {
  public:
    NamesOnlyIconProvider() { setOptions(DontUseCustomDirectoryIcons); }
    QIcon icon(const QFileInfo &info) const override {
        return QFileIconProvider::icon(info.isDir() ? Folder : File);
    }
    QString type(const QFileInfo &info) const override {
        if (info.isDir())
            return QFileDialog::tr("Folder");
        return info.suffix().isEmpty() ? QFileDialog::tr("File")
                                       : QFileDialog::tr("%1 file").arg(info.suffix().toUpper());
    }
};

// A folder to start in that exists (a missing one would be taken for a file name).
QString existingFolder(const QString &dir) {
    return QFileInfo(dir).isDir() ? dir : QString();
}

// "Dockets (*.sqlite *.db)" → "sqlite": what a name typed without one is given.
QString defaultSuffix(const QString &filter) {
    static const QRegularExpression firstPattern(QStringLiteral("\\*\\.(\\w+)"));
    return firstPattern.match(filter).captured(1);
}

// As QFileDialog does with its default suffix: "case-list" becomes "case-list.csv", so
// the file opens in the program its kind belongs to; "notes.txt" stays as typed.
QString withDefaultSuffix(const QString &path, const QString &filter) {
    const QString suffix = defaultSuffix(filter);
    if (path.isEmpty() || suffix.isEmpty() || !QFileInfo(path).suffix().isEmpty())
        return path;
    return path + u'.' + suffix;
}

QString run(QWidget *parent, const QString &title, const QString &dir, const QString &filter,
            QFileDialog::FileMode mode, QFileDialog::AcceptMode accept,
            FileDialog::Replacing replacing = FileDialog::AsksToReplace) {
    QFileDialog dialog(parent, title, dir, filter);
    if (accept == QFileDialog::AcceptSave)
        dialog.setDefaultSuffix(defaultSuffix(filter));
    dialog.setOption(QFileDialog::DontConfirmOverwrite, replacing == FileDialog::NeverReplaces);
    dialog.setOption(QFileDialog::DontUseNativeDialog);  // a native one sniffs files too
    dialog.setIconProvider(FileDialog::iconProvider());
    dialog.setFileMode(mode);
    dialog.setAcceptMode(accept);
    if (mode == QFileDialog::Directory)
        dialog.setOption(QFileDialog::ShowDirsOnly);
    return dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()
               ? dialog.selectedFiles().constFirst()
               : QString();
}
}  // namespace

QAbstractFileIconProvider *FileDialog::iconProvider() {
    static NamesOnlyIconProvider provider;
    return &provider;
}

QString FileDialog::lastSuggestion() {
    return suggestion();
}

std::optional<QString> FileDialog::takeNextAnswer() {
    std::optional<QString> answer = nextAnswer();
    nextAnswer().reset();
    return answer;
}

QString FileDialog::openFile(QWidget *parent, const QString &title, const QString &dir,
                             const QString &filter) {
    suggestion() = dir;
    if (auto answer = takeNextAnswer())
        return *answer;
    return run(parent, title, existingFolder(dir), filter, QFileDialog::ExistingFile,
               QFileDialog::AcceptOpen);
}

QString FileDialog::saveFile(QWidget *parent, const QString &title, const QString &dir,
                             const QString &filter, Replacing replacing) {
    suggestion() = dir;
    if (auto answer = takeNextAnswer())
        return withDefaultSuffix(*answer, filter);
    // A suggested file name stays; in a folder that does not exist (no ~/Documents), it is
    // offered in the home folder instead.
    const QFileInfo suggested(dir);
    const QString start = suggested.isDir() || QFileInfo(suggested.absolutePath()).isDir()
                              ? dir
                              : QDir::home().filePath(suggested.fileName());
    return run(parent, title, start, filter, QFileDialog::AnyFile, QFileDialog::AcceptSave,
               replacing);
}

QString FileDialog::directory(QWidget *parent, const QString &title, const QString &dir) {
    suggestion() = dir;
    if (auto answer = takeNextAnswer())
        return *answer;
    return run(parent, title, existingFolder(dir), {}, QFileDialog::Directory,
               QFileDialog::AcceptOpen);
}

void FileDialog::setNextAnswer(const QString &path) {
    nextAnswer() = path;
}
