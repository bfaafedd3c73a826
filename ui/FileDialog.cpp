#include "FileDialog.h"

#include <QFileDialog>

namespace {
std::optional<QString> &nextAnswer() {
    static std::optional<QString> answer;
    return answer;
}
QString &suggestion() {
    static QString dir;
    return dir;
}
}  // namespace

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
    return QFileDialog::getOpenFileName(parent, title, dir, filter);
}

QString FileDialog::saveFile(QWidget *parent, const QString &title, const QString &dir,
                             const QString &filter) {
    suggestion() = dir;
    if (auto answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getSaveFileName(parent, title, dir, filter);
}

QString FileDialog::directory(QWidget *parent, const QString &title, const QString &dir) {
    suggestion() = dir;
    if (auto answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getExistingDirectory(parent, title, dir);
}

void FileDialog::setNextAnswer(const QString &path) {
    nextAnswer() = path;
}
