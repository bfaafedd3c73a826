#pragma once

class QCommandLineParser;

// `discretion review --db FILE --case A-NUMBER --answers FILE` records a review with the
// wizard's checks; `discretion review show --db FILE --case A-NUMBER` prints the latest.
namespace ReviewCli {
int run(QCommandLineParser &parser);
}
