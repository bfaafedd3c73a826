#pragma once

#include <QString>
#include <QStringList>

// Folds names for search and sorting so that "nguyen" finds "Nguyễn" and "obrien"
// finds "O'Brien": lower case, accents removed, apostrophes dropped inside words,
// other punctuation turned into spaces. Scripts without accents (김민준) are kept.
namespace SearchText {
QString fold(QStringView text);
// The folded words of a search box, ready to become FTS5 prefix terms.
QStringList words(QStringView text);
// The words a search needs, longest first: none that begins another (it would match whatever
// that one matches), at most kMaxTerms.
constexpr int kMaxTerms = 16;
QStringList prefixTerms(QStringView text);
// An FTS5 MATCH expression: every term as a quoted prefix term, all required.
QString ftsPrefixQuery(QStringView text);
}  // namespace SearchText
