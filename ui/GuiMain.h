#pragma once

#include <QString>

// Starts the workstation on the named docket, or on the demo docket (made on first
// start) when none is named. Returns the application's exit code.
int runGui(const QString &docketPath);
