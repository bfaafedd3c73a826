#pragma once

#include <QStringList>

// `discretion policy list | show ID | validate FILE`: the policy packs on the command line.
namespace PolicyCli {
int run(const QStringList &arguments);  // the words after "policy"
}
