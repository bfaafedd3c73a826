#pragma once

#include <QTextStream>

// Standard output and error for the command-line commands.
namespace Console {
QTextStream &out();
QTextStream &err();
}  // namespace Console
