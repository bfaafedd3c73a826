#pragma once

#include <QString>
#include <optional>

class QAbstractFileIconProvider;
class QWidget;

// File choosers behind one seam, so GUI tests can give the next answer in advance.
class FileDialog {
  public:
    static QString openFile(QWidget *parent, const QString &title, const QString &dir,
                            const QString &filter);
    // NeverReplaces: the caller refuses an existing file, so the chooser does not ask
    // whether to replace it (New Docket asked, then refused).
    enum Replacing { AsksToReplace, NeverReplaces };
    static QString saveFile(QWidget *parent, const QString &title, const QString &dir,
                            const QString &filter, Replacing replacing = AsksToReplace);
    static QString directory(QWidget *parent, const QString &title, const QString &dir);
    // Tests: the next dialog returns this path (empty = cancelled) without showing.
    static void setNextAnswer(const QString &path);
    // Tests: the folder or path the last dialog was opened with.
    static QString lastSuggestion();
    // What the dialogs use for names and icons: never reads a file (see FileDialog.cpp).
    static QAbstractFileIconProvider *iconProvider();

  private:
    static std::optional<QString> takeNextAnswer();
};
