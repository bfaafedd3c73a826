#include "FileDialog.h"

#include <QFileDialog>

namespace {
std::optional<QString> &nextAnswer() {
    static std::optional<QString> answer;
    return answer;
}
}  // namespace

std::optional<QString> FileDialog::takeNextAnswer() {
    std::optional<QString> answer = nextAnswer();
    nextAnswer().reset();
    return answer;
}

QString FileDialog::openFile(QWidget *parent, const QString &title, const QString &dir,
                             const QString &filter) {
    if (auto answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getOpenFileName(parent, title, dir, filter);
}

QString FileDialog::saveFile(QWidget *parent, const QString &title, const QString &dir,
                             const QString &filter) {
    if (auto answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getSaveFileName(parent, title, dir, filter);
}

QString FileDialog::directory(QWidget *parent, const QString &title, const QString &dir) {
    if (auto answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getExistingDirectory(parent, title, dir);
}

void FileDialog::setNextAnswer(const QString &path) {
    nextAnswer() = path;
}
