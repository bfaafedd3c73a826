#pragma once

#include "report/DispositionDocument.h"

#include <optional>

// How the window writes a signed PDF, from File › Settings…: page size, PDF/A, the
// time-stamp authority (PAdES B-T) and, with the agency's CA certificates as well, the
// chains, CRLs from their distribution points and a document timestamp (PAdES B-LTA).
namespace SigningFormat {
// nullopt with *error when the CA certificates file cannot be read.
std::optional<PdfFormat> fromSettings(QString *error);
// "PAdES B-LTA (timestamped, with long-term validation data)" and the like, for messages.
QString levelText(const PdfFormat &format);
}  // namespace SigningFormat
