#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;
struct PdfFormat;

// The PAdES options of export-pdf: --tsa, --level, --chain, --crl, --offline. The level
// written is the highest the options allow; one they cannot reach is an error saying what
// is missing.
namespace PadesCli {
QList<QCommandLineOption> options();
// The same but --level: extend writes what the data allows, B-LTA on a timestamped signature.
QList<QCommandLineOption> extendOptions();
// Fills the format's timestamp authority and validation sources; false (message printed)
// on a bad option or a level out of reach.
bool configure(const QCommandLineParser &p, bool signsDigitally, PdfFormat &format);
// `discretion extend FILE.pdf --tsa URL [--chain FILE] [--crl FILE] [--offline] [--out FILE]`:
// a valid signed disposition gains validation data and a new document timestamp (B-LTA).
int extend(QCommandLineParser &p);
// "PAdES B-LTA, timestamp 2026-12-02T12:00:05Z by Test TSA", read back from the file.
QString levelWritten(const QString &path);
}  // namespace PadesCli
