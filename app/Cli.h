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
}  // namespace Cli
