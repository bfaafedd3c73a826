#pragma once

#include "ImportReport.h"

class CaseStore;

// Imports whole case records, one JSON object a line, with charges, family and
// relief. Same guarantees as the CSV import: bad lines reported, all or nothing.
class JsonLinesImporter {
  public:
    JsonLinesImporter(CaseStore &store, DuplicatePolicy onDuplicate, ImportProgress progress = {})
        : m_store(store), m_onDuplicate(onDuplicate), m_progress(std::move(progress)) {}

    ImportReport importFile(const QString &path);

  private:
    bool importLines(class QFile &file, ImportReport &report);

    CaseStore &m_store;
    DuplicatePolicy m_onDuplicate;
    ImportProgress m_progress;
};
