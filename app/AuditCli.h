#pragma once

class QCommandLineParser;

// `discretion audit verify --db FILE` walks the whole hash chain and names the first entry
// that does not hold (exit 1); `discretion audit show --db FILE [--case A-NUMBER]
// [--limit N]` prints entries, newest first.
namespace AuditCli {
int run(QCommandLineParser &p);
}
