#pragma once

#include <QObject>

class MainWindow;

// File › Import and File › Export of case lists (CSV, JSON Lines, masked for statistics):
// choosing the file, the import dialog, the export of the list as filtered and sorted.
class TransferController : public QObject {
    Q_OBJECT
  public:
    explicit TransferController(MainWindow *window);

    void chooseAndImport(bool jsonLines);
    void importFile(const QString &path, bool jsonLines);
    void chooseAndExport(bool jsonLines, bool masked = false);
    // masked: names and identifying details removed, for sharing statistics.
    bool exportFile(const QString &path, bool jsonLines, bool masked = false);

  private:
    MainWindow *m_window;
};
