#pragma once

#include "sign/TrustStore.h"
#include "store/CaseStore.h"

#include <QTextStream>
#include <memory>

class QCommandLineParser;

// Standard output and error for the command-line commands.
namespace Console {
QTextStream &out();
QTextStream &err();
// Hands what was printed to the operating system: called before the application is torn
// down, so that a command's output never waits for the streams' static destructors.
void flush();
// A value printed in a tab-separated line: a line break, tab, escape or other control
// character in it is written as \n, \t, \x1b..., so no value can forge a line or a column
// or drive the terminal.
QString field(const QString &text);
// The docket named by --db; prints why not (to err) and returns nullptr when it cannot.
std::unique_ptr<CaseStore> openDocket(const QCommandLineParser &p,
                                      CaseStore::OpenMode mode = CaseStore::OpenMode::OpenExisting);
// The trust store named by --trust or DISCRETION_TRUST (none when neither is set). False,
// with the reason printed, when it names something that holds no certificate.
bool trustStore(const QCommandLineParser &p, std::optional<TrustStore> &trust);
// The exit code for a refused write: 2 when the docket could not be written at all (busy,
// read-only: nothing changed, as the exit codes promise), 1 when the request itself was
// refused (not ready, no reason given).
int refusalCode(const QString &error);
}  // namespace Console
