#pragma once

#include <QStringList>

// The command-line interface: `discretion COMMAND [options]`. Each command is a thin
// function over model/. Exit codes: 0 success, 1 partial (some rows rejected, or
// problems found), 2 fatal (nothing changed).
namespace Cli {
bool isCommand(const QString &firstArgument);
// Commands that render PDFs and so need a QGuiApplication (fonts).
bool needsFonts(const QString &command);
int run(const QStringList &arguments);
// The docket the window opens: `discretion [--db] [FILE]` (empty for the demo docket).
// Anything else (an unknown command or option, a second file) is an error naming it.
bool windowDocket(const QStringList &arguments, QString *path, QString *error);
}  // namespace Cli
